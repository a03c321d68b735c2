// Browser tests of the keyboard, the screen reader's live region and the user's language, on the production
// build in the pcf-start harness (see harness.test.mjs). The axe checks are in accessibility.test.mjs.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DATA_ROWS } from "./harnessPage.mjs";
import { openHarness, waitForRows, waitForNarrowRows, narrowRows, readGrid, calls, expectedForLastRequest, startTestServer, LANGUAGES, languageCheckName, checkLanguage, focused, tabIntoGrid } from "./fixture.mjs";

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

    it("the narrow list is one tab stop: arrows move, End reaches the answer's last row beyond those drawn, Tab leaves the list", async () => {
        const { page, done } = await openHarness("", { viewport: { width: 380, height: 700 } });
        await waitForNarrowRows(page);
        const focusedIndex = () => page.evaluate(() => (document.activeElement?.getAttribute("data-testid") === "narrow-row" ? document.activeElement.getAttribute("data-index") : null));
        assert.equal(await page.evaluate(() => document.querySelectorAll('[data-testid="narrow-row"][tabindex="0"]').length), 1, "one row takes the tab stop");
        await page.getByRole("button", { name: "Descending order" }).focus();
        await page.keyboard.press("Tab");
        assert.equal(await focusedIndex(), "0");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        assert.equal(await focusedIndex(), "2");
        const answered = (await expectedForLastRequest(page)).length;
        const lastDrawn = await page.evaluate(() => Math.max(...[...document.querySelectorAll('[data-testid="narrow-row"]')].map((row) => Number(row.getAttribute("data-index")))));
        assert.ok(lastDrawn < answered - 1, `the list had not drawn the last row yet (${lastDrawn} of ${answered})`);
        await page.keyboard.press("End");
        await page.waitForFunction((index) => document.activeElement?.getAttribute("data-index") === index, String(answered - 1));
        await page.keyboard.press("Home");
        await page.waitForFunction(() => document.activeElement?.getAttribute("data-index") === "0");
        await page.keyboard.press("Tab");
        assert.equal(await focusedIndex(), null, "one Tab leaves the list");
        assert.ok((await narrowRows(page).count()) > 3);
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
