import { ConversationFormatter, localeFromLanguageId } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";

describe("ConversationFormatter", () => {
    const now = new Date("2026-11-21T12:00:00Z");

    it("formats in the user's locale and Dataverse time zone, not the browser's", () => {
        const german = new ConversationFormatter({ locale: "de-DE", timeZoneOffsetMinutes: () => -300 });
        expect(german.dateTime(new Date("2026-11-21T03:30:00Z"))).toBe("20.11.26, 22:30");
    });

    it("gives ages in minutes, hours and days", () => {
        const english = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
        expect(english.age(new Date("2026-11-21T11:59:30Z"), now)).toBe("this minute");
        expect(english.age(new Date("2026-11-21T09:00:00Z"), now)).toBe("3 hr. ago");
        expect(english.age(new Date("2026-11-18T12:00:00Z"), now)).toBe("3 days ago");
    });

    it("formats durations", () => {
        const english = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
        expect(english.duration(45)).toBe("45 sec");
        expect(english.duration(120)).toBe("2 min");
    });

    it("maps Dataverse language ids to locales, falling back for unknown ones", () => {
        expect(localeFromLanguageId(1031, "en-US")).toBe("de-DE");
        expect(localeFromLanguageId(9999, "fr-FR")).toBe("fr-FR");
    });
});

describe("Strings", () => {
    const strings = new Strings((key) => ({ Toolbar_CountFiltered: "{0} of {1} conversations" })[key] ?? key);

    it("fills placeholders and treats a key answered with itself as missing", () => {
        expect(strings.format("Toolbar_CountFiltered", 3, 40)).toBe("3 of 40 conversations");
        expect(strings.optional("Column_custom_field")).toBeUndefined();
        expect(strings.text("Toolbar_Refresh")).toBe("Toolbar_Refresh");
    });
});
