// Types for sizes.cjs.
export declare function sizesMarkdown(info: { version: string; zips: { managed: boolean; bytes: number; entries: { name: string; bytes: number }[] }[] }): string;
export declare function replaceSizes(doc: string, block: string): string;
export declare function currentSizes(doc: string): string | undefined;
