import { ID_COLUMNS } from "../host/port";
import type { ColumnDefinition, ValueType } from "../host/metadata";
import type { Strings } from "./strings";

/** How a Conversation column is shown and sorted: as its type says, or the control's own way for some known columns. */
export type ColumnKind = ValueType | "status" | "channel" | "sentiment" | "duration" | "inStatus";

/** Columns the control knows; any other logical name is shown as it comes, headed by its name. */
const KNOWN_COLUMNS: Readonly<Record<string, ColumnKind>> = {
    msdyn_title: "text",
    subject: "text",
    statuscode: "status",
    statecode: "number",
    msdyn_channel: "channel",
    msdyn_customer: "lookup",
    msdyn_activeagentid: "lookup",
    msdyn_cdsqueueid: "lookup",
    msdyn_queueid: "lookup",
    msdyn_liveworkstreamid: "lookup",
    msdyn_issueid: "lookup",
    msdyn_isoutbound: "boolean",
    msdyn_customersentimentlabel: "sentiment",
    msdyn_conversationfirstwaittimeinseconds: "duration",
    msdyn_firstwaitstartedon: "dateTime",
    msdyn_transfercount: "number",
    msdyn_escalationcount: "number",
    createdon: "dateTime",
    modifiedon: "dateTime",
    msdyn_closedon: "dateTime",
    /** Shown as the time since: "In status". */
    msdyn_statusupdatedon: "inStatus",
    msdyn_ocliveworkitemid: "text",
};

/** Every column with a header of its own in the resx. */
export const KNOWN_COLUMN_NAMES: readonly string[] = Object.keys(KNOWN_COLUMNS);

export function isKnownColumn(logicalName: string): boolean {
    return Object.prototype.hasOwnProperty.call(KNOWN_COLUMNS, logicalName);
}

/** Known columns the control shows its own way, whatever their type: badges, icons, times since. */
const OWN_PRESENTATION: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["status", "channel", "sentiment", "duration", "inStatus"]);

/**
 * A column's kind: the control's own presentation of a known column, else the attribute's type from
 * the org's metadata, else the known column's kind; undefined when only the values can tell.
 */
export function columnKind(logicalName: string, definition?: ColumnDefinition): ColumnKind | undefined {
    const known = isKnownColumn(logicalName) ? KNOWN_COLUMNS[logicalName] : undefined;
    if (known && OWN_PRESENTATION.has(known)) return known;
    return definition?.type ?? known;
}

export const columnHeaderKey = (logicalName: string): string => `Column_${logicalName}`;

/**
 * A column's header: the org's display name in the user's language, as every model-driven grid
 * heads it, else the resx, else the logical name. "In status" shows a time since, not the column's
 * date, so it keeps the resx header.
 */
export function columnHeader(logicalName: string, definition: ColumnDefinition | undefined, strings: Strings): string {
    const own = strings.optional(columnHeaderKey(logicalName));
    if (own !== undefined && KNOWN_COLUMNS[logicalName] === "inStatus") return own;
    return definition?.displayName ?? own ?? logicalName;
}

/** Column logical names: letters, digits and underscores. Anything else is refused, never sent. */
export const LOGICAL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const DEFAULT_COLUMNS: readonly string[] = [
    "msdyn_title",
    "statuscode",
    "msdyn_channel",
    "msdyn_customer",
    // Unified routing's queue; the legacy msdyn_queueid is empty in most current organisations.
    "msdyn_cdsqueueid",
    "createdon",
];

/** What the grid needs besides the shown columns: the ids to open a conversation, and its title to label it. */
export const COLUMNS_FOR_OPENING_AND_LABELLING: readonly string[] = [ID_COLUMNS.conversation, ID_COLUMNS.session, ID_COLUMNS.workstream, "msdyn_title"];
