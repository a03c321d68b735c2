import * as React from "react";
import {
    DetailsList,
    DetailsListLayoutMode,
    DetailsRow,
    FontSizes,
    SelectionMode,
    mergeStyleSets,
    shallowCompare,
    type IColumn,
    type IDetailsList,
    type IDetailsRowProps,
    type IDetailsRowBaseProps,
} from "@fluentui/react";
import { colorVar } from "../theme/colors";
import { sameCells, type ConversationRow, type SortOrder } from "../conversations/rows";
import { columnHeader, columnKind } from "../conversations/columns";
import type { ColumnDefinitions } from "../host/metadata";
import type { Strings } from "../conversations/strings";
import { StatusBadge } from "./StatusBadge";
import { ChannelIcon, SentimentIcon } from "./ChannelIcon";
import { FOCUSED_BAR, rowMarks } from "./rowMarks";

export interface ConversationGridProps {
    rows: readonly ConversationRow[];
    columns: readonly string[];
    /** The org's definitions of the columns: their headers and kinds. */
    definitions: ColumnDefinitions;
    sort?: SortOrder;
    strings: Strings;
    onSort: (column: string) => void;
    onOpen: (row: ConversationRow) => void;
    /** Key of the row being opened, shown busy. */
    openingKey?: string;
    /** The focused session's conversation: its row gets a bar and aria-current. */
    focusedConversationId?: string;
}

const WIDTHS: Readonly<Record<string, [number, number]>> = {
    text: [140, 320],
    status: [110, 140],
    channel: [90, 180],
    dateTime: [130, 170],
};

/** Made once: a style object per cell or row would be hashed again by Fluent for every cell painted. */
const CLASSES = mergeStyleSets({
    title: { fontWeight: 600 },
    text: { display: "block", fontSize: FontSizes.small },
    detail: { display: "block", fontSize: FontSizes.xSmall, color: colorVar("subtext") },
    alert: { display: "block", fontSize: FontSizes.xSmall, color: colorVar("danger"), fontWeight: 600 },
    alertIcon: { width: 12, height: 12, fill: "currentColor", verticalAlign: "-2px", marginInlineEnd: 3 },
    // One rule for every row (headers sort on a click too), not a style set per row that Fluent would merge for each row mounted.
    grid: {
        cursor: "pointer",
        selectors: {
            '[aria-disabled="true"]': { cursor: "default" },
            '[aria-current="true"]': { position: "relative" },
            '[aria-current="true"]::before': FOCUSED_BAR,
        },
    },
});

/** The row of the grid that an event happened in, by the index Fluent writes on each row. */
function rowOf(event: React.SyntheticEvent<HTMLElement>, rows: readonly ConversationRow[]): ConversationRow | undefined {
    const element = (event.target as Element).closest?.("[data-item-index]");
    return element && event.currentTarget.contains(element) ? rows[Number(element.getAttribute("data-item-index"))] : undefined;
}
const positionKey = (_row: ConversationRow, index?: number): string => String(index);

/** A triangle with an exclamation mark. */
const WARNING = "M8 1 15.5 14.5H.5zM7.2 6v4.5h1.6V6zm0 5.6v1.6h1.6v-1.6z";

function renderCell(row?: ConversationRow, _index?: number, column?: IColumn): React.ReactNode {
    if (!row || !column) return null;
    const cell = row.cell(column.key);
    if (!cell) return null;
    if (columnKind(column.key) === "status") return <StatusBadge label={cell.text} statusCode={cell.statusCode} />;
    if (cell.sentiment !== undefined && cell.text !== "") {
        return (
            <span title={cell.text}>
                <SentimentIcon code={cell.sentiment} />
                {cell.text}
            </span>
        );
    }
    if (cell.channels !== undefined && cell.channels.length > 0) {
        return (
            <span title={cell.text}>
                {cell.channels.map((code, index) => (
                    <ChannelIcon key={index} code={code} />
                ))}
                {cell.text}
            </span>
        );
    }
    const detail = cell.alert ?? cell.age;
    if (detail !== undefined) {
        return (
            <span title={cell.alert ? `${cell.text} · ${cell.alert}` : cell.text} className={CLASSES.text}>
                {cell.text}
                <span className={cell.alert ? CLASSES.alert : CLASSES.detail}>
                    {cell.alert && (
                        <svg className={CLASSES.alertIcon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                            <path fillRule="evenodd" d={WARNING} />
                        </svg>
                    )}
                    {detail}
                </span>
            </span>
        );
    }
    return (
        <span title={cell.text} className={column.key === "msdyn_title" ? CLASSES.title : undefined}>
            {cell.text}
        </span>
    );
}

/**
 * A drawn row that a refresh left as it was is not rendered again: Fluent renders a row again for a new
 * item, new column objects or a new id prefix (one each render of the list), and every answer brings all three.
 * A row kept keeps its old id prefix, which only its own cells refer to.
 */
const drawnProps = (props: IDetailsRowProps | IDetailsRowBaseProps) => ({ ...props, item: 0, id: 0, columns: JSON.stringify(props.columns) });
const DrawnRow = React.memo(
    DetailsRow,
    (previous, next) =>
        shallowCompare(drawnProps(previous), drawnProps(next)) &&
        sameCells(previous.item as ConversationRow, next.item as ConversationRow, next.columns?.map((column) => column.key) ?? []),
);

/** The virtualized grid: click, Enter or Space on a row opens it; a header click sorts by that column. */
export const ConversationGrid = React.memo(function ConversationGrid(props: ConversationGridProps) {
    const { rows, columns, definitions, sort, strings, onSort, onOpen, openingKey, focusedConversationId } = props;

    const detailsColumns = React.useMemo<IColumn[]>(
        () =>
            columns.map((column) => {
                const definition = definitions.columns.get(column);
                const [minWidth, maxWidth] = WIDTHS[columnKind(column, definition) ?? "text"] ?? [100, 220];
                return {
                    key: column,
                    name: columnHeader(column, definition, strings),
                    minWidth,
                    maxWidth,
                    isResizable: true,
                    isSorted: sort?.column === column,
                    isSortedDescending: sort?.column === column && sort.descending,
                    sortAscendingAriaLabel: strings.text("Sort_Ascending"),
                    sortDescendingAriaLabel: strings.text("Sort_Descending"),
                };
            }),
        [columns, definitions, sort, strings],
    );

    const onColumnHeaderClick = React.useCallback((_?: React.MouseEvent<HTMLElement>, column?: IColumn) => column && onSort(column.key), [onSort]);

    // One click and one key handler for the whole list (rows find theirs by index): a row's props stay the same
    // from one render to the next, so Fluent can skip the rows that did not change.
    const onClick = React.useCallback(
        (event: React.MouseEvent<HTMLElement>) => {
            const row = rowOf(event, rows);
            if (row) onOpen(row);
        },
        [rows, onOpen],
    );
    // Fluent's FocusZone would take End only to the last row the virtualized list has drawn: the grid scrolls to and
    // focuses the answer's last (or first) row itself, before the FocusZone sees the key.
    // focusIndex focuses only a row already drawn: one scrolled to is focused once it mounts.
    const list = React.useRef<IDetailsList>(null);
    const focusOnMount = React.useRef<number>();
    const onKeyDownCapture = React.useCallback(
        (event: React.KeyboardEvent<HTMLElement>) => {
            focusOnMount.current = undefined;
            if ((event.key !== "End" && event.key !== "Home") || event.altKey || event.shiftKey || !rowOf(event, rows)) return;
            event.preventDefault();
            event.stopPropagation();
            focusOnMount.current = event.key === "End" ? rows.length - 1 : 0;
            list.current?.focusIndex(focusOnMount.current);
        },
        [rows],
    );
    const onRowDidMount = React.useCallback((_row?: ConversationRow, index?: number) => {
        if (index === undefined || index !== focusOnMount.current) return;
        focusOnMount.current = undefined;
        list.current?.focusIndex(index);
    }, []);
    const onKeyDown = React.useCallback(
        (event: React.KeyboardEvent<HTMLElement>) => {
            // Enter and Space open, as on a button; DetailsRow itself does nothing with either.
            if (event.key !== "Enter" && event.key !== " ") return;
            const row = rowOf(event, rows);
            if (!row) return;
            event.preventDefault();
            onOpen(row);
        },
        [rows, onOpen],
    );

    const renderRow = React.useCallback(
        (rowProps?: IDetailsRowProps): JSX.Element | null => {
            if (!rowProps) return null;
            const row = rowProps.item as ConversationRow;
            return <DrawnRow {...rowProps} {...rowMarks(row, strings, openingKey, focusedConversationId)} disabled={!row.openable} />;
        },
        [openingKey, strings, focusedConversationId],
    );

    // Rows are keyed by position, as DetailsList keys plain items: a sort or a refresh repaints the drawn rows in place
    // instead of making them again (twice as fast a second sort of 10,000 rows, docs/performance.md). A focused row's
    // conversation keeps the focus: it follows the conversation to where the new order puts it.
    const shown = React.useRef(rows);
    const grid = React.useRef<HTMLDivElement>(null);
    React.useLayoutEffect(() => {
        const previous = shown.current;
        shown.current = rows;
        const focused = grid.current?.contains(document.activeElement) && document.activeElement?.closest("[data-item-index]");
        if (!focused) return;
        const at = Number(focused.getAttribute("data-item-index"));
        const key = previous[at]?.conversation.key;
        // Where it was, if it is still there: no search, and of one conversation sent twice the focused copy.
        const index = rows[at]?.conversation.key === key ? at : rows.findIndex((row) => row.conversation.key === key);
        if (index < 0 || index === at) return;
        focusOnMount.current = index;
        list.current?.focusIndex(index);
    }, [rows]);
    // DetailsList repaints its rows only when the items change: a new array when a mark moves (same setKey, so focus and scroll stay).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the marks are the reason for a new array, not its content
    const items = React.useMemo(() => [...rows], [rows, openingKey, focusedConversationId]);

    return (
        // Clicks and keys bubble up from the rows, which are the grid's focusable, labelled elements.
        <div ref={grid} className={CLASSES.grid} onClick={onClick} onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture}>
            <DetailsList
                componentRef={list}
                onRowDidMount={onRowDidMount}
                items={items}
                columns={detailsColumns}
                getKey={positionKey}
                setKey="conversations"
                selectionMode={SelectionMode.none}
                layoutMode={DetailsListLayoutMode.justified}
                onRenderRow={renderRow}
                onRenderItemColumn={renderCell}
                onColumnHeaderClick={onColumnHeaderClick}
                ariaLabelForGrid={strings.text("Grid_AriaLabel")}
                compact
            />
        </div>
    );
});
