import * as fs from "fs";
import * as path from "path";
import { CHANNEL_CODES, SENTIMENT_CODES, STATUS_CODES } from "../../conversations/choices";
import { columnHeaderKey } from "../../conversations/columns";
import { DEFAULT_COLUMNS } from "../../conversations/columns";
import { loadResx, REPO_ROOT } from "../support/resx";

const manifest = fs.readFileSync(path.join(REPO_ROOT, "ControlManifest.Input.xml"), "utf8");
const languages = [...manifest.matchAll(/strings\/ConversationList\.(\d+)\.resx/g)].map((match) => Number(match[1]));
const english = loadResx(1033);

describe("resx strings", () => {
    it("are listed in the manifest for English and German", () => {
        expect(languages).toEqual([1033, 1031]);
    });

    it("cover every key the manifest and the source use, in every language", () => {
        const manifestKeys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((match) => match[1]);
        const sourceKeys = new Set<string>();
        for (const file of ["components", "conversations"].flatMap((dir) => fs.readdirSync(path.join(REPO_ROOT, dir)).map((name) => path.join(REPO_ROOT, dir, name)))) {
            for (const match of fs.readFileSync(file, "utf8").matchAll(/"((?:Grid|Toolbar|State|Open|Row|Sort|Value)_[A-Za-z]+)"/g)) sourceKeys.add(match[1]);
        }
        const dynamicKeys = [
            ...Object.keys(STATUS_CODES).map((code) => `Status_${code}`),
            ...CHANNEL_CODES.map((code) => `Channel_${code}`),
            ...SENTIMENT_CODES.map((code) => `Sentiment_${code}`),
            ...DEFAULT_COLUMNS.map(columnHeaderKey),
        ];
        const needed = [...manifestKeys, ...sourceKeys, ...dynamicKeys];
        expect(sourceKeys.size).toBeGreaterThan(20);
        for (const language of languages) {
            const strings = loadResx(language);
            expect(needed.filter((key) => !strings.get(key))).toEqual([]);
            expect([...strings.keys()].sort()).toEqual([...english.keys()].sort());
        }
    });

    it("keep the same placeholders in every language", () => {
        const placeholders = (text = "") => (text.match(/\{\d\}/g) ?? []).sort().join();
        for (const language of languages) {
            const strings = loadResx(language);
            for (const [key, text] of english) expect([key, placeholders(strings.get(key))]).toEqual([key, placeholders(text)]);
        }
    });
});
