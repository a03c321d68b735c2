// Browser tests of the layout: a narrow form column and the focused session's mark, on the production
// build in the pcf-start harness (see harness.test.mjs).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DATA_ROWS } from "./harnessPage.mjs";
import { openHarness, sharedPage, rows, waitForRows, narrowRows, waitForNarrowRows, setContainerWidth, horizontalOverflow, calls } from "./fixture.mjs";

/** A 380 px form column. */
const NARROW = { width: 380, height: 700 };

describe("a 380 px form column", () => {

    it("switches to the two-line list and never scrolls sideways, down to a 320 px container", async () => {
        const { page, done } = await openHarness("", { viewport: NARROW });
        await waitForNarrowRows(page);
        assert.equal(await page.getByTestId("conversation-list").getAttribute("data-layout"), "narrow");
        let overflow = await horizontalOverflow(page);
        assert.ok(overflow.rootScrollWidth <= overflow.rootWidth && overflow.scrolling.length === 0, `no horizontal overflow: ${JSON.stringify(overflow)}`);
        await setContainerWidth(page, 320);
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
        const { page, done } = await openHarness("?scenario=plainGuids");
        for (const layout of ["wide", "narrow"]) {
            if (layout === "narrow") {
                await setContainerWidth(page, NARROW.width);
                await waitForNarrowRows(page);
            } else await page.getByTestId("conversation-count").filter({ hasText: /\d/ }).waitFor();
            const text = await page.getByTestId("conversation-list").innerText();
            assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, `GUID on screen (${layout})`);
            // The grid shows a dash for a lookup without a name; the narrow list leaves it out.
            if (layout === "wide") assert.match(text, /\u2014/, "a lookup without a name shows a dash");
        }
        await done();
    });
});

describe("the focused session's conversation", () => {
    /** The marked rows' titles and the bar drawn before the first one. */
    const marked = (page, selector) =>
        page.evaluate((rowSelector) => {
            const found = [...document.querySelectorAll(rowSelector)].filter((row) => row.getAttribute("aria-current") === "true");
            if (found.length === 0) return { count: 0 };
            const bar = getComputedStyle(found[0], "::before");
            return { count: found.length, text: found[0].innerText.split("\n")[0], bar: { width: bar.width, background: bar.backgroundColor } };
        }, selector);

    /** Opens the second row and checks its mark; a switch to the Home session takes the mark away. */
    async function assertMarkedOnceOpened(page, selector) {
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
    }

    describe("in the grid", () => {
        const shared = sharedPage();

        it("is marked with a bar and aria-current once opened, and unmarked in the Home session (wide)", () => assertMarkedOnceOpened(shared.page, DATA_ROWS));

        it("keeps its bar in forced colours, in the system's highlight colour", async () => {
            const { page } = shared;
            await page.emulateMedia({ forcedColors: "active" });
            // Another row than the one just opened: a second click on that one so soon counts as a double click.
            await rows(page).nth(2).click();
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
        });
    });

    it("is marked with a bar and aria-current once opened, and unmarked in the Home session (narrow)", async () => {
        const { page, done } = await openHarness("", { viewport: NARROW });
        await assertMarkedOnceOpened(page, '[data-testid="narrow-row"]');
        await done();
    });
});
