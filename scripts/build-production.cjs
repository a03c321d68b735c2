#!/usr/bin/env node
/**
 * The production build of the control, checked: pcf-scripts exits 0 even when type checking or
 * linting failed, so success is judged from its output and the fresh bundle. The bundle must stay
 * under the size limit and hold no React, Fluent or simulator code (they come from the platform,
 * or are development-only). Used by `npm run build:prod` and by the solution packer.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawn } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "out", "controls");
const BUNDLE = path.join(OUT, "bundle.js");
const BUNDLE_LIMIT_BYTES = 60 * 1024;

/** Strings only present when a library was bundled instead of taken from the platform. */
const FORBIDDEN = [
    { marker: "__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED", what: "React" },
    { marker: "@fluentui/react", what: "Fluent UI" },
    { marker: "ms-DetailsRow", what: "Fluent UI" },
    { marker: "OMNICHANNEL_SIMULATOR_MARKER", what: "the Omnichannel simulator" },
];

/** Runs a command, streaming and keeping its output. */
function run(command, args) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: "0" } });
        let output = "";
        const keep = (chunk) => {
            output += chunk.toString();
            process.stdout.write(chunk);
        };
        child.stdout.on("data", keep);
        child.stderr.on("data", keep);
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, output }));
    });
}

/** Problems with a built bundle's text and size; empty when it may ship. */
function bundleProblems(text, bytes) {
    const problems = FORBIDDEN.filter(({ marker }) => text.includes(marker)).map(({ marker, what }) => `contains ${what} code ("${marker}")`);
    if (bytes > BUNDLE_LIMIT_BYTES) problems.push(`is ${bytes} bytes, over the ${BUNDLE_LIMIT_BYTES}-byte limit`);
    if (/The "eval" devtool has been used/.test(text)) problems.push("is a development build");
    return problems;
}

async function buildProduction() {
    const started = Date.now() - 1000;
    const build = await run("npx", ["--no", "pcf-scripts", "build", "--buildMode", "production"]);
    const failed = build.output.split(/\r?\n/).filter((line) => /\bFailed\b|\[pcf-\d+\]/.test(line));
    if (build.code !== 0 || failed.length > 0 || !/\bSucceeded\b/.test(build.output)) {
        throw new Error(`the production build failed (pcf-scripts exit code ${build.code}):\n${failed.join("\n")}`);
    }
    for (const file of [BUNDLE, path.join(OUT, "ControlManifest.xml")]) {
        if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < started) throw new Error(`${path.relative(ROOT, file)} was not rewritten by the build`);
    }
    const text = fs.readFileSync(BUNDLE, "utf8");
    const bytes = fs.statSync(BUNDLE).size;
    const problems = bundleProblems(text, bytes);
    if (problems.length > 0) throw new Error(`out/controls/bundle.js ${problems.join("; ")}`);
    return { bytes, limit: BUNDLE_LIMIT_BYTES };
}

module.exports = { buildProduction, bundleProblems, BUNDLE_LIMIT_BYTES };

if (require.main === module) {
    buildProduction().then(
        ({ bytes, limit }) => console.log(`\nproduction bundle.js: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB; limit ${limit / 1024} KiB); no React, Fluent or simulator code`),
        (error) => {
            console.error(`\n[build:prod] ${error instanceof Error ? error.message : String(error)}`);
            process.exit(1);
        },
    );
}
