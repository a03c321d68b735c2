import * as React from "react";
import { mergeStyleSets } from "@fluentui/react";
import { colorVar, type Colors } from "../theme/colors";

/** A badge tone's background and text, as the theme's CSS variables. */
const toneColors = (tone: keyof Colors["badges"]) => ({ background: colorVar(`badges.${tone}.background`), color: colorVar(`badges.${tone}.text`) });

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
    open: { ...toneColors("open"), borderColor: colorVar("badges.open.border") },
    active: toneColors("active"),
    waiting: toneColors("waiting"),
    closed: toneColors("closed"),
    wrapUp: toneColors("wrapUp"),
    other: toneColors("other"),
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
