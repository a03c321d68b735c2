import { channelLabelKey, channelValues, choiceValue, sentimentLabelKey, statusLabelKey } from "./choices";
import type { ColumnKind } from "./columns";
import { columnKind } from "./columns";
import { calendarDateOf, dateOf } from "./dates";
import type { Conversation, FieldValue } from "./model";
import { NO_DEFINITIONS, type ColumnDefinition, type ColumnDefinitions } from "../host/metadata";
import type { ConversationFormatter } from "./formatting";
import { NO_NAME } from "./formatting";
import { normalizeGuid } from "./guid";
import type { Strings } from "./strings";

/** One cell as shown: plain text (never HTML), an optional second line, and what it sorts by. */
export interface Cell {
    text: string;
    /** A date's age ("12 min. ago"), shown under it. */
    age?: string;
    sortValue: string | number | undefined;
    /** For the status badge's colour. */
    statusCode?: number;
    /** For the channel icons. */
    channels?: readonly number[];
    /** msdyn_customersentimentlabel, for the sentiment icon. */
    sentiment?: number;
    /** Waiting past the maker's waitingAlertMinutes: the words, shown under the time in status with an icon, never colour alone. */
    alert?: string;
}

export interface ConversationRow {
    /** Its key is the conversation's. */
    conversation: Conversation;
    /** The title, or a stand-in, for screen readers and messages. */
    label: string;
    openable: boolean;
    /** One column's cell, formatted the first time it is asked for (when the grid paints it) and kept for this answer. */
    cell(column: string): Cell;
    /** What the row sorts by in a column: raw numbers and instants where the column holds them, never formatted text. */
    sortValue(column: string): string | number | undefined;
    /** Every cell's text, lower-cased, for quick find: built on the first search. */
    readonly searchText: string;
}

/** statuscode Waiting. */
const WAITING = 3;
const EMPTY: Cell = { text: "", sortValue: undefined };

/** How one column of one answer is read: its kind (undefined: told by each value) and the org's definition. */
interface ColumnSpec {
    kind?: ColumnKind;
    definition?: ColumnDefinition;
}

/** A column the org's metadata does not type, nor the control know, is shown by what its value looks like. */
function kindOf(spec: ColumnSpec, raw: unknown): ColumnKind {
    if (spec.kind) return spec.kind;
    if (typeof raw === "boolean") return "boolean";
    if (typeof raw === "number") return "number";
    if (dateOf(raw)) return "dateTime";
    return "text";
}

/** What a date, a time in status or a number sorts by, from the raw value without formatting; undefined for other kinds. */
function measuredSortValue(kind: ColumnKind, raw: unknown, definition: ColumnDefinition | undefined): number | undefined {
    switch (kind) {
        case "dateTime":
            // A date-only value is a calendar date: it sorts as the day, which no time zone moves.
            return definition?.dateBehavior === "dateOnly" ? calendarDateOf(raw) : dateOf(raw)?.getTime();
        case "inStatus": {
            // Shortest time in the status first: the latest change first.
            const changed = dateOf(raw);
            return changed ? -changed.getTime() : undefined;
        }
        case "duration":
        case "number":
        case "money":
            return typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
        default:
            return undefined;
    }
}

const textCell = (text: string): Cell => ({ text, sortValue: text === "" ? undefined : text });

/** A choice's text: the server's formatted value, else the org's label, else the resx label, else the bare number. */
function choiceText(code: number | undefined, formatted: string | undefined, definition: ColumnDefinition | undefined, labelKey: ((code: number) => string) | undefined, strings: Strings): string {
    if (formatted !== undefined) return formatted;
    if (code === undefined) return "";
    return definition?.options?.get(code) ?? (labelKey && strings.optional(labelKey(code))) ?? String(code);
}

/** A status's label for one answer's chips and badges alike. */
export type StatusLabel = (code: number) => string;

/**
 * The org's status reason label from metadata (custom and renamed ones included, in the user's
 * language), else the server's formatted value when any conversation of the answer carries one for
 * that status, else the resx label, else the bare number. The server's are read up front, so that a row
 * the grid keeps drawn holds its own record, not the whole answer.
 */
export function statusLabeller(conversations: readonly Conversation[], strings: Strings, definitions: ColumnDefinitions = NO_DEFINITIONS): StatusLabel {
    const labels = new Map<number, string>(definitions.columns.get("statuscode")?.options);
    for (const conversation of conversations) {
        const code = conversation.statusCode;
        const formatted = code === undefined || labels.has(code) ? undefined : conversation.field("statuscode").formatted;
        if (formatted !== undefined) labels.set(code!, formatted);
    }
    return (code) => {
        let label = labels.get(code);
        if (label === undefined) labels.set(code, (label = strings.optional(statusLabelKey(code)) ?? String(code)));
        return label;
    };
}

/**
 * A date and time cell by the column's behaviour: user local in the user's time zone (with its age),
 * date only as its calendar date, time zone independent as stored; the format decides whether a time
 * is shown. Formatted here, not by the server, so every date column reads the same way.
 */
function dateCell(value: FieldValue, definition: ColumnDefinition | undefined, formatter: ConversationFormatter, now: Date): Cell {
    const { raw, formatted } = value;
    const behavior = definition?.dateBehavior ?? "userLocal";
    if (behavior === "dateOnly") {
        const day = calendarDateOf(raw);
        return day === undefined ? textCell(formatted ?? "") : { text: formatter.calendarDate(day), sortValue: day };
    }
    const date = dateOf(raw);
    if (!date) return textCell(formatted ?? "");
    const withTime = definition?.dateOnlyFormat !== true;
    if (behavior === "timeZoneIndependent") return { text: formatter.wallClock(date, withTime), sortValue: date.getTime() };
    if (!withTime) return { text: formatter.date(date), sortValue: date.getTime() };
    return { text: formatter.dateTime(date), age: formatter.age(date, now), sortValue: date.getTime() };
}

/** Builds the cells of one column; the server's formatted text wins whenever it sent one, but for dates. */
function toCell(spec: ColumnSpec, value: FieldValue, strings: Strings, formatter: ConversationFormatter, now: Date, statusLabel: StatusLabel): Cell {
    const { raw, formatted } = value;
    const { definition } = spec;
    const kind = kindOf(spec, raw);
    switch (kind) {
        case "status": {
            const code = choiceValue(raw);
            const text = code === undefined ? (formatted ?? "") : statusLabel(code);
            return { text, sortValue: text || undefined, statusCode: code };
        }
        case "channel": {
            const channels = channelValues(raw);
            const labels = channels.map((code) => choiceText(code, undefined, definition, channelLabelKey, strings));
            // The server joins a multi-select's labels with "; ": the control joins them with ", " like everything else.
            return { ...textCell(formatted !== undefined ? formatted.split(/\s*;\s*/).join(", ") : labels.join(", ")), channels };
        }
        case "multiChoice": {
            const labels = channelValues(raw).map((code) => choiceText(code, undefined, definition, undefined, strings));
            return textCell(formatted !== undefined ? formatted.split(/\s*;\s*/).join(", ") : labels.join(", "));
        }
        case "choice":
            return textCell(choiceText(choiceValue(raw), formatted, definition, undefined, strings));
        case "sentiment": {
            const code = choiceValue(raw);
            // Sorted by the scale's value, so "Very negative" and "Very positive" end up at opposite ends.
            return { text: choiceText(code, formatted, definition, sentimentLabelKey, strings), sortValue: code, sentiment: code };
        }
        case "dateTime":
            return dateCell(value, definition, formatter, now);
        case "inStatus": {
            // How long since the status last changed.
            const date = dateOf(raw);
            if (!date) return textCell(formatted ?? "");
            return { text: formatter.duration(Math.max(0, (now.getTime() - date.getTime()) / 1000)), sortValue: measuredSortValue(kind, raw, definition) };
        }
        case "duration":
        case "number":
        case "money": {
            const number = typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
            if (number === undefined) return textCell(formatted ?? "");
            // Money's formatted value carries the record's currency symbol.
            const text = kind === "duration" ? formatter.duration(number) : (formatted ?? formatter.number(number));
            return { text, sortValue: number };
        }
        case "boolean":
            if (typeof raw !== "boolean") return textCell(formatted ?? "");
            return textCell(formatted ?? strings.text(raw ? "Value_Yes" : "Value_No"));
        case "lookup":
        case "text":
            // Objects and arrays are not something a text cell can show faithfully: leave them out.
            if (formatted !== undefined) return textCell(formatted);
            // A bare id means nothing to an agent: a lookup or id without its name shows a dash.
            if (typeof raw === "string") return normalizeGuid(raw) ? { text: NO_NAME, sortValue: undefined } : textCell(raw);
            if (typeof raw === "number" && Number.isFinite(raw)) return { text: formatter.number(raw), sortValue: raw };
            return EMPTY;
    }
}

/** What every row of one answer shares. */
interface RowContext {
    columns: readonly string[];
    specs: ReadonlyMap<string, ColumnSpec>;
    strings: Strings;
    formatter: ConversationFormatter;
    now: Date;
    untitled: string;
    /** Waiting longer than this in the status is marked; 0 marks none. */
    waitingAlertSeconds: number;
    statusLabel: StatusLabel;
}

/** A row that does no work until the grid paints it or quick find searches it. */
class Row implements ConversationRow {
    /** Made on the first paint: most rows of a long answer are never painted. */
    #cells?: Map<string, Cell>;
    #lowerText?: string;
    readonly #context: RowContext;

    constructor(
        public readonly conversation: Conversation,
        context: RowContext,
    ) {
        this.#context = context;
    }

    public get openable(): boolean {
        return this.conversation.conversationId !== undefined;
    }

    public get label(): string {
        return this.conversation.title ?? this.#context.untitled;
    }

    public cell(column: string): Cell {
        this.#cells ??= new Map();
        let cell = this.#cells.get(column);
        if (!cell) this.#cells.set(column, (cell = this.#make(column)));
        return cell;
    }

    public sortValue(column: string): string | number | undefined {
        const value = this.conversation.field(column);
        const spec = this.#spec(column);
        // Dates, times in status and numbers without formatting them; otherwise labels and the server's texts, kept only for rows already painted.
        return measuredSortValue(kindOf(spec, value.raw), value.raw, spec.definition) ?? (this.#cells?.get(column) ?? this.#make(column, value)).sortValue;
    }

    #spec(column: string): ColumnSpec {
        return this.#context.specs.get(column) ?? { kind: columnKind(column) };
    }

    #make(column: string, value = this.conversation.field(column)): Cell {
        const { strings, formatter, now, waitingAlertSeconds, statusLabel } = this.#context;
        const spec = this.#spec(column);
        const cell = toCell(spec, value, strings, formatter, now, statusLabel);
        // An In status cell sorts by minus the time of the change: now plus it is the time spent in the status.
        const waitingTooLong =
            waitingAlertSeconds > 0 &&
            spec.kind === "inStatus" &&
            this.conversation.statusCode === WAITING &&
            typeof cell.sortValue === "number" &&
            (now.getTime() + cell.sortValue) / 1000 > waitingAlertSeconds;
        return waitingTooLong ? { ...cell, alert: strings.text("InStatus_WaitingLong") } : cell;
    }

    public get searchText(): string {
        this.#lowerText ??= this.#context.columns.map((column) => this.cell(column).text).join("\n").toLocaleLowerCase();
        return this.#lowerText;
    }
}

/**
 * Whether two rows' cells read the same in these columns (formatting them, as painting would): every answer
 * makes new rows, and a drawn row that reads as it did need not be painted again. A cell is plain data.
 */
export const sameCells = (a: ConversationRow, b: ConversationRow, columns: readonly string[]): boolean =>
    a === b || columns.every((column) => JSON.stringify(a.cell(column)) === JSON.stringify(b.cell(column)));

/** Turns normalized conversations into display rows for the given columns; cells are made on demand. */
export function toRows(
    conversations: readonly Conversation[],
    columns: readonly string[],
    strings: Strings,
    formatter: ConversationFormatter,
    now: Date,
    /** Waiting conversations longer than this in their status are marked; undefined or 0 marks none. */
    waitingAlertMinutes?: number,
    /** The org's definitions of the columns: their types, date behaviours and choice labels. */
    definitions: ColumnDefinitions = NO_DEFINITIONS,
    /** The answer's status labels, when the caller already has them for its chips. */
    statusLabel: StatusLabel = statusLabeller(conversations, strings, definitions),
): ConversationRow[] {
    const specs = new Map<string, ColumnSpec>();
    for (const column of columns) {
        const definition = definitions.columns.get(column);
        specs.set(column, { kind: columnKind(column, definition), definition });
    }
    const context: RowContext = {
        columns,
        specs,
        strings,
        formatter,
        now,
        untitled: strings.text("Row_Untitled"),
        waitingAlertSeconds: (waitingAlertMinutes ?? 0) * 60,
        statusLabel,
    };
    return conversations.map((conversation) => new Row(conversation, context));
}

/** Quick find: rows whose shown text contains every word of the query, in any column. */
export function filterRows(rows: readonly ConversationRow[], query: string): readonly ConversationRow[] {
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return rows;
    return rows.filter((row) => words.every((word) => row.searchText.includes(word)));
}

export interface SortOrder {
    column: string;
    descending: boolean;
}

/** One list's rows in the order of a column. */
export type RowSorter = (order: SortOrder) => readonly ConversationRow[];

/**
 * Sorts one list of rows (one answer, one quick find) by its columns: stable, so ties keep the list's
 * order, with empty cells last in either direction. Each order is kept, and a column's other direction
 * is sorted from the order already there, which is nearly linear: clicking a header again, or back,
 * costs no second full sort. A maker-added column can mix numbers and texts (its kind is read from each
 * value): numbers come before texts, so the order is one order whatever order the host sent.
 */
export function rowSorter(rows: readonly ConversationRow[], collator: Intl.Collator): RowSorter {
    const orders = new Map<string, readonly ConversationRow[]>();
    const sorted = new Map<string, { row: ConversationRow; key: string | number | undefined }[]>();
    return ({ column, descending }) => {
        const id = `${descending}${column}`;
        let order = orders.get(id);
        if (!order) {
            const direction = descending ? -1 : 1;
            const keyed = (sorted.get(column) ?? rows.map((row) => ({ row, key: row.sortValue(column) }))).sort(({ key: a }, { key: b }) => {
                if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
                if (typeof a === "number" && typeof b === "number") return (a - b) * direction;
                if (typeof a === "string" && typeof b === "string") return a === b ? 0 : collator.compare(a, b) * direction;
                return (typeof a === "number" ? -1 : 1) * direction;
            });
            sorted.set(column, keyed);
            orders.set(id, (order = keyed.map(({ row }) => row)));
        }
        return order;
    };
}
