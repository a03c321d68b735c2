import * as React from "react";
import { mergeStyleSets } from "@fluentui/react";

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
    open: { background: "#f3f2f1", color: "#323130", borderColor: "#c8c6c4" },
    active: { background: "#dff6dd", color: "#0b5a08" },
    waiting: { background: "#fff4ce", color: "#6a4b00" },
    closed: { background: "#edebe9", color: "#484644" },
    wrapUp: { background: "#deecf9", color: "#004578" },
    other: { background: "#f3f2f1", color: "#323130" },
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
