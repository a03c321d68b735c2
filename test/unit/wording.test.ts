import { ConversationFormatter } from "../../conversations/formatting";
import { localeFromLanguageId } from "../../conversations/user";
import { STRING_KEYS, Strings } from "../../conversations/strings";
import { loadResx } from "../support/resx";

const SHIPPED = [1031, 1036, 3082, 1040, 1046, 1043, 1041, 2052, 1042, 1025, 1037, 1033];
const NOW = new Date("2026-11-21T12:00:00Z");
const MINUTE = 60_000;

/** A full stop, comma, colon or the like followed by a full stop: "in 5 min..", "：。". */
const DOUBLED = /[.。!?！？:：,，;]\s*[.。]/;

/** Every value a placeholder is really filled with in that language: relative times, ages, durations, counts, a property's name, a typed value. */
function realValues(languageId: number, strings: Strings): string[] {
    const formatter = new ConversationFormatter({ locale: localeFromLanguageId(languageId, "en-US"), timeZoneOffsetMinutes: () => 60 });
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
    return [
        ...[1, 5, 30, 90].map((minutes) => formatter.until(at(minutes), NOW)),
        ...[0, 5, 90, 60 * 30].map((minutes) => formatter.age(at(-minutes), NOW)),
        formatter.duration(4 * 60 + 12),
        formatter.number(5000),
        strings.optional("Property_statuses_DisplayName") ?? "",
        "Pending",
    ];
}

describe("wording in every shipped language", () => {
    it.each(SHIPPED)("%s: every fixed string, filled with real values, has no doubled punctuation, no placeholder left and no double space", (languageId) => {
        const resx = loadResx(languageId);
        const strings = new Strings((key) => resx.get(key));
        const values = realValues(languageId, strings);
        const wrong: string[] = [];
        for (const key of STRING_KEYS) {
            for (const value of values) {
                const text = strings.format(key, value, value);
                if (DOUBLED.test(text) || /\{\d\}/.test(text) || /\s{2}/.test(text)) wrong.push(`${key}: ${text}`);
            }
        }
        expect(wrong).toEqual([]);
    });
});
