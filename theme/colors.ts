/**
 * The control's colours by role, from the host's Fluent v9 tokens (`context.fluentDesignLanguage
 * .tokenTheme`) when it gives them, Fluent's light defaults otherwise. Pure: no React, no Fluent.
 * Text colours are checked for contrast against their background, so an unusual brand theme cannot
 * make a badge unreadable.
 */

export interface BadgeColors {
    background: string;
    text: string;
    border?: string;
}

export interface Colors {
    isDark: boolean;
    surface: string;
    text: string;
    subtext: string;
    /** Borders of controls (chips, menus): at least 3:1 against the surface. */
    border: string;
    divider: string;
    hover: string;
    focus: string;
    brand: string;
    /** Warnings in words: the stale mark, the waiting alert. */
    danger: string;
    selected: { background: string; border: string; text: string; hover: string };
    badges: { open: BadgeColors; active: BadgeColors; waiting: BadgeColors; closed: BadgeColors; wrapUp: BadgeColors; other: BadgeColors };
}

/** Fluent's light theme, as the control looked before hosts gave tokens. */
export const LIGHT: Colors = {
    isDark: false,
    surface: "#ffffff",
    text: "#323130",
    subtext: "#605e5c",
    border: "#8a8886",
    divider: "#edebe9",
    hover: "#f3f2f1",
    focus: "#0f6cbd",
    brand: "#0f6cbd",
    danger: "#a4262c",
    selected: { background: "#ebf3fc", border: "#0f6cbd", text: "#0e4775", hover: "#cfe4fa" },
    badges: {
        open: { background: "#f3f2f1", text: "#323130", border: "#c8c6c4" },
        active: { background: "#dff6dd", text: "#0b5a08" },
        waiting: { background: "#fff4ce", text: "#6a4b00" },
        closed: { background: "#edebe9", text: "#484644" },
        wrapUp: { background: "#deecf9", text: "#004578" },
        other: { background: "#f3f2f1", text: "#323130" },
    },
};

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

function rgbOf(hex: string): [number, number, number] {
    const digits = hex.length === 4 ? hex.slice(1).replace(/./g, (d) => d + d) : hex.slice(1);
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
    const [r, g, b] = rgbOf(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours. */
export function contrast(a: string, b: string): number {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}

/** The first candidate readable on `background` at 4.5:1, else `last`, else black or white. */
function readable(background: string, candidates: readonly (string | undefined)[], last: string): string {
    for (const candidate of [...candidates, last]) if (candidate && contrast(candidate, background) >= 4.5) return candidate;
    return luminance(background) < 0.2 ? "#ffffff" : "#000000";
}

/**
 * Reads the host's v9 tokens. Any token missing or not a hex colour keeps the light default for
 * that role, and any text colour under 4.5:1 against its background is replaced by one that passes.
 */
export function colorsFromTokens(tokenTheme: unknown): Colors {
    if (!tokenTheme || typeof tokenTheme !== "object") return LIGHT;
    const tokens = tokenTheme as Record<string, unknown>;
    const token = (name: string): string | undefined => {
        const value = tokens[name];
        return typeof value === "string" && HEX.test(value) ? value : undefined;
    };
    const surface = token("colorNeutralBackground1") ?? LIGHT.surface;
    const isDark = luminance(surface) < 0.2;
    const text = readable(surface, [token("colorNeutralForeground1")], isDark ? "#ffffff" : LIGHT.text);
    const badge = (background: string | undefined, foregrounds: (string | undefined)[], light: BadgeColors): BadgeColors =>
        background ? { background, text: readable(background, foregrounds, text) } : light;
    const selectedBackground = token("colorBrandBackground2") ?? LIGHT.selected.background;
    return {
        isDark,
        surface,
        text,
        subtext: readable(surface, [token("colorNeutralForeground2"), token("colorNeutralForeground3")], text),
        border: token("colorNeutralStrokeAccessible") ?? LIGHT.border,
        divider: token("colorNeutralStroke2") ?? LIGHT.divider,
        hover: token("colorNeutralBackground1Hover") ?? LIGHT.hover,
        focus: token("colorStrokeFocus2") ?? LIGHT.focus,
        brand: token("colorBrandBackground") ?? LIGHT.brand,
        danger: readable(surface, [token("colorPaletteRedForeground1"), token("colorPaletteRedForeground3")], text),
        selected: {
            background: selectedBackground,
            border: token("colorBrandStroke1") ?? LIGHT.selected.border,
            text: readable(selectedBackground, [token("colorBrandForeground2"), token("colorBrandForeground1")], text),
            hover: token("colorBrandBackground2Hover") ?? LIGHT.selected.hover,
        },
        badges: {
            open: { ...badge(token("colorNeutralBackground3"), [text], LIGHT.badges.open), border: token("colorNeutralStroke1") ?? LIGHT.badges.open.border },
            active: badge(token("colorPaletteGreenBackground2"), [token("colorPaletteGreenForeground2"), token("colorPaletteGreenForeground1")], LIGHT.badges.active),
            waiting: badge(token("colorPaletteYellowBackground2"), [token("colorPaletteYellowForeground2"), token("colorPaletteYellowForeground1")], LIGHT.badges.waiting),
            closed: badge(token("colorNeutralBackground3"), [token("colorNeutralForeground2")], LIGHT.badges.closed),
            wrapUp: badge(token("colorPaletteBlueBackground2"), [token("colorPaletteBlueForeground2")], LIGHT.badges.wrapUp),
            other: badge(token("colorNeutralBackground3"), [text], LIGHT.badges.other),
        },
    };
}

/** A colour role as a CSS custom property name: `selected.text` → `--cl-selected-text`. */
export const colorVar = (role: string): string => `var(--cl-${role.replace(/\./g, "-")})`;

/** Every role as a CSS custom property, set on the control's root so that every part follows the theme. */
export function cssVariables(colors: Colors): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (value: unknown, path: string[]): void => {
        if (typeof value === "string") out[`--cl-${path.join("-")}`] = value;
        else if (value && typeof value === "object") for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(colors, []);
    return out;
}

/**
 * The Fluent v8 theme the platform's grid, fields, buttons and menus draw with: palette and
 * semantic colours from the same roles. Plain data, given to Fluent's createTheme by the view.
 */
export function fluentThemeOf({ isDark, brand, selected, text, subtext, border, divider, hover, surface, focus, danger }: Colors) {
    return {
        isInverted: isDark,
        palette: {
            themePrimary: brand,
            themeDarkAlt: brand,
            themeDark: brand,
            themeSecondary: selected.border,
            themeLighter: selected.background,
            themeLighterAlt: selected.background,
            neutralPrimary: text,
            neutralPrimaryAlt: text,
            neutralDark: text,
            neutralSecondary: subtext,
            neutralTertiary: subtext,
            neutralTertiaryAlt: border,
            neutralQuaternary: divider,
            neutralQuaternaryAlt: divider,
            neutralLight: divider,
            neutralLighter: hover,
            neutralLighterAlt: surface,
            black: text,
            white: surface,
        },
        semanticColors: {
            bodyBackground: surface,
            bodyText: text,
            bodySubtext: subtext,
            bodyDivider: divider,
            bodyBackgroundHovered: hover,
            inputBackground: surface,
            inputBorder: border,
            inputBorderHovered: text,
            inputText: text,
            inputPlaceholderText: subtext,
            buttonBackground: surface,
            buttonBackgroundHovered: hover,
            buttonBackgroundPressed: divider,
            buttonBorder: border,
            buttonText: text,
            buttonTextHovered: text,
            listBackground: surface,
            listText: text,
            listItemBackgroundHovered: hover,
            listHeaderBackgroundHovered: hover,
            menuBackground: surface,
            menuItemText: text,
            menuItemBackgroundHovered: hover,
            focusBorder: focus,
            errorText: danger,
        },
    };
}
