/** Reads one resx string; PCF's `context.resources.getString` in the control, the resx file in tests. */
export type GetString = (key: string) => string | null | undefined;

/** The fixed UI strings (other keys are built from choice values and column names); every resx has them all. */
export const STRING_KEYS = [
    "Grid_AriaLabel",
    "Toolbar_QuickFind",
    "Toolbar_QuickFindPlaceholder",
    "Toolbar_Refresh",
    "Toolbar_Count",
    "Toolbar_CountFiltered",
    "Toolbar_Loading",
    "Toolbar_Refreshing",
    "State_Loading",
    "State_Empty",
    "State_EmptyFiltered",
    "State_Unavailable",
    "State_InvalidTitle",
    "State_Retry",
    "Failure_rejected",
    "Failure_hostReportedFailure",
    "Failure_unrecognisedAnswer",
    "Failure_timedOut",
    "Problem_noAgent",
    "Problem_notAGuid",
    "Problem_currentUserNotAGuid",
    "Problem_unknownStatus",
    "Problem_notALogicalName",
    "Problem_unknownSortDirection",
    "Problem_notAWholeNumber",
    "Problem_agentNotText",
    "Problem_noAgeLeft",
    "Open_Failed_rejected",
    "Open_Failed_noConversationId",
    "Open_Failed_unavailable",
    "Open_Opening",
    "Open_Dismiss",
    "Row_Untitled",
    "Row_OpenHint",
    "Row_CannotOpen",
    "Sort_Ascending",
    "Sort_Descending",
    "Value_Yes",
    "Value_No",
    "Problem_refreshTooLong",
    "Open_Failed_timedOut",
    "State_RenderError",
    "State_MoreRecords",
    "Toolbar_Updated",
    "Toolbar_Stale",
    "Toolbar_StaleHint",
    "State_NextTry",
    "Chips_AriaLabel",
    "Sort_By",
    "Sort_DefaultOrder",
    "Sort_DescendingOrder",
    "InStatus_WaitingLong",
    "Failure_unknownColumn",
    "Failure_Details",
    "Failure_Code",
    "Failure_CorrelationId",
    "Failure_busy",
    "State_WaitingForHost",
    "Problem_agentNotAUser",
    "Problem_agentNotReadable",
] as const;

export type StringKey = (typeof STRING_KEYS)[number];

/** One place for every piece of text the control shows: resx lookups and `{0}` placeholders. */
export class Strings {
    readonly #getString: GetString;

    constructor(getString: GetString) {
        this.#getString = getString;
    }

    /** The string for `key`, or undefined when the resx has none (PCF answers a missing key with the key). */
    public optional(key: string): string | undefined {
        const value = this.#getString(key);
        return value && value !== key ? value : undefined;
    }

    public text(key: StringKey): string {
        return this.optional(key) ?? key;
    }

    public format(key: StringKey, ...args: (string | number)[]): string {
        return this.text(key).replace(/\{(\d+)\}/g, (placeholder, index: string) => {
            const arg = args[Number(index)];
            return arg === undefined ? placeholder : String(arg);
        });
    }
}
