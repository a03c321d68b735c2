import * as fs from "fs";
import * as path from "path";
import { CHANNEL_CODES, SENTIMENT_CODES, STATUS_CODES, STATUS_NAMES, channelLabelKey, sentimentLabelKey, statusLabelKey } from "../../conversations/choices";
import { KNOWN_COLUMN_NAMES, columnHeaderKey } from "../../conversations/columns";
import { STRING_KEYS } from "../../conversations/strings";
import { loadResx, REPO_ROOT } from "../support/resx";

const manifest = fs.readFileSync(path.join(REPO_ROOT, "ControlManifest.Input.xml"), "utf8");
const languages = [...manifest.matchAll(/strings\/ConversationList\.(\d+)\.resx/g)].map((match) => Number(match[1]));
const english = loadResx(1033);

/** The twelve languages the control ships, in the manifest's order: English last, so that plain pcf-start (the last resx wins) shows English. */
const SHIPPED = [1031, 1036, 3082, 1040, 1046, 1043, 1041, 2052, 1042, 1025, 1037, 1033];

/** Names that stay English everywhere: brands and product names. */
const NAMES = ["19241000", "192300000", "192310000", "192320000", "192330000", "192340000", "192350001", "192450000", "192450001"].map((code) => `Channel_${code}`);
/** Words that are spelled as in English in that language (checked one by one, not copied). */
const SAME_WORD: Readonly<Record<number, readonly string[]>> = {
    1031: ["Property_agent_DisplayName", "Column_msdyn_activeagentid", "Column_statuscode", "Channel_192380000", "Sentiment_10"],
    1036: ["Property_agent_DisplayName", "Column_msdyn_activeagentid", "Grid_AriaLabel", "Toolbar_Count", "Column_msdyn_customersentimentlabel"],
    3082: ["Value_No"],
    1040: ["Value_No", "Column_msdyn_customersentimentlabel", "Channel_192380000"],
    1043: ["Property_agent_DisplayName", "Column_msdyn_activeagentid", "Column_statuscode", "Status_1", "Channel_192380000"],
};

describe("resx strings", () => {
    it("are listed in the manifest for the twelve shipped languages, each with its file", () => {
        expect(languages).toEqual(SHIPPED);
        const files = fs.readdirSync(path.join(REPO_ROOT, "strings")).filter((name) => name.endsWith(".resx"));
        expect(files.sort()).toEqual(SHIPPED.map((id) => `ConversationList.${id}.resx`).sort());
    });

    it("cover every key the manifest and the source use, in every language", () => {
        const manifestKeys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((match) => match[1]);
        const settingNames = [...manifest.matchAll(/<property name="([^"]+)"/g)].map((match) => `Property_${match[1]}_DisplayName`);
        const needed = [
            ...manifestKeys,
            ...settingNames,
            ...STRING_KEYS,
            ...STATUS_CODES.map(statusLabelKey),
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

    it("are translated: nothing is left in English except names and words spelled the same", () => {
        for (const language of languages.filter((id) => id !== 1033)) {
            const allowed = new Set([...NAMES, ...(SAME_WORD[language] ?? [])]);
            const strings = loadResx(language);
            const untranslated = [...english].filter(([key, text]) => strings.get(key) === text && !allowed.has(key)).map(([key]) => key);
            expect([language, untranslated]).toEqual([language, []]);
        }
    });

    it("keep the same placeholders in every language", () => {
        const placeholders = (text = "") => (text.match(/\{\d\}/g) ?? []).sort().join();
        for (const language of languages) {
            const strings = loadResx(language);
            for (const [key, text] of english) expect([key, placeholders(strings.get(key))]).toEqual([key, placeholders(text)]);
        }
    });

    it("hold the status names the Statuses property accepts from every viewer: each language's Status_1 … 7, none meaning two statuses", () => {
        expect(Object.keys(STATUS_NAMES).map(Number).sort()).toEqual([...SHIPPED].sort());
        const meaning = new Map<string, number>();
        for (const language of SHIPPED) {
            const strings = loadResx(language);
            expect([language, STATUS_NAMES[language]]).toEqual([language, STATUS_CODES.map((code) => strings.get(statusLabelKey(code))).join("|")]);
            STATUS_CODES.forEach((code) => {
                const name = (strings.get(statusLabelKey(code)) ?? "").toLowerCase();
                expect([name, meaning.get(name) ?? code]).toEqual([name, code]);
                meaning.set(name, code);
            });
        }
    });
});
