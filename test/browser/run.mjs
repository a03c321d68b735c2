#!/usr/bin/env node
// `npm run test:browser`: the browser suite. Checks for Chromium (Debian's, never a downloaded
// one), builds the production control and the simulator bundle, then runs every test/browser/*.test.mjs with
// node's test runner against the real pcf-start harness page. Exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildProduction, buildSimulator, snapshotControl } from "../../scripts/harness/build.mjs";
import { HARNESS_DIR, ROOT } from "../../scripts/harness/paths.mjs";

const startedAt = Date.now();

function findChromium() {
    // An explicit CHROMIUM_PATH is the only candidate: a wrong one fails rather than falls back.
    if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
    const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
    const which = spawnSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" });
    return which.status === 0 ? which.stdout.trim() : undefined;
}

const chromium = findChromium();
if (!chromium) {
    console.error(
        [
            "Browser tests need Chromium, and it is not installed.",
            "Install Debian's package:   sudo apt-get update && sudo apt-get install -y chromium",
            "or point CHROMIUM_PATH at a Chromium/Chrome executable. (playwright-core never downloads a browser here.)",
            "0 passed, 1 failed",
        ].join("\n"),
    );
    process.exit(1);
}

const controlDir = path.join(HARNESS_DIR, "control-production");
try {
    if (process.env.BROWSER_TESTS_NO_BUILD !== "1") {
        console.log("Building the production control and the simulator bundle...");
        await buildProduction({ quiet: true });
        snapshotControl(controlDir);
        await buildSimulator();
    }
} catch (error) {
    console.error(`Build for the browser tests failed: ${error.message}`);
    console.error("0 passed, 1 failed");
    process.exit(1);
}

const browserDir = path.join(ROOT, "test", "browser");
const suite = fs.readdirSync(browserDir).filter((name) => name.endsWith(".test.mjs")).sort().map((name) => path.join(browserDir, name));
const files = process.argv.slice(2).length ? process.argv.slice(2) : suite;
const child = spawn(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", ...files], {
    cwd: ROOT,
    env: { ...process.env, CHROMIUM_PATH: chromium, HARNESS_CONTROL_DIR: controlDir },
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
    const builds = process.env.BROWSER_TESTS_NO_BUILD === "1" ? "no builds" : "builds included";
    console.log(`\nBrowser suite (Chromium ${chromium}): ${seconds} s in all, ${builds}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(code === 0 && failed === 0 ? 0 : 1);
});
