import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The strings of one resx file, as PCF's `resources.getString` would serve them. */
export function loadResx(languageId = 1033): Map<string, string> {
    const file = path.join(REPO_ROOT, "strings", `ConversationList.${languageId}.resx`);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "data" }).parse(fs.readFileSync(file, "utf8")) as {
        root: { data?: { "@_name": string; value: string | number }[] };
    };
    return new Map((parsed.root.data ?? []).map((entry) => [entry["@_name"], String(entry.value)]));
}
