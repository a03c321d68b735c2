// Types for lib.cjs (plain CommonJS, run by node directly), so TypeScript tests can import it.
export declare const CUSTOM_CONTROL_COMPONENT_TYPE: 66;
export declare const CONTENT_TYPES_NS: string;

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
    resources: ControlResource[];
}

export declare function parseVersion(text: string): [number, number, number];
export declare function compareVersions(a: string, b: string): -1 | 0 | 1;
export declare function assertVersionIncrease(current: Record<string, string>, next: string): void;
export declare function assertWellFormed(xml: string, what: string): void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export declare function parseXml(xml: string, what: string): any;
export declare function readSolutionInfo(solutionXml: string): SolutionInfo;
export declare function readControlInfo(manifestXml: string): ControlInfo;
export declare function normalizeEntryPath(p: string): string;
export declare function controlSchemaName(prefix: string, namespace: string, constructorName: string): string;
export declare function controlFiles(compiledControl: { resources: { path: string }[] }): string[];
export declare function zipEntryNames(schemaName: string, files: string[]): string[];
export declare function zipFileNames(uniqueName: string, version: string): { unmanaged: string; managed: string };
export declare function composeSolutionXml(sourceXml: string, options: { managed: boolean; schemaName: string }): string;
export declare function composeCustomizationsXml(sourceXml: string, options: { schemaName: string; relationshipsXml?: string }): string;
export declare function composeContentTypesXml(entryNames: string[]): string;
export declare function setControlManifestVersion(manifestXml: string, version: string): string;
export declare function setSolutionVersion(solutionXml: string, version: string): string;
export declare function setPackageJsonVersion(jsonText: string, version: string): string;
export declare function readPackageJsonVersion(jsonText: string): string;
export declare function readSolutionVersion(solutionXml: string): string;
