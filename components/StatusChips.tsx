import * as React from "react";
import { mergeStyleSets } from "@fluentui/react";
import { colorVar } from "../theme/colors";
import type { ConversationFormatter } from "../conversations/formatting";
import type { StatusChip } from "../conversations/statusFilter";
import type { Strings } from "../conversations/strings";

export interface StatusChipsProps {
    chips: readonly StatusChip[];
    strings: Strings;
    formatter: ConversationFormatter;
    onToggle: (code: number) => void;
}

// A picked chip is filled, bold and ticked: never colour alone. Native buttons keep system colours in forced-colors mode.
const classes = mergeStyleSets({
    group: { display: "flex", flexWrap: "wrap", gap: 6 },
    chip: {
        display: "inline-flex",
        alignItems: "center",
        gap: 4,
        padding: "2px 10px",
        minHeight: 24,
        borderRadius: 12,
        border: `1px solid ${colorVar("border")}`,
        background: colorVar("surface"),
        color: colorVar("text"),
        font: "inherit",
        fontSize: 12,
        cursor: "pointer",
        selectors: {
            ":hover": { background: colorVar("hover") },
            ":focus-visible": { outline: `2px solid ${colorVar("focus")}`, outlineOffset: 1 },
            "@media (forced-colors: active)": { borderColor: "ButtonText", forcedColorAdjust: "auto" },
        },
    },
    pressed: {
        background: colorVar("selected.background"),
        borderColor: colorVar("selected.border"),
        color: colorVar("selected.text"),
        fontWeight: 600,
        selectors: { ":hover": { background: colorVar("selected.hover") }, "@media (forced-colors: active)": { borderWidth: 2, borderColor: "Highlight" } },
    },
    tick: { width: 10, height: 10, fill: "currentColor", flex: "0 0 auto" },
});

const TICK = "M3.6 8.4 0.9 5.7l1-1 1.7 1.7L8.1 1.9l1 1z";

/** "Active 4", "Waiting 2": a toggle per configured status; picked ones filter the rows shown. */
export const StatusChips = React.memo(function StatusChips({ chips, strings, formatter, onToggle }: StatusChipsProps) {
    return (
        <div role="group" aria-label={strings.text("Chips_AriaLabel")} className={classes.group}>
            {chips.map(({ code, label, count, pressed }) => (
                <button
                    key={code}
                    type="button"
                    aria-pressed={pressed}
                    className={pressed ? `${classes.chip} ${classes.pressed}` : classes.chip}
                    onClick={() => onToggle(code)}
                >
                    {pressed && (
                        <svg className={classes.tick} viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                            <path d={TICK} />
                        </svg>
                    )}
                    {label} {formatter.number(count)}
                </button>
            ))}
        </div>
    );
});
