import * as React from "react";
import { MessageBar, MessageBarType, ThemeProvider, mergeStyleSets, type PartialTheme } from "@fluentui/react";
import type { ConversationList, FeedState } from "../conversations/feed";
import { listOf } from "../conversations/feed";
import type { Conversation } from "../host/records";
import type { OpenerState } from "../conversations/opener";
import type { ConversationRow, SortOrder } from "../conversations/rows";
import { filterRows, sortRows, toRows } from "../conversations/rows";
import type { ConversationFormatter } from "../conversations/formatting";
import type { Strings } from "../conversations/strings";
import { ConversationGrid } from "./ConversationGrid";
import { ConversationToolbar } from "./ConversationToolbar";
import { EMPTY_VIEW_STATE, type ViewState } from "../conversations/viewState";
import { EmptyState, FailedState, InvalidSettingsState, LoadingState, UnavailableState } from "./StateMessage";
import { useSettledValue } from "./useSettledValue";

export interface ConversationListViewProps {
    feed: FeedState;
    openState: OpenerState;
    strings: Strings;
    formatter: ConversationFormatter;
    /** The space the host gives, in pixels; undefined or -1 means "as much as needed". */
    width?: number;
    height?: number;
    /** The user's language is written right to left (context.userSettings.isRTL). */
    isRTL?: boolean;
    onRefresh: () => void;
    onOpen: (conversation: Conversation) => void;
    onDismissOpenFailure: () => void;
    /** The maker's refresh interval: a list older than it (and a bit) is marked stale. */
    refreshMinutes?: number;
    /** Sort and quick find as saved before a form reload. */
    initialViewState?: ViewState;
    onViewStateChange?: (state: ViewState) => void;
    /** The root element, so the control can tell when it is off screen or has no size. */
    onRootElement?: (element: HTMLElement | null) => void;
}

const classes = mergeStyleSets({
    root: { display: "flex", flexDirection: "column", gap: 8, minHeight: 200, boxSizing: "border-box", padding: 4 },
    body: { position: "relative", flex: "1 1 auto", overflowY: "auto", overflowX: "auto", minHeight: 120 },
});

/** Forms often give no height (-1): the list then takes a height that shows about fifteen rows. */
const DEFAULT_HEIGHT = 560;
const sizeOf = (pixels: number | undefined): number | undefined => (pixels !== undefined && pixels > 0 ? pixels : undefined);
const NO_ROWS: readonly ConversationRow[] = [];
// Fluent mirrors its components (and the icons that point) from theme.rtl.
const RTL_THEME: PartialTheme = { rtl: true };
const LTR_THEME: PartialTheme = { rtl: false };
const MINUTE = 60_000;
/** Jitter may put a timed refresh up to 10% after the interval: only later is the list stale. */
const STALE_AFTER_INTERVALS = 1.15;

/** Counts the minutes a list has been on screen, so ages ("12 min. ago") keep moving between refreshes. */
function useMinutesShown(list: ConversationList | undefined): number {
    const [minutes, setMinutes] = React.useState(0);
    React.useEffect(() => {
        if (!list) return undefined;
        const timer = setInterval(() => setMinutes((count) => count + 1), MINUTE);
        return () => clearInterval(timer);
    }, [list]);
    return minutes;
}

/** The whole control: toolbar, messages, and the grid or the state that stands in for it. */
export const ConversationListView = React.memo(function ConversationListView(props: ConversationListViewProps) {
    const { feed, openState, strings, formatter, width, height, isRTL = false, onRefresh, onOpen, onDismissOpenFailure, refreshMinutes, onViewStateChange, onRootElement } = props;
    const initial = props.initialViewState ?? EMPTY_VIEW_STATE;
    const [query, setQuery] = React.useState(initial.query);
    const [sort, setSort] = React.useState<SortOrder | undefined>(initial.sort);
    React.useEffect(() => onViewStateChange?.({ query, sort }), [query, sort, onViewStateChange]);

    const list = listOf(feed);
    const minutesShown = useMinutesShown(list);
    const rows = React.useMemo(
        () => (list ? toRows(list.conversations, list.columns, strings, formatter, minutesShown === 0 ? list.receivedAt : new Date()) : NO_ROWS),
        [list, strings, formatter, minutesShown],
    );
    const filtered = React.useMemo(() => filterRows(rows, query), [rows, query]);
    const visible = React.useMemo(() => (sort ? sortRows(filtered, sort, formatter.collator) : filtered), [filtered, sort, formatter]);

    const onSort = React.useCallback(
        (column: string) => setSort((current) => ({ column, descending: current?.column === column ? !current.descending : false })),
        [],
    );
    const openRow = React.useCallback((row: ConversationRow) => onOpen(row.conversation), [onOpen]);

    let body: React.ReactNode;
    if (feed.kind === "invalid") body = <InvalidSettingsState strings={strings} problems={feed.problems} />;
    else if (feed.kind === "unavailable") body = <UnavailableState strings={strings} />;
    else if (!list) body = feed.kind === "failed" ? null : <LoadingState strings={strings} />;
    else if (visible.length === 0) body = <EmptyState strings={strings} query={query} />;
    else
        body = (
            <ConversationGrid
                rows={visible}
                columns={list.columns}
                sort={sort}
                strings={strings}
                onSort={onSort}
                onOpen={openRow}
                openingKey={openState.opening}
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
        <ThemeProvider as={React.Fragment} theme={isRTL ? RTL_THEME : LTR_THEME}>
            <div ref={onRootElement} data-testid="conversation-list" className={classes.root} dir={isRTL ? "rtl" : "ltr"} style={{ width: sizeOf(width), height: sizeOf(height) ?? DEFAULT_HEIGHT }}>
                <ConversationToolbar
                    strings={strings}
                    formatter={formatter}
                    query={query}
                    onQueryChange={setQuery}
                    shown={list ? visible.length : undefined}
                    total={list ? rows.length : undefined}
                    updating={feed.kind === "loading"}
                    opening={openState.opening !== undefined}
                    onRefresh={onRefresh}
                    updatedAgo={updatedAgo}
                    stale={stale && list !== undefined}
                />
                {failed && (
                    <FailedState
                        strings={strings}
                        failure={failed.failure}
                        nextTry={failed.retryAt ? formatter.until(failed.retryAt, now) : undefined}
                        onRetry={onRefresh}
                    />
                )}
                {list?.moreRecords && (
                    <MessageBar data-testid="more-records" messageBarType={MessageBarType.info}>
                        {strings.format("State_MoreRecords", formatter.number(list.conversations.length))}
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
                <div className={classes.body} data-is-scrollable="true">
                    {body}
                </div>
            </div>
        </ThemeProvider>
    );
});
