import { choiceValue } from "../conversations/choices";
import { normalizeGuid } from "../conversations/guid";
import type { SettingName } from "../conversations/request";
import type { HostError } from "./errors";
import { ID_COLUMNS, type ConversationRecord, type GetConversationsInput } from "./port";

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

/** One column of one conversation: the value as sent, and the server's formatted text if it sent one. */
export interface FieldValue {
    raw: unknown;
    formatted?: string;
}

/** A conversation record, normalized so that nothing downstream cares which lookup form the host used. */
export interface Conversation {
    /** The conversation id as the host sent it, else the record's place in the answer: what a refresh finds the focused conversation by. */
    readonly key: string;
    /** Undefined when the record carries no id: such a row is shown but cannot be opened. */
    readonly conversationId?: string;
    readonly lastSessionId?: string;
    readonly workstreamId?: string;
    readonly title?: string;
    /** statuscode, which the host always returns: the status chips count and filter by it. */
    readonly statusCode?: number;
    /** One column's value, whichever form the host sent it in. */
    field(column: string): FieldValue;
}

export type AnswerFailure = "hostReportedFailure" | "unrecognisedAnswer";

/** `moreRecords`: the host's unpaged Web API query stopped at its 5,000-row limit. */
export type ConversationsAnswer = { ok: true; records: ConversationRecord[]; moreRecords: boolean } | { ok: false; failure: AnswerFailure };

const MORE_RECORDS = "@Microsoft.Dynamics.CRM.morerecords";

export const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads what `getConversations` resolved with. The workspace's script resolves
 * `{ status: true, result: <raw Web API JSON> }`, so the records are in `result.value`; an earlier
 * revision of the docs page says `result.values`, so that is read too. A missing `status` is accepted
 * (the current page says only "resolved"); anything else is unrecognised. The input is typed as a JSON string in the docs, so a JSON string
 * answer is accepted as well.
 */
export function readConversationsAnswer(answer: unknown): ConversationsAnswer {
    let parsed = answer;
    if (typeof answer === "string") {
        try {
            parsed = JSON.parse(answer) as unknown;
        } catch {
            return { ok: false, failure: "unrecognisedAnswer" };
        }
    }
    if (!isObject(parsed)) return { ok: false, failure: "unrecognisedAnswer" };
    if (parsed.status === false) return { ok: false, failure: "hostReportedFailure" };
    const result = isObject(parsed.result) ? parsed.result : undefined;
    const values = Array.isArray(result?.value) ? result.value : result?.values;
    if (!result || !Array.isArray(values) || (parsed.status !== true && parsed.status !== undefined)) {
        return { ok: false, failure: "unrecognisedAnswer" };
    }
    return { ok: true, records: values.filter(isObject), moreRecords: result[MORE_RECORDS] === true };
}

/** Dataverse's code for a query naming a column the table does not have. */
export const UNKNOWN_ATTRIBUTE_CODE = "0x80041103";

/** The property that sent a column the table lacks, and the column. */
export interface UnknownColumn {
    setting: Extract<SettingName, "columns" | "orderBy">;
    column: string;
}

/**
 * Reads Dataverse's "entity doesn't contain attribute with Name = 'x'" refusal: which column, and
 * whether Columns or Order sent it. Undefined when the refusal is another, or names a column the
 * request did not send.
 */
export function unknownColumnOf(error: HostError, input: GetConversationsInput): UnknownColumn | undefined {
    if (error.code?.toLowerCase() !== UNKNOWN_ATTRIBUTE_CODE) return undefined;
    const column = /attribute with Name = '([^']+)'/i.exec(error.message ?? "")?.[1]?.toLowerCase();
    if (!column) return undefined;
    if (input.attributes?.some((name) => name.toLowerCase() === column)) return { setting: "columns", column };
    if (input.orderBy?.some((key) => key.attributeName.toLowerCase() === column)) return { setting: "orderBy", column };
    return undefined;
}

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

/** The four names a column may come under: `name` or Web API style `_name_value`, each with its formatted text. */
interface FieldKeys {
    name: string;
    lookup: string;
    formatted: string;
    lookupFormatted: string;
}

/** Worked out once per answer and column, not per record. */
function keysOf(name: string): FieldKeys {
    const lookup = `_${name}_value`;
    return { name, lookup, formatted: `${name}${FORMATTED}`, lookupFormatted: `${lookup}${FORMATTED}` };
}

/** A column's value as sent, in whichever form. */
const rawOf = (record: ConversationRecord, keys: FieldKeys): unknown => record[keys.name] ?? record[keys.lookup];

function fieldOf(record: ConversationRecord, keys: FieldKeys): FieldValue {
    const raw = rawOf(record, keys);
    const formatted = record[keys.formatted] ?? record[keys.lookupFormatted];
    return typeof formatted === "string" ? { raw, formatted } : { raw };
}

/** An id as the host sent it, trimmed; a blank one is none. */
function sentIdOf(record: ConversationRecord, keys: FieldKeys): string | undefined {
    const raw = rawOf(record, keys);
    const id = typeof raw === "string" ? raw.trim() : "";
    return id === "" ? undefined : id;
}

/** An id as `openConversation` needs it: the script compares with `!=`, so GUIDs go lower case without braces. */
function idOf(record: ConversationRecord, keys: FieldKeys): string | undefined {
    const id = sentIdOf(record, keys);
    return id === undefined ? undefined : (normalizeGuid(id) ?? id);
}

/** The columns every conversation reads besides the shown ones: its ids, title and status. */
const OWN_KEYS = {
    conversation: keysOf(ID_COLUMNS.conversation),
    activity: keysOf("activityid"),
    session: keysOf(ID_COLUMNS.session),
    workstream: keysOf(ID_COLUMNS.workstream),
    title: keysOf("msdyn_title"),
    status: keysOf("statuscode"),
};

function textOf(value: FieldValue): string | undefined {
    if (value.formatted) return value.formatted;
    return typeof value.raw === "string" && value.raw.trim() !== "" ? value.raw : undefined;
}

/**
 * A record read as it is needed: the key and status of every record up front (a refresh finds the
 * focused conversation by its key, the status chips count them all), the rest when a row is painted,
 * searched, sorted or opened.
 */
class AnswerConversation implements Conversation {
    readonly #record: ConversationRecord;
    readonly #columnKeys: ReadonlyMap<string, FieldKeys>;

    constructor(
        record: ConversationRecord,
        columnKeys: ReadonlyMap<string, FieldKeys>,
        public readonly key: string,
        public readonly statusCode: number | undefined,
    ) {
        this.#record = record;
        this.#columnKeys = columnKeys;
    }

    public get conversationId(): string | undefined {
        return idOf(this.#record, OWN_KEYS.conversation) ?? idOf(this.#record, OWN_KEYS.activity);
    }

    public get lastSessionId(): string | undefined {
        return idOf(this.#record, OWN_KEYS.session);
    }

    public get workstreamId(): string | undefined {
        return idOf(this.#record, OWN_KEYS.workstream);
    }

    public get title(): string | undefined {
        return textOf(fieldOf(this.#record, OWN_KEYS.title));
    }

    public field(column: string): FieldValue {
        return fieldOf(this.#record, this.#columnKeys.get(column) ?? keysOf(column));
    }
}

/** Normalizes the records of one answer; `columns` are the columns the grid shows. */
export function toConversations(records: readonly ConversationRecord[], columns: readonly string[]): Conversation[] {
    const columnKeys = new Map(columns.map((column) => [column, keysOf(column)]));
    return records.map((record, index) => {
        // The id as sent makes the key: normalizing ten thousand GUIDs nobody opens costs more than reading them, and
        // so would a set to tell repeats apart (a host answering one id twice sent one conversation twice).
        const key = sentIdOf(record, OWN_KEYS.conversation) ?? sentIdOf(record, OWN_KEYS.activity) ?? `row-${index}`;
        return new AnswerConversation(record, columnKeys, key, choiceValue(rawOf(record, OWN_KEYS.status)));
    });
}
