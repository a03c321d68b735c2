// Paths shared by the harness scripts and the browser tests.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PCF_START_DIR = path.join(ROOT, "node_modules", "pcf-start");
export const PCF_SCRIPTS_BIN = path.join(ROOT, "node_modules", "pcf-scripts", "bin", "pcf-scripts.js");
export const MARKER = "OMNICHANNEL_SIMULATOR_MARKER";

/**
 * The git-ignored folder of one user of the harness (`npm start`: "harness", the browser tests: "browser-tests",
 * `npm run screenshots`: "screenshots"): its own built control and simulator bundle, so that they can run at once.
 * @param {string} name
 */
export function buildDirs(name) {
    const dir = path.join(ROOT, "out", name);
    return { dir, control: path.join(dir, "control"), simulator: path.join(dir, "simulator.js") };
}

/** Where the browser tests write what they produce (screenshots): git-ignored. */
export const TEST_RESULTS_DIR = path.join(ROOT, "test-results");
