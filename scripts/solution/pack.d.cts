// Types for pack.cjs.
import type { readProject } from "./project.cjs";

export declare function packZips(project: ReturnType<typeof readProject>): Promise<{
    written: { file: string; managed: boolean; bytes: number; entries: { name: string; bytes: number }[] }[];
    bundleSha256: string;
}>;
