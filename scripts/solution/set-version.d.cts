// Types for set-version.cjs.
export declare function currentVersions(root?: string): Record<string, string>;
export declare function setVersion(next: string, root?: string): string[];
