import type { ConversationRecord } from "../host/port";
import { DAY } from "../refresh/timers";
import { userWallClock, type UserContext } from "./user";

/**
 * The records created at or after `since` (ms). `createdon` is always returned as an ISO date; a
 * record without a readable one is kept, since nothing says it is too old.
 */
export function createdSince(records: readonly ConversationRecord[], since: number): ConversationRecord[] {
    return records.filter((record) => {
        const created = dateOf(record.createdon);
        return created === undefined || created.getTime() >= since;
    });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A date the host sent as Web API text (ISO 8601); anything else is not read as a date. */
export function dateOf(raw: unknown): Date | undefined {
    if (typeof raw !== "string" || !ISO_DATE.test(raw)) return undefined;
    const date = new Date(raw);
    return Number.isNaN(date.getTime()) ? undefined : date;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * A date-only column's calendar date, as the UTC midnight of that day in ms: the Web API sends it as
 * `yyyy-MM-dd` (Edm.Date); a time after it, as some readers add, is ignored, so no time zone moves the day.
 */
export function calendarDateOf(raw: unknown): number | undefined {
    const match = typeof raw === "string" ? CALENDAR_DATE.exec(raw) : null;
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    // 2026-02-30 is no day: Date.UTC would roll it into March.
    return new Date(time).getUTCDate() === day && month >= 1 && month <= 12 ? time : undefined;
}

/**
 * The earliest `createdon` that `createdWithinDays` keeps: the user's midnight, in the user's Dataverse
 * time zone (as the list shows every date), N − 1 days before the user's today.
 */
export function createdWithinCutoff(days: number, now: Date, user: Pick<UserContext, "timeZoneOffsetMinutes">): number {
    const wallNow = userWallClock(user, now);
    const midnight = Math.floor(wallNow / DAY) * DAY - (days - 1) * DAY;
    // The instant the user's clock reads that midnight, with the offset in force then (summer time may begin between).
    const guess = midnight - (wallNow - now.getTime());
    return midnight - (userWallClock(user, new Date(guess)) - guess);
}
