import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../support/resx";

const sourcesIn = (folder: string): string[] =>
    fs.readdirSync(path.join(REPO_ROOT, folder)).filter((name) => /\.tsx?$/.test(name)).map((name) => path.join(folder, name));
const read = (file: string): string => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
const SHIPPED_AND_SIMULATED = ["host", "conversations", "refresh", "components", "theme", "simulator"].flatMap(sourcesIn);

describe("the code's rooms", () => {
    it("host/ reads the host and imports nothing from the rooms above it", () => {
        const upward = sourcesIn("host").filter((file) => /from "\.\.\/(conversations|components|refresh|theme)\//.test(read(file)));
        expect(upward).toEqual([]);
    });

    it("one normalizeGuid, in conversations/guid.ts", () => {
        const defining = SHIPPED_AND_SIMULATED.filter((file) => /\bfunction normalizeGuid\b|\bconst normalizeGuid\b/.test(read(file)));
        expect(defining).toEqual([path.join("conversations", "guid.ts")]);
    });
});
