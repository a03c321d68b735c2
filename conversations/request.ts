import { DEFAULT_STATUS_CODES, STATUS_NAMES } from "./choices";
import { COLUMNS_FOR_OPENING_AND_LABELLING, DEFAULT_COLUMNS, LOGICAL_NAME } from "./columns";
import { normalizeGuid } from "./guid";
import type { GetConversationsInput, OrderByKey } from "../host/port";
import { NO_DEFINITIONS, type ColumnDefinitions } from "../host/metadata";

/** The maker-facing properties, named as in the manifest. */
export type SettingName =
    | "agent"
    | "agentFallback"
    | "statuses"
    | "columns"
    | "orderBy"
    | "createdWithinDays"
    | "createdAtLeastDaysAgo"
    | "refreshMinutes"
    | "waitingAlertMinutes";

/** A Whole.None property: a number, or an empty string when a maker (or the test harness) cleared it. */
export type WholeNumberSetting = number | string | null | undefined;

/** Property values as the host hands them over, before any validation. */
export interface ConversationSettings {
    /** The bound column: a GUID as text, or a lookup (array of `{ id, entityType }`). */
    agent: unknown;
    /** The tables a bound lookup points to (its metadata's Targets), when the platform says. */
    agentTargets?: readonly string[];
    /** False when column security keeps the bound column from this user: its value is then null, not empty. */
    agentReadable?: boolean;
    /** "currentUser" (default) or "none". */
    agentFallback: string | null | undefined;
    currentUserId: string | null | undefined;
    statuses: string | null | undefined;
    columns: string | null | undefined;
    orderBy: string | null | undefined;
    createdWithinDays: WholeNumberSetting;
    createdAtLeastDaysAgo: WholeNumberSetting;
    refreshMinutes: WholeNumberSetting;
    waitingAlertMinutes?: WholeNumberSetting;
}

export type ProblemCode =
    | "noAgent"
    | "notAGuid"
    | "agentNotText"
    /** The bound lookup points to another table than User (value: that table). */
    | "agentNotAUser"
    /** Column security keeps the bound column from the signed-in user. */
    | "agentNotReadable"
    | "currentUserNotAGuid"
    | "unknownStatus"
    | "notALogicalName"
    | "unknownSortDirection"
    | "notAWholeNumber"
    | "refreshTooLong"
    | "noAgeLeft"
    /** The org's metadata says the table has no such column (value: the column). */
    | "unknownColumn";

/** One thing wrong with one property; `value` is the offending piece of text. */
export interface SettingsProblem {
    setting: SettingName;
    code: ProblemCode;
    value?: string;
}

export interface ConversationRequest {
    kind: "request";
    input: GetConversationsInput;
    /** Equal keys mean equal requests: the feed fetches again only when the key changes. */
    key: string;
    /** The columns to show, in order. */
    columns: string[];
    /** Minutes between automatic refreshes; 0 turns them off. */
    refreshMinutes: number;
    /** Waiting conversations longer than this many minutes in their status are marked; 0 marks none. */
    waitingAlertMinutes: number;
    /** Keep only conversations created in the last N local days: the host has no such filter. */
    createdWithinDays?: number;
}

export interface InvalidSettings {
    kind: "invalid";
    problems: SettingsProblem[];
}

export type RequestPlan = ConversationRequest | InvalidSettings;

/** One problem and the text that caused it (only "noAgent" has none). */
const problem = (setting: SettingName, code: ProblemCode, value: string): SettingsProblem => ({ setting, code, value });

const DEFAULT_ORDER: readonly OrderByKey[] = [{ attributeName: "createdon", descending: true }];
const DEFAULT_REFRESH_MINUTES = 5;
/** A day. Longer intervals would also overflow the browser's timers and fire at once. */
const MAX_REFRESH_MINUTES = 1440;

const listItems = (text: string): string[] =>
    text
        .split(/[,;]/)
        .map((item) => item.trim())
        .filter((item) => item !== "");
const unique = <T>(items: T[]): T[] => Array.from(new Set(items));

/** The table a lookup must point to for its id to be an agent's. */
const USER_TABLE = "systemuser";

/**
 * What a bound agent column holds: nothing (fall back), an id as text or a user lookup, a lookup to
 * another table, or a value of another type.
 */
export type AgentColumnValue = { kind: "empty" } | { kind: "id"; id: string } | { kind: "otherTable"; table: string } | { kind: "notText"; value: string };

/** Reads the bound column: plain text, or the first entry of a lookup value. */
export function readAgentColumn(value: unknown): AgentColumnValue {
    if (value === null || value === undefined) return { kind: "empty" };
    if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "id", id: value };
    if (Array.isArray(value) && value.length === 0) return { kind: "empty" };
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (first && typeof first === "object" && typeof (first as { id?: unknown }).id === "string") {
        const { id, entityType } = first as { id: string; entityType?: unknown };
        // A team, a queue or a contact has an id too, which getConversations would take for an agent's and answer nothing for.
        if (typeof entityType === "string" && entityType !== "" && entityType.toLowerCase() !== USER_TABLE) return { kind: "otherTable", table: entityType };
        return { kind: "id", id };
    }
    // A number, a date, a lookup without an id: the maker bound the wrong column, which must not silently become the signed-in user.
    return { kind: "notText", value: JSON.stringify(value) ?? typeof value };
}

function resolveAgent(settings: ConversationSettings, problems: SettingsProblem[]): string | undefined {
    // An unreadable column is null, like an empty one: falling back would show the signed-in user's conversations as this record's.
    if (settings.agentReadable === false) {
        problems.push({ setting: "agent", code: "agentNotReadable" });
        return undefined;
    }
    // An empty lookup to a queue would fall back too: its metadata names the table it points to.
    const targets = settings.agentTargets ?? [];
    const notUsers = targets.length > 0 && !targets.some((table) => table.toLowerCase() === USER_TABLE);
    const column = notUsers ? { kind: "otherTable" as const, table: targets.join(", ") } : readAgentColumn(settings.agent);
    if (column.kind === "otherTable") {
        problems.push(problem("agent", "agentNotAUser", column.table));
        return undefined;
    }
    if (column.kind === "notText") {
        problems.push(problem("agent", "agentNotText", column.value));
        return undefined;
    }
    if (column.kind === "id") {
        const agentId = normalizeGuid(column.id);
        if (!agentId) problems.push(problem("agent", "notAGuid", column.id));
        return agentId;
    }
    if (settings.agentFallback === "none") {
        problems.push({ setting: "agent", code: "noAgent" });
        return undefined;
    }
    const agentId = normalizeGuid(settings.currentUserId ?? "");
    if (!agentId) problems.push(problem("agentFallback", "currentUserNotAGuid", settings.currentUserId ?? ""));
    return agentId;
}

const canonicalLabel = (label: string): string => label.toLowerCase().replace(/[\s_-]/g, "");

/** Every shipped language's status names, made once: a maker's value means the same for every viewer. */
let shippedNames: Map<string, number> | undefined;
const shippedStatusNames = (): Map<string, number> =>
    (shippedNames ??= new Map(Object.values(STATUS_NAMES).flatMap((line) => line.split("|").map((name, index) => [canonicalLabel(name), index + 1] as const))));

/**
 * Statuses as numbers or labels: the status names in any shipped language (a French maker's "Actif, En
 * attente" works for an English agent), and the org's own status reason labels (custom ones included)
 * as its metadata gives them.
 */
function resolveStatuses(text: string | null | undefined, orgLabels: ReadonlyMap<number, string> | undefined, problems: SettingsProblem[]): number[] {
    const items = listItems(text ?? "");
    if (items.length === 0) return [...DEFAULT_STATUS_CODES];
    // The org's labels first (they may rename a status); the shipped names are not copied on every updateView.
    const orgByLabel = new Map<string, number>();
    for (const [code, label] of orgLabels ?? []) orgByLabel.set(canonicalLabel(label), code);

    const codes: number[] = [];
    for (const item of items) {
        const label = canonicalLabel(item);
        const code = /^\d+$/.test(item) ? Number(item) : (orgByLabel.get(label) ?? shippedStatusNames().get(label));
        if (code === undefined || !Number.isSafeInteger(code)) problems.push(problem("statuses", "unknownStatus", item));
        else codes.push(code);
    }
    return unique(codes);
}

function resolveColumns(text: string | null | undefined, problems: SettingsProblem[]): string[] {
    const items = listItems(text ?? "");
    if (items.length === 0) return [...DEFAULT_COLUMNS];
    const columns: string[] = [];
    for (const item of items) {
        if (LOGICAL_NAME.test(item)) columns.push(item.toLowerCase());
        else problems.push(problem("columns", "notALogicalName", item));
    }
    return unique(columns);
}

const DIRECTIONS: Readonly<Record<string, boolean>> = { asc: false, ascending: false, desc: true, descending: true };

function resolveOrder(text: string | null | undefined, problems: SettingsProblem[]): OrderByKey[] {
    const items = listItems(text ?? "");
    if (items.length === 0) return DEFAULT_ORDER.map((key) => ({ ...key }));
    const order: OrderByKey[] = [];
    for (const item of items) {
        const [name, direction, ...rest] = item.split(/\s+/);
        if (!LOGICAL_NAME.test(name)) {
            problems.push(problem("orderBy", "notALogicalName", name));
            continue;
        }
        const descending = direction === undefined ? false : DIRECTIONS[direction.toLowerCase()];
        if (descending === undefined || rest.length > 0) {
            problems.push(problem("orderBy", "unknownSortDirection", item));
            continue;
        }
        order.push({ attributeName: name.toLowerCase(), descending });
    }
    return order;
}

/** A whole number of 0 or more; empty (null, or a cleared field's "") is undefined. */
function resolveWholeNumber(setting: SettingName, value: WholeNumberSetting, problems: SettingsProblem[]): number | undefined {
    if (value == null || (typeof value === "string" && value.trim() === "")) return undefined;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
        problems.push(problem(setting, "notAWholeNumber", String(value)));
        return undefined;
    }
    return value;
}

/**
 * The columns whose definitions the org's metadata is asked for: the shown ones, the order's, and
 * statuscode for the status reason labels. Malformed names are left out (the plan names them).
 */
export function columnsToDescribe(settings: Pick<ConversationSettings, "columns" | "orderBy">): string[] {
    const ignored: SettingsProblem[] = [];
    const order = resolveOrder(settings.orderBy, ignored).map((key) => key.attributeName);
    return unique([...resolveColumns(settings.columns, ignored), ...order, "statuscode"]);
}

/** A shown or order column that the org's metadata says the table lacks, named before anything is asked. */
function checkColumnsExist(columns: readonly string[], orderBy: readonly OrderByKey[], definitions: ColumnDefinitions, problems: SettingsProblem[]): void {
    if (!definitions.answered) return;
    const missing = (column: string) => !definitions.columns.has(column);
    for (const column of columns.filter(missing)) problems.push(problem("columns", "unknownColumn", column));
    for (const key of orderBy.filter((key) => missing(key.attributeName))) problems.push(problem("orderBy", "unknownColumn", key.attributeName));
}

/**
 * Works out the `getConversations` request from the maker's properties, validating every one
 * (against the org's column definitions when there are any). Pure: the same settings always give
 * the same plan (and the same key).
 */
export function buildConversationRequest(settings: ConversationSettings, definitions: ColumnDefinitions = NO_DEFINITIONS): RequestPlan {
    const problems: SettingsProblem[] = [];
    const agentId = resolveAgent(settings, problems);
    const status = resolveStatuses(settings.statuses, definitions.columns.get("statuscode")?.options, problems);
    const columns = resolveColumns(settings.columns, problems);
    const orderBy = resolveOrder(settings.orderBy, problems);
    checkColumnsExist(columns, orderBy, definitions, problems);
    // 0 or empty means no limit. "Within" is applied here to what the host returns; "at least" is the host's createdBeforeDays.
    const createdWithinDays = resolveWholeNumber("createdWithinDays", settings.createdWithinDays, problems);
    const createdAtLeastDaysAgo = resolveWholeNumber("createdAtLeastDaysAgo", settings.createdAtLeastDaysAgo, problems);
    if (createdWithinDays && createdAtLeastDaysAgo && createdWithinDays <= createdAtLeastDaysAgo) {
        problems.push(problem("createdWithinDays", "noAgeLeft", String(createdWithinDays)));
    }
    let refreshMinutes = resolveWholeNumber("refreshMinutes", settings.refreshMinutes, problems) ?? DEFAULT_REFRESH_MINUTES;
    if (refreshMinutes > MAX_REFRESH_MINUTES) {
        problems.push(problem("refreshMinutes", "refreshTooLong", String(refreshMinutes)));
        refreshMinutes = MAX_REFRESH_MINUTES;
    }
    const waitingAlertMinutes = resolveWholeNumber("waitingAlertMinutes", settings.waitingAlertMinutes, problems) ?? 0;

    if (problems.length > 0 || agentId === undefined) return { kind: "invalid", problems };

    const input: GetConversationsInput = {
        agentId,
        attributes: unique([...columns, ...COLUMNS_FOR_OPENING_AND_LABELLING]),
        status,
        orderBy,
    };
    if (createdAtLeastDaysAgo) input.createdBeforeDays = createdAtLeastDaysAgo;
    // The shown columns and the client-side age filter are in the key too: they change what is shown, not what is asked.
    const request: ConversationRequest = { kind: "request", input, key: JSON.stringify({ input, columns, createdWithinDays }), columns, refreshMinutes, waitingAlertMinutes };
    if (createdWithinDays) request.createdWithinDays = createdWithinDays;
    return request;
}
