import { DAY, MINUTE } from "../refresh/timers";
import { userWallClock, type UserContext } from "./user";

/** Shown for a value that is there but has no name to show (a lookup the host sent as a bare id). */
export const NO_NAME = "\u2014";

/** Dates, ages, durations and numbers in the user's locale, calendar and time zone. Built once per control. */
export class ConversationFormatter {
    readonly #dateTimeFormat: Intl.DateTimeFormat;
    readonly #dateFormat: Intl.DateTimeFormat;
    readonly #relativeFormat: Intl.RelativeTimeFormat;
    readonly #numberFormat: Intl.NumberFormat;
    /** Second, minute, hour and day, as in "4 min". */
    readonly #units: readonly Intl.NumberFormat[];
    public readonly collator: Intl.Collator;

    readonly #user: UserContext;

    constructor(user: UserContext) {
        this.#user = user;
        const { locale } = user;
        // The date is shifted to the user's time zone by hand, then printed as UTC.
        this.#dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "UTC" });
        this.#dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" });
        this.#relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
        this.#numberFormat = new Intl.NumberFormat(locale);
        this.#units = ["second", "minute", "hour", "day"].map((unit) => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short" }));
        this.collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
    }

    public dateTime(date: Date): string {
        return this.#dateTimeFormat.format(new Date(this.#userTime(date)));
    }

    /** The user's calendar date of an instant, without its time. */
    public date(date: Date): string {
        return this.#dateFormat.format(new Date(this.#userTime(date)));
    }

    /** A calendar date (a date-only column's, as UTC midnight in ms): the same day in every time zone. */
    public calendarDate(day: number): string {
        return this.#dateFormat.format(new Date(day));
    }

    /** A time zone independent value: the stored wall clock, shown as it is, with or without its time. */
    public wallClock(date: Date, withTime: boolean): string {
        return (withTime ? this.#dateTimeFormat : this.#dateFormat).format(date);
    }

    #userTime(date: Date): number {
        return userWallClock(this.#user, date);
    }

    /**
     * "12 min. ago", "3 hr. ago", "yesterday", "3 days ago": minutes and hours rounded to the nearest,
     * days counted in midnights passed in the user's time zone, so "yesterday" is never this morning.
     */
    public age(date: Date, now: Date): string {
        const minutes = Math.round(Math.max(0, now.getTime() - date.getTime()) / MINUTE);
        if (minutes < 60) return this.#relativeFormat.format(-minutes, "minute");
        const hours = Math.round(minutes / 60);
        const days = Math.floor(this.#userTime(now) / DAY) - Math.floor(this.#userTime(date) / DAY);
        if (hours < 24 || days < 1) return this.#relativeFormat.format(-hours, "hour");
        return this.#relativeFormat.format(-days, "day");
    }

    /** "in 4 min.": how long until `date` at `now`, in whole minutes rounded up. */
    public until(date: Date, now: Date): string {
        return this.#relativeFormat.format(Math.max(0, Math.ceil((date.getTime() - now.getTime()) / MINUTE)), "minute");
    }

    /**
     * A wait or a time in status, in its two largest units rounded to the nearest of the smaller:
     * "45 sec", "4 min 12 sec", "1 hr 5 min", "3 days 4 hr". A zero second unit is left out.
     */
    public duration(totalSeconds: number): string {
        const seconds = Math.max(0, Math.round(totalSeconds));
        if (seconds < 60) return this.#units[0].format(seconds);
        if (seconds < 3600) return this.#pair(1, Math.floor(seconds / 60), 0, seconds % 60);
        const minutes = Math.round(seconds / 60);
        if (minutes < 24 * 60) return this.#pair(2, Math.floor(minutes / 60), 1, minutes % 60);
        const hours = Math.round(seconds / 3600);
        return this.#pair(3, Math.floor(hours / 24), 2, hours % 24);
    }

    /** "1 hr 5 min", or "1 hr" when the smaller unit is zero; units index `this.#units`. */
    #pair(big: number, bigCount: number, small: number, smallCount: number): string {
        const first = this.#units[big].format(bigCount);
        return smallCount === 0 ? first : `${first} ${this.#units[small].format(smallCount)}`;
    }

    public number(value: number): string {
        return this.#numberFormat.format(value);
    }
}
