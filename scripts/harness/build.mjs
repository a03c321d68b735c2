// Builds for the harness: the control (pcf-scripts, into out/controls) and the simulator bundle
// (esbuild, into .harness/simulator.js, never part of the control's bundle.js).
import fs from "node:fs";
import path from "node:path";
import { CONTROL_OUT_DIR, HARNESS_DIR, MARKER, ROOT, SIMULATOR_BUNDLE } from "./paths.mjs";

/** Environment for a pcf-scripts watch build: no telemetry (nothing leaves the machine). */
export function pcfEnv() {
    return { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
}

/** The checked pcf-scripts build, shared with build:prod and the solution packer. */
export { buildControl, buildProduction } from "../build-control.cjs";

/** esbuild options of the simulator's browser bundle. */
export function simulatorBuildOptions() {
    return {
        entryPoints: [path.join(ROOT, "simulator", "harness.ts")],
        outfile: SIMULATOR_BUNDLE,
        bundle: true,
        format: "iife",
        platform: "browser",
        target: "es2019",
        sourcemap: true,
        logLevel: "warning",
        banner: { js: `/* ${MARKER}: simulated Microsoft.Omnichannel for the pcf-start harness; development only */` },
    };
}

export async function buildSimulator() {
    const esbuild = await import("esbuild");
    fs.mkdirSync(HARNESS_DIR, { recursive: true });
    await esbuild.build(simulatorBuildOptions());
    return SIMULATOR_BUNDLE;
}

/** Copies the built control to a folder of its own, so later builds cannot change what is served. */
export function snapshotControl(target) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(CONTROL_OUT_DIR, target, { recursive: true });
    return target;
}
