import * as React from "react";
import { mergeStyles } from "@fluentui/react";

/** 16 × 16 glyphs (channels and sentiment faces) as path data (even-odd fill), in the bundle: no icon font is fetched. */
const BUBBLE = "M2 2h12v9H7l-3 3v-3H2z";
const ROUND_BUBBLE = "M8 1.5a6.5 6.5 0 0 0-5.6 9.8L1.5 14.5l3.3-.9A6.5 6.5 0 1 0 8 1.5z";
const PHONE = "M4.5 1.5l2.3 3-1.5 1.6a9 9 0 0 0 4.6 4.6l1.6-1.5 3 2.3-1.6 2.2C7.5 13.5 2.5 8.5 2.3 3.1z";
const SMS = "M1 2.5h14v9H6l-3.5 3v-3H1zM4 6h2v2H4zm3 0h2v2H7zm3 0h2v2h-2z";
const FACEBOOK = "M2 1.5h12a.5.5 0 0 1 .5.5v12a.5.5 0 0 1-.5.5h-3.2V9.8h1.9l.3-2.1h-2.2V6.4c0-.6.2-1 1-1h1.2V3.6a15 15 0 0 0-1.7-.1C9.5 3.5 8.6 4.5 8.6 6.2v1.5H6.7v2.1h1.9v4.7H2a.5.5 0 0 1-.5-.5V2a.5.5 0 0 1 .5-.5z";
const TEAMS = "M1 3h10v10H1zM3 5v1.6h2.2V11h1.6V6.6H9V5zM12 5.5h3V11h-3z";
const ENVELOPE = "M1 3h14v10H1zm1.5 1.5v.4L8 9l5.5-4.1v-.4zm0 2.3v4.7h11V6.8L8 10.9z";
const STAR = "M8 1l2 5h5l-4 3.2 1.6 5.3L8 11.3l-4.6 3.2L5 9.2 1 6h5z";
const CAMERA = "M1 4h10v8H1zm11 2.5L15 4v8l-3-2.5z";
const SCREEN = "M1 2h14v9H1zm1.5 1.5v6h11v-6zM5 12.5h6V14H5z";
const GENERIC = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 4a3 3 0 1 1 0 6 3 3 0 0 1 0-6z";

/** msdyn_channel value → glyph; an unknown channel gets the generic one. */
const GLYPHS: Readonly<Record<number, string>> = {
    19241000: TEAMS,
    192300000: ROUND_BUBBLE, // WhatsApp
    192310000: ROUND_BUBBLE, // LINE
    192320000: ROUND_BUBBLE, // WeChat
    192330000: FACEBOOK,
    192340000: SMS,
    192350000: ENVELOPE, // entity records (email)
    192350002: STAR, // custom
    192360000: BUBBLE, // live chat
    192370000: PHONE, // voice
    192380000: CAMERA,
    192390000: SCREEN, // co-browse
    192400000: SCREEN, // screen sharing
    192440000: PHONE, // voice call
    192450000: ROUND_BUBBLE, // Apple Messages for Business
    192450001: ROUND_BUBBLE, // Google's Business Messages
};

const iconClass = mergeStyles({ width: 14, height: 14, flex: "0 0 auto", fill: "currentColor", verticalAlign: "-2px", marginInlineEnd: 4 });

/** A decorative 16 × 16 glyph; `data` names what it shows, for tests. */
function glyph(path: string, data: Record<`data-${string}`, string | number>): React.ReactElement {
    return (
        <svg className={iconClass} viewBox="0 0 16 16" aria-hidden="true" focusable="false" {...data}>
            <path fillRule="evenodd" d={path} />
        </svg>
    );
}

/** Decorative: the channel's label always stands beside it. */
export const ChannelIcon = React.memo(function ChannelIcon({ code }: { code: number }) {
    return glyph(GLYPHS[code] ?? GENERIC, { "data-channel-icon": code in GLYPHS ? code : "generic" });
});

const RING = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM5.5 5.5H7V7H5.5zm3.5 0h1.5V7H9z";
const MOUTHS = {
    negative: "M5 11.5a3.1 3.1 0 0 1 6 0H9.8a1.9 1.9 0 0 0-3.6 0z",
    neutral: "M5.5 10h5v1.2h-5z",
    positive: "M5 9.5h1.2a1.9 1.9 0 0 0 3.6 0H11a3.1 3.1 0 0 1-6 0z",
};

/** Sentiment 7–9 negative, 10 neutral, 11–13 positive; 0 (not available) and unknown values get no face. */
function sentimentTone(code: number | undefined): keyof typeof MOUTHS | undefined {
    if (code === undefined || code < 7 || code > 13) return undefined;
    return code < 10 ? "negative" : code === 10 ? "neutral" : "positive";
}

/** Decorative: the sentiment's label always stands beside it. */
export const SentimentIcon = React.memo(function SentimentIcon({ code }: { code: number | undefined }) {
    const tone = sentimentTone(code);
    if (!tone) return null;
    return glyph(`${RING}${MOUTHS[tone]}`, { "data-sentiment-icon": tone });
});
