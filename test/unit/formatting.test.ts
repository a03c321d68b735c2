import { ConversationFormatter } from "../../conversations/formatting";
import { localeFromLanguageId } from "../../conversations/user";
import { Strings } from "../../conversations/strings";

describe("ConversationFormatter", () => {
    const now = new Date("2026-11-21T12:00:00Z");

    it("formats in the user's locale and Dataverse time zone, not the browser's", () => {
        const german = new ConversationFormatter({ locale: "de-DE", timeZoneOffsetMinutes: () => -300 });
        expect(german.dateTime(new Date("2026-11-21T03:30:00Z"))).toBe("20.11.26, 22:30");
    });

    it("gives ages in minutes, hours and days, rounded to the nearest", () => {
        const english = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
        expect(english.age(new Date("2026-11-21T11:59:40Z"), now)).toBe("this minute");
        expect(english.age(new Date("2026-11-21T11:00:01Z"), now)).toBe("1 hr. ago"); // 59:59, not "59 min. ago"
        expect(english.age(new Date("2026-11-21T11:49:20Z"), now)).toBe("11 min. ago");
        expect(english.age(new Date("2026-11-21T09:00:00Z"), now)).toBe("3 hr. ago");
        expect(english.age(new Date("2026-11-18T12:00:00Z"), now)).toBe("3 days ago");
    });

    it("says yesterday and N days ago by the calendar in the user's time zone, not by rounded hours", () => {
        const utc = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
        const plusTwo = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 120 });
        // 23.7 hours ago, this morning.
        expect(utc.age(new Date("2026-11-21T00:08:00Z"), new Date("2026-11-21T23:50:00Z"))).toBe("24 hr. ago");
        // The same two instants fall on one day at UTC+2 (00:08 and 23:50), on two at UTC.
        const [created, now] = [new Date("2026-11-20T22:08:00Z"), new Date("2026-11-21T21:50:00Z")];
        expect(plusTwo.age(created, now)).toBe("24 hr. ago");
        expect(utc.age(created, now)).toBe("yesterday");
        // 26 hours, but two midnights ago.
        expect(utc.age(new Date("2026-11-19T23:00:00Z"), new Date("2026-11-21T01:00:00Z"))).toBe("2 days ago");
    });

    it("formats durations in two units, the smaller rounded to the nearest", () => {
        const english = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
        expect(english.duration(45)).toBe("45 sec");
        expect(english.duration(120)).toBe("2 min");
        expect(english.duration(252)).toBe("4 min 12 sec");
        expect(english.duration(3600 + 5 * 60 + 31)).toBe("1 hr 6 min");
        expect(english.duration(3 * 86_400 + 4 * 3600 + 29 * 60)).toBe("3 days 4 hr");
        expect(english.duration(86_399)).toBe("1 day");
        expect(english.duration(-5)).toBe("0 sec");
    });

    it("uses the locale's own unit names", () => {
        const german = new ConversationFormatter({ locale: "de-DE", timeZoneOffsetMinutes: () => 0 });
        expect(german.duration(3900)).toBe("1 Std. 5 Min.");
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
