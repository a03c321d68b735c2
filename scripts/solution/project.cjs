"use strict";
/**
 * Where things live in this repository, and reading them. Shared by pack.cjs, set-version.cjs and the tests.
 */
const fs = require("node:fs");
const path = require("node:path");
const lib = require("./lib.cjs");

/** Repository root (the control folder: ControlManifest.Input.xml, package.json, ConversationList.pcfproj). */
const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * The one solution project under Solutions/: the folder holding `<Name>.cdsproj` and `src/Other/Solution.xml`.
 * @param {string} [root]
 */
function findSolutionDir(root = REPO_ROOT) {
    const solutionsDir = path.join(root, "Solutions");
    const candidates = fs.existsSync(solutionsDir)
        ? fs
              .readdirSync(solutionsDir, { withFileTypes: true })
              .filter((d) => d.isDirectory())
              .map((d) => path.join(solutionsDir, d.name))
              .filter(
                  (dir) =>
                      fs.existsSync(path.join(dir, "src", "Other", "Solution.xml")) &&
                      fs.readdirSync(dir).some((f) => f.endsWith(".cdsproj")),
              )
        : [];
    if (candidates.length !== 1) {
        throw new Error(`Expected exactly one solution project (Solutions/<Name>/<Name>.cdsproj + src/Other/Solution.xml), found ${candidates.length}`);
    }
    return candidates[0];
}

/**
 * All the paths the packer and the tests use.
 * @param {string} [root]
 */
function projectPaths(root = REPO_ROOT) {
    const solutionDir = findSolutionDir(root);
    const other = path.join(solutionDir, "src", "Other");
    return {
        root,
        solutionDir,
        cdsproj: path.join(solutionDir, fs.readdirSync(solutionDir).find((f) => f.endsWith(".cdsproj")) ?? ""),
        solutionXml: path.join(other, "Solution.xml"),
        customizationsXml: path.join(other, "Customizations.xml"),
        relationshipsXml: path.join(other, "Relationships.xml"),
        inputManifest: path.join(root, "ControlManifest.Input.xml"),
        packageJson: path.join(root, "package.json"),
        packageLock: path.join(root, "package-lock.json"),
        /** pcf-scripts output: pcfconfig.json outDir (the control folder is the repo root). */
        outControls: path.join(root, "out", "controls"),
        /** Where `npm run solution` writes the zips (git-ignored). */
        distDir: path.join(solutionDir, "dist"),
    };
}

/**
 * @param {string} file
 */
function readText(file) {
    if (!fs.existsSync(file)) throw new Error(`Missing file: ${path.relative(REPO_ROOT, file) || file}`);
    return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
}

/**
 * The solution's identity (from Solution.xml), the control's (from ControlManifest.Input.xml), and the names derived from both.
 * @param {string} [root]
 */
function readProject(root = REPO_ROOT) {
    const paths = projectPaths(root);
    const solution = lib.readSolutionInfo(readText(paths.solutionXml));
    const control = lib.readControlInfo(readText(paths.inputManifest));
    const schemaName = lib.controlSchemaName(solution.publisher.prefix, control.namespace, control.constructorName);
    const zipNames = lib.zipFileNames(solution.uniqueName, solution.version);
    return {
        paths,
        solution,
        control,
        schemaName,
        zips: {
            unmanaged: path.join(paths.distDir, zipNames.unmanaged),
            managed: path.join(paths.distDir, zipNames.managed),
        },
    };
}

module.exports = { REPO_ROOT, findSolutionDir, projectPaths, readText, readProject };
