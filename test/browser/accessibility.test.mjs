// Browser tests of accessibility: axe-core WCAG 2.1 AA in every state, and what a theme, a language, a zoom or
// forced colours show, on the production build in the pcf-start harness (see harness.test.mjs). The keyboard
// and the live region are in keyboard.test.mjs.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { waitForStill } from "../../scripts/harness/chromium.mjs";
import { propertyInput } from "./harnessPage.mjs";
import { AXE_SCRIPT, WCAG_21_AA, bare, sharedPage, rows, waitForRows, narrowRows, waitForNarrowRows, setContainerWidth, LANGUAGES, languageCheckName, checkLanguage, tabIntoGrid } from "./fixture.mjs";

/** Runs axe-core's WCAG 2.1 AA rules on the control (not the harness page around it): violations, rules passed, rules to review. */
async function axeViolations(page) {
    // Mid-fade text is half transparent and would fail color-contrast.
    await waitForStill(page);
    await page.addScriptTag({ path: AXE_SCRIPT });
    return page.evaluate(async (tags) => {
        const { violations, passes, incomplete } = await window.axe.run('[data-testid="conversation-list"]', { runOnly: { type: "tag", values: tags } });
        return {
            violations: violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(" ")}`),
            passed: passes.length,
            incomplete: incomplete.map((v) => v.id),
        };
    }, WCAG_21_AA);
}

/** The colours of the control's surface, a cell and a header, and the theme it says it follows. */
const colorsOf = (page) =>
    page.evaluate(() => {
        const root = document.querySelector('[data-testid="conversation-list"]');
        const cell = root.querySelector('[role="gridcell"]');
        const header = root.querySelector('[role="columnheader"]');
        return { theme: root.dataset.theme, root: getComputedStyle(root).backgroundColor, cell: getComputedStyle(cell).color, header: getComputedStyle(header).color };
    });

const visible = (page, testId) => page.getByTestId(testId).waitFor({ state: "visible" });

/** Checks the page with axe in the state it is in, and logs what axe found. */
async function assertNoViolations(page, state) {
    const { violations, passed, incomplete } = await axeViolations(page);
    console.log(`axe ${state}: ${violations.length} violations, ${passed} rules passed, needs review: ${incomplete.join(", ") || "none"}`);
    assert.deepEqual(violations, [], `axe violations in state "${state}"`);
}

const sortByTitle = async (page) => {
    await page.locator('[role="columnheader"]', { hasText: "Title" }).click();
    await page.locator('[aria-sort="ascending"]').waitFor();
};
const pickWaiting = async (page) => {
    await page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /^Waiting/ }).click();
    await page.locator('[aria-pressed="true"]').first().waitFor();
};
/** What the host answers from now on; the toolbar's Refresh (named in the user's language) asks it at once. */
const refreshWith = async (page, scenario) => {
    await page.evaluate((name) => window.__omnichannelSimulator.setScenario(name), scenario);
    // The toolbar: the parent of the count's column.
    await page.getByTestId("conversation-count").locator("xpath=../..").getByRole("button").click();
};

/**
 * Every state the control can be in, each checked with axe, one test per state, and the checks of what a
 * theme, a language or a zoom shows. States a page can reach one after another share that page; a theme,
 * a language, a pixel ratio or a start without rows needs its own.
 */
const A11Y_PAGES = [
    {
        page: "the default page",
        query: "",
        states: [
            { state: "rows", ready: waitForRows },
            { check: "follows the workspace's theme (context.fluentDesignLanguage): Fluent's light look without one", run: async (page) => {
                const plain = await colorsOf(page);
                assert.equal(plain.theme, "light");
                assert.equal(plain.root, "rgb(255, 255, 255)");
            } },
            { state: "380 px wide: narrow layout", ready: async (page) => { await setContainerWidth(page, 380); await waitForNarrowRows(page); } },
            { state: "rows, sorted by a column", ready: async (page) => { await setContainerWidth(page, undefined); await waitForRows(page); await sortByTitle(page); } },
            { state: "chips filtered", ready: pickWaiting },
            { state: "forced colors", ready: (page) => page.emulateMedia({ forcedColors: "active" }) },
            { check: "in forced colors the rows and the focused row stay distinguishable", run: async (page) => {
                assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true, "forced colors emulated");
                await page.getByRole("searchbox", { name: "Quick find" }).focus();
                await tabIntoGrid(page);
                const outline = await page.evaluate(() => {
                    const row = document.activeElement;
                    const after = getComputedStyle(row, "::after");
                    return { rowOutline: getComputedStyle(row).outlineStyle, afterBorder: after.borderTopStyle, afterContent: after.content };
                });
                assert.ok(outline.rowOutline !== "none" || (outline.afterContent !== "none" && outline.afterBorder !== "none"), `focused row shows a focus outline: ${JSON.stringify(outline)}`);
            } },
            { state: "open failure", ready: async (page) => { await page.emulateMedia({ forcedColors: "none" }); await page.evaluate(() => window.__omnichannelSimulator.setScenario("openReject")); await rows(page).first().click(); await visible(page, "open-failure"); } },
            { state: "empty", ready: async (page) => { await refreshWith(page, "empty"); await visible(page, "state-empty"); } },
            { state: "error", ready: async (page) => { await refreshWith(page, "reject"); await visible(page, "state-error"); } },
            { state: "busy", ready: async (page) => { await refreshWith(page, "busyRequests"); await page.locator('[data-failure="busy"]').waitFor({ state: "visible" }); } },
            { state: "invalid property", ready: async (page) => { await propertyInput(page, "statuses").fill("Busy"); await visible(page, "state-invalid"); } },
        ],
    },
    {
        page: "the dark theme",
        query: "?theme=dark",
        states: [
            { state: "dark theme", ready: waitForRows },
            { check: "follows the workspace's theme (context.fluentDesignLanguage): dark surfaces and light text in ?theme=dark", run: async (page) => {
                // webDarkTheme: colorNeutralBackground1 #292929; headers colorNeutralForeground1 #ffffff, cells colorNeutralForeground2 #d6d6d6.
                assert.deepEqual(await colorsOf(page), { theme: "dark", root: "rgb(41, 41, 41)", cell: "rgb(214, 214, 214)", header: "rgb(255, 255, 255)" });
            } },
            { state: "dark theme, narrow, chips filtered", ready: async (page) => { await setContainerWidth(page, 380); await waitForNarrowRows(page); await pickWaiting(page); } },
        ],
    },
    { page: "a host that never answers", query: "?scenario=hang", states: [{ state: "loading", ready: (page) => visible(page, "state-loading") }] },
    {
        page: "a page without the host",
        query: "",
        server: () => bare,
        clock: true,
        states: [
            { state: "waiting for the workspace", ready: async (page) => { await visible(page, "state-loading"); await page.clock.runFor(3_000); await visible(page, "state-waiting-for-host"); } },
            { state: "not in workspace", ready: async (page) => { await page.clock.runFor(13_000); await visible(page, "state-unavailable"); } },
        ],
    },
    {
        page: "Arabic",
        query: "?language=1025",
        states: [
            { check: languageCheckName(LANGUAGES.ar), run: (page) => checkLanguage(page, LANGUAGES.ar) },
            { state: "right to left (Arabic)", ready: waitForRows },
        ],
    },
    {
        page: "Hebrew",
        query: "?language=1037",
        states: [
            { check: languageCheckName(LANGUAGES.he), run: (page) => checkLanguage(page, LANGUAGES.he) },
            { state: "right to left (Hebrew), error", ready: async (page) => { await refreshWith(page, "reject"); await visible(page, "state-error"); } },
        ],
    },
    {
        page: "200% zoom",
        query: "",
        viewport: { width: 640, height: 400 },
        deviceScaleFactor: 2,
        states: [
            { state: "200% zoom in a 1280 px window", ready: waitForNarrowRows },
            { check: "at 200% zoom in a 1280 px window, quick find, the count, Refresh and the rows stay on screen", run: async (page) => {
                const width = await page.evaluate(() => document.documentElement.clientWidth);
                for (const locator of [page.getByRole("searchbox", { name: "Quick find" }), page.getByTestId("conversation-count"), page.getByRole("button", { name: "Refresh", exact: true }), narrowRows(page).first()]) {
                    const b = await locator.boundingBox();
                    assert.ok(b && b.width > 0 && b.x >= 0 && b.x + b.width <= width, `${await locator.evaluate((el) => el.outerHTML.slice(0, 60))} is within the ${width} px viewport`);
                }
                assert.ok((await narrowRows(page).first().innerText()).trim().length > 0, "the first title is shown");
            } },
        ],
    },
    { page: "the brand theme, a rejecting host", query: "?theme=brand&scenario=reject", states: [{ state: "brand theme, error", ready: (page) => visible(page, "state-error") }] },
];

describe("accessibility: axe-core WCAG 2.1 AA in every state, and what each page shows", () => {
    for (const { page: name, query, server, viewport, deviceScaleFactor, clock, states } of A11Y_PAGES) {
        describe(name, () => {
            const shared = sharedPage(query, () => ({ server: server?.(), viewport, deviceScaleFactor, clock }));
            for (const { state, ready, check, run } of states) {
                if (check) it(check, () => run(shared.page));
                else
                    it(`${state}: 0 violations`, async () => {
                        await ready(shared.page);
                        await assertNoViolations(shared.page, state);
                    });
            }
        });
    }
});
