// What the browser test files share: one Chromium and the harness servers per file (started before its
// tests, closed after them), and the helpers that open the harness page and read the control in it.
// The pages get React's production build, as the platform serves it: the development build's checks
// cost a fifth of every page load's CPU, and the suite is bound by CPU.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, findChromium, offlineContext } from "../../scripts/harness/chromium.mjs";
import { ROOT } from "../../scripts/harness/paths.mjs";
import { browserTestDirs, DATA_ROWS } from "./harnessPage.mjs";
import { startHarnessServer } from "../../scripts/harness/server.mjs";

export const { control: CONTROL_DIR, simulator: SIMULATOR_BUNDLE } = browserTestDirs();
export const HARNESS_AGENT_ID = "00000000-0000-0000-0000-000000000000";
/** A page load takes 2 to 5 s here; a CI run on a shared machine once waited 20 s for one that never came. */
export const TIMEOUT = 30_000;
export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
/**
 * How long a test watches for something that must not happen (a second call, the spinner giving way): its cause
 * would come within a few frames of the event that ends the wait; 500 ms leaves room for a loaded machine.
 */
export const NOTHING_MORE_MS = 500;

export const AXE_SCRIPT = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export let browser;
export let withSimulator;
export let bare;

/** A harness server for the control under test, on a free port; `options` as startHarnessServer's. */
export function startTestServer(options = {}) {
    return startHarnessServer({ codePath: CONTROL_DIR, simulatorBundle: SIMULATOR_BUNDLE, port: 0, productionReact: true, ...options });
}

before(async () => {
    assert.ok(fs.existsSync(path.join(CONTROL_DIR, "bundle.js")), `no built control in ${CONTROL_DIR}: run the suite with npm run test:browser`);
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
    withSimulator = await startTestServer();
    bare = await startTestServer({ simulator: false });
});

after(async () => {
    await browser?.close();
    await withSimulator?.close();
    await bare?.close();
});

/** Opens the harness page in a fresh context; any request off the loopback server is recorded and aborted. */
/** `clock`: the page runs on Playwright's clock, so a test can skip the seconds the control waits for a late host. */
/** `timezoneId`: the browser's time zone (UTC unless given); the harness user's Dataverse zone stays its own. */
export async function openHarness(query = "", { server = withSimulator, viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, forcedColors, clock = false, timezoneId } = {}) {
    const { context, external, errors, newPage } = await offlineContext(browser, server, { viewport, deviceScaleFactor, forcedColors, ...(timezoneId && { timezoneId }) });
    if (clock) await context.clock.install();
    const page = await newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(server.loopbackUrl + query);
    const done = async () => {
        assert.deepEqual(external, [], "requests left the machine");
        assert.deepEqual(errors, [], "uncaught errors in the page");
        await context.close();
    };
    return { page, context, external, errors, done };
}

/**
 * One harness page for the tests of a `describe` block, which take it state after state (a page load costs
 * more than most checks): opened before the first, checked (nothing left the machine, no page errors) and
 * closed after the last. The tests read `shared.page`; `options` returns openHarness's.
 */
export function sharedPage(query = "", options = () => ({})) {
    const shared = {};
    // Options are read when the page opens: the servers start in the file's before hook.
    before(async () => Object.assign(shared, await openHarness(query, options())));
    after(async () => shared.done?.());
    return shared;
}

export const rows = (page) => page.locator(DATA_ROWS);

/** Fails if `predicate` (run in the page with `arg`) becomes true within NOTHING_MORE_MS. */
export async function assertNothingMore(page, predicate, arg, what) {
    const happened = await page.waitForFunction(predicate, arg, { timeout: NOTHING_MORE_MS }).then(
        () => true,
        (error) => {
            if (error.name !== "TimeoutError") throw error;
            return false;
        },
    );
    assert.equal(happened, false, `${what} within ${NOTHING_MORE_MS} ms`);
}

/**
 * Waits for `locator` to be visible; on a timeout the error says what the control showed instead (its layout,
 * size, text and the host calls so far), so that a failure on a CI machine explains itself.
 */
async function waitShown(page, locator, what) {
    try {
        await locator.waitFor({ state: "visible" });
    } catch (error) {
        if (error.name !== "TimeoutError") throw error;
        const shown = await page
            .evaluate(() => {
                const root = document.querySelector('[data-testid="conversation-list"]');
                const calls = window.__omnichannelSimulator?.calls;
                return {
                    layout: root?.getAttribute("data-layout"),
                    size: root ? `${root.clientWidth}x${root.clientHeight}` : undefined,
                    text: (root ?? document.body).innerText.replace(/\s+/g, " ").slice(0, 300),
                    getConversations: calls?.getConversations.length,
                };
            })
            .catch((reason) => ({ unreadable: String(reason) }));
        throw new Error(`no ${what} came; the control showed ${JSON.stringify(shown)}`, { cause: error });
    }
}

export function waitForRows(page) {
    return waitShown(page, rows(page).first(), "grid rows");
}

/** The narrow layout's two-line rows (below 560 px). */
export const narrowRows = (page) => page.getByTestId("narrow-row");

export function waitForNarrowRows(page) {
    return waitShown(page, narrowRows(page).first(), "narrow rows");
}

/**
 * Narrows the control's container (the harness's pane) to `width` px, as a narrow form column would, or gives
 * it back its own width (undefined). The window keeps its size: the harness sizes its pane once, at load.
 */
export function setContainerWidth(page, width) {
    return page.evaluate((px) => {
        document.querySelector('[data-testid="conversation-list"]').parentElement.style.width = px === null ? "" : `${px}px`;
    }, width ?? null);
}

/** Elements inside the control wider than their box that would scroll sideways, and the root's own overflow. */
export function horizontalOverflow(page) {
    return page.evaluate(() => {
        const root = document.querySelector('[data-testid="conversation-list"]');
        const scrolling = [root, ...root.querySelectorAll("*")].filter((el) => {
            const style = getComputedStyle(el);
            return el.scrollWidth > el.clientWidth + 1 && (style.overflowX === "auto" || style.overflowX === "scroll");
        });
        return { rootWidth: root.clientWidth, rootScrollWidth: root.scrollWidth, scrolling: scrolling.map((el) => el.className.slice(0, 60)) };
    });
}

/** Header texts and the visible data rows' cell texts, in column order. */
export function readGrid(page) {
    return page.evaluate((selector) => {
        const grid = document.querySelector('[role="grid"]');
        const headers = [...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.innerText.trim());
        const data = [...document.querySelectorAll(selector)].map((row) => [...row.querySelectorAll('[role="gridcell"],[role="rowheader"]')].map((c) => c.innerText.trim()));
        return { headers, rows: data };
    }, DATA_ROWS);
}

export function calls(page) {
    return page.evaluate(() => JSON.parse(JSON.stringify(window.__omnichannelSimulator.calls)));
}

/** What the simulator answers for the control's last request (happy style, with annotations). */
export function expectedForLastRequest(page, style) {
    return page.evaluate((s) => {
        const sim = window.__omnichannelSimulator;
        const last = sim.calls.getConversations.at(-1);
        return sim.query(last.input, s ?? undefined);
    }, style ?? null);
}

/**
 * A date the control formatted itself: en-US M/D/YY or M/D/YYYY, in the harness user's time zone,
 * so within a day of the UTC creation time.
 */
export function assertLocalDate(text, iso, what) {
    const match = /(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(text);
    assert.ok(match, `${what}: no en-US date in "${text}"`);
    const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    const shown = Date.UTC(year, Number(match[1]) - 1, Number(match[2]));
    const created = Date.parse(iso.slice(0, 10) + "T00:00:00Z");
    assert.ok(Math.abs(shown - created) <= 86_400_000, `${what}: "${text}" is not the day of ${iso}`);
}

/** The user's language and direction, from `?language=`: what the page shows for it. */
export const LANGUAGES = {
    ar: { language: 1025, isRTL: true, header: "العنوان", locale: "ar-SA" },
    he: { language: 1037, isRTL: true, header: "כותרת", locale: "he-IL" },
    ja: { language: 1041, isRTL: false, header: "タイトル", locale: "ja-JP" },
    de: { language: 1031, isRTL: false, header: "Titel", locale: "de-DE" },
};
export const languageCheckName = ({ language, isRTL, locale }) => `?language=${language} sets the user's language and direction: ${isRTL ? "right to left" : "left to right"}, ${locale} numbers`;

export async function checkLanguage(page, { isRTL, header, locale }) {
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

/** The focused element's role, row index and name. */
export const focused = (page) =>
    page.evaluate(() => {
        const el = document.activeElement;
        return { role: el?.getAttribute("role"), index: el?.getAttribute("data-item-index"), name: el?.getAttribute("aria-label") ?? el?.textContent?.trim() };
    });

export async function tabIntoGrid(page) {
    for (let i = 0; i < 15; i++) {
        await page.keyboard.press("Tab");
        if ((await focused(page)).role === "row") return;
    }
    assert.fail("Tab never reached a row of the grid");
}
