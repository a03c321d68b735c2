import * as React from "react";
import { MessageBar, MessageBarType, ThemeProvider, createTheme, mergeStyleSets, type PartialTheme } from "@fluentui/react";
import { colorVar, colorsFromTokens, cssVariables, fluentThemeOf, LIGHT, type Colors } from "../theme/colors";
import type { ConversationSnapshot, FeedState } from "../conversations/feed";
import { listOf } from "../conversations/feed";
import type { Conversation } from "../conversations/model";
import { NO_DEFINITIONS, type ColumnDefinitions } from "../host/metadata";
import type { OpenerState } from "../conversations/opener";
import type { ConversationRow, SortOrder } from "../conversations/rows";
import { filterRows, rowSorter, statusLabeller, toRows } from "../conversations/rows";
import type { ConversationFormatter } from "../conversations/formatting";
import type { Strings } from "../conversations/strings";
import { ConversationGrid } from "./ConversationGrid";
import { ConversationToolbar } from "./ConversationToolbar";
import { StatusChips } from "./StatusChips";
import { NarrowList } from "./NarrowList";
import { isNarrow } from "../conversations/layout";
import { activeStatusFilter, filterByStatus, statusChips, toggleStatus } from "../conversations/statusFilter";
import { EMPTY_VIEW_STATE, type ViewState } from "../conversations/viewState";
import { EmptyState, FailedState, HostMissingState, InvalidSettingsState, LoadingState } from "./StateMessage";
import { useSettledValue } from "./useSettledValue";
import { MINUTE } from "../refresh/timers";

export interface ConversationListViewProps {
    feed: FeedState;
    openState: OpenerState;
    /** The conversation of the workspace's focused session: its row is marked. */
    focusedConversationId?: string;
    strings: Strings;
    formatter: ConversationFormatter;
    /** The space the host gives, in pixels; undefined or -1 means "as much as needed". */
    width?: number;
    height?: number;
    /** The user's language is written right to left (context.userSettings.isRTL). */
    isRTL?: boolean;
    /** The host's Fluent v9 tokens (context.fluentDesignLanguage?.tokenTheme); Fluent's light defaults without. */
    tokenTheme?: unknown;
    onRefresh: () => void;
    onOpen: (conversation: Conversation) => void;
    onDismissOpenFailure: () => void;
    /** The org's definitions of the columns: headers, types, date behaviours, choice and status labels. */
    definitions?: ColumnDefinitions;
    /** The columns asked for: their headers stand while the first answer is awaited. */
    columns?: readonly string[];
    /** The configured statuses, in the maker's order: one chip each. */
    statuses?: readonly number[];
    /** Waiting conversations longer than this in their status are marked. */
    waitingAlertMinutes?: number;
    /** The maker's refresh interval: a list older than it (and a bit) is marked stale. */
    refreshMinutes?: number;
    /** Sort and quick find as saved before a form reload. */
    initialViewState?: ViewState;
    onViewStateChange?: (state: ViewState) => void;
    /** The root element, so the control can tell when it is off screen or has no size. */
    onRootElement?: (element: HTMLElement | null) => void;
}

const classes = mergeStyleSets({
    // Text starts at the line's start whatever the host's container says (the harness centres it).
    root: { display: "flex", flexDirection: "column", gap: 8, minHeight: 200, boxSizing: "border-box", padding: 4, background: colorVar("surface"), color: colorVar("text"), textAlign: "start" },
    body: { position: "relative", flex: "1 1 auto", overflowY: "auto", overflowX: "auto", minHeight: 120 },
    narrowBody: { overflowX: "hidden" },
});

/** Forms often give no height (-1): the list then takes a height that shows about fifteen rows. */
const DEFAULT_HEIGHT = 560;
const sizeOf = (pixels: number | undefined): number | undefined => (pixels !== undefined && pixels > 0 ? pixels : undefined);
const NO_ROWS: readonly ConversationRow[] = [];
const NO_STATUSES: readonly number[] = [];
// Fluent mirrors its components (and the icons that point) from theme.rtl.
const RTL_THEME: PartialTheme = { rtl: true };
const LTR_THEME: PartialTheme = { rtl: false };
/** Jitter may put a timed refresh up to 10% after the interval: only later is the list stale. */
const STALE_AFTER_INTERVALS = 1.15;

/** Counts the minutes a list has been on screen, so ages ("12 min. ago") keep moving between refreshes. */
function useMinutesShown(list: ConversationSnapshot | undefined): number {
    const [minutes, setMinutes] = React.useState(0);
    React.useEffect(() => {
        if (!list) return undefined;
        const timer = setInterval(() => setMinutes((count) => count + 1), MINUTE);
        return () => clearInterval(timer);
    }, [list]);
    return minutes;
}

/**
 * The host's colours, the same object for as long as they are the same: a host that hands over a new
 * token object on every updateView (every resize) does not make Fluent restyle the whole list.
 */
function useColors(tokenTheme: unknown): Colors {
    const last = React.useRef<{ tokens: unknown; colors: Colors; text: string }>();
    if (!last.current || last.current.tokens !== tokenTheme) {
        const colors = colorsFromTokens(tokenTheme);
        const text = JSON.stringify(colors);
        last.current = { tokens: tokenTheme, colors: last.current?.text === text ? last.current.colors : colors, text };
    }
    return last.current.colors;
}

/** Whether the root element is narrower than the grid needs, followed as the container resizes. */
function useMeasuredNarrow(element: HTMLElement | null): boolean | undefined {
    const [narrow, setNarrow] = React.useState<boolean>();
    React.useEffect(() => {
        if (!element || typeof ResizeObserver === "undefined") return undefined;
        // Only the boolean is kept: resizing within one layout renders nothing.
        const observer = new ResizeObserver((entries) => setNarrow(isNarrow(entries[0].contentRect.width)));
        observer.observe(element);
        return () => observer.disconnect();
    }, [element]);
    return narrow;
}

/** The whole control: toolbar, messages, and the grid or the state that stands in for it. */
export const ConversationListView = React.memo(function ConversationListView(props: ConversationListViewProps) {
    const { feed, openState, strings, formatter, width, height, isRTL = false, tokenTheme, onRefresh, onOpen, onDismissOpenFailure, refreshMinutes, onViewStateChange, onRootElement } = props;
    // The host's theme, once per token set: colours by role for our own parts (as CSS variables), and a Fluent theme for the platform's.
    const colors = useColors(tokenTheme);
    const variables = React.useMemo(() => cssVariables(colors), [colors]);
    const theme = React.useMemo(
        () => (colors === LIGHT ? (isRTL ? RTL_THEME : LTR_THEME) : createTheme({ ...fluentThemeOf(colors), rtl: isRTL })),
        [colors, isRTL],
    );
    const initial = props.initialViewState ?? EMPTY_VIEW_STATE;
    const [query, setQuery] = React.useState(initial.query);
    const [sort, setSort] = React.useState<SortOrder | undefined>(initial.sort);
    const [picked, setPicked] = React.useState<readonly number[]>(initial.pickedStatuses ?? NO_STATUSES);
    React.useEffect(() => onViewStateChange?.({ query, sort, pickedStatuses: picked }), [query, sort, picked, onViewStateChange]);
    const statuses = props.statuses ?? NO_STATUSES;
    const statusFilter = React.useMemo(() => activeStatusFilter(picked, statuses), [picked, statuses]);
    const onToggleStatus = React.useCallback((code: number) => setPicked((current) => toggleStatus(current, code)), []);

    const [root, setRoot] = React.useState<HTMLElement | null>(null);
    const onRoot = React.useCallback(
        (element: HTMLElement | null) => {
            setRoot(element);
            onRootElement?.(element);
        },
        [onRootElement],
    );
    const measuredNarrow = useMeasuredNarrow(root);
    // The host's allocated width (trackContainerResize) when it gives one, else the measured one (undefined until measured).
    const narrow = sizeOf(width) !== undefined ? isNarrow(width) : measuredNarrow;

    const list = listOf(feed);
    const minutesShown = useMinutesShown(list);
    // One answer's status labels, for its chips and its badges alike, and not looked up again as ages move.
    const definitions = props.definitions ?? NO_DEFINITIONS;
    const statusLabel = React.useMemo(() => statusLabeller(list?.conversations ?? [], strings, definitions), [list, strings, definitions]);
    const rows = React.useMemo(
        () =>
            list
                ? toRows(list.conversations, list.columns, strings, formatter, minutesShown === 0 ? list.receivedAt : new Date(), props.waitingAlertMinutes, definitions, statusLabel)
                : NO_ROWS,
        [list, strings, formatter, minutesShown, props.waitingAlertMinutes, definitions, statusLabel],
    );
    const chips = React.useMemo(() => statusChips(rows, statuses, statusFilter, statusLabel), [rows, statuses, statusFilter, statusLabel]);
    const filtered = React.useMemo(() => filterByStatus(filterRows(rows, query), statusFilter), [rows, query, statusFilter]);
    // Kept per list, so that clicking a header again (or back) sorts nothing.
    const sorter = React.useMemo(() => rowSorter(filtered, formatter.collator), [filtered, formatter]);
    const shownRows = React.useMemo(() => (sort ? sorter(sort) : filtered), [sorter, sort, filtered]);

    const onSort = React.useCallback(
        (column: string) => setSort((current) => ({ column, descending: current?.column === column ? !current.descending : false })),
        [],
    );
    // A row without an id opens nothing, wide or narrow; it says why in its title.
    const openRow = React.useCallback((row: ConversationRow) => row.openable && onOpen(row.conversation), [onOpen]);

    // The wide first load shows the headers above the spinner, so the answer only adds rows. Only once the width is
    // known: headers in a container that sizes to its content would widen it past a narrow column.
    const firstLoad = !list && (feed.kind === "idle" || feed.kind === "loading");
    const columns = list?.columns ?? (firstLoad && narrow === false && props.columns);
    let body: React.ReactNode;
    if (feed.kind === "invalid") body = <InvalidSettingsState strings={strings} problems={feed.problems} />;
    else if (feed.kind === "unavailable" || feed.kind === "waitingForHost") body = <HostMissingState strings={strings} waiting={feed.kind === "waitingForHost"} />;
    else if (list && shownRows.length === 0) body = <EmptyState strings={strings} query={query} />;
    else if (columns && narrow)
        body = (
            <NarrowList
                rows={shownRows}
                columns={columns}
                definitions={definitions}
                sort={sort}
                strings={strings}
                onSortChange={setSort}
                onOpen={openRow}
                openingKey={openState.opening}
                focusedConversationId={props.focusedConversationId}
            />
        );
    else if (columns)
        body = (
            <ConversationGrid
                rows={shownRows}
                columns={columns}
                definitions={definitions}
                sort={sort}
                strings={strings}
                onSort={onSort}
                onOpen={openRow}
                openingKey={openState.opening}
                focusedConversationId={props.focusedConversationId}
            />
        );

    const now = new Date();
    const age = list ? now.getTime() - list.receivedAt.getTime() : 0;
    const stale = feed.kind === "failed" || (refreshMinutes !== undefined && refreshMinutes > 0 && age > refreshMinutes * MINUTE * STALE_AFTER_INTERVALS);
    const updatedAgo = list ? formatter.age(list.receivedAt, minutesShown === 0 && age < MINUTE ? list.receivedAt : now) : undefined;
    // A retry in flight keeps the error on screen: the alert is not removed and raised again on every try.
    const failed = useSettledValue(feed.kind === "failed" ? feed : undefined, feed.kind !== "loading");
    const openFailure = openState.failed;
    return (
        <ThemeProvider as={React.Fragment} theme={theme}>
            <div
                ref={onRoot}
                data-testid="conversation-list"
                data-layout={narrow ? "narrow" : "wide"}
                data-theme={colors.isDark ? "dark" : "light"}
                className={classes.root}
                dir={isRTL ? "rtl" : "ltr"}
                style={{ ...variables, width: sizeOf(width), height: sizeOf(height) ?? DEFAULT_HEIGHT }}
            >
                <ConversationToolbar
                    strings={strings}
                    formatter={formatter}
                    query={query}
                    onQueryChange={setQuery}
                    shown={list ? shownRows.length : undefined}
                    total={list ? rows.length : undefined}
                    updating={feed.kind === "loading"}
                    firstLoad={!list}
                    failed={failed !== undefined}
                    opening={openState.opening !== undefined}
                    onRefresh={onRefresh}
                    updatedAgo={updatedAgo}
                    stale={stale && list !== undefined}
                />
                {list && chips.length > 0 && <StatusChips chips={chips} strings={strings} formatter={formatter} onToggle={onToggleStatus} />}
                {failed && <FailedState strings={strings} formatter={formatter} failure={failed.failure} refusal={failed.refusal} retryAt={failed.retryAt} />}
                {list && list.moreRecords !== false && (
                    <MessageBar messageBarType={MessageBarType.info}>
                        {strings.format("State_MoreRecords", formatter.number(list.moreRecords))}
                    </MessageBar>
                )}
                {openFailure && (
                    <MessageBar
                        data-testid="open-failure"
                        messageBarType={MessageBarType.error}
                        onDismiss={onDismissOpenFailure}
                        dismissButtonAriaLabel={strings.text("Open_Dismiss")}
                    >
                        {strings.format(`Open_Failed_${openFailure.failure}`, openFailure.conversation.title ?? strings.text("Row_Untitled"))}
                    </MessageBar>
                )}
                <div className={narrow ? `${classes.body} ${classes.narrowBody}` : classes.body} data-is-scrollable="true">
                    {body}
                    {firstLoad && <LoadingState strings={strings} />}
                </div>
            </div>
        </ThemeProvider>
    );
});
