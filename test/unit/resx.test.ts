import * as fs from "fs";
import * as path from "path";
import { CHANNEL_CODES, SENTIMENT_CODES, STATUS_CODES, channelLabelKey, sentimentLabelKey, statusLabelKey } from "../../conversations/choices";
import { KNOWN_COLUMN_NAMES, columnHeaderKey } from "../../conversations/columns";
import { STRING_KEYS } from "../../conversations/strings";
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
        const settingNames = [...manifest.matchAll(/<property name="([^"]+)"/g)].map((match) => `Property_${match[1]}_DisplayName`);
        const needed = [
            ...manifestKeys,
            ...settingNames,
            ...STRING_KEYS,
            ...Object.keys(STATUS_CODES).map((code) => statusLabelKey(Number(code))),
            ...CHANNEL_CODES.map(channelLabelKey),
            ...SENTIMENT_CODES.map(sentimentLabelKey),
            ...KNOWN_COLUMN_NAMES.map(columnHeaderKey),
        ];
        for (const language of languages) {
            const strings = loadResx(language);
            expect([language, needed.filter((key) => !strings.get(key))]).toEqual([language, []]);
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
