/**
 * Choice values of the Conversation table (msdyn_ocliveworkitem) as omnichannel.md publishes them.
 * Labels live in the resx files under keys built from these values.
 */

/** statuscode values; the canonical English names are also accepted in the Statuses property. */
export const STATUS_CODES: Readonly<Record<number, string>> = {
    1: "open",
    2: "active",
    3: "waiting",
    4: "closed",
    5: "wrap-up",
    6: "resolved",
    7: "scheduled",
};

/** What the workspace's own "My work items" shows. */
export const DEFAULT_STATUS_CODES: readonly number[] = [2, 3, 5];

/** msdyn_channel values (global choice msdyn_streamsource). */
export const CHANNEL_CODES: readonly number[] = [
    19241000, 192300000, 192310000, 192320000, 192330000, 192340000, 192350000, 192350001, 192350002, 192360000,
    192370000, 192380000, 192390000, 192400000, 192440000, 192450000, 192450001,
];

/** msdyn_customersentimentlabel values. */
export const SENTIMENT_CODES: readonly number[] = [0, 7, 8, 9, 10, 11, 12, 13];

export const statusLabelKey = (code: number): string => `Status_${code}`;
export const channelLabelKey = (code: number): string => `Channel_${code}`;
export const sentimentLabelKey = (code: number): string => `Sentiment_${code}`;

/** Reads a choice value that may arrive as a number or a numeric string. */
export function choiceValue(raw: unknown): number | undefined {
    if (typeof raw === "number" && Number.isInteger(raw)) return raw;
    if (typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw)) return Number(raw);
    return undefined;
}

/** msdyn_channel is multi-select: a number, a comma-separated string or an array. */
export function channelValues(raw: unknown): number[] {
    const parts = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === "string" ? raw.split(",") : [raw];
    return parts.map(choiceValue).filter((value): value is number => value !== undefined);
}
