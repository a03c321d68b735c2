import * as React from "react";
import { Dropdown, List, mergeStyleSets, type IDropdownOption, type IList } from "@fluentui/react";
import { colorVar } from "../theme/colors";
import { FOCUSED_BAR, rowMarks } from "./rowMarks";
import { columnHeader } from "../conversations/columns";
import type { ColumnDefinitions } from "../host/metadata";
import { narrowSummary } from "../conversations/layout";
import type { ConversationRow, SortOrder } from "../conversations/rows";
import type { Strings } from "../conversations/strings";
import { StatusBadge } from "./StatusBadge";

export interface NarrowListProps {
    rows: readonly ConversationRow[];
    columns: readonly string[];
    /** The org's definitions of the columns, for the Sort by menu's names. */
    definitions: ColumnDefinitions;
    sort?: SortOrder;
    strings: Strings;
    onSortChange: (sort: SortOrder) => void;
    onOpen: (row: ConversationRow) => void;
    openingKey?: string;
    focusedConversationId?: string;
}

const classes = mergeStyleSets({
    sortBar: { display: "flex", alignItems: "center", gap: 4, marginBottom: 4 },
    sortMenu: { flex: "1 1 auto", minWidth: 0, maxWidth: 300 },
    direction: {
        flex: "0 0 auto",
        width: 32,
        height: 32,
        border: `1px solid ${colorVar("border")}`,
        borderRadius: 2,
        background: colorVar("surface"),
        color: colorVar("text"),
        cursor: "pointer",
        selectors: { ":focus-visible": { outline: `2px solid ${colorVar("focus")}`, outlineOffset: 1 } },
    },
    item: {
        display: "block",
        width: "100%",
        boxSizing: "border-box",
        padding: "6px 8px",
        border: "none",
        borderBottom: `1px solid ${colorVar("divider")}`,
        background: "transparent",
        color: colorVar("text"),
        font: "inherit",
        textAlign: "start",
        cursor: "pointer",
        selectors: {
            ":hover": { background: colorVar("hover") },
            ":focus-visible": { outline: `2px solid ${colorVar("focus")}`, outlineOffset: -2 },
            '&[aria-disabled="true"]': { cursor: "default", color: colorVar("subtext") },
            '&[aria-current="true"]': { position: "relative" },
            '&[aria-current="true"]::before': FOCUSED_BAR,
        },
    },
    first: { display: "flex", alignItems: "center", gap: 8, minWidth: 0 },
    title: { flex: "1 1 auto", minWidth: 0, fontWeight: 600, fontSize: 14, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
    second: { display: "block", fontSize: 12, color: colorVar("subtext"), overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", marginTop: 2 },
});

// The label sits beside the menu, on the same line, so the list keeps its height.
const sortMenuStyles = { root: { display: "flex", alignItems: "center", gap: 8 }, label: { flex: "0 0 auto", whiteSpace: "nowrap" as const }, dropdown: { flex: "1 1 auto", minWidth: 0 } };

/** Keys that move the list's one tab stop, to the row they move it to. */
const MOVES: Readonly<Record<string, (index: number, last: number) => number>> = {
    ArrowDown: (index, last) => Math.min(index + 1, last),
    ArrowUp: (index) => Math.max(index - 1, 0),
    Home: () => 0,
    End: (_, last) => last,
};

/**
 * The narrow layout: each conversation on two lines (title and status; customer · channel · age), sorted
 * from a menu. The list is one tab stop, as the wide grid is: arrows, Home and End move between its rows,
 * also to rows the virtualized list has not drawn yet.
 */
export const NarrowList = React.memo(function NarrowList(props: NarrowListProps) {
    const { rows, columns, definitions, sort, strings, onSortChange, onOpen, openingKey, focusedConversationId } = props;
    const options = React.useMemo<IDropdownOption[]>(
        () => columns.map((column) => ({ key: column, text: columnHeader(column, definitions.columns.get(column), strings) })),
        [columns, definitions, strings],
    );
    const onColumn = React.useCallback(
        (_: unknown, option?: IDropdownOption) => option && onSortChange({ column: String(option.key), descending: sort?.descending ?? false }),
        [onSortChange, sort],
    );
    const onDirection = React.useCallback(
        () => onSortChange({ column: sort?.column ?? columns[0], descending: !(sort?.descending ?? false) }),
        [onSortChange, sort, columns],
    );

    // The row that takes the tab stop; one moved to by a key is focused once it is drawn.
    const [tabStop, setTabStop] = React.useState(0);
    const stop = Math.max(0, Math.min(tabStop, rows.length - 1));
    const list = React.useRef<IList>(null);
    const focusOnMount = React.useRef<number>();
    const focusIfMoved = React.useCallback((element: HTMLButtonElement | null) => {
        if (!element || Number(element.dataset.index) !== focusOnMount.current) return;
        focusOnMount.current = undefined;
        element.focus();
    }, []);
    const onKeyDown = React.useCallback(
        (event: React.KeyboardEvent<HTMLElement>) => {
            const move = MOVES[event.key];
            const index = Number((event.target as HTMLElement).dataset.index);
            if (!move || Number.isNaN(index) || event.altKey || event.shiftKey || event.ctrlKey) return;
            event.preventDefault();
            const next = move(index, rows.length - 1);
            const drawn = event.currentTarget.querySelector<HTMLElement>(`[data-index="${next}"]`);
            if (drawn) return drawn.focus();
            focusOnMount.current = next;
            setTabStop(next);
            list.current?.scrollToIndex(next);
        },
        [rows.length],
    );
    const onFocus = React.useCallback((event: React.FocusEvent<HTMLElement>) => {
        const index = Number(event.target.dataset.index);
        if (!Number.isNaN(index)) setTabStop(index);
    }, []);

    const renderItem = React.useCallback(
        (row?: ConversationRow, index?: number): React.ReactNode => {
            if (!row) return null;
            const status = columns.includes("statuscode") ? row.cell("statuscode") : undefined;
            const summary = narrowSummary(row, columns);
            return (
                <button
                    type="button"
                    ref={focusIfMoved}
                    data-index={index}
                    tabIndex={index === stop ? 0 : -1}
                    className={classes.item}
                    aria-disabled={!row.openable || undefined}
                    {...rowMarks(row, strings, openingKey, focusedConversationId)}
                    onClick={() => onOpen(row)}
                    data-testid="narrow-row"
                >
                    <span className={classes.first}>
                        <span className={classes.title}>{row.label}</span>
                        {status && <StatusBadge label={status.text} statusCode={status.statusCode} />}
                    </span>
                    {summary !== "" && <span className={classes.second}>{summary}</span>}
                </button>
            );
        },
        [columns, onOpen, openingKey, focusedConversationId, strings, stop, focusIfMoved],
    );

    const descending = sort?.descending ?? false;
    return (
        <div>
            <div className={classes.sortBar}>
                <Dropdown
                    className={classes.sortMenu}
                    label={strings.text("Sort_By")}
                    // Until the agent picks a column, the rows keep the order the maker's Order property asked the host for.
                    placeholder={strings.text("Sort_DefaultOrder")}
                    styles={sortMenuStyles}
                    options={options}
                    selectedKey={sort?.column ?? null}
                    onChange={onColumn}
                />
                <button type="button" className={classes.direction} aria-pressed={descending} aria-label={strings.text("Sort_DescendingOrder")} onClick={onDirection}>
                    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" fill="currentColor">
                        <path d={descending ? "M6 11 1 6h3V1h4v5h3z" : "M6 1 1 6h3v5h4V6h3z"} />
                    </svg>
                </button>
            </div>
            {/* List repaints its pages only when items or version change: the marks that are not in the rows go in version. */}
            <div onKeyDown={onKeyDown} onFocus={onFocus}>
                <List
                    componentRef={list}
                    items={rows as ConversationRow[]}
                    onRenderCell={renderItem}
                    version={`${openingKey}|${focusedConversationId}|${stop}`}
                    aria-label={strings.text("Grid_AriaLabel")}
                />
            </div>
        </div>
    );
});
