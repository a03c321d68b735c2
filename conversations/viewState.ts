import type { SortOrder } from "./rows";

/** What the agent chose in the view and keeps across a form reload (through PCF's control state). */
export interface ViewState {
    query: string;
    sort?: SortOrder;
    /** The statuses picked with the chips (saved as `statuses`); none picked shows every status. */
    pickedStatuses?: readonly number[];
}

export const EMPTY_VIEW_STATE: ViewState = { query: "" };

/** Reads a saved state defensively: the host hands back whatever was stored, possibly by an older version. */
export function readViewState(saved: unknown): ViewState {
    if (!saved || typeof saved !== "object") return EMPTY_VIEW_STATE;
    const { query, sort, statuses } = saved as { query?: unknown; sort?: unknown; statuses?: unknown };
    const state: ViewState = { query: typeof query === "string" ? query : "" };
    if (sort && typeof sort === "object") {
        const { column, descending } = sort as { column?: unknown; descending?: unknown };
        if (typeof column === "string" && column !== "" && typeof descending === "boolean") state.sort = { column, descending };
    }
    if (Array.isArray(statuses)) {
        const codes = statuses.filter((code): code is number => Number.isSafeInteger(code));
        if (codes.length > 0) state.pickedStatuses = codes;
    }
    return state;
}

/** The plain object PCF stores; equal states give equal text, so unchanged states need not be saved. */
export function viewStateRecord(state: ViewState): Record<string, unknown> {
    const record: Record<string, unknown> = { query: state.query };
    if (state.sort) record.sort = { column: state.sort.column, descending: state.sort.descending };
    if (state.pickedStatuses && state.pickedStatuses.length > 0) record.statuses = [...state.pickedStatuses];
    return record;
}
