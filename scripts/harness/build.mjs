// Builds for the harness: the control (pcf-scripts) and the simulator bundle (esbuild, never part of the
// control's bundle.js), each caller into its own folder (paths.mjs buildDirs).
import fs from "node:fs";
import path from "node:path";
import { MARKER, ROOT } from "./paths.mjs";

/** Environment for a pcf-scripts watch build: no telemetry (nothing leaves the machine). */
export function pcfEnv() {
    return { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
}

/** The checked pcf-scripts build, shared with build:prod and the solution packer. */
export { buildControl, buildProduction } from "../build-control.cjs";

/** esbuild options of the simulator's browser bundle, written to `outfile`. */
export function simulatorBuildOptions(outfile) {
    return {
        entryPoints: [path.join(ROOT, "simulator", "harness.ts")],
        outfile,
        bundle: true,
        format: "iife",
        platform: "browser",
        target: "es2019",
        sourcemap: true,
        logLevel: "warning",
        banner: { js: `/* ${MARKER}: simulated Microsoft.Omnichannel for the pcf-start harness; development only */` },
    };
}

export async function buildSimulator(outfile) {
    const esbuild = await import("esbuild");
    fs.mkdirSync(path.dirname(outfile), { recursive: true });
    await esbuild.build(simulatorBuildOptions(outfile));
    return outfile;
}

/** The simulator's scenario names, from simulator/scenarios.ts (their one list), for npm start's arguments. */
export async function simulatorScenarios() {
    const esbuild = await import("esbuild");
    const source = fs.readFileSync(path.join(ROOT, "simulator", "scenarios.ts"), "utf8");
    const { code } = await esbuild.transform(source, { loader: "ts", format: "esm" });
    return (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)).SCENARIOS;
}
