import { choiceValue } from "./choices";
import { normalizeGuid } from "./guid";
import { ID_COLUMNS, type ConversationRecord } from "../host/port";

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
