// Browser tests: the real built control (production bundle) in the real pcf-start harness page,
// served offline by scripts/harness/server.mjs, driven by playwright-core and Debian's Chromium.
// Run through run.mjs (`npm run test:browser`), which builds first and sets the environment.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, findChromium, offlineContext, waitForStill } from "../../scripts/harness/chromium.mjs";
import { MARKER, ROOT, TEST_RESULTS_DIR } from "../../scripts/harness/paths.mjs";
import { browserTestDirs, DATA_ROWS, propertyInput } from "./harnessPage.mjs";
import { SHOTS, takeScreenshot } from "../../scripts/harness/screenshots.mjs";
import { startHarnessServer } from "../../scripts/harness/server.mjs";

const { control: CONTROL_DIR, simulator: SIMULATOR_BUNDLE } = browserTestDirs();
const HARNESS_AGENT_ID = "00000000-0000-0000-0000-000000000000";
const TIMEOUT = 20_000;
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
/**
 * How long a test watches for something that must not happen (a second call, the spinner giving way): its cause
 * would come within a few frames of the event that ends the wait; 500 ms leaves room for a loaded machine.
 */
const NOTHING_MORE_MS = 500;

const AXE_SCRIPT = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
/** The WCAG 2.1 A and AA rules of axe-core. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let browser;
let withSimulator;
let bare;

before(async () => {
    assert.ok(fs.existsSync(path.join(CONTROL_DIR, "bundle.js")), `no built control in ${CONTROL_DIR}: run the suite with npm run test:browser`);
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
    withSimulator = await startHarnessServer({ codePath: CONTROL_DIR, simulatorBundle: SIMULATOR_BUNDLE, port: 0 });
    bare = await startHarnessServer({ codePath: CONTROL_DIR, port: 0, simulator: false });
});

after(async () => {
    await browser?.close();
    await withSimulator?.close();
    await bare?.close();
});

/** Opens the harness page in a fresh context; any request off the loopback server is recorded and aborted. */
/** `clock`: the page runs on Playwright's clock, so a test can skip the seconds the control waits for a late host. */
async function openHarness(query = "", { server = withSimulator, viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, forcedColors, clock = false } = {}) {
    const { context, external, errors, newPage } = await offlineContext(browser, server, { viewport, deviceScaleFactor, forcedColors });
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

const rows = (page) => page.locator(DATA_ROWS);

/** Fails if `predicate` (run in the page with `arg`) becomes true within NOTHING_MORE_MS. */
async function assertNothingMore(page, predicate, arg, what) {
    const happened = await page.waitForFunction(predicate, arg, { timeout: NOTHING_MORE_MS }).then(
        () => true,
        (error) => {
            if (error.name !== "TimeoutError") throw error;
            return false;
        },
    );
    assert.equal(happened, false, `${what} within ${NOTHING_MORE_MS} ms`);
}

async function waitForRows(page) {
    await rows(page).first().waitFor({ state: "visible" });
}

/** The narrow layout's two-line rows (below 560 px). */
const narrowRows = (page) => page.getByTestId("narrow-row");

async function waitForNarrowRows(page) {
    await narrowRows(page).first().waitFor({ state: "visible" });
}

/** Elements inside the control wider than their box that would scroll sideways, and the root's own overflow. */
function horizontalOverflow(page) {
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
function readGrid(page) {
    return page.evaluate((selector) => {
        const grid = document.querySelector('[role="grid"]');
        const headers = [...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.innerText.trim());
        const data = [...document.querySelectorAll(selector)].map((row) => [...row.querySelectorAll('[role="gridcell"],[role="rowheader"]')].map((c) => c.innerText.trim()));
        return { headers, rows: data };
    }, DATA_ROWS);
}

function calls(page) {
    return page.evaluate(() => JSON.parse(JSON.stringify(window.__omnichannelSimulator.calls)));
}

/** What the simulator answers for the control's last request (happy style, with annotations). */
function expectedForLastRequest(page, style) {
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
function assertLocalDate(text, iso, what) {
    const match = /(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(text);
    assert.ok(match, `${what}: no en-US date in "${text}"`);
    const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    const shown = Date.UTC(year, Number(match[1]) - 1, Number(match[2]));
    const created = Date.parse(iso.slice(0, 10) + "T00:00:00Z");
    assert.ok(Math.abs(shown - created) <= 86_400_000, `${what}: "${text}" is not the day of ${iso}`);
}

describe("production build without the simulator", () => {
    it("contains no simulator code (marker absent from bundle.js, present in the simulator bundle)", () => {
        const bundle = fs.readFileSync(path.join(CONTROL_DIR, "bundle.js"), "utf8");
        assert.ok(!bundle.includes(MARKER), "the production bundle contains the simulator marker");
        assert.ok(!bundle.includes("OmnichannelSimulator"), "the production bundle mentions OmnichannelSimulator");
        assert.ok(fs.readFileSync(SIMULATOR_BUNDLE, "utf8").includes(MARKER), "the simulator bundle lacks its marker");
    });

    it("in a bare harness says Loading… while it looks for the host, then the not-in-workspace message, and no rows", async () => {
        const { page, done } = await openHarness("", { server: bare, clock: true });
        await page.getByTestId("state-loading").waitFor({ state: "visible" });
        // The page clock also runs in real time: 12 s from here is safely before the control's last look at 16 s.
        await page.clock.runFor(12_000);
        assert.equal(await page.getByTestId("state-unavailable").count(), 0, "the message came before the last look");
        await page.clock.runFor(4_000);
        const message = page.getByTestId("state-unavailable");
        await message.waitFor({ state: "visible" });
        assert.match(await message.innerText(), /Customer Service workspace/);
        assert.equal(await rows(page).count(), 0);
        assert.equal(await page.evaluate(() => typeof window.Microsoft), "undefined");
        assert.equal(await page.evaluate(() => typeof window.__omnichannelSimulatorMarker), "undefined");
        await done();
    });
});

describe("with the simulated host", () => {
    it("requests the harness user's active work and shows rows with correct labels and dates", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        const [call] = (await calls(page)).getConversations;
        assert.equal(call.input.agentId, HARNESS_AGENT_ID);
        assert.deepEqual([...call.input.status].map(Number).sort(), [2, 3, 5]);
        assert.deepEqual(call.input.orderBy, [{ attributeName: "createdon", descending: true }]);
        for (const column of ["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "msdyn_cdsqueueid", "createdon"]) {
            assert.ok(call.input.attributes.includes(column), `attributes lack ${column}`);
        }
        const grid = await readGrid(page);
        assert.deepEqual(grid.headers, ["Title", "Status", "Channel", "Customer", "Queue", "Created"]);
        const expected = await expectedForLastRequest(page);
        assert.ok(grid.rows.length >= 5, `only ${grid.rows.length} rows rendered`);
        assert.equal(await page.getByTestId("conversation-count").innerText(), `${expected.length.toLocaleString("en-US")} conversations`);
        grid.rows.slice(0, 15).forEach((cells, i) => {
            const record = expected[i];
            assert.equal(cells[0], record.msdyn_title, `row ${i} title`);
            assert.match(cells[1], new RegExp(`^(Active|Waiting|Wrap-up)`), `row ${i} status`);
            assert.ok(cells[1].startsWith(record[`statuscode${FORMATTED}`]), `row ${i} status label`);
            for (const label of record[`msdyn_channel${FORMATTED}`].split("; ")) assert.ok(cells[2].includes(label), `row ${i} channel ${label} in "${cells[2]}"`);
            assert.equal(cells[3], record[`msdyn_customer${FORMATTED}`] ?? "", `row ${i} customer`);
            assert.equal(cells[4], record[`msdyn_cdsqueueid${FORMATTED}`] ?? "", `row ${i} queue`);
            // The control formats every date itself, in the harness user's time zone.
            assertLocalDate(cells[5], record.createdon, `row ${i} date`);
        });
        await done();
    });

    it("labels channels itself when the host sends no annotations (plainGuids)", async () => {
        const { page, done } = await openHarness("?scenario=plainGuids");
        await waitForRows(page);
        const grid = await readGrid(page);
        const expected = await expectedForLastRequest(page);
        grid.rows.slice(0, 15).forEach((cells, i) => {
            assert.equal(cells[0], expected[i].msdyn_title);
            assert.ok(cells[1].startsWith(expected[i][`statuscode${FORMATTED}`]), `row ${i} status "${cells[1]}"`);
            const labels = expected[i][`msdyn_channel${FORMATTED}`].split("; ");
            assert.ok(cells[2].includes(labels.join(", ")), `row ${i} channel "${cells[2]}" should read "${labels.join(", ")}"`);
            assertLocalDate(cells[5], expected[i].createdon, `row ${i} date`);
        });
        await done();
    });

    it("reads `_x_value` lookups with annotations (webApiLookups)", async () => {
        const { page, done } = await openHarness("?scenario=webApiLookups");
        await waitForRows(page);
        const grid = await readGrid(page);
        const expected = await expectedForLastRequest(page, { lookups: "webApi", formattedValues: true });
        grid.rows.slice(0, 15).forEach((cells, i) => {
            assert.equal(cells[0], expected[i].msdyn_title);
            assert.equal(cells[3], expected[i][`_msdyn_customer_value${FORMATTED}`] ?? "", `row ${i} customer`);
            assert.equal(cells[4], expected[i][`_msdyn_cdsqueueid_value${FORMATTED}`] ?? "", `row ${i} queue`);
        });
        await done();
    });

    it("a status change in the harness panel refetches with the new statuses", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        const before = (await calls(page)).getConversations.length;
        await propertyInput(page, "statuses").fill("4");
        await page.waitForFunction(
            (n) => window.__omnichannelSimulator.calls.getConversations.slice(n).some((c) => JSON.stringify(c.input.status) === "[4]"),
            before,
        );
        await page.waitForFunction((selector) => {
            const first = document.querySelector(selector);
            return first && first.innerText.includes("Closed");
        }, DATA_ROWS);
        const grid = await readGrid(page);
        assert.ok(grid.rows.length > 0);
        assert.ok(grid.rows.every((cells) => cells[1].startsWith("Closed")), "every row is Closed");
        await done();
    });

    it("sorts by a column header, ascending then descending", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        const header = page.locator('[role="columnheader"]', { hasText: "Title" });
        const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
        assert.equal(await header.getAttribute("aria-sort"), "none");
        await header.click();
        await page.waitForFunction(() => document.querySelector('[role="columnheader"][aria-sort="ascending"]') !== null);
        assert.equal(await header.getAttribute("aria-sort"), "ascending", "the first click sorts ascending");
        const first = (await readGrid(page)).rows.map((cells) => cells[0]);
        assert.deepEqual(first, [...first].sort(collator.compare), "titles sorted ascending");
        await header.click();
        await page.waitForFunction(() => document.querySelector('[role="columnheader"][aria-sort="descending"]') !== null);
        assert.equal(await header.getAttribute("aria-sort"), "descending", "the second click sorts descending");
        const second = (await readGrid(page)).rows.map((cells) => cells[0]);
        assert.deepEqual(second, [...second].sort(collator.compare).reverse(), "titles sorted descending");
        assert.notDeepEqual(first.slice(0, 5), second.slice(0, 5), "the order changed");
        await done();
    });

    it("quick find filters the rows", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        const count = page.getByTestId("conversation-count");
        const countBefore = await count.innerText();
        const rowsBefore = (await readGrid(page)).rows.length;
        const term = (await readGrid(page)).rows[0][0];
        await page.getByRole("searchbox", { name: "Quick find" }).fill(term);
        await page.waitForFunction((text) => document.querySelector('[data-testid="conversation-count"]').innerText !== text, countBefore);
        const after = (await readGrid(page)).rows;
        assert.ok(after.length > 0 && after.length <= rowsBefore, `${after.length} rows after quick find`);
        for (const cells of after) assert.ok(cells.join(" ").toLowerCase().includes(term.toLowerCase()), `row "${cells.join(" | ")}" does not match "${term}"`);
        await done();
    });

    for (const how of ["click", "Enter"]) {
        it(`${how === "click" ? "a click on a row" : "Enter on a focused row"} calls openConversation once with that row's ids`, async () => {
            const { page, done } = await openHarness();
            await waitForRows(page);
            const index = how === "click" ? 2 : 4;
            const expected = await expectedForLastRequest(page);
            const row = rows(page).nth(index);
            const title = (await readGrid(page)).rows[index][0];
            if (how === "click") await row.click();
            else {
                // Keyboard only: Tab into the grid (Fluent's FocusZone focuses the first row), arrow down, Enter.
                for (let i = 0; i < 12; i++) {
                    await page.keyboard.press("Tab");
                    if (await page.evaluate(() => document.activeElement?.getAttribute("role") === "row")) break;
                }
                for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
                assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-item-index")), String(index), "row focused");
                await page.keyboard.press("Enter");
            }
            await page.waitForFunction(() => window.__omnichannelSimulator.calls.openConversation.length > 0);
            // The host answered: the toolbar no longer says "Opening…".
            await page.waitForFunction(() => !document.querySelector('[data-testid="conversation-count"]').innerText.startsWith("Opening"));
            await assertNothingMore(page, () => window.__omnichannelSimulator.calls.openConversation.length > 1, undefined, "a second openConversation call");
            const opened = (await calls(page)).openConversation;
            assert.equal(opened.length, 1, "openConversation called once");
            const record = expected[index];
            assert.equal(record.msdyn_title, title);
            assert.deepEqual(opened[0], {
                conversationId: record.msdyn_ocliveworkitemid,
                lastsessionId: record.msdyn_lastsessionid,
                liveworkstreamId: record.msdyn_liveworkstreamid,
            });
            assert.equal(await page.evaluate(() => window.__omnichannelSimulator.getConversationId()), record.msdyn_ocliveworkitemid);
            await done();
        });
    }

    it("sends upper-case, braced ids as the exact lower-case strings the script compares (upperCaseIds)", async () => {
        const { page, done } = await openHarness("?scenario=upperCaseIds");
        await waitForRows(page);
        await propertyInput(page, "agent").fill("{5F3B1C2A-8D4E-4A71-9C0B-1E2F3A4B5C6D}");
        await page.waitForFunction(() => window.__omnichannelSimulator.calls.getConversations.length === 2);
        assert.equal((await calls(page)).getConversations[1].input.agentId, "5f3b1c2a-8d4e-4a71-9c0b-1e2f3a4b5c6d");
        const expected = await expectedForLastRequest(page);
        await page.waitForFunction((title) => document.querySelector('[role="grid"] [role="row"]:has([role="gridcell"])')?.innerText.includes(title), expected[0].msdyn_title);
        await rows(page).nth(1).click();
        await page.waitForFunction(() => window.__omnichannelSimulator.calls.openConversation.length === 1);
        assert.deepEqual((await calls(page)).openConversation, [
            { conversationId: expected[1].msdyn_ocliveworkitemid, lastsessionId: expected[1].msdyn_lastsessionid, liveworkstreamId: expected[1].msdyn_liveworkstreamid },
        ]);
        assert.equal(await page.getByTestId("open-failure").count(), 0, "the host refused the open");
        await done();
    });

    it("says Loading… while the host is missing, and fills the list by itself once it is defined (lateHost)", async () => {
        // A host that would come in 10 minutes: the test defines it itself, so page load time cannot blur the moment.
        const { page, done } = await openHarness("?scenario=lateHost&hostDelay=600000", { clock: true });
        await page.getByTestId("state-loading").waitFor({ state: "visible" });
        await page.clock.runFor(3_000);
        assert.equal(await page.evaluate(() => typeof window.Microsoft.Omnichannel), "undefined");
        assert.equal(await page.getByTestId("state-unavailable").count(), 0, "the not-in-workspace message while the host may still come");
        assert.equal(await page.getByTestId("state-loading").count(), 1);
        assert.equal((await calls(page)).getConversations.length, 0);
        await page.evaluate(() => {
            window.__omnichannelSimulator.setScenario("happy");
            window.__omnichannelSimulator.installOn(window);
        });
        // The control's next look comes within 8 s (at 4, 8 or 16 s of its own time).
        await page.clock.runFor(8_000);
        await waitForRows(page);
        assert.equal((await calls(page)).getConversations.length, 1);
        const expected = await expectedForLastRequest(page);
        assert.equal(await page.getByTestId("conversation-count").innerText(), `${expected.length} conversations`);
        await done();
    });

    it("names the column Dataverse refused, with the host's message under Details", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        await propertyInput(page, "columns").fill("msdyn_title,msdyn_titel");
        const error = page.getByTestId("state-error");
        await error.waitFor({ state: "visible" });
        assert.match(await error.innerText(), /^Columns: the table has no column “msdyn_titel”\. Correct the property; the list loads again once it changes\./);
        await page.getByText("Details", { exact: true }).click();
        assert.equal(
            await page.getByTestId("host-message").innerText(),
            "'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = 'msdyn_titel' and NameMapping = 'Logical'.",
        );
        const { getConversations } = await calls(page);
        assert.equal(
            await page.getByTestId("failure-details").innerText(),
            `Details\n${await page.getByTestId("host-message").innerText()}\nError code: 0x80041103\nCorrelation id: ${getConversations.at(-1).correlationId}`,
        );
        await done();
    });

    it("an agent over the host's 5,000-row limit (backlog) sees the first 5,000 rows and how to narrow the list", async () => {
        const { page, done } = await openHarness("?scenario=backlog");
        await waitForRows(page);
        const note = page.getByTestId("more-records");
        await note.waitFor({ state: "visible" });
        assert.match(await note.innerText(), /^Only the first 5,000 conversations are shown\. .*fewer statuses or a shorter time window/);
        const answered = await page.evaluate(() => window.__omnichannelSimulator.query(window.__omnichannelSimulator.calls.getConversations.at(-1).input).length);
        assert.ok(answered > 5000, `the simulator matched ${answered}`);
        // Virtualized: thousands of rows, a few dozen in the page.
        assert.ok((await rows(page).count()) < 200);
        await done();
    });

    it("a rejection { status: false, error } shows the localized error, never the host's message, and logs only its code and message", async () => {
        const { page, done } = await openHarness("?scenario=reject");
        const warnings = [];
        page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
        await page.getByTestId("state-error").waitFor({ state: "visible" });
        const text = await page.getByTestId("state-error").innerText();
        assert.doesNotMatch(text, /Simulated host failure|0x80040216/);
        await page.evaluate(() => window.__omnichannelSimulator.setScenario("reject"));
        const warned = page.waitForEvent("console", (message) => message.type() === "warning" && message.text().includes("0x80040216"));
        await page.getByRole("button", { name: "Retry" }).click();
        await page.waitForFunction(() => window.__omnichannelSimulator.calls.getConversations.length >= 2);
        await page.getByTestId("state-error").waitFor({ state: "visible" });
        await warned;
        assert.ok(warnings.some((w) => w.includes("0x80040216") && w.includes("Simulated host failure")), `console: ${JSON.stringify(warnings)}`);
        await done();
    });

    for (const scenario of ["reject", "statusFalse"]) {
        it(`a failing host (${scenario}) shows an error and Retry recovers`, async () => {
            const { page, done } = await openHarness(`?scenario=${scenario}`);
            const error = page.getByTestId("state-error");
            await error.waitFor({ state: "visible" });
            assert.equal(await rows(page).count(), 0);
            await page.evaluate(() => window.__omnichannelSimulator.setScenario("happy"));
            await page.getByRole("button", { name: "Retry" }).click();
            await waitForRows(page);
            assert.equal(await page.getByTestId("state-error").count(), 0);
            await done();
        });
    }

    it("a malformed answer shows an error and nothing breaks", async () => {
        const { page, done } = await openHarness("?scenario=malformed");
        const error = page.getByTestId("state-error");
        await error.waitFor({ state: "visible" });
        assert.equal(await rows(page).count(), 0);
        await page.evaluate(() => window.__omnichannelSimulator.setScenario("happy"));
        assert.equal(await page.getByRole("button", { name: "Refresh", exact: true }).count(), 0, "the error view has one retry action");
        await page.getByRole("button", { name: "Retry" }).click();
        await waitForRows(page);
        await done();
    });

    it("an empty answer shows the empty state", async () => {
        const { page, done } = await openHarness("?scenario=empty");
        await page.getByTestId("state-empty").waitFor({ state: "visible" });
        assert.equal(await rows(page).count(), 0);
        await done();
    });

    it("a slow or silent host shows the spinner", async () => {
        const { page, done } = await openHarness("?scenario=hang");
        await page.getByTestId("state-loading").waitFor({ state: "visible" });
        await assertNothingMore(page, (selector) => !document.querySelector('[data-testid="state-loading"]') || document.querySelector(selector) !== null, DATA_ROWS, "the spinner gave way with no answer");
        assert.equal(await page.getByTestId("state-loading").count(), 1);
        assert.equal(await rows(page).count(), 0);
        await done();
        const slow = await openHarness("?scenario=slow");
        await slow.page.getByTestId("state-loading").waitFor({ state: "visible" });
        await waitForRows(slow.page);
        await slow.done();
    });

    it("takes the README's pictures (into test-results/; npm run screenshots writes docs/)", async () => {
        assert.ok(SHOTS.length > 0);
        for (const shot of SHOTS) {
            const file = path.join(TEST_RESULTS_DIR, "screenshots", path.basename(shot.file));
            fs.rmSync(file, { force: true });
            const { external, errors, titles, answered } = await takeScreenshot(browser, withSimulator, shot, file);
            assert.deepEqual(external, [], `${shot.file}: requests left the machine`);
            assert.deepEqual(errors, [], `${shot.file}: uncaught errors in the page`);
            assert.ok(fs.existsSync(file), `${file} was not written`);
            // How many rows fit depends on the fonts' line height: at least three, and the answer's first ones in order.
            assert.ok(titles.length >= 3, `${shot.file} shows ${titles.length} rows`);
            assert.deepEqual(titles, answered.slice(0, titles.length), `${shot.file} shows the answer's first rows`);
        }
    });
});

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

const visible = (page, testId) => page.getByTestId(testId).waitFor({ state: "visible" });

/**
 * Every state the control can be in, each checked with axe. One line per state.
 */
const A11Y_STATES = [
    { state: "loading", query: "?scenario=hang", ready: (page) => visible(page, "state-loading") },
    { state: "rows", query: "", ready: waitForRows },
    { state: "rows, sorted by a column", query: "", ready: async (page) => { await waitForRows(page); await page.locator('[role="columnheader"]', { hasText: "Title" }).click(); await page.locator('[aria-sort="ascending"]').waitFor(); } },
    { state: "empty", query: "?scenario=empty", ready: (page) => visible(page, "state-empty") },
    { state: "error", query: "?scenario=reject", ready: (page) => visible(page, "state-error") },
    { state: "not in workspace", query: "", server: () => bare, clock: true, ready: async (page) => { await visible(page, "state-loading"); await page.clock.runFor(16_000); await visible(page, "state-unavailable"); } },
    { state: "invalid property", query: "", ready: async (page) => { await waitForRows(page); await propertyInput(page, "statuses").fill("Busy"); await visible(page, "state-invalid"); } },
    { state: "open failure", query: "?scenario=openReject", ready: async (page) => { await waitForRows(page); await rows(page).first().click(); await visible(page, "open-failure"); } },
    { state: "right to left (Arabic)", query: "?language=1025", ready: waitForRows },
    { state: "right to left (Hebrew), error", query: "?language=1037&scenario=reject", ready: (page) => visible(page, "state-error") },
    { state: "380 px wide: narrow layout", query: "", viewport: { width: 380, height: 700 }, ready: waitForNarrowRows },
    { state: "200% zoom in a 1280 px window", query: "", viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, ready: waitForNarrowRows },
    { state: "chips filtered", query: "", ready: async (page) => { await waitForRows(page); await page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /^Waiting/ }).click(); await page.locator('[aria-pressed="true"]').first().waitFor(); } },
    { state: "forced colors", query: "", forcedColors: "active", ready: waitForRows },
    { state: "dark theme", query: "?theme=dark", ready: waitForRows },
    { state: "dark theme, narrow, chips filtered", query: "?theme=dark", viewport: { width: 380, height: 700 }, ready: async (page) => { await waitForNarrowRows(page); await page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /^Waiting/ }).click(); await page.locator('[aria-pressed="true"]').first().waitFor(); } },
    { state: "brand theme, error", query: "?theme=brand&scenario=reject", ready: (page) => visible(page, "state-error") },
];

describe("accessibility: axe-core WCAG 2.1 AA in every state", () => {
    for (const { state, query, server, viewport, deviceScaleFactor, forcedColors, clock, ready } of A11Y_STATES) {
        it(`${state}: 0 violations`, async () => {
            const { page, done } = await openHarness(query, { server: server?.(), viewport, deviceScaleFactor, forcedColors, clock });
            await ready(page);
            const { violations, passed, incomplete } = await axeViolations(page);
            console.log(`axe ${state}: ${violations.length} violations, ${passed} rules passed, needs review: ${incomplete.join(", ") || "none"}`);
            assert.deepEqual(violations, [], `axe violations in state "${state}"`);
            await done();
        });
    }
});

describe("accessibility: keyboard, screen reader, languages", () => {
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
        // Fluent's FocusZone moves End to the last row the virtualized list has rendered, not to the answer's last.
        const lastRendered = await page.evaluate((selector) => Math.max(...[...document.querySelectorAll(selector)].map((row) => Number(row.getAttribute("data-item-index")))), DATA_ROWS);
        await page.keyboard.press("End");
        assert.equal(Number((await focused(page)).index), lastRendered, "End goes to the last rendered row");
        await page.keyboard.press("Home");
        assert.equal((await focused(page)).index, "0", "Home goes to the first row");
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

    for (const { language, isRTL, header, locale } of [
        { language: 1025, isRTL: true, header: "العنوان", locale: "ar-SA" },
        { language: 1037, isRTL: true, header: "כותרת", locale: "he-IL" },
        { language: 1041, isRTL: false, header: "タイトル", locale: "ja-JP" },
        { language: 1031, isRTL: false, header: "Titel", locale: "de-DE" },
    ]) {
        it(`?language=${language} sets the user's language and direction: ${isRTL ? "right to left" : "left to right"}, ${locale} numbers`, async () => {
            const { page, done } = await openHarness(`?language=${language}`);
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
            await done();
        });
    }

    it("a server started for a language (npm start -- --language=1037) serves that language and direction to every page", async () => {
        const hebrew = await startHarnessServer({ codePath: CONTROL_DIR, simulatorBundle: SIMULATOR_BUNDLE, port: 0, languageId: 1037 });
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

    it("at 200% zoom in a 1280 px window, quick find, the count, Refresh and the rows stay on screen", async () => {
        const { page, done } = await openHarness("", { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
        await waitForNarrowRows(page);
        const width = await page.evaluate(() => document.documentElement.clientWidth);
        for (const locator of [page.getByRole("searchbox", { name: "Quick find" }), page.getByTestId("conversation-count"), page.getByRole("button", { name: "Refresh", exact: true }), narrowRows(page).first()]) {
            const b = await locator.boundingBox();
            assert.ok(b && b.width > 0 && b.x >= 0 && b.x + b.width <= width, `${await locator.evaluate((el) => el.outerHTML.slice(0, 60))} is within the ${width} px viewport`);
        }
        assert.ok((await narrowRows(page).first().innerText()).trim().length > 0, "the first title is shown");
        await done();
    });

    it("follows the workspace's theme (context.fluentDesignLanguage): dark surfaces and light text in ?theme=dark, Fluent's light look without one", async () => {
        const colorsOf = (page) =>
            page.evaluate(() => {
                const root = document.querySelector('[data-testid="conversation-list"]');
                const cell = root.querySelector('[role="gridcell"]');
                const header = root.querySelector('[role="columnheader"]');
                return { theme: root.dataset.theme, root: getComputedStyle(root).backgroundColor, cell: getComputedStyle(cell).color, header: getComputedStyle(header).color };
            });
        const dark = await openHarness("?theme=dark");
        await waitForRows(dark.page);
        // webDarkTheme: colorNeutralBackground1 #292929; headers colorNeutralForeground1 #ffffff, cells colorNeutralForeground2 #d6d6d6.
        assert.deepEqual(await colorsOf(dark.page), { theme: "dark", root: "rgb(41, 41, 41)", cell: "rgb(214, 214, 214)", header: "rgb(255, 255, 255)" });
        await dark.done();
        const light = await openHarness();
        await waitForRows(light.page);
        const plain = await colorsOf(light.page);
        assert.equal(plain.theme, "light");
        assert.equal(plain.root, "rgb(255, 255, 255)");
        await light.done();
    });

    it("in forced colors the rows and the focused row stay distinguishable", async () => {
        const { page, done } = await openHarness("", { forcedColors: "active" });
        await waitForRows(page);
        assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true, "forced colors emulated");
        await tabIntoGrid(page);
        const outline = await page.evaluate(() => {
            const row = document.activeElement;
            const after = getComputedStyle(row, "::after");
            return { rowOutline: getComputedStyle(row).outlineStyle, afterBorder: after.borderTopStyle, afterContent: after.content };
        });
        assert.ok(outline.rowOutline !== "none" || (outline.afterContent !== "none" && outline.afterBorder !== "none"), `focused row shows a focus outline: ${JSON.stringify(outline)}`);
        await done();
    });
});

describe("a 380 px form column", () => {
    const NARROW = { width: 380, height: 700 };

    it("switches to the two-line list and never scrolls sideways, down to a 320 px container", async () => {
        const { page, done } = await openHarness("", { viewport: NARROW });
        await waitForNarrowRows(page);
        assert.equal(await page.getByTestId("conversation-list").getAttribute("data-layout"), "narrow");
        let overflow = await horizontalOverflow(page);
        assert.ok(overflow.rootScrollWidth <= overflow.rootWidth && overflow.scrolling.length === 0, `no horizontal overflow: ${JSON.stringify(overflow)}`);
        await page.evaluate(() => {
            document.querySelector('[data-testid="conversation-list"]').parentElement.style.width = "320px";
        });
        // The control follows its container, then lays out again in the next frame.
        await page.waitForFunction(() => document.querySelector('[data-testid="conversation-list"]').clientWidth <= 320);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        overflow = await horizontalOverflow(page);
        assert.ok(overflow.rootWidth <= 320, `the control follows its 320 px container (${overflow.rootWidth})`);
        assert.ok(overflow.rootScrollWidth <= overflow.rootWidth && overflow.scrolling.length === 0, `no horizontal overflow at 320 px: ${JSON.stringify(overflow)}`);
        await done();
    });

    it("the chips filter the list without a new request", async () => {
        const { page, done } = await openHarness("", { viewport: NARROW });
        await waitForNarrowRows(page);
        const requests = (await calls(page)).getConversations.length;
        const waiting = page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /^Waiting/ });
        const count = Number((await waiting.innerText()).replace(/\D/g, ""));
        await waiting.click();
        assert.equal(await waiting.getAttribute("aria-pressed"), "true");
        assert.match(await page.getByTestId("conversation-count").innerText(), new RegExp(`^${count} of \\d+ conversations`));
        for (const text of await narrowRows(page).allInnerTexts()) assert.match(text, /Waiting/);
        assert.equal((await calls(page)).getConversations.length, requests, "no new request");
        await done();
    });

    it("shows no GUID anywhere on plainGuids, wide or narrow", async () => {
        for (const viewport of [NARROW, { width: 1280, height: 800 }]) {
            const { page, done } = await openHarness("?scenario=plainGuids", { viewport });
            await page.getByTestId("conversation-count").filter({ hasText: /\d/ }).waitFor();
            const text = await page.getByTestId("conversation-list").innerText();
            assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, `GUID on screen at ${viewport.width} px`);
            // The grid shows a dash for a lookup without a name; the narrow list leaves it out.
            if (viewport !== NARROW) assert.match(text, /\u2014/, "a lookup without a name shows a dash");
            await done();
        }
    });
});

describe("the focused session's conversation", () => {
    const NARROW = { width: 380, height: 700 };
    /** The marked rows' titles and the bar drawn before the first one. */
    const marked = (page, selector) =>
        page.evaluate((rowSelector) => {
            const found = [...document.querySelectorAll(rowSelector)].filter((row) => row.getAttribute("aria-current") === "true");
            if (found.length === 0) return { count: 0 };
            const bar = getComputedStyle(found[0], "::before");
            return { count: found.length, text: found[0].innerText.split("\n")[0], bar: { width: bar.width, background: bar.backgroundColor } };
        }, selector);

    for (const [layout, viewport, selector] of [
        ["wide", { width: 1280, height: 800 }, DATA_ROWS],
        ["narrow", NARROW, '[data-testid="narrow-row"]'],
    ]) {
        it(`is marked with a bar and aria-current once opened, and unmarked in the Home session (${layout})`, async () => {
            const { page, done } = await openHarness("", { viewport });
            await page.locator(selector).nth(1).waitFor({ state: "visible" });
            assert.deepEqual(await marked(page, selector), { count: 0 }, "nothing marked before an open");
            const title = (await page.locator(selector).nth(1).innerText()).split("\n")[0];
            await page.locator(selector).nth(1).click();
            await page.waitForFunction((rowSelector) => document.querySelector(`${rowSelector}[aria-current="true"]`), selector);
            const mark = await marked(page, selector);
            assert.equal(mark.count, 1);
            assert.equal(mark.text, title, "the opened row is the marked one");
            assert.equal(mark.bar.width, "4px");
            assert.notEqual(mark.bar.background, "rgba(0, 0, 0, 0)", "the bar has a colour");
            assert.equal((await calls(page)).getConversations.length, 1, "asking which session has focus is not a query");
            await page.getByRole("button", { name: "Switch session" }).click();
            await page.waitForFunction((rowSelector) => !document.querySelector(`${rowSelector}[aria-current="true"]`), selector);
            await done();
        });
    }

    it("keeps its bar in forced colours, in the system's highlight colour", async () => {
        const { page, done } = await openHarness("", { forcedColors: "active" });
        await waitForRows(page);
        await rows(page).nth(1).click();
        await page.waitForFunction((rowSelector) => document.querySelector(`${rowSelector}[aria-current="true"]`), DATA_ROWS);
        const { bar } = await marked(page, DATA_ROWS);
        const highlight = await page.evaluate(() => {
            const probe = document.body.appendChild(document.createElement("div"));
            probe.style.cssText = "background: Highlight; forced-color-adjust: none";
            const color = getComputedStyle(probe).backgroundColor;
            probe.remove();
            return color;
        });
        assert.equal(bar.background, highlight);
        await done();
    });
});
