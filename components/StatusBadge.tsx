import * as React from "react";
import { mergeStyleSets } from "@fluentui/react";
import { colorVar } from "../theme/colors";

/** Colours per statuscode: green for work in progress, amber for waiting, blue for wrap-up. */
const classes = mergeStyleSets({
    badge: {
        display: "inline-block",
        padding: "1px 8px",
        borderRadius: 10,
        fontSize: 12,
        lineHeight: "18px",
        whiteSpace: "nowrap",
        border: "1px solid transparent",
    },
    open: { background: colorVar("badges.open.background"), color: colorVar("badges.open.text"), borderColor: colorVar("badges.open.border") },
    active: { background: colorVar("badges.active.background"), color: colorVar("badges.active.text") },
    waiting: { background: colorVar("badges.waiting.background"), color: colorVar("badges.waiting.text") },
    closed: { background: colorVar("badges.closed.background"), color: colorVar("badges.closed.text") },
    wrapUp: { background: colorVar("badges.wrapUp.background"), color: colorVar("badges.wrapUp.text") },
    other: { background: colorVar("badges.other.background"), color: colorVar("badges.other.text") },
});

const CLASS_BY_STATUS: Readonly<Record<number, string>> = {
    1: classes.open,
    2: classes.active,
    3: classes.waiting,
    4: classes.closed,
    5: classes.wrapUp,
};

export interface StatusBadgeProps {
    label: string;
    statusCode?: number;
}

export const StatusBadge = React.memo(function StatusBadge({ label, statusCode }: StatusBadgeProps) {
    if (label === "") return null;
    const tone = (statusCode !== undefined && CLASS_BY_STATUS[statusCode]) || classes.other;
    return <span className={`${classes.badge} ${tone}`}>{label}</span>;
});
