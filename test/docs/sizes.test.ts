/**
 * The sizes in docs/solution.md are those of a fresh build: `npm test` packs (test:solution) before this runs, and
 * the block must equal what that build's dist/build-info.json gives. After a change that moves a size:
 * `npm run solution -- --write-docs`.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectPaths } from "../../scripts/solution/project.cjs";
import { currentSizes, sizesMarkdown } from "../../scripts/solution/sizes.cjs";

const paths = projectPaths();

it("docs/solution.md gives the sizes of a fresh production build", () => {
    const infoFile = path.join(paths.distDir, "build-info.json");
    if (!fs.existsSync(infoFile)) throw new Error("No dist/build-info.json: run `npm run solution` first (npm test does).");
    const info = JSON.parse(fs.readFileSync(infoFile, "utf8")) as Parameters<typeof sizesMarkdown>[0] & { buildMode: string; bundleSha256: string };
    expect(info.buildMode).toBe("production");
    // The zips were packed from the bundle that is in out/controls now, and that build was made from today's sources.
    const bundle = fs.readFileSync(path.join(paths.outControls, "bundle.js"));
    expect(crypto.createHash("sha256").update(bundle).digest("hex")).toBe(info.bundleSha256);
    const doc = fs.readFileSync(path.join(paths.root, "docs", "solution.md"), "utf8");
    const expected = sizesMarkdown(info);
    if (currentSizes(doc) !== expected) {
        throw new Error(`docs/solution.md's sizes are stale; run \`npm run solution -- --write-docs\`. A fresh build gives:\n${expected}`);
    }
    expect(expected).toMatch(/bundle\.js` \| [\d,]+ \|/);
});
