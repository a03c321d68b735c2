import type { SortOrder } from "./rows";

/**
 * What the agent chose in the view and keeps across a form reload (through PCF's control state).
 * A status filter, once the view has one, joins these fields.
 */
export interface ViewState {
    query: string;
    sort?: SortOrder;
}

export const EMPTY_VIEW_STATE: ViewState = { query: "" };

/** Reads a saved state defensively: the host hands back whatever was stored, possibly by an older version. */
export function readViewState(saved: unknown): ViewState {
    if (!saved || typeof saved !== "object") return EMPTY_VIEW_STATE;
    const { query, sort } = saved as { query?: unknown; sort?: unknown };
    const state: ViewState = { query: typeof query === "string" ? query : "" };
    if (sort && typeof sort === "object") {
        const { column, descending } = sort as { column?: unknown; descending?: unknown };
        if (typeof column === "string" && column !== "" && typeof descending === "boolean") state.sort = { column, descending };
    }
    return state;
}

/** The plain object PCF stores; equal states give equal text, so unchanged states need not be saved. */
export function viewStateRecord(state: ViewState): Record<string, unknown> {
    return state.sort ? { query: state.query, sort: { column: state.sort.column, descending: state.sort.descending } } : { query: state.query };
}
