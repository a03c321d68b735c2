import { ID_COLUMNS } from "../host/port";
/** How a Conversation column is shown and sorted. */
export type ColumnKind = "text" | "status" | "channel" | "sentiment" | "dateTime" | "duration" | "inStatus" | "number" | "boolean" | "lookup";

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

export function columnKind(logicalName: string): ColumnKind {
    return isKnownColumn(logicalName) ? KNOWN_COLUMNS[logicalName] : "text";
}

export const columnHeaderKey = (logicalName: string): string => `Column_${logicalName}`;

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
