import { createLightTheme, webDarkTheme, webLightTheme } from "@fluentui/tokens";
import { colorsFromTokens, contrast, cssVariables, fluentThemeOf, LIGHT } from "../../theme/colors";

describe("colorsFromTokens", () => {
    it("keeps Fluent's light look when the host gives no tokens, or something that is not a token set", () => {
        expect(colorsFromTokens(undefined)).toBe(LIGHT);
        expect(colorsFromTokens("dark")).toBe(LIGHT);
    });

    it("takes the surfaces, text and brand from the host's dark theme", () => {
        const colors = colorsFromTokens(webDarkTheme);
        expect(colors.isDark).toBe(true);
        expect([colors.surface, colors.text, colors.subtext, colors.brand]).toEqual(["#292929", "#ffffff", "#d6d6d6", "#115ea3"]);
        expect(colors.badges.active).toEqual({ background: "#094509", text: "#9fd89f" });
    });

    it("never pairs a badge text with its background under 4.5:1, whatever the theme says", () => {
        for (const tokens of [webLightTheme, webDarkTheme, createLightTheme({ 10: "#000", 20: "#111", 30: "#222", 40: "#333", 50: "#444", 60: "#555", 70: "#666", 80: "#777", 90: "#888", 100: "#999", 110: "#aaa", 120: "#bbb", 130: "#ccc", 140: "#ddd", 150: "#eee", 160: "#fff" })]) {
            const colors = colorsFromTokens(tokens);
            for (const badge of Object.values(colors.badges)) expect(contrast(badge.text, badge.background)).toBeGreaterThanOrEqual(4.5);
            expect(contrast(colors.text, colors.surface)).toBeGreaterThanOrEqual(4.5);
            expect(contrast(colors.subtext, colors.surface)).toBeGreaterThanOrEqual(4.5);
            expect(contrast(colors.selected.text, colors.selected.background)).toBeGreaterThanOrEqual(4.5);
        }
        // The light theme's own yellow pair (#817400 on #fef7b2) is 3.9:1: the picker falls back to the text colour.
        expect(colorsFromTokens(webLightTheme).badges.waiting).toEqual({ background: "#fef7b2", text: "#242424" });
    });

    it("keeps the light default for a token that is missing or not a colour", () => {
        const colors = colorsFromTokens({ ...webLightTheme, colorNeutralStroke2: "url(javascript:alert(1))", colorBrandBackground: undefined });
        expect(colors.divider).toBe(LIGHT.divider);
        expect(colors.brand).toBe(LIGHT.brand);
    });
});

describe("cssVariables and fluentThemeOf", () => {
    it("name every role as a CSS variable, nested roles joined with dashes", () => {
        const variables = cssVariables(LIGHT);
        expect(variables["--cl-surface"]).toBe("#ffffff");
        expect(variables["--cl-badges-waiting-text"]).toBe(LIGHT.badges.waiting.text);
        expect(variables["--cl-selected-hover"]).toBe(LIGHT.selected.hover);
        expect(variables).not.toHaveProperty("--cl-isDark");
    });

    it("give Fluent's platform components the same surfaces and text, inverted in the dark", () => {
        const theme = fluentThemeOf(colorsFromTokens(webDarkTheme));
        expect(theme.isInverted).toBe(true);
        expect([theme.semanticColors.bodyBackground, theme.semanticColors.bodyText, theme.palette.themePrimary]).toEqual(["#292929", "#ffffff", "#115ea3"]);
    });
});
