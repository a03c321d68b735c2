#!/usr/bin/env node
"use strict";
/**
 * `npm run solution`: production build of the control, then the two Dataverse solution zips
 * (unmanaged and managed) in Solutions/<Name>/dist/, laid out as Microsoft's tooling lays them out.
 *
 *   node scripts/solution/pack.cjs [--no-build] [--no-dotnet]
 *
 *   --no-build   pack the existing out/controls (must still be a production build of the current version)
 *   --no-dotnet  skip the `dotnet build` attempt of the .cdsproj (also: SOLUTION_SKIP_DOTNET=1)
 *
 * Needs Node only. Where `dotnet` is on PATH it also tries `dotnet build` of the .cdsproj and reports the
 * outcome (Solutions/<Name>/dist/dotnet-build.log); that attempt never fails this script: the Node zips ship.
 */
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { spawn, spawnSync } = require("node:child_process");
const { buildProduction, bundleProblems } = require("../build-control.cjs");
const JSZip = require("jszip");
const lib = require("./lib.cjs");
const { readProject, readText } = require("./project.cjs");

const args = new Set(process.argv.slice(2));
const log = (/** @type {string} */ msg) => process.stdout.write(`[solution] ${msg}\n`);

/**
 * Runs a command, streaming its output, and resolves with the exit code and the output.
 * @param {string} cmd
 * @param {string[]} cmdArgs
 * @param {string} cwd
 * @returns {Promise<{ code: number; output: string }>}
 */
function run(cmd, cmdArgs, cwd) {
    return new Promise((resolve, reject) => {
        log(`$ ${cmd} ${cmdArgs.join(" ")}`);
        const child = spawn(cmd, cmdArgs, { cwd, env: { ...process.env, FORCE_COLOR: "0" }, shell: process.platform === "win32" });
        let output = "";
        const onData = (/** @type {Buffer} */ chunk) => {
            output += chunk.toString();
            process.stdout.write(chunk);
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, output }));
    });
}

/**
 * `pcf-scripts refreshTypes`, then the checked production build shared with `npm run build:prod`.
 * @param {ReturnType<typeof readProject>} project
 */
async function productionBuild(project) {
    const refresh = await run("npx", ["--no", "pcf-scripts", "refreshTypes"], project.paths.root);
    if (refresh.code !== 0 || /\bFailed\b/.test(refresh.output)) throw new Error("pcf-scripts refreshTypes failed (see output above)");
    const { bytes } = await buildProduction();
    return { buildMode: "production", builtAt: new Date().toISOString(), bundleBytes: bytes };
}

/**
 * The bundle that goes into the zips must pass the same checks as the production build.
 * @param {string} bundle
 */
function assertProductionBundle(bundle) {
    const problems = bundleProblems(bundle, Buffer.byteLength(bundle));
    if (problems.length > 0) throw new Error(`out/controls/bundle.js ${problems.join("; ")}; rebuild without --no-build`);
}

/**
 * Writes both zips and returns what was written.
 * @param {ReturnType<typeof readProject>} project
 */
async function packZips(project) {
    const { paths, schemaName } = project;
    const compiledManifestXml = readText(path.join(paths.outControls, "ControlManifest.xml"));
    const compiled = lib.readControlInfo(compiledManifestXml);
    const input = project.control;
    if (compiled.namespace !== input.namespace || compiled.constructorName !== input.constructorName || compiled.version !== input.version) {
        throw new Error(
            `out/controls/ControlManifest.xml (${compiled.namespace}.${compiled.constructorName} ${compiled.version}) does not match ` +
                `ControlManifest.Input.xml (${input.namespace}.${input.constructorName} ${input.version}): the build is stale`,
        );
    }
    if (lib.compareVersions(project.solution.version, input.version) !== 0) {
        log(`warning: Solution.xml Version ${project.solution.version} differs from the control version ${input.version} (use npm run version:set)`);
    }
    const inputResx = input.resources.filter((r) => r.kind === "resx").map((r) => r.path);
    const compiledFiles = lib.controlFiles(compiled);
    for (const resx of inputResx) {
        if (!compiledFiles.includes(resx)) throw new Error(`ControlManifest.Input.xml names ${resx} but the compiled manifest does not`);
    }

    /** @type {Map<string, Buffer>} control file → bytes */
    const controlBytes = new Map();
    for (const f of compiledFiles) {
        const file = path.join(paths.outControls, ...f.split("/"));
        if (!fs.existsSync(file)) throw new Error(`The compiled manifest names ${f} but out/controls/${f} does not exist`);
        controlBytes.set(f, fs.readFileSync(file));
    }
    const bundleFile = compiled.resources.find((r) => r.kind === "code")?.path;
    if (!bundleFile) throw new Error("The compiled manifest names no <code> file");
    assertProductionBundle(controlBytes.get(bundleFile)?.toString("utf8") ?? "");

    const entryNames = lib.zipEntryNames(schemaName, compiledFiles);
    const date = fs.statSync(path.join(paths.outControls, bundleFile)).mtime;
    const sources = {
        solution: readText(paths.solutionXml),
        customizations: readText(paths.customizationsXml),
        relationships: readText(paths.relationshipsXml),
    };
    const customizationsXml = lib.composeCustomizationsXml(sources.customizations, {
        schemaName,
        relationshipsXml: sources.relationships,
    });
    const contentTypesXml = lib.composeContentTypesXml(entryNames);

    fs.mkdirSync(paths.distDir, { recursive: true });
    for (const old of fs.readdirSync(paths.distDir)) {
        if (old.startsWith(`${project.solution.uniqueName}_`) && old.endsWith(".zip")) fs.rmSync(path.join(paths.distDir, old));
    }

    const written = [];
    for (const managed of [false, true]) {
        /** @type {Map<string, Buffer>} */
        const entries = new Map();
        entries.set("[Content_Types].xml", Buffer.from(contentTypesXml, "utf8"));
        entries.set("customizations.xml", Buffer.from(customizationsXml, "utf8"));
        entries.set("solution.xml", Buffer.from(lib.composeSolutionXml(sources.solution, { managed, schemaName }), "utf8"));
        for (const f of compiledFiles) entries.set(`Controls/${schemaName}/${f}`, /** @type {Buffer} */ (controlBytes.get(f)));
        if ([...entries.keys()].join("\n") !== entryNames.join("\n")) throw new Error("internal: entry list mismatch");

        const zip = new JSZip();
        for (const [name, data] of entries) {
            if (name.endsWith(".xml") || name.endsWith(".resx")) lib.assertWellFormed(data.toString("utf8"), name);
            zip.file(name, data, { date, createFolders: false, binary: true });
        }
        const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "DOS" });
        const file = managed ? project.zips.managed : project.zips.unmanaged;
        fs.writeFileSync(file, buffer);
        written.push({
            file: path.relative(paths.root, file).split(path.sep).join("/"),
            managed,
            bytes: buffer.length,
            entries: [...entries].map(([name, data]) => ({ name, bytes: data.length })),
        });
    }
    return {
        written,
        bundleSha256: crypto.createHash("sha256").update(/** @type {Buffer} */ (controlBytes.get(bundleFile))).digest("hex"),
    };
}

/**
 * Where `dotnet` exists, tries `dotnet build` of the .cdsproj (Microsoft.PowerApps.MSBuild.Solution). Never throws.
 * @param {ReturnType<typeof readProject>} project
 */
async function tryDotnet(project) {
    const { paths } = project;
    const logFile = path.join(paths.distDir, "dotnet-build.log");
    if (args.has("--no-dotnet") || process.env.SOLUTION_SKIP_DOTNET === "1") return { status: "skipped (--no-dotnet)" };
    const probe = spawnSync("dotnet", ["--version"], { encoding: "utf8" });
    if (probe.error || probe.status !== 0) return { status: "skipped: no dotnet on PATH" };
    try {
        const result = await run(
            "dotnet",
            ["build", paths.cdsproj, "-c", "Release", "-nologo"],
            paths.solutionDir,
        );
        fs.writeFileSync(logFile, result.output);
        if (result.code !== 0) {
            const errors = [...new Set(result.output.split(/\r?\n/).filter((l) => /\berror [A-Z]+\d+/.test(l)).map((l) => l.trim()))];
            return { status: `failed (exit ${result.code}); the Node-packed zips are the ones that ship`, errors };
        }
        const binDir = path.join(paths.solutionDir, "bin", "Release");
        const zips = fs.existsSync(binDir) ? fs.readdirSync(binDir).filter((f) => f.endsWith(".zip")) : [];
        const copyDir = path.join(paths.distDir, "dotnet");
        fs.mkdirSync(copyDir, { recursive: true });
        for (const z of zips) fs.copyFileSync(path.join(binDir, z), path.join(copyDir, z));
        return { status: `succeeded; copied ${zips.join(", ") || "no zips"} to dist/dotnet/` };
    } catch (err) {
        return { status: `failed to run: ${String(err)}` };
    }
}

async function main() {
    let project = readProject();
    const buildInfo = args.has("--no-build") ? { buildMode: "production (existing out/controls, --no-build)", builtAt: null } : await productionBuild(project);
    project = readProject(); // the manifest may have been edited while the build ran
    const { written, bundleSha256 } = await packZips(project);

    for (const z of written) {
        log(`wrote ${z.file} (${z.managed ? "managed" : "unmanaged"}, ${z.bytes} bytes)`);
        for (const e of z.entries) log(`    ${String(e.bytes).padStart(9)}  ${e.name}`);
    }

    const dotnet = await tryDotnet(project);
    log(`dotnet build of ${path.basename(project.paths.cdsproj)}: ${dotnet.status}`);
    for (const e of dotnet.errors ?? []) log(`    ${e}`);

    const info = {
        solution: project.solution.uniqueName,
        version: project.solution.version,
        controlVersion: project.control.version,
        schemaName: project.schemaName,
        ...buildInfo,
        bundleSha256,
        zips: written,
        dotnet,
    };
    fs.writeFileSync(path.join(project.paths.distDir, "build-info.json"), JSON.stringify(info, null, 2) + "\n");
}

main().catch((err) => {
    process.stderr.write(`[solution] ERROR: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
});
