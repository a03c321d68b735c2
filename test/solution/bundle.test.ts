/**
 * The production bundle stays within its size limit. `npm run test:solution` runs the
 * packer first, which makes the checked production build (scripts/build-control.cjs refuses a bundle
 * over the limit); this test then reads that build and checks it again, and checks the check.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { BUNDLE_LIMIT_BYTES, bundleProblems } from "../../scripts/build-control.cjs";
import { projectPaths } from "../../scripts/solution/project.cjs";

const paths = projectPaths();

describe("the production bundle", () => {
    it("is the fresh production build, within the size limit, with no React, Fluent or simulator code", () => {
        const bundle = fs.readFileSync(path.join(paths.outControls, "bundle.js"));
        const info = JSON.parse(fs.readFileSync(path.join(paths.distDir, "build-info.json"), "utf8")) as { buildMode: string; bundleSha256: string };
        expect(info.buildMode).toBe("production");
        expect(crypto.createHash("sha256").update(bundle).digest("hex")).toBe(info.bundleSha256);
        expect(bundle.length).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
        expect(bundleProblems(bundle.toString("utf8"), bundle.length)).toEqual([]);
    });
});

describe("bundleProblems", () => {
    it("accepts a bundle at the limit and refuses one a byte over", () => {
        expect(bundleProblems("", BUNDLE_LIMIT_BYTES)).toEqual([]);
        expect(bundleProblems("", BUNDLE_LIMIT_BYTES + 1)).toEqual([`is ${BUNDLE_LIMIT_BYTES + 1} bytes, over the ${BUNDLE_LIMIT_BYTES}-byte limit`]);
    });

    it("refuses bundled React, Fluent, simulator or development code", () => {
        expect(bundleProblems("x.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED", 1)).toEqual(['contains React code ("__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED")']);
        expect(bundleProblems('"@fluentui/react"', 1)).toHaveLength(1);
        expect(bundleProblems("OMNICHANNEL_SIMULATOR_MARKER", 1)).toHaveLength(1);
        expect(bundleProblems('The "eval" devtool has been used', 1)).toEqual(["is a development build"]);
    });
});
