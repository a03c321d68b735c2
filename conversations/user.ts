import { MINUTE } from "../refresh/timers";

/**
 * Who the user is, for everything the list shows and counts: worked out once from
 * `context.userSettings`, and used alike by the formatter, the sort and the created-within filter.
 */
export interface UserContext {
    /** BCP 47 tag of the user's Dataverse language, with the user's calendar: "de-DE-u-ca-gregory". */
    locale: string;
    /** Offset of the user's Dataverse time zone from UTC at that instant (not the browser's). */
    timeZoneOffsetMinutes: (date: Date) => number;
}

/** The parts of `context.userSettings` read here. */
export interface UserSettingsPart {
    languageId?: number;
    getTimeZoneOffsetMinutes: (date?: Date) => number;
    /** The user's .NET calendar: algorithm 2 (lunar) is Hijri or Umm al-Qura; Gregorian is solar. */
    dateFormattingInfo?: { calendar?: { algorithmType?: number } };
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

/**
 * The user's context. The calendar is the user's, not the locale's default: Intl writes ar-SA dates in
 * the Umm al-Qura calendar unless told, while Dataverse shows them in the user's own (Gregorian unless
 * the user chose a lunar one).
 */
export function userContextOf(settings: UserSettingsPart, browserLanguage: string): UserContext {
    const locale = localeFromLanguageId(settings.languageId, browserLanguage);
    const calendar = settings.dateFormattingInfo?.calendar?.algorithmType === 2 ? "islamic-umalqura" : "gregory";
    return {
        locale: locale.includes("-u-") ? locale : `${locale}-u-ca-${calendar}`,
        timeZoneOffsetMinutes: (date) => settings.getTimeZoneOffsetMinutes(date),
    };
}

/** The instant as the user's wall clock reads it, in ms, to be printed or counted as UTC (a host's odd offset counts as 0). */
export function userWallClock(user: Pick<UserContext, "timeZoneOffsetMinutes">, date: Date): number {
    const offset = Number(user.timeZoneOffsetMinutes(date));
    return date.getTime() + (Number.isFinite(offset) ? offset : 0) * MINUTE;
}
