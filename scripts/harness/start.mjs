#!/usr/bin/env node
// `npm start`: builds the control and the simulator, then serves the standard pcf-start harness
// page on http://localhost:8181 with no internet needed, the simulated Customer Service host
// installed as window.Microsoft.Omnichannel before the control loads.
//
//   npm start                              happy path, default property values
//   npm start -- --scenario=reject         default scenario of the page (or SIMULATOR_SCENARIO=reject)
//   npm start -- --latency=800             latency of every answer in ms (SIMULATOR_LATENCY_MS)
//   npm start -- --no-simulator            bare harness: no host API (the "not in workspace" message)
//   npm start -- --production              production build of the control
//   npm start -- --watch                   rebuild control and simulator on change, reload the page
//   npm start -- --language=1025           the harness user's language (Dataverse id; 1025 Arabic and 1037 Hebrew are right to left)
//   npm start -- --port=8281 --no-open --no-build
// In the page: ?language=<lcid>&scenario=<name>&latency=<ms>&seed=<n>&now=<ISO>&simulator=off, or the scenario
// picker in the bottom-left corner.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildControl, buildSimulator, pcfEnv, simulatorBuildOptions, simulatorScenarios } from "./build.mjs";
import { buildDirs, PCF_SCRIPTS_BIN, ROOT } from "./paths.mjs";
import { START_HARNESS_INPUTS, startHarnessServer } from "./server.mjs";

/** npm start's own folder (out/harness), apart from the browser tests' and the solution's builds. */
const DIRS = buildDirs("harness");

function parseArgs(argv) {
    const args = { simulator: true, build: true, watch: false, production: false, open: undefined };
    for (const arg of argv) {
        const [key, value] = arg.replace(/^--/, "").split("=", 2);
        if (key === "no-simulator") args.simulator = false;
        else if (key === "no-build") args.build = false;
        else if (key === "no-open") args.open = false;
        else if (key === "open") args.open = true;
        else if (key === "watch" || arg === "watch") args.watch = true;
        else if (key === "production") args.production = true;
        else if (["scenario", "latency", "seed", "now", "port", "language"].includes(key)) args[key] = value;
        else if (key === "help" || key === "h") args.help = true;
        else throw new Error(`Unknown option ${arg}`);
    }
    return args;
}

function canOpenBrowser() {
    if (process.env.CI) return false;
    if (process.platform === "win32" || process.platform === "darwin") return true;
    return !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openBrowser(url) {
    const command = process.platform === "win32" ? "cmd" : process.platform === "darwin" ? "open" : "xdg-open";
    const args = process.platform === "win32" ? ["/c", "start", "", url] : [url];
    try {
        const child = spawn(command, args, { stdio: "ignore", detached: true });
        child.on("error", () => console.log(`Open ${url} in a browser.`));
        child.unref();
    } catch {
        console.log(`Open ${url} in a browser.`);
    }
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
        console.log(fs.readFileSync(new URL(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n"));
        return;
    }
    const scenario = args.scenario ?? process.env.SIMULATOR_SCENARIO ?? "happy";
    const scenarios = await simulatorScenarios();
    if (!scenarios.includes(scenario)) throw new Error(`Unknown scenario "${scenario}"; one of: ${scenarios.join(", ")}`);
    if (args.language !== undefined && !/^\d{4,5}$/.test(args.language)) throw new Error(`--language takes a Dataverse language id such as 1033 or 1025, not "${args.language}"`);
    const latency = args.latency ?? process.env.SIMULATOR_LATENCY_MS;
    const simulatorDefaults = { scenario };
    if (latency !== undefined) simulatorDefaults.latencyMs = Number(latency);
    if (args.seed !== undefined) simulatorDefaults.seed = Number(args.seed);
    if (args.now !== undefined) simulatorDefaults.now = args.now;

    let pcfWatch;
    let esbuildContext;
    if (args.build) {
        console.log(`Building the control (${args.production ? "production" : "development"})...`);
        await buildControl({ production: args.production, quiet: true, outDir: DIRS.control });
        if (args.simulator) {
            console.log("Building the simulator...");
            await buildSimulator(DIRS.simulator);
        }
    }
    const harness = await startHarnessServer({
        codePath: DIRS.control,
        simulatorBundle: DIRS.simulator,
        port: args.port !== undefined ? Number(args.port) : Number(process.env.HARNESS_PORT ?? 8181),
        simulator: args.simulator,
        simulatorDefaults,
        harnessInputs: START_HARNESS_INPUTS,
        liveReload: args.watch,
        languageId: args.language !== undefined ? Number(args.language) : undefined,
        log: (line) => console.log(`[harness] ${line}`),
    });

    if (args.watch) {
        // pcf-scripts rebuilds the control on change; the page reloads when bundle.js changes.
        const pcfArgs = [PCF_SCRIPTS_BIN, "build", "--watch", "--outDir", path.relative(ROOT, DIRS.control)];
        if (args.production) pcfArgs.push("--buildMode", "production");
        pcfWatch = spawn(process.execPath, pcfArgs, { cwd: ROOT, env: pcfEnv(), stdio: ["ignore", "inherit", "inherit"] });
        let timer;
        const schedule = () => {
            clearTimeout(timer);
            timer = setTimeout(() => harness.reload(), 300);
        };
        fs.watch(DIRS.control, { recursive: true }, schedule);
        if (args.simulator) {
            const esbuild = await import("esbuild");
            esbuildContext = await esbuild.context({
                ...simulatorBuildOptions(DIRS.simulator),
                plugins: [{ name: "reload", setup: (build) => build.onEnd(schedule) }],
            });
            await esbuildContext.watch();
        }
    }

    console.log("");
    console.log(`Control harness: ${harness.url}`);
    console.log(
        args.simulator
            ? `Simulated Customer Service host, scenario "${scenario}". Other scenarios: ${harness.url}?scenario=<${scenarios.join("|")}>`
            : "No simulator: the page has no Microsoft.Omnichannel, as outside Customer Service workspace.",
    );
    console.log(`Control folder: ${path.relative(ROOT, DIRS.control)}   Press Ctrl+C to stop.`);
    if (args.open ?? canOpenBrowser()) openBrowser(harness.url);

    const stop = async () => {
        pcfWatch?.kill();
        await esbuildContext?.dispose();
        await harness.close();
        process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

main().catch((error) => {
    console.error(`npm start failed: ${error.message}`);
    process.exit(1);
});
