/**
 * The query half of the simulated host: filter by agent, status and age window, multi-key
 * orderBy, attribute projection and the two undocumented output readings (plain GUID lookups or
 * Web API `_x_value` lookups with annotations). Development and test code only.
 */
import { ALWAYS_RETURNED_ATTRIBUTES, type GetConversationsInput, type OrderByKey } from "../host/port";
import { CHANNEL_LABELS, PRIORITY_LABELS, SENTIMENT_LABELS, STATUSES, STATUS_LABELS } from "./catalog";
import type { LookupValue, SimulatedConversation } from "./dataset";

export const FORMATTED_VALUE = "@OData.Community.Display.V1.FormattedValue";
export const LOOKUP_LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";

export type AttributeKind = "text" | "guid" | "choice" | "multichoice" | "lookup" | "boolean" | "integer" | "datetime" | "dateonly" | "money";

/** The Conversation columns the simulator knows, with their Dataverse type. */
export const ATTRIBUTE_KINDS: Readonly<Record<string, AttributeKind>> = {
    activityid: "guid",
    msdyn_ocliveworkitemid: "text",
    subject: "text",
    msdyn_title: "text",
    statuscode: "choice",
    statecode: "choice",
    msdyn_channel: "multichoice",
    msdyn_activeagentid: "lookup",
    msdyn_customer: "lookup",
    msdyn_cdsqueueid: "lookup",
    msdyn_queueid: "lookup",
    msdyn_liveworkstreamid: "lookup",
    msdyn_lastsessionid: "lookup",
    msdyn_issueid: "lookup",
    msdyn_isoutbound: "boolean",
    msdyn_customersentimentlabel: "choice",
    msdyn_conversationfirstwaittimeinseconds: "integer",
    msdyn_firstwaitstartedon: "datetime",
    msdyn_transfercount: "integer",
    msdyn_escalationcount: "integer",
    createdon: "datetime",
    modifiedon: "datetime",
    msdyn_closedon: "datetime",
    msdyn_statusupdatedon: "datetime",
    new_priority: "choice",
    new_followupdate: "dateonly",
    new_ordervalue: "money",
};

export interface OutputStyle {
    /** "plain": `msdyn_queueid: "<guid>"`; "webApi": `_msdyn_queueid_value: "<guid>"` plus a lookuplogicalname annotation. */
    lookups: "plain" | "webApi";
    /** Whether `<key>@OData.Community.Display.V1.FormattedValue` annotations are included. */
    formattedValues: boolean;
}

/** A GUID as Dataverse compares it in a filter: case and braces do not count. Checks nothing else, as the server would refuse. */
function guidKey(value: unknown): string {
    return (typeof value === "string" ? value : "").trim().replace(/^\{|\}$/g, "").toLowerCase();
}

/** `_msdyn_queueid_value` -> `msdyn_queueid`; anything else lowercased. */
export function normalizeAttributeName(name: string): string {
    const lower = String(name).trim().toLowerCase();
    const match = /^_(.+)_value$/.exec(lower);
    return match ? match[1] : lower;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** en-US short date of a calendar date (`yyyy-MM-dd`), as Dataverse formats a date-only value: no time zone applies. */
export function formatCalendarDate(day: string): string {
    const [year, month, date] = day.split("-").map(Number);
    return `${month}/${date}/${year}`;
}

/** US dollars as Dataverse formats money for a US user: the currency symbol and two decimals. */
export function formatMoney(amount: number): string {
    return `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** en-US short date and time in UTC, as Dataverse formats a date for a US user (UTC here for determinism). */
export function formatDateTime(iso: string): string {
    const d = new Date(iso);
    const hours = d.getUTCHours();
    const hour12 = hours % 12 === 0 ? 12 : hours % 12;
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour12}:${pad(d.getUTCMinutes())} ${hours < 12 ? "AM" : "PM"}`;
}

function choiceLabel(attribute: string, value: number): string {
    if (attribute === "statuscode") return STATUS_LABELS[value] ?? String(value);
    if (attribute === "statecode") return STATUSES.find((s) => s.statecode === value)?.stateLabel ?? String(value);
    if (attribute === "msdyn_customersentimentlabel") return SENTIMENT_LABELS[value] ?? String(value);
    if (attribute === "new_priority") return PRIORITY_LABELS[value] ?? String(value);
    return String(value);
}

function channelLabels(values: readonly number[]): string[] {
    return values.map((v) => CHANNEL_LABELS[v] ?? String(v));
}

/** The value a column sorts by: Dataverse orders choices by label and lookups by name. */
function sortValue(record: SimulatedConversation, attribute: string): string | number | null {
    const kind = ATTRIBUTE_KINDS[attribute];
    const raw = (record as unknown as Record<string, unknown>)[attribute];
    if (raw === null || raw === undefined) return null;
    switch (kind) {
        case "choice":
            return choiceLabel(attribute, raw as number).toLowerCase();
        case "multichoice":
            return channelLabels(raw as number[]).join("; ").toLowerCase();
        case "lookup":
            return (raw as LookupValue).name.toLowerCase();
        case "boolean":
            return raw ? 1 : 0;
        case "integer":
        case "money":
            return raw as number;
        default:
            return typeof raw === "string" ? raw.toLowerCase() : null;
    }
}

function compareValues(a: string | number | null, b: string | number | null): number {
    if (a === b) return 0;
    // Nulls sort first ascending (and so last descending), as SQL Server orders them.
    if (a === null) return -1;
    if (b === null) return 1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "en");
}

/** Sorts a copy by several keys; a name the table lacks (refused before sorting) is ignored; ties break on the id. */
export function sortConversations(records: readonly SimulatedConversation[], orderBy: readonly OrderByKey[] | undefined): SimulatedConversation[] {
    const given: readonly unknown[] = Array.isArray(orderBy) ? orderBy : [];
    const keys = given
        .filter((k): k is OrderByKey => !!k && typeof (k as Partial<OrderByKey>).attributeName === "string")
        .map((k) => ({ attribute: normalizeAttributeName(k.attributeName), descending: k.descending === true }))
        .filter((k) => k.attribute in ATTRIBUTE_KINDS);
    if (keys.length === 0) return [...records];
    const decorated = records.map((record) => ({ record, values: keys.map((k) => sortValue(record, k.attribute)) }));
    decorated.sort((x, y) => {
        for (let i = 0; i < keys.length; i++) {
            const result = compareValues(x.values[i], y.values[i]);
            if (result !== 0) return keys[i].descending ? -result : result;
        }
        return x.record.activityid < y.record.activityid ? -1 : 1;
    });
    return decorated.map((d) => d.record);
}

export interface FilterOptions {
    now: Date;
}

/**
 * Filters as the script's FetchXML does: by active agent (required), status (numbers or numeric
 * strings; omitted or empty means all) and, when `createdBeforeDays` is truthy, `createdon
 * on-or-before` today − N days in the browser's local date: conversations N or more days old.
 */
export function filterConversations(records: readonly SimulatedConversation[], input: GetConversationsInput, options: FilterOptions): SimulatedConversation[] {
    const agent = guidKey(input.agentId);
    const statuses = Array.isArray(input.status) && input.status.length > 0 ? new Set(input.status.map((s) => Number(s))) : undefined;
    const days = Number(input.createdBeforeDays);
    const { now } = options;
    // The first instant after the day today − N: a record created before it is on or before that day.
    const before = input.createdBeforeDays && Number.isFinite(days) ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - days + 1).getTime() : undefined;
    return records.filter((r) => {
        if (!r.msdyn_activeagentid || r.msdyn_activeagentid.id !== agent) return false;
        if (statuses && !statuses.has(r.statuscode)) return false;
        if (before !== undefined && Date.parse(r.createdon) >= before) return false;
        return true;
    });
}

/** The table's logical name, as Dataverse names it in a refusal. */
export const TABLE_NAME = "msdyn_ocliveworkitem";

/** The first name in `attributes` or `orderBy` that is not a column of the table (ATTRIBUTE_KINDS), as sent. */
export function unknownAttributeOf(input: GetConversationsInput): string | undefined {
    const attributes: readonly unknown[] = Array.isArray(input.attributes) ? input.attributes : [];
    const orderBy: readonly unknown[] = Array.isArray(input.orderBy) ? input.orderBy : [];
    const names = [...attributes, ...orderBy.map((key) => (key as Partial<OrderByKey> | null)?.attributeName)];
    return names.find((name): name is string => typeof name === "string" && !(normalizeAttributeName(name) in ATTRIBUTE_KINDS));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A projected row with every GUID value in the docs page's shape: upper case, in braces. */
export function withDocsPageIds(row: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = typeof value === "string" && GUID.test(value) ? `{${value.toUpperCase()}}` : value;
    return out;
}

/**
 * The columns a record comes back with: the five always-returned ones plus those asked for
 * (getConversations refuses a name the table lacks before projecting).
 */
export function projectedAttributes(attributes: readonly unknown[] | undefined): string[] {
    const out = [...ALWAYS_RETURNED_ATTRIBUTES];
    for (const name of Array.isArray(attributes) ? attributes : []) {
        if (typeof name !== "string") continue;
        const normalized = normalizeAttributeName(name);
        if (normalized in ATTRIBUTE_KINDS && !out.includes(normalized)) out.push(normalized);
    }
    return out;
}

/** Renders one stored record in the chosen output style with only the projected columns. */
export function projectConversation(record: SimulatedConversation, attributes: readonly string[], style: OutputStyle, index: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const webApi = style.lookups === "webApi";
    if (webApi) {
        // The Web API form the workspace script returns: etag and primary key on every record.
        out["@odata.etag"] = `W/"${1_000_000 + index}"`;
        out.activityid = record.activityid;
    }
    const annotate = (key: string, value: string): void => {
        if (style.formattedValues) out[key + FORMATTED_VALUE] = value;
    };
    for (const attribute of attributes) {
        const raw = (record as unknown as Record<string, unknown>)[attribute];
        switch (ATTRIBUTE_KINDS[attribute]) {
            case "lookup": {
                const lookup = raw as LookupValue | null;
                const key = style.lookups === "webApi" ? `_${attribute}_value` : attribute;
                // The Web API leaves a null column out of the record.
                if (!lookup && webApi) break;
                out[key] = lookup ? lookup.id : null;
                if (lookup) {
                    annotate(key, lookup.name);
                    if (webApi) {
                        out[key + LOOKUP_LOGICAL_NAME] = lookup.logicalName;
                        out[key + "@Microsoft.Dynamics.CRM.associatednavigationproperty"] = attribute;
                    }
                }
                break;
            }
            case "choice":
                if (raw === null) {
                    if (!webApi) out[attribute] = null;
                    break;
                }
                out[attribute] = raw;
                annotate(attribute, choiceLabel(attribute, raw as number));
                break;
            case "multichoice": {
                const values = raw as readonly number[];
                if (style.lookups === "webApi") {
                    // The Web API returns a multi-select choice as a comma-separated string.
                    out[attribute] = values.join(",");
                } else if (values.length === 1) {
                    out[attribute] = values[0];
                } else {
                    // The other two shapes the reference warns about, alternating by record.
                    out[attribute] = index % 2 === 0 ? [...values] : values.join(",");
                }
                annotate(attribute, channelLabels(values).join("; "));
                break;
            }
            case "boolean":
                out[attribute] = raw;
                annotate(attribute, raw ? "Yes" : "No");
                break;
            case "integer":
                out[attribute] = raw;
                annotate(attribute, (raw as number).toLocaleString("en-US"));
                break;
            case "datetime":
                if (!raw && webApi) break;
                out[attribute] = raw;
                if (raw) annotate(attribute, formatDateTime(raw as string));
                break;
            case "dateonly":
                if (!raw && webApi) break;
                out[attribute] = raw;
                if (raw) annotate(attribute, formatCalendarDate(raw as string));
                break;
            case "money":
                if (raw === null && webApi) break;
                out[attribute] = raw;
                if (raw !== null) annotate(attribute, formatMoney(raw as number));
                break;
            default:
                if (raw === null && webApi) break;
                out[attribute] = raw;
        }
    }
    return out;
}
