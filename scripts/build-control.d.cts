// Types for build-control.cjs.
export declare const BUNDLE_LIMIT_BYTES: number;
export declare function bundleProblems(text: string, bytes: number): string[];
export declare function buildControl(options?: { production?: boolean; quiet?: boolean; outDir?: string }): Promise<{ outDir: string; bundle: string; output: string }>;
export declare function buildProduction(options?: { quiet?: boolean; outDir?: string }): Promise<{ bytes: number; limit: number }>;
