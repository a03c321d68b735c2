/**
 * The workspace's theme as the platform hands it to a control: `context.fluentDesignLanguage`,
 * Fluent v9 tokens. "light" gives none (as pcf-start and older hosts), "dark" the web dark theme,
 * "brand" a light theme built on an organisation's brand colour. Development and test code only.
 */
import { createLightTheme, webDarkTheme, type BrandVariants } from "@fluentui/tokens";

export const THEMES = ["light", "dark", "brand"] as const;

/** A teal brand ramp (16 slots, dark to light), like one an admin sets in the app's theme. */
const TEAL: BrandVariants = {
    10: "#001f1f",
    20: "#002f2f",
    30: "#003d3d",
    40: "#004b4b",
    50: "#005a5a",
    60: "#006868",
    70: "#007777",
    80: "#038387",
    90: "#1a8f92",
    100: "#339b9e",
    110: "#4da7aa",
    120: "#66b4b6",
    130: "#80c1c3",
    140: "#99cdcf",
    150: "#b3dadb",
    160: "#cce6e7",
};

export function designFor(name: string | null): { tokenTheme: Record<string, unknown>; isDarkTheme: boolean } | undefined {
    if (name === "dark") return { tokenTheme: { ...webDarkTheme }, isDarkTheme: true };
    if (name === "brand") return { tokenTheme: { ...createLightTheme(TEAL) }, isDarkTheme: false };
    return undefined;
}
