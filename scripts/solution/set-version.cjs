#!/usr/bin/env node
"use strict";
/**
 * `npm run version:set -- 1.0.1` (or 1.0.1.0): sets a new version everywhere it lives —
 *   Solutions/<Name>/src/Other/Solution.xml  <Version>, four parts as Dataverse writes them (1.0.1 → 1.0.1.0)
 *   ControlManifest.Input.xml  <control version="...">, the first three parts
 *   package.json "version" (and package-lock.json's root version), the first three parts
 * and refuses a version whose first three parts are not higher than each current one: the platform only picks
 * up a new bundle when the control's version rises.
 */
const fs = require("node:fs");
const path = require("node:path");
const lib = require("./lib.cjs");
const { projectPaths, readText, REPO_ROOT } = require("./project.cjs");

/**
 * Current versions, by file (relative to root).
 * @param {string} [root]
 * @returns {Record<string, string>}
 */
function currentVersions(root = REPO_ROOT) {
    const p = projectPaths(root);
    const rel = (/** @type {string} */ f) => path.relative(root, f).split(path.sep).join("/");
    /** @type {Record<string, string>} */
    const versions = {
        [rel(p.inputManifest)]: lib.readControlInfo(readText(p.inputManifest)).version,
        [rel(p.solutionXml)]: lib.readSolutionVersion(readText(p.solutionXml)),
        [rel(p.packageJson)]: lib.readPackageJsonVersion(readText(p.packageJson)),
    };
    return versions;
}

/**
 * Checks and writes the new version to every file. Returns the files written.
 * @param {string} next
 * @param {string} [root]
 */
function setVersion(next, root = REPO_ROOT) {
    const version = lib.solutionVersion(next);
    const three = lib.controlVersionOf(version);
    lib.assertVersionIncrease(currentVersions(root), version);
    const p = projectPaths(root);
    /** @type {[string, (text: string) => string][]} */
    const edits = [
        [p.inputManifest, (t) => lib.setControlManifestVersion(t, three)],
        [p.solutionXml, (t) => lib.setSolutionVersion(t, version)],
        [p.packageJson, (t) => lib.setPackageJsonVersion(t, three)],
    ];
    if (fs.existsSync(p.packageLock)) edits.push([p.packageLock, (t) => lib.setPackageJsonVersion(t, three)]);
    // Compute every new text first, so that a failure leaves no file half-updated.
    const results = edits.map(([file, edit]) => {
        const raw = fs.readFileSync(file, "utf8");
        const bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
        return { file, text: bom + edit(raw.slice(bom.length)) };
    });
    for (const { file, text } of results) fs.writeFileSync(file, text);
    return results.map((r) => path.relative(root, r.file).split(path.sep).join("/"));
}

module.exports = { currentVersions, setVersion };

if (require.main === module) {
    const next = process.argv[2];
    const usage = `usage: npm run version:set -- X.Y.Z[.R]   (Solution.xml gets X.Y.Z.R, R = 0 when left out)\ncurrent: ${JSON.stringify(currentVersions())}\n`;
    if (next === "--help" || next === "-h") {
        process.stdout.write(usage);
        process.exit(0);
    }
    if (!next) {
        process.stderr.write(usage);
        process.exit(2);
    }
    try {
        const files = setVersion(next);
        process.stdout.write(`Version set to ${lib.solutionVersion(next)} (control ${lib.controlVersionOf(next)}) in:\n${files.map((f) => `  ${f}`).join("\n")}\nRun npm run solution to build the zips.\n`);
    } catch (err) {
        process.stderr.write(`version:set: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
    }
}
