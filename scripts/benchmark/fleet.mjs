#!/usr/bin/env node
// `npm run bench:fleet`: bundles scripts/benchmark/fleet.ts (which imports the control's real modules) with esbuild and runs it.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

if (process.argv.includes("--help")) {
    console.log("npm run bench:fleet: simulates 1,000 agents' controls over a shift and writes the load on Dataverse to docs/performance.md.");
    process.exit(0);
}
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "conversation-fleet-"));
const outfile = join(dir, "fleet.mjs");
try {
    await build({ entryPoints: [join(here, "fleet.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
    await import(pathToFileURL(outfile).href);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
