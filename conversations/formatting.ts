/** The user's formatting settings, as PCF's userSettings give them. */
export interface LocaleSettings {
    /** BCP 47 tag, e.g. "en-US". */
    locale: string;
    /** Offset of the user's Dataverse time zone from UTC at that instant (not the browser's). */
    timeZoneOffsetMinutes: (date: Date) => number;
}

/** Common Dataverse language ids; others fall back to the browser's language. */
const LOCALES: Readonly<Record<number, string>> = {
    1025: "ar-SA", 1028: "zh-TW", 1029: "cs-CZ", 1030: "da-DK", 1031: "de-DE", 1032: "el-GR", 1033: "en-US",
    1035: "fi-FI", 1036: "fr-FR", 1037: "he-IL", 1038: "hu-HU", 1040: "it-IT", 1041: "ja-JP", 1042: "ko-KR",
    1043: "nl-NL", 1044: "nb-NO", 1045: "pl-PL", 1046: "pt-BR", 1049: "ru-RU", 1053: "sv-SE", 1055: "tr-TR",
    2052: "zh-CN", 2057: "en-GB", 2070: "pt-PT", 3082: "es-ES", 3084: "fr-CA",
};

export function localeFromLanguageId(languageId: number | undefined, fallback: string): string {
    return (languageId !== undefined && LOCALES[languageId]) || fallback;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Dates, ages, durations and numbers in the user's locale and time zone. Built once per control. */
export class ConversationFormatter {
    private readonly dateTimeFormat: Intl.DateTimeFormat;
    private readonly relativeFormat: Intl.RelativeTimeFormat;
    private readonly numberFormat: Intl.NumberFormat;
    private readonly minutesFormat: Intl.NumberFormat;
    private readonly secondsFormat: Intl.NumberFormat;
    public readonly collator: Intl.Collator;

    constructor(private readonly settings: LocaleSettings) {
        const { locale } = settings;
        // The date is shifted to the user's time zone by hand, then printed as UTC.
        this.dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "UTC" });
        this.relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
        this.numberFormat = new Intl.NumberFormat(locale);
        this.minutesFormat = new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "short" });
        this.secondsFormat = new Intl.NumberFormat(locale, { style: "unit", unit: "second", unitDisplay: "short" });
        this.collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
    }

    public dateTime(date: Date): string {
        const offset = Number(this.settings.timeZoneOffsetMinutes(date));
        const shifted = new Date(date.getTime() + (Number.isFinite(offset) ? offset : 0) * MINUTE);
        return this.dateTimeFormat.format(shifted);
    }

    /** "12 min. ago", "3 hr. ago", "yesterday": how long ago `date` was at `now`. */
    public age(date: Date, now: Date): string {
        const elapsed = Math.max(0, now.getTime() - date.getTime());
        if (elapsed < MINUTE) return this.relativeFormat.format(0, "minute");
        if (elapsed < HOUR) return this.relativeFormat.format(-Math.floor(elapsed / MINUTE), "minute");
        if (elapsed < DAY) return this.relativeFormat.format(-Math.floor(elapsed / HOUR), "hour");
        return this.relativeFormat.format(-Math.floor(elapsed / DAY), "day");
    }

    /** "in 4 min.": how long until `date` at `now`, in whole minutes rounded up. */
    public until(date: Date, now: Date): string {
        return this.relativeFormat.format(Math.max(0, Math.ceil((date.getTime() - now.getTime()) / MINUTE)), "minute");
    }

    /** A wait time: "4 min 12 sec", or "45 sec" under a minute. */
    public duration(totalSeconds: number): string {
        const seconds = Math.max(0, Math.round(totalSeconds));
        const minutes = Math.floor(seconds / 60);
        const rest = seconds % 60;
        if (minutes === 0) return this.secondsFormat.format(rest);
        return rest === 0 ? this.minutesFormat.format(minutes) : `${this.minutesFormat.format(minutes)} ${this.secondsFormat.format(rest)}`;
    }

    public number(value: number): string {
        return this.numberFormat.format(value);
    }
}
