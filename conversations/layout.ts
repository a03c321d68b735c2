import { NO_NAME } from "./formatting";
import type { ConversationRow } from "./rows";

/** Below this width (pixels) the grid becomes a two-line list: its columns would not fit without scrolling sideways. */
const NARROW_BELOW = 560;

export const isNarrow = (width: number | undefined): boolean => width !== undefined && width > 0 && width < NARROW_BELOW;

/** What the second line of a narrow row says, when those columns are shown: customer, channel, then age. */
const SUMMARY_COLUMNS = ["msdyn_customer", "msdyn_channel"];

/** "Contoso · Live chat · 12 min. ago": the shown customer and channel, and the age of the first date column. */
export function narrowSummary(row: ConversationRow, columns: readonly string[]): string {
    const parts = SUMMARY_COLUMNS.filter((column) => columns.includes(column)).map((column) => row.cell(column).text);
    const age = columns.map((column) => row.cell(column).age).find((text) => text !== undefined);
    if (age !== undefined) parts.push(age);
    // A customer without a name says nothing on a line this short: left out rather than shown as a dash.
    return parts.filter((part) => part !== "" && part !== NO_NAME).join(" · ");
}
