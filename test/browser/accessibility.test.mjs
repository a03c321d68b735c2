// Browser tests of accessibility: axe-core WCAG 2.1 AA in every state, the keyboard, screen readers and
// languages, on the production build in the pcf-start harness (see harness.test.mjs).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { waitForStill } from "../../scripts/harness/chromium.mjs";
import { DATA_ROWS, propertyInput } from "./harnessPage.mjs";
import { AXE_SCRIPT, WCAG_21_AA, bare, openHarness, sharedPage, rows, waitForRows, narrowRows, waitForNarrowRows, setContainerWidth, readGrid, calls, expectedForLastRequest, startTestServer } from "./fixture.mjs";

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

/** The user's language and direction, from `?language=`: what the page shows for it. */
const LANGUAGES = {
    ar: { language: 1025, isRTL: true, header: "العنوان", locale: "ar-SA" },
    he: { language: 1037, isRTL: true, header: "כותרת", locale: "he-IL" },
    ja: { language: 1041, isRTL: false, header: "タイトル", locale: "ja-JP" },
    de: { language: 1031, isRTL: false, header: "Titel", locale: "de-DE" },
};
const languageCheckName = ({ language, isRTL, locale }) => `?language=${language} sets the user's language and direction: ${isRTL ? "right to left" : "left to right"}, ${locale} numbers`;

async function checkLanguage(page, { isRTL, header, locale }) {
    await waitForRows(page);
    const root = page.getByTestId("conversation-list");
    assert.equal(await root.getAttribute("dir"), isRTL ? "rtl" : "ltr");
    assert.equal((await readGrid(page)).headers[0], header);
    const count = (await expectedForLastRequest(page)).length;
    assert.ok((await page.getByTestId("conversation-count").innerText()).includes(new Intl.NumberFormat(locale).format(count)), "count in the user's digits");
    const box = async (selector) => (await page.locator(selector).first().boundingBox()).x;
    const search = await box('[data-testid="conversation-list"] .ms-SearchBox');
    const refresh = await box('[data-testid="conversation-list"] button.ms-Button');
    assert.equal(refresh < search, isRTL, "Refresh is left of quick find exactly when the layout is right to left");
}

/** The colours of the control's surface, a cell and a header, and the theme it says it follows. */
const colorsOf = (page) =>
    page.evaluate(() => {
        const root = document.querySelector('[data-testid="conversation-list"]');
        const cell = root.querySelector('[role="gridcell"]');
        const header = root.querySelector('[role="columnheader"]');
        return { theme: root.dataset.theme, root: getComputedStyle(root).backgroundColor, cell: getComputedStyle(cell).color, header: getComputedStyle(header).color };
    });

const focused = (page) =>
    page.evaluate(() => {
        const el = document.activeElement;
        return { role: el?.getAttribute("role"), index: el?.getAttribute("data-item-index"), name: el?.getAttribute("aria-label") ?? el?.textContent?.trim() };
    });

async function tabIntoGrid(page) {
    for (let i = 0; i < 15; i++) {
        await page.keyboard.press("Tab");
        if ((await focused(page)).role === "row") return;
    }
    assert.fail("Tab never reached a row of the grid");
}

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
    await page.getByTestId("toolbar").getByRole("button").click();
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
        states: [{ state: "not in workspace", ready: async (page) => { await visible(page, "state-loading"); await page.clock.runFor(16_000); await visible(page, "state-unavailable"); } }],
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

describe("accessibility: keyboard, screen reader, languages", () => {
    it("Tab reaches quick find, Refresh and the grid; arrows, Home and End move between rows; Space opens", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        await page.getByRole("searchbox", { name: "Quick find" }).focus();
        await page.keyboard.press("Tab");
        assert.equal((await focused(page)).name, "Refresh", "Tab from quick find goes to Refresh");
        await tabIntoGrid(page);
        assert.equal((await focused(page)).index, "0", "the grid's tab stop is the first row");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        assert.equal((await focused(page)).index, "2");
        await page.keyboard.press("ArrowUp");
        assert.equal((await focused(page)).index, "1");
        // The answer's last row, beyond those the virtualized list had drawn.
        const answered = (await expectedForLastRequest(page)).length;
        const lastDrawn = await page.evaluate((selector) => Math.max(...[...document.querySelectorAll(selector)].map((row) => Number(row.getAttribute("data-item-index")))), DATA_ROWS);
        assert.ok(lastDrawn < answered - 1, `the list had not drawn the last row yet (${lastDrawn} of ${answered})`);
        await page.keyboard.press("End");
        await page.waitForFunction((index) => document.activeElement?.getAttribute("data-item-index") === index, String(answered - 1));
        await page.keyboard.press("Home");
        await page.waitForFunction(() => document.activeElement?.getAttribute("data-item-index") === "0");
        await page.keyboard.press("ArrowDown");
        const expected = await expectedForLastRequest(page);
        await page.keyboard.press("Space");
        await page.waitForFunction(() => window.__omnichannelSimulator.calls.openConversation.length > 0);
        assert.equal((await calls(page)).openConversation[0].conversationId, expected[1].msdyn_ocliveworkitemid, "Space opens the focused row");
        await done();
    });

    it("the status chips follow Refresh in the Tab order; Enter and Space toggle them (aria-pressed) and filter without a request", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        const asked = (await calls(page)).getConversations.length;
        await page.getByRole("button", { name: "Refresh", exact: true }).focus();
        await page.keyboard.press("Tab");
        const chip = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), pressed: document.activeElement?.getAttribute("aria-pressed") }));
        assert.match(chip.text, /^Active \d+$/, "Tab from Refresh goes to the first chip");
        assert.equal(chip.pressed, "false");
        await page.keyboard.press("Tab");
        const waiting = await page.evaluate(() => document.activeElement?.textContent?.trim());
        assert.match(waiting, /^Waiting \d+$/);
        await page.keyboard.press("Enter");
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-pressed")), "true");
        const shown = await readGrid(page);
        assert.equal(shown.rows.length > 0 && shown.rows.every((cells) => cells[1] === "Waiting"), true, "only Waiting rows");
        await page.keyboard.press("Space");
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-pressed")), "false");
        assert.equal((await calls(page)).getConversations.length, asked, "chips filter on the page, no request");
        await done();
    });

    it("column headers are reachable by keyboard and Enter sorts, with aria-sort on the sorted column", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        await tabIntoGrid(page);
        await page.keyboard.press("ArrowUp");
        assert.equal(await page.evaluate(() => document.activeElement?.closest('[role="columnheader"]')?.innerText.trim()), "Title", "ArrowUp from the first row reaches the header");
        await page.keyboard.press("Enter");
        await page.locator('[role="columnheader"][aria-sort="ascending"]', { hasText: "Title" }).waitFor();
        assert.equal(await page.locator('[role="columnheader"][aria-sort="ascending"], [role="columnheader"][aria-sort="descending"]').count(), 1, "one sorted column");
        await done();
    });

    it("the live region says the count once: a refresh with the same count changes nothing in it", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        const live = page.getByTestId("count-announcement");
        assert.equal(await live.getAttribute("aria-live"), "polite");
        const before = await live.innerText();
        assert.match(before, /^\d[\d,]* conversations$/);
        await page.evaluate(() => {
            window.__liveChanges = 0;
            new MutationObserver((records) => (window.__liveChanges += records.length)).observe(document.querySelector('[data-testid="count-announcement"]'), {
                childList: true,
                characterData: true,
                subtree: true,
            });
        });
        const requests = (await calls(page)).getConversations.length;
        await page.getByRole("button", { name: "Refresh", exact: true }).click();
        await page.waitForFunction((n) => window.__omnichannelSimulator.calls.getConversations.length > n, requests);
        await page.getByTestId("conversation-count").filter({ hasText: before }).waitFor();
        assert.equal(await page.evaluate(() => window.__liveChanges), 0, "the live region did not change on a refresh");
        await page.getByRole("searchbox", { name: "Quick find" }).fill("zzz-no-such-title");
        await page.waitForFunction(() => /^0 of /.test(document.querySelector('[data-testid="count-announcement"]').innerText));
        await done();
    });

    for (const language of [LANGUAGES.ja, LANGUAGES.de]) {
        it(languageCheckName(language), async () => {
            const { page, done } = await openHarness(`?language=${language.language}`);
            await checkLanguage(page, language);
            await done();
        });
    }

    it("a server started for a language (npm start -- --language=1037) serves that language and direction to every page", async () => {
        const hebrew = await startTestServer({ languageId: 1037 });
        try {
            const { page, done } = await openHarness("", { server: hebrew });
            await waitForRows(page);
            assert.equal(await page.getByTestId("conversation-list").getAttribute("dir"), "rtl");
            assert.equal((await readGrid(page)).headers[0], "כותרת");
            await done();
        } finally {
            await hebrew.close();
        }
    });
});
