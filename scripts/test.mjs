#!/usr/bin/env node
// `npm test`: every check of the project, as much at once as they allow, then a table of each step's time.
// The production build is made once, by the solution packer (into out/controls): the zip tests, the docs' size
// check and the browser tests all read that build. Exits non-zero when any step fails; a step whose input
// failed is not run and counts as failed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = (name) => path.join(ROOT, "node_modules", ".bin", name);
const PCF_SCRIPTS = path.join(ROOT, "node_modules", "pcf-scripts", "bin", "pcf-scripts.js");

if (process.argv.includes("--help")) {
    console.log(
        "npm test: refreshes the manifest types, then runs typecheck, lint, test:unit and the production build with both solution zips at once; " +
            "after the build, the solution and docs tests and the browser tests (on that build). Prints each step's time; exits non-zero if any step failed.",
    );
    process.exit(0);
}

const results = [];
const startedAt = Date.now();

/**
 * Runs one step; its output is kept and printed in one piece when it ends, so parallel steps do not interleave.
 * `failsOn`: output that means failure whatever the exit code (pcf-scripts exits 0 when it failed).
 */
function step(name, command, args, { env = {}, failsOn } = {}) {
    const began = Date.now();
    console.log(`▶ ${name}`);
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        const finish = (exitCode, error) => {
            const code = exitCode === 0 && failsOn?.test(output) ? 1 : exitCode;
            const seconds = (Date.now() - began) / 1000;
            results.push({ name, seconds, ok: code === 0 });
            console.log(`\n──── ${name}: ${code === 0 ? "passed" : "FAILED"} in ${seconds.toFixed(1)} s ────\n${output.trimEnd()}${error ? `\n${error.message}` : ""}\n`);
            resolve(code === 0);
        };
        child.on("error", (error) => finish(1, error));
        child.on("close", (code) => finish(code ?? 1));
    });
}

const skipped = (name) => results.push({ name, seconds: 0, ok: false, skipped: true });

/**
 * Every file of the work tree that git does not ignore, with its content's hash (a commit meanwhile changes
 * none of them); undefined outside a git checkout.
 */
function workTree() {
    const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
    if (listed.status !== 0) return undefined;
    const files = [...new Set(listed.stdout.split("\0"))].filter((file) => file && fs.existsSync(path.join(ROOT, file)));
    const hashed = spawnSync("git", ["hash-object", "--stdin-paths"], { cwd: ROOT, encoding: "utf8", input: files.join("\n") });
    const hashes = hashed.stdout.trim().split("\n");
    return new Map(files.map((file, i) => [file, hashes[i]]));
}
const treeBefore = workTree();

// Every step below reads generated/ManifestTypes.d.ts: made once, before any of them starts.
const typesReady = await step("refresh types", process.execPath, [PCF_SCRIPTS, "refreshTypes"], { env: { PP_TOOLS_TELEMETRY_OPTOUT: "1" }, failsOn: /\bFailed\b/ });
if (typesReady) {
    await Promise.all([
        step("typecheck", BIN("tsc"), ["--noEmit", "-p", "tsconfig.test.json"]),
        step("lint", BIN("eslint"), ["--max-warnings", "0", "."]),
        (async () => {
            // Two workers, not jest's default of one on two cores: once the type check, lint and build are done,
            // the jsdom tests would otherwise leave a core idle while the browser suite waits for them.
            const unit = step("test:unit", BIN("jest"), ["--selectProjects", "unit", "--maxWorkers=2"]);
            if (!(await step("build and pack the solution", process.execPath, ["scripts/solution/pack.cjs"]))) {
                skipped("test:solution, test:docs");
                skipped("test:browser");
                return;
            }
            const zipsAndDocs = step("test:solution, test:docs", BIN("jest"), ["--selectProjects", "solution", "docs"]);
            // The browser suite waits for the jsdom tests: side by side on two cores, both waited past their time limits.
            await unit;
            await Promise.all([zipsAndDocs, step("test:browser", process.execPath, ["test/browser/run.mjs"], { env: { BROWSER_TESTS_CONTROL: path.join(ROOT, "out", "controls") } })]);
        })(),
    ]);
}

// Tests write only into git-ignored folders (out/, test-results/, the solution's dist/).
const treeAfter = workTree();
if (treeBefore && treeAfter) {
    const changed = [...new Set([...treeBefore.keys(), ...treeAfter.keys()])].filter((file) => treeBefore.get(file) !== treeAfter.get(file));
    if (changed.length > 0) console.log(`\nnpm test changed files that git does not ignore (or they were edited meanwhile): ${changed.join(", ")}`);
    results.push({ name: "work tree left as found", seconds: 0, ok: changed.length === 0 });
}

const total = (Date.now() - startedAt) / 1000;
const TOTAL = "total (wall clock; steps overlap)";
const width = Math.max(...results.map((r) => r.name.length), TOTAL.length);
console.log(`\n${"step".padEnd(width)}  time (s)  result`);
for (const r of results) console.log(`${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.skipped ? "not run" : r.ok ? "passed" : "FAILED"}`);
console.log(`${TOTAL.padEnd(width)}  ${total.toFixed(1).padStart(8)}`);
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
    console.log(`\nnpm test failed: ${failed.map((r) => r.name).join(", ")}`);
    process.exit(1);
}
