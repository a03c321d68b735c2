import * as React from "react";
import { DefaultButton, SearchBox, Stack, Text, hiddenContentStyle, mergeStyles } from "@fluentui/react";
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
    /** A conversation is being opened: said in the live status text. */
    opening: boolean;
    onRefresh: () => void;
    /** "3 min. ago": when the rows shown were received. */
    updatedAgo?: string;
    /** The last refresh failed, or the list was out of sight past its interval. */
    stale: boolean;
}

const toolbarTokens = { childrenGap: 8 };
const staleStyles = { root: { color: "#a4262c", fontWeight: 600 as const } };
const searchStyles = { root: { minWidth: 160, flexGrow: 1, maxWidth: 280 } };
const visuallyHidden = mergeStyles(hiddenContentStyle);

export const ConversationToolbar = React.memo(function ConversationToolbar(props: ConversationToolbarProps) {
    const { strings, formatter, query, onQueryChange, shown, total, updating, opening, onRefresh, updatedAgo, stale } = props;
    const onChange = React.useCallback((_?: React.ChangeEvent<HTMLInputElement>, value?: string) => onQueryChange(value ?? ""), [onQueryChange]);
    const onClear = React.useCallback(() => onQueryChange(""), [onQueryChange]);

    let count = "";
    if (total !== undefined && shown !== undefined) {
        count =
            shown === total
                ? strings.format("Toolbar_Count", formatter.number(total))
                : strings.format("Toolbar_CountFiltered", formatter.number(shown), formatter.number(total));
    }
    // The visible text says "Updating…" on every refresh; the live region only says a changed count.
    const announcedCount = useSettledValue(count, !updating);
    return (
        <Stack horizontal verticalAlign="center" tokens={toolbarTokens} wrap>
            <SearchBox
                styles={searchStyles}
                ariaLabel={strings.text("Toolbar_QuickFind")}
                placeholder={strings.text("Toolbar_QuickFindPlaceholder")}
                value={query}
                onChange={onChange}
                onClear={onClear}
            />
            <Text data-testid="conversation-count" variant="small">
                {opening ? strings.text("Open_Opening") : updating ? strings.text("Toolbar_Updating") : count}
            </Text>
            {updatedAgo !== undefined && (
                <Text data-testid="freshness" variant="small" title={stale ? strings.text("Toolbar_StaleHint") : undefined} styles={stale ? staleStyles : undefined}>
                    {strings.format("Toolbar_Updated", updatedAgo)}
                    {stale && ` · ${strings.text("Toolbar_Stale")}`}
                </Text>
            )}
            <div data-testid="count-announcement" role="status" aria-live="polite" aria-atomic="true" className={visuallyHidden}>
                {announcedCount}
            </div>
            {/* Keeps focus while disabled, so a keyboard user is not thrown out of the toolbar. */}
            <DefaultButton text={strings.text("Toolbar_Refresh")} onClick={onRefresh} disabled={updating} allowDisabledFocus />
        </Stack>
    );
});
