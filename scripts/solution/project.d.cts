// Types for project.cjs.
import type { ControlInfo, SolutionInfo } from "./lib.cjs";

export declare const REPO_ROOT: string;
export interface ProjectPaths {
    root: string;
    solutionDir: string;
    cdsproj: string;
    solutionXml: string;
    customizationsXml: string;
    relationshipsXml: string;
    inputManifest: string;
    packageJson: string;
    packageLock: string;
    outControls: string;
    distDir: string;
}
export declare function findSolutionDir(root?: string): string;
export declare function projectPaths(root?: string): ProjectPaths;
export declare function readText(file: string): string;
export declare function readProject(root?: string): {
    paths: ProjectPaths;
    solution: SolutionInfo;
    control: ControlInfo;
    schemaName: string;
    zips: { unmanaged: string; managed: string };
};
