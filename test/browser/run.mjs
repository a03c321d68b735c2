#!/usr/bin/env node
// `npm run test:browser`: the browser suite. Checks for Chromium (Debian's, never a downloaded
// one), builds the production control and the simulator bundle, then runs every test/browser/*.test.mjs with
// node's test runner against the real pcf-start harness page. Exits non-zero on any failure.
// BROWSER_TESTS_CONTROL=<folder> tests a production control already built there (npm test passes the
// solution's build) instead of building one.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildProduction, buildSimulator } from "../../scripts/harness/build.mjs";
import { findChromium, NO_CHROMIUM } from "../../scripts/harness/chromium.mjs";
import { ROOT } from "../../scripts/harness/paths.mjs";
import { browserTestDirs } from "./harnessPage.mjs";

if (process.argv.includes("--help")) {
    console.log("npm run test:browser [-- test files]: builds the production control into out/browser-tests/ and runs test/browser/*.test.mjs in Chromium.");
    process.exit(0);
}
const startedAt = Date.now();

const chromium = findChromium();
if (!chromium) {
    console.error(`Browser tests need Chromium. ${NO_CHROMIUM}\n0 passed, 1 failed`);
    process.exit(1);
}

// The suite's own folder: npm start (out/harness) and npm run solution (out/controls) can run meanwhile.
const dirs = browserTestDirs();
const prebuilt = process.env.BROWSER_TESTS_CONTROL !== undefined;
try {
    if (!prebuilt) {
        console.log("Building the production control...");
        await buildProduction({ quiet: true, outDir: dirs.control });
    }
    await buildSimulator(dirs.simulator);
} catch (error) {
    console.error(`Build for the browser tests failed: ${error.message}`);
    console.error("0 passed, 1 failed");
    process.exit(1);
}

const browserDir = path.join(ROOT, "test", "browser");
/** The slowest files first (about 50, 45 and 25 s alone), so that the two lanes end close together. */
const SLOWEST_FIRST = ["harness.test.mjs", "accessibility.test.mjs", "refresh.test.mjs"];
const rank = (name) => (SLOWEST_FIRST.includes(name) ? SLOWEST_FIRST.indexOf(name) : SLOWEST_FIRST.length);
const suite = fs
    .readdirSync(browserDir)
    .filter((name) => name.endsWith(".test.mjs"))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => path.join(browserDir, name));
const files = process.argv.slice(2).length ? process.argv.slice(2) : suite;
// Two files side by side (each launches its own Chromium and serves on a free port): four at once gained a few
// seconds on two cores and let first page loads run past their time limit.
const child = spawn(process.execPath, ["--test", "--test-concurrency=2", "--test-reporter=spec", ...files], {
    cwd: ROOT,
    env: { ...process.env, CHROMIUM_PATH: chromium, BROWSER_TESTS_CONTROL: dirs.control },
    stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
child.stdout.on("data", (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
});
child.on("close", (code) => {
    const count = (name) => Number(new RegExp(`^\\S*\\s*${name} (\\d+)`, "m").exec(output)?.[1] ?? 0);
    const passed = count("pass");
    const failed = count("fail") + (code !== 0 && count("fail") === 0 ? 1 : 0);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const builds = prebuilt ? `the control built in ${path.relative(ROOT, dirs.control)}` : "its build included";
    console.log(`\nBrowser suite (Chromium ${chromium}): ${seconds} s in all, ${builds}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(code === 0 && failed === 0 ? 0 : 1);
});
