import * as React from "react";
import { DefaultButton, SearchBox, Text, hiddenContentStyle, mergeStyleSets } from "@fluentui/react";
import { colorVar } from "../theme/colors";
import type { ConversationFormatter } from "../conversations/formatting";
import type { Strings } from "../conversations/strings";
import { useSettledValue } from "./useSettledValue";

export interface ConversationToolbarProps {
    strings: Strings;
    formatter: ConversationFormatter;
    query: string;
    onQueryChange: (query: string) => void;
    /** Undefined while there are no rows to count. */
    shown?: number;
    total?: number;
    updating: boolean;
    /** Nothing has been shown yet: the first load says "Loading…", later ones "Refreshing…". */
    firstLoad: boolean;
    /** The error view is up: the one action is Retry, in Refresh's place. */
    failed: boolean;
    /** A conversation is being opened: said in the live status text. */
    opening: boolean;
    onRefresh: () => void;
    /** "3 min. ago": when the rows shown were received. */
    updatedAgo?: string;
    /** The last refresh failed, or the list was out of sight past its interval. */
    stale: boolean;
}

// Count and freshness on the left, taking what is left; quick find and the button keep their sizes on the right,
// so nothing moves when the count or the button's label changes.
const classes = mergeStyleSets({
    toolbar: { display: "flex", alignItems: "center", gap: 8, minWidth: 0 },
    status: { flex: "1 1 0", minWidth: 112, display: "flex", flexDirection: "column", overflow: "hidden", whiteSpace: "nowrap" },
    hidden: hiddenContentStyle,
});
const staleStyles = { root: { color: colorVar("danger"), fontWeight: 600 as const, overflow: "hidden" as const, textOverflow: "ellipsis" } };
const lineStyles = { root: { overflow: "hidden" as const, textOverflow: "ellipsis" } };
const searchStyles = { root: { flex: "0 1 200px", minWidth: 96 } };
const buttonStyles = { root: { flex: "0 0 auto", minWidth: 88, padding: "0 12px" } };

export const ConversationToolbar = React.memo(function ConversationToolbar(props: ConversationToolbarProps) {
    const { strings, formatter, query, onQueryChange, shown, total, updating, firstLoad, failed, opening, onRefresh, updatedAgo, stale } = props;
    const onChange = React.useCallback((_?: React.ChangeEvent<HTMLInputElement>, value?: string) => onQueryChange(value ?? ""), [onQueryChange]);
    const onClear = React.useCallback(() => onQueryChange(""), [onQueryChange]);

    let count = "";
    if (total !== undefined && shown !== undefined) {
        count =
            shown === total
                ? strings.format("Toolbar_Count", formatter.number(total))
                : strings.format("Toolbar_CountFiltered", formatter.number(shown), formatter.number(total));
    }
    // The visible text says "Refreshing…" on every refresh; the live region only says a changed count.
    const announcedCount = useSettledValue(count, !updating);
    let status = count;
    if (opening) status = strings.text("Open_Opening");
    else if (updating) status = strings.text(firstLoad ? "Toolbar_Loading" : "Toolbar_Refreshing");
    return (
        <div className={classes.toolbar}>
            <div className={classes.status}>
                <Text data-testid="conversation-count" variant="small" styles={lineStyles}>
                    {status}
                </Text>
                {updatedAgo !== undefined && (
                    <Text variant="xSmall" title={stale ? strings.text("Toolbar_StaleHint") : undefined} styles={stale ? staleStyles : lineStyles}>
                        {strings.format("Toolbar_Updated", updatedAgo)}
                        {stale && ` · ${strings.text("Toolbar_Stale")}`}
                    </Text>
                )}
            </div>
            <div data-testid="count-announcement" role="status" aria-live="polite" aria-atomic="true" className={classes.hidden}>
                {announcedCount}
            </div>
            <SearchBox
                styles={searchStyles}
                ariaLabel={strings.text("Toolbar_QuickFind")}
                placeholder={strings.text("Toolbar_QuickFindPlaceholder")}
                value={query}
                onChange={onChange}
                onClear={onClear}
            />
            {/* Keeps focus while disabled, so a keyboard user is not thrown out of the toolbar. */}
            <DefaultButton
                styles={buttonStyles}
                text={strings.text(failed ? "State_Retry" : "Toolbar_Refresh")}
                onClick={onRefresh}
                disabled={updating}
                allowDisabledFocus
            />
        </div>
    );
});
