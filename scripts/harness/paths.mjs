// Paths shared by the harness scripts and the browser tests.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Git-ignored folder for everything the harness generates. */
export const HARNESS_DIR = path.join(ROOT, ".harness");
export const SIMULATOR_BUNDLE = path.join(HARNESS_DIR, "simulator.js");
/** Where pcf-scripts writes the built control (pcfconfig.json outDir + control folder). */
export const CONTROL_OUT_DIR = path.join(ROOT, "out", "controls");
export const PCF_START_DIR = path.join(ROOT, "node_modules", "pcf-start");
export const PCF_SCRIPTS_BIN = path.join(ROOT, "node_modules", "pcf-scripts", "bin", "pcf-scripts.js");
export const MARKER = "OMNICHANNEL_SIMULATOR_MARKER";
