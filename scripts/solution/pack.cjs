#!/usr/bin/env node
"use strict";
/**
 * `npm run solution`: production build of the control, then the two Dataverse solution zips
 * (unmanaged and managed) in Solutions/<Name>/dist/, laid out as Microsoft's tooling lays them out.
 *
 *   npm run solution [-- --no-build] [-- --dotnet]
 *
 *   --no-build   pack the existing out/controls (must still be a production build of the current version)
 *   --dotnet     also try `dotnet build` of the .cdsproj (needs the .NET SDK and the Power Apps build packages
 *                from NuGet); its outcome is reported and logged to dist/dotnet-build.log, the Node zips ship
 *   --write-docs rewrite the sizes block of docs/solution.md from this build (a test compares it with a fresh build)
 *   --help       this text
 *
 * Needs Node only.
 */
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { spawn, spawnSync } = require("node:child_process");
const { buildProduction, bundleProblems } = require("../build-control.cjs");
const lib = require("./lib.cjs");
const { writeZip } = require("./zip.cjs");
const { readProject, readText } = require("./project.cjs");
const sizes = require("./sizes.cjs");

const args = new Set(process.argv.slice(2));
const KNOWN = ["--no-build", "--dotnet", "--write-docs", "--help", "-h"];
const log = (/** @type {string} */ msg) => process.stdout.write(`[solution] ${msg}\n`);

/**
 * Runs a command and resolves with the exit code and the output; the output streams to the console, or only
 * to `logFile` when one is given (dotnet's own failure lines would read as this script's).
 * @param {string} cmd
 * @param {string[]} cmdArgs
 * @param {string} cwd
 * @param {string} [logFile]
 * @returns {Promise<{ code: number; output: string }>}
 */
function run(cmd, cmdArgs, cwd, logFile) {
    return new Promise((resolve, reject) => {
        log(`$ ${cmd} ${cmdArgs.join(" ")}`);
        const child = spawn(cmd, cmdArgs, { cwd, env: { ...process.env, FORCE_COLOR: "0" }, shell: process.platform === "win32" });
        let output = "";
        const onData = (/** @type {Buffer} */ chunk) => {
            output += chunk.toString();
            if (!logFile) process.stdout.write(chunk);
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        child.on("error", reject);
        child.on("close", (code) => {
            if (logFile) fs.writeFileSync(logFile, output);
            resolve({ code: code ?? 1, output });
        });
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
    // An old zip left beside a refused build would be imported in its place.
    fs.mkdirSync(paths.distDir, { recursive: true });
    for (const old of fs.readdirSync(paths.distDir)) {
        if (old.startsWith(`${project.solution.uniqueName}_`) && old.endsWith(".zip")) fs.rmSync(path.join(paths.distDir, old));
    }
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
    const bundleFile = compiled.resources.find((r) => r.kind === "code")?.path;
    if (!bundleFile) throw new Error("The compiled manifest names no <code> file");
    // The production build's third-party licence notice ships beside the bundle when webpack emits one.
    const licence = `${bundleFile}.LICENSE.txt`;
    const shippedFiles = fs.existsSync(path.join(paths.outControls, licence)) ? lib.controlFiles(compiled, [licence]) : compiledFiles;
    for (const resx of inputResx) {
        if (!compiledFiles.includes(resx)) throw new Error(`ControlManifest.Input.xml names ${resx} but the compiled manifest does not`);
    }

    /** @type {Map<string, Buffer>} control file → bytes */
    const controlBytes = new Map();
    for (const f of shippedFiles) {
        const file = path.join(paths.outControls, ...f.split("/"));
        if (!fs.existsSync(file)) throw new Error(`The compiled manifest names ${f} but out/controls/${f} does not exist`);
        controlBytes.set(f, fs.readFileSync(file));
    }
    assertProductionBundle(controlBytes.get(bundleFile)?.toString("utf8") ?? "");

    // The languages the control ships are its resx files, in the manifest's order; each gives the solution its name there.
    const languages = [];
    const names = new Map();
    const descriptions = new Map();
    for (const resx of compiled.resources.filter((r) => r.kind === "resx").map((r) => r.path)) {
        const lcid = lib.resxLanguage(resx);
        if (lcid === undefined) throw new Error(`${resx} is not named <Name>.<lcid>.resx`);
        languages.push(lcid);
        const text = (controlBytes.get(resx) ?? Buffer.alloc(0)).toString("utf8").replace(/^\uFEFF/, "");
        const name = lib.resxValue(text, input.displayNameKey, resx);
        const description = lib.resxValue(text, input.descriptionKey, resx);
        if (name) names.set(lcid, name);
        if (description) descriptions.set(lcid, description);
    }

    const entryNames = lib.zipEntryNames(schemaName, shippedFiles);
    const date = fs.statSync(path.join(paths.outControls, bundleFile)).mtime;
    const sources = {
        solution: readText(paths.solutionXml),
        customizations: readText(paths.customizationsXml),
        relationships: readText(paths.relationshipsXml),
    };
    const customizationsXml = lib.composeCustomizationsXml(sources.customizations, {
        schemaName,
        relationshipsXml: sources.relationships,
        languages,
    });
    const contentTypesXml = lib.composeContentTypesXml(entryNames);

    /** @type {Map<string, Map<string, Buffer>>} zip file → its entries */
    const zips = new Map();
    for (const managed of [false, true]) {
        /** @type {Map<string, Buffer>} */
        const entries = new Map();
        entries.set("customizations.xml", lib.pacXmlBytes(customizationsXml));
        entries.set("solution.xml", lib.pacXmlBytes(lib.composeSolutionXml(sources.solution, { managed, schemaName, names, descriptions })));
        for (const f of shippedFiles) entries.set(`Controls/${schemaName}/${f}`, /** @type {Buffer} */ (controlBytes.get(f)));
        entries.set("[Content_Types].xml", lib.pacXmlBytes(contentTypesXml));
        if ([...entries.keys()].join("\n") !== entryNames.join("\n")) throw new Error("internal: entry list mismatch");
        zips.set(managed ? project.zips.managed : project.zips.unmanaged, entries);
    }
    lib.assertEntriesWellFormed(new Map([...zips].map(([file, entries]) => [path.basename(file), entries])));

    const written = [];
    for (const [file, entries] of zips) {
        const buffer = writeZip([...entries].map(([name, data]) => ({ name, data })), { date });
        fs.writeFileSync(file, buffer);
        written.push({
            file: path.relative(paths.root, file).split(path.sep).join("/"),
            managed: file === project.zips.managed,
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
 * With --dotnet: tries `dotnet build` of the .cdsproj (Microsoft.PowerApps.MSBuild.Solution), its output to
 * dist/dotnet-build.log, and says in one line how it went. Never throws: the Node zips ship either way.
 * @param {ReturnType<typeof readProject>} project
 */
async function tryDotnet(project) {
    const { paths } = project;
    const logFile = path.join(paths.distDir, "dotnet-build.log");
    const probe = spawnSync("dotnet", ["--version"], { encoding: "utf8" });
    if (probe.error || probe.status !== 0) return { status: "not tried: no .NET SDK (`dotnet`) on PATH" };
    try {
        const result = await run("dotnet", ["build", paths.cdsproj, "-c", "Release", "-nologo"], paths.solutionDir, logFile);
        if (result.code !== 0) {
            const { why, errors } = lib.dotnetFailure(result.code, result.output);
            return { status: `not built: ${why}; details in ${path.relative(paths.root, logFile)}. The Node-packed zips above are complete.`, errors };
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
    const unknown = [...args].filter((a) => !KNOWN.includes(a));
    if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")} (see --help)`);
    if (args.has("--help") || args.has("-h")) {
        const doc = fs.readFileSync(__filename, "utf8").split("/**")[1].split("*/")[0];
        process.stdout.write(doc.split("\n").map((l) => l.replace(/^ \* ?/, "")).join("\n").trim() + "\n");
        return;
    }
    let project = readProject();
    const buildInfo = args.has("--no-build") ? { buildMode: "production (existing out/controls, --no-build)", builtAt: null } : await productionBuild(project);
    project = readProject(); // the manifest may have been edited while the build ran
    const { written, bundleSha256 } = await packZips(project);

    for (const z of written) {
        log(`wrote ${z.file} (${z.managed ? "managed" : "unmanaged"}, ${z.bytes} bytes)`);
        for (const e of z.entries) log(`    ${String(e.bytes).padStart(9)}  ${e.name}`);
    }

    const dotnet = args.has("--dotnet") ? await tryDotnet(project) : { status: "not tried (add -- --dotnet to try it)" };
    if (args.has("--dotnet")) log(`dotnet build of ${path.basename(project.paths.cdsproj)}: ${dotnet.status}`);

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
    if (args.has("--write-docs")) {
        const doc = path.join(project.paths.root, "docs", "solution.md");
        fs.writeFileSync(doc, sizes.replaceSizes(fs.readFileSync(doc, "utf8"), sizes.sizesMarkdown(info)));
        log("rewrote the sizes in docs/solution.md");
    }
}

if (require.main === module) {
    main().catch((err) => {
        process.stderr.write(`[solution] ERROR: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
    });
}

module.exports = { packZips };
