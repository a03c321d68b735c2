import { colorVar } from "../theme/colors";
import type { ConversationRow } from "../conversations/rows";
import type { Strings } from "../conversations/strings";

/** The focused session's row: a bar on its leading edge, in the system's highlight colour when colours are forced. */
export const FOCUSED_BAR = {
    content: '""',
    position: "absolute",
    insetBlock: 0,
    insetInlineStart: 0,
    width: 4,
    background: colorVar("brand"),
    zIndex: 1,
    selectors: { "@media (forced-colors: active)": { background: "Highlight", forcedColorAdjust: "none" } },
} as const;

/** What marks a row in both layouts: its hint, whether it is being opened, whether it is the focused session's. */
export function rowMarks(row: ConversationRow, strings: Strings, openingKey: string | undefined, focusedConversationId: string | undefined) {
    return {
        title: strings.text(row.openable ? "Row_OpenHint" : "Row_CannotOpen"),
        "aria-busy": (openingKey !== undefined && row.conversation.key === openingKey) || undefined,
        "aria-current": (focusedConversationId !== undefined && row.conversation.conversationId === focusedConversationId) || undefined,
    };
}
