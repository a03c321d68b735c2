#!/usr/bin/env node
// Bundles the TypeScript benchmark with esbuild (a dev dependency) and runs it with node.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

if (process.argv.includes("--help")) {
    console.log("npm run bench: bundles scripts/benchmark/benchmark.ts with esbuild and runs it; prints medians and ratios.");
    process.exit(0);
}
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "conversation-bench-"));
const outfile = join(dir, "benchmark.mjs");
try {
    await build({ entryPoints: [join(here, "benchmark.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
    console.log(`node ${process.version}, ${(await import("node:os")).cpus()[0]?.model ?? "unknown CPU"}`);
    await import(pathToFileURL(outfile).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
