// The simulator's scenarios: its one list, read by the simulator, its harness page and `npm start`
// (scripts/harness/build.mjs simulatorScenarios). No imports, so a script can read it without bundling.

/**
 * - happy: as the workspace's script answers: `{ status: true, result: { "@odata.context", value } }`,
 *   Web API records with annotations, at most 5,000 rows and then `@Microsoft.Dynamics.CRM.morerecords`
 * - backlog: happy, with 5,200 more Waiting conversations of the harness user: over the 5,000-row limit
 * - docsValues: the older docs page's shape, `{ result: { values }, status: true }`, plain GUID lookups
 * - plainGuids: plain GUID lookups and no annotations at all (the barest reading)
 * - webApiLookups: `_x_value` lookups with formatted-value and lookuplogicalname annotations
 * - empty: resolves `{ result: { values: [] }, status: true }`
 * - slow: happy, after `slowLatencyMs` (3 s by default)
 * - reject: getConversations rejects `{ status: false, error: { code, message } }` (an OData error)
 * - statusFalse: getConversations resolves `{ error: {...}, status: false }`
 * - hang: getConversations never settles
 * - malformed: getConversations resolves a shape that is neither success nor failure
 * - failOnce: the first getConversations after switching rejects, later ones are happy
 * - busyRequests, busyExecutionTime, busyConcurrency: getConversations is refused by Dataverse's service
 *   protection limits (HTTP 429), as the script passes them on: the OData error with the hex code
 *   (0x80072322 requests; 0x80072326 concurrency) or, as Xrm.WebApi words it, a numeric `errorCode`
 *   (-2147015903 execution time); Dataverse's message; no Retry-After (the script drops the header)
 * - openReject: getConversations is happy, openConversation rejects (after recording the call)
 * - openLate: openConversation succeeds, but only after `openLateMs` (default 31 s, past the
 *   control's 30 s time-out), as a workspace busy loading the session's form can
 * - upperCaseIds: happy, with every GUID in the docs page's shape, `{UPPER-CASE}`; openConversation
 *   still compares session and work stream ids with the stored lower-case ones, as the script does
 * - lateHost: happy, but `installOn` defines the global only after `lateHostDelayMs` (6 s by default),
 *   as the workspace's script does once its own web resources have loaded
 * - outOfOrder: happy, but every odd-numbered getConversations answers after `slowLatencyMs`, so the
 *   next request's answer overtakes it
 *
 * - metadataMissing: happy, but the platform has no `getEntityMetadata` (custom pages, canvas apps): headers
 *   and types fall back to the control's own
 * - metadataRejects: happy, but `getEntityMetadata` rejects, as the pcf-start harness's own does
 *
 * Every other scenario answers `getEntityMetadata` as a model-driven app does (simulator/metadata.ts).
 * In every scenario that answers, a column or order key the table lacks is refused as Dataverse does:
 * `{ status: false, error: { code: "0x80041103", message } }` naming the column.
 */
export const SCENARIOS = [
    "happy",
    "backlog",
    "docsValues",
    "plainGuids",
    "webApiLookups",
    "empty",
    "slow",
    "reject",
    "statusFalse",
    "hang",
    "malformed",
    "failOnce",
    "busyRequests",
    "busyExecutionTime",
    "busyConcurrency",
    "openReject",
    "openLate",
    "upperCaseIds",
    "lateHost",
    "outOfOrder",
    "metadataMissing",
    "metadataRejects",
] as const;

export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenarioName(value: unknown): value is ScenarioName {
    return typeof value === "string" && (SCENARIOS as readonly string[]).includes(value);
}
