import { createdWithinCutoff } from "../../conversations/dates";
import { userContextOf } from "../../conversations/user";

describe("createdWithinCutoff", () => {
    // The user's Dataverse zone is Tokyo (UTC+9), the browser's this machine's (UTC here and in CI): the user's days count.
    const tokyo = { timeZoneOffsetMinutes: () => 540 };

    it("counts the user's days in the user's Dataverse time zone, today included, not the browser's", () => {
        // 01:00 on 22 November in Tokyo is still the 21st in UTC (16:00) and in the Americas.
        const now = new Date("2026-11-21T16:00:00Z");
        const browserMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
        expect(createdWithinCutoff(1, now, tokyo)).not.toBe(browserMidnight);
        expect(new Date(createdWithinCutoff(1, now, tokyo)).toISOString()).toBe("2026-11-21T15:00:00.000Z"); // Tokyo midnight of the 22nd
        expect(new Date(createdWithinCutoff(7, now, tokyo)).toISOString()).toBe("2026-11-15T15:00:00.000Z");
        // Across a month end.
        expect(new Date(createdWithinCutoff(3, new Date("2026-03-01T09:00:00+09:00"), tokyo)).toISOString()).toBe("2026-02-26T15:00:00.000Z");
    });

    it("takes the offset in force at the cut-off's midnight when summer time began since", () => {
        // A user in Central Europe: UTC+2 from 29 March 2026 at 01:00 UTC, UTC+1 before.
        const europe = { timeZoneOffsetMinutes: (date: Date) => (date.getTime() >= Date.UTC(2026, 2, 29, 1) ? 120 : 60) };
        const now = new Date("2026-03-30T10:00:00Z");
        expect(new Date(createdWithinCutoff(1, now, europe)).toISOString()).toBe("2026-03-29T22:00:00.000Z");
        expect(new Date(createdWithinCutoff(3, now, europe)).toISOString()).toBe("2026-03-27T23:00:00.000Z");
    });
});

describe("userContextOf", () => {
    const settings = (languageId: number, algorithmType?: number) => ({ languageId, getTimeZoneOffsetMinutes: () => 540, dateFormattingInfo: { calendar: { algorithmType } } });

    it("gives the language's locale with the user's calendar, and the user's Dataverse offset", () => {
        expect(userContextOf(settings(1031, 1), "en-US").locale).toBe("de-DE-u-ca-gregory");
        expect(userContextOf(settings(9999), "fr-FR").locale).toBe("fr-FR-u-ca-gregory");
        expect(userContextOf(settings(1025, 2), "en-US").locale).toBe("ar-SA-u-ca-islamic-umalqura");
        expect(userContextOf(settings(1033), "en-US").timeZoneOffsetMinutes(new Date())).toBe(540);
    });

    it("writes an Arabic user's dates in the Gregorian calendar unless the user's calendar is lunar", () => {
        const day = new Date("2026-11-21T12:00:00Z");
        const year = (languageId: number, algorithmType?: number) => new Intl.DateTimeFormat(userContextOf(settings(languageId, algorithmType), "en-US").locale, { year: "numeric", numberingSystem: "latn" }).format(day);
        expect(year(1025, 1)).toMatch(/2026/);
        expect(year(1025, 2)).toMatch(/1448/);
    });
});
