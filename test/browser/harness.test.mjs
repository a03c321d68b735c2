// Browser tests: the real built control (production bundle) in the real pcf-start harness page,
// served offline by scripts/harness/server.mjs, driven by playwright-core and Debian's Chromium.
// Run through run.mjs (`npm run test:browser`), which builds first and sets the environment.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { MARKER, TEST_RESULTS_DIR } from "../../scripts/harness/paths.mjs";
import { DATA_ROWS, propertyInput } from "./harnessPage.mjs";
import { SHOTS, takeScreenshot } from "../../scripts/harness/screenshots.mjs";
import { HARNESS_AGENT_ID, FORMATTED, browser, withSimulator, bare, openHarness, sharedPage, rows, assertNothingMore, waitForRows, readGrid, calls, expectedForLastRequest, assertLocalDate, tabIntoGrid, CONTROL_DIR, SIMULATOR_BUNDLE } from "./fixture.mjs";

/** Opens row `index` by a click or by the keyboard alone, and checks the one openConversation call it makes. */
async function assertOpens(page, how, index) {
    const expected = await expectedForLastRequest(page);
    const row = rows(page).nth(index);
    const title = (await readGrid(page)).rows[index][0];
    if (how === "click") await row.click();
    else {
        // Keyboard only: Tab into the grid (Fluent's FocusZone focuses the first row), arrow down, Enter.
        await tabIntoGrid(page);
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
}

/** The error view, without rows; once the host answers again, Retry brings the rows back. `inErrorView` checks more first. */
async function assertRetryRecovers(page, inErrorView) {
    await page.getByTestId("state-error").waitFor({ state: "visible" });
    assert.equal(await rows(page).count(), 0);
    await page.evaluate(() => window.__omnichannelSimulator.setScenario("happy"));
    await inErrorView?.();
    await page.getByRole("button", { name: "Retry" }).click();
    await waitForRows(page);
    assert.equal(await page.getByTestId("state-error").count(), 0);
}

describe("production build without the simulator", () => {
    it("contains no simulator code (marker absent from bundle.js, present in the simulator bundle)", () => {
        const bundle = fs.readFileSync(path.join(CONTROL_DIR, "bundle.js"), "utf8");
        assert.ok(!bundle.includes(MARKER), "the production bundle contains the simulator marker");
        assert.ok(!bundle.includes("OmnichannelSimulator"), "the production bundle mentions OmnichannelSimulator");
        assert.ok(fs.readFileSync(SIMULATOR_BUNDLE, "utf8").includes(MARKER), "the simulator bundle lacks its marker");
    });

    it("in a bare harness says Loading…, within 5 s that it waits for the workspace and what to do, then the not-in-workspace message, and no rows", async () => {
        const { page, done } = await openHarness("", { server: bare, clock: true });
        await page.getByTestId("state-loading").waitFor({ state: "visible" });
        await page.clock.runFor(3_000);
        const waiting = page.getByTestId("state-waiting-for-host");
        await waiting.waitFor({ state: "visible" });
        assert.match(await waiting.innerText(), /^Waiting for Customer Service workspace… .* open it from the workspace\.$/s);
        assert.equal(await page.getByTestId("state-loading").count(), 0);
        // The page clock also runs in real time: 9 s more is safely before the control's last look at 16 s.
        await page.clock.runFor(9_000);
        assert.equal(await page.getByTestId("state-unavailable").count(), 0, "the message came before the last look");
        assert.equal(await waiting.count(), 1);
        await page.clock.runFor(4_000);
        const message = page.getByTestId("state-unavailable");
        await message.waitFor({ state: "visible" });
        assert.match(await message.innerText(), /Customer Service workspace/);
        assert.equal(await waiting.count(), 0);
        assert.equal(await rows(page).count(), 0);
        assert.equal(await page.evaluate(() => typeof window.Microsoft), "undefined");
        assert.equal(await page.evaluate(() => typeof window.__omnichannelSimulatorMarker), "undefined");
        await done();
    });
});

describe("with the simulated host", () => {
    describe("the harness user's page, one step after another", () => {
        const shared = sharedPage();

        it("requests the harness user's active work and shows rows with correct labels and dates", async () => {
            const { page } = shared;
            await waitForRows(page);
            const [call] = (await calls(page)).getConversations;
            assert.equal(call.input.agentId, HARNESS_AGENT_ID);
            assert.deepEqual([...call.input.status].map(Number).sort(), [2, 3, 5]);
            assert.deepEqual(call.input.orderBy, [{ attributeName: "createdon", descending: true }]);
            for (const column of ["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "msdyn_cdsqueueid", "createdon"]) {
                assert.ok(call.input.attributes.includes(column), `attributes lack ${column}`);
            }
            const grid = await readGrid(page);
            // The org's display names (the simulated org renamed Customer "Client"), as every model-driven grid heads its columns.
            assert.deepEqual(grid.headers, ["Title", "Status Reason", "Channel", "Client", "Queue", "Created On"]);
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
        });

        it("runs on React's production build, as the platform serves it (the harness page asks for the development one)", async () => {
            const scripts = await shared.page.evaluate(() => [...document.querySelectorAll("script[src]")].map((script) => new URL(script.src).pathname));
            assert.deepEqual(scripts.filter((src) => src.includes("/react")), ["/__offline/react/umd/react.production.min.js", "/__offline/react-dom/umd/react-dom.production.min.js"]);
        });

        it("a click on a row calls openConversation once with that row's ids", async () => {
            await waitForRows(shared.page);
            await assertOpens(shared.page, "click", 2);
        });

        it("quick find filters the rows", async () => {
            const { page } = shared;
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
            await page.getByRole("searchbox", { name: "Quick find" }).fill("");
            await count.filter({ hasText: countBefore }).waitFor();
        });

        it("sorts by a column header, ascending then descending", async () => {
            const { page } = shared;
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
        });

        it("a status change in the harness panel refetches with the new statuses", async () => {
            const { page } = shared;
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
        });

        it("names a column the org's metadata says the table lacks, before anything is asked", async () => {
            const { page } = shared;
            await waitForRows(page);
            const before = (await calls(page)).getConversations.length;
            await propertyInput(page, "columns").fill("msdyn_title,msdyn_titel");
            const message = page.getByTestId("state-invalid");
            await message.waitFor({ state: "visible" });
            assert.match(await message.innerText(), /Columns: the table has no column “msdyn_titel”\. Correct the property; the list loads again once it changes\./);
            await assertNothingMore(page, (n) => window.__omnichannelSimulator.calls.getConversations.length > n, before, "a request with the missing column");
        });
    });

    it("Enter on a focused row calls openConversation once with that row's ids", async () => {
        const { page, done } = await openHarness();
        await waitForRows(page);
        await assertOpens(page, "Enter", 4);
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

    it("says it waits for the workspace while the host is missing, and fills the list by itself once it is defined (lateHost)", async () => {
        // A host that would come in 10 minutes: the test defines it itself, so page load time cannot blur the moment.
        const { page, done } = await openHarness("?scenario=lateHost&hostDelay=600000", { clock: true });
        await page.getByTestId("state-loading").waitFor({ state: "visible" });
        await page.clock.runFor(3_000);
        assert.equal(await page.evaluate(() => typeof window.Microsoft.Omnichannel), "undefined");
        assert.equal(await page.getByTestId("state-unavailable").count(), 0, "the not-in-workspace message while the host may still come");
        await page.getByTestId("state-waiting-for-host").waitFor({ state: "visible" });
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
        assert.equal(await page.getByTestId("state-waiting-for-host").count(), 0);
        await done();
    });

    it("an agent over the host's 5,000-row limit (backlog) sees the first 5,000 rows and how to narrow the list", async () => {
        const { page, done } = await openHarness("?scenario=backlog");
        await waitForRows(page);
        const note = page.getByText(/^Only the first/);
        await note.waitFor({ state: "visible" });
        assert.match(await note.innerText(), /^Only the first 5,000 conversations are shown\. .*fewer statuses or a shorter time window/);
        const answered = await page.evaluate(() => window.__omnichannelSimulator.query(window.__omnichannelSimulator.calls.getConversations.at(-1).input).length);
        assert.ok(answered > 5000, `the simulator matched ${answered}`);
        // Virtualized: thousands of rows, a few dozen in the page.
        assert.ok((await rows(page).count()) < 200);
        await done();
    });

    describe("a host that rejects", () => {
        const shared = sharedPage("?scenario=reject");

        it("a rejection { status: false, error } shows the localized error, never the host's message, and logs only its code and message", async () => {
            const { page } = shared;
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
        });

        it("shows an error, and Retry recovers", () => assertRetryRecovers(shared.page));
    });

    it("a failing host (statusFalse) shows an error and Retry recovers", async () => {
        const { page, done } = await openHarness("?scenario=statusFalse");
        await assertRetryRecovers(page);
        await done();
    });

    it("a malformed answer shows an error and nothing breaks", async () => {
        const { page, done } = await openHarness("?scenario=malformed");
        await assertRetryRecovers(page, async () => {
            assert.equal(await page.getByRole("button", { name: "Refresh", exact: true }).count(), 0, "the error view has one retry action");
        });
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
