// Types for lib.cjs (plain CommonJS, run by node directly), so TypeScript tests can import it.
export declare const CUSTOM_CONTROL_COMPONENT_TYPE: 66;
export declare const CONTENT_TYPES_NS: string;
export declare const GENERATED_BY: string;

export interface SolutionInfo {
    uniqueName: string;
    displayName: string;
    version: string;
    managed: string;
    publisher: { uniqueName: string; displayName: string; prefix: string; optionValuePrefix: string };
}
export interface ControlResource {
    kind: "code" | "css" | "resx" | "img" | "html";
    path: string;
}
export interface ControlInfo {
    namespace: string;
    constructorName: string;
    version: string;
    controlType: string;
    displayNameKey: string;
    descriptionKey: string;
    resources: ControlResource[];
}

export declare function solutionVersion(text: string): string;
export declare function controlVersionOf(text: string): string;
export declare function compareVersions(a: string, b: string): -1 | 0 | 1;
export declare function assertVersionIncrease(current: Record<string, string>, next: string): void;
export declare function xmlProblem(xml: string): { line: number; column: number; reason: string } | undefined;
export declare function assertWellFormed(xml: string, what: string): void;
export declare function assertEntriesWellFormed(zips: Map<string, Map<string, Buffer>>): void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export declare function parseXml(xml: string, what: string): any;
export declare function readSolutionInfo(solutionXml: string): SolutionInfo;
export declare function readControlInfo(manifestXml: string): ControlInfo;
export declare function normalizeEntryPath(p: string): string;
export declare function controlSchemaName(prefix: string, namespace: string, constructorName: string): string;
export declare function controlFiles(compiledControl: { resources: { path: string }[] }, extra?: string[]): string[];
export declare function zipEntryNames(schemaName: string, files: string[]): string[];
export declare function zipFileNames(uniqueName: string, version: string): { unmanaged: string; managed: string };
export declare function composeSolutionXml(
    sourceXml: string,
    options: { managed: boolean; schemaName: string; names?: Map<number, string>; descriptions?: Map<number, string> },
): string;
export declare function composeCustomizationsXml(sourceXml: string, options: { schemaName: string; relationshipsXml?: string; languages: number[] }): string;
export declare function composeContentTypesXml(entryNames: string[]): string;
export declare function pacXmlBytes(xml: string): Buffer;
export declare function resxLanguage(resxPath: string): number | undefined;
export declare function resxValue(resxXml: string, key: string, what?: string): string | undefined;
export declare function setControlManifestVersion(manifestXml: string, version: string): string;
export declare function setSolutionVersion(solutionXml: string, version: string): string;
export declare function setPackageJsonVersion(jsonText: string, version: string): string;
export declare function readPackageJsonVersion(jsonText: string): string;
export declare function readSolutionVersion(solutionXml: string): string;
export declare function dotnetFailure(code: number, output: string): { why: string; errors: string[] };
