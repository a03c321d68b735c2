// The org's column definitions in the real harness page: headers by the org's display names (npm start's
// columns, custom ones included), a date-only column as its calendar date in browsers west and east of UTC,
// metadata asked once, and the fallbacks where the platform has none (a rejection takes the same path: the
// lifecycle and unit tests cover it).
import assert from "node:assert/strict";
import { before, after, describe, it } from "node:test";
import { START_HARNESS_INPUTS } from "../../scripts/harness/server.mjs";
import { propertyInput } from "./harnessPage.mjs";
import { calls, openHarness, readGrid, sharedPage, startTestServer, waitForRows } from "./fixture.mjs";

/** npm start's own server: the default columns with two of the simulated org's own. */
let started;
before(async () => (started = await startTestServer({ harnessInputs: START_HARNESS_INPUTS })));
after(async () => started?.close());

const metadataCalls = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__metadataSimulator?.calls ?? null)));

/** The first rows' follow-up dates as shown, beside the record's `yyyy-MM-dd`. */
async function followUpDates(page) {
    const { headers, rows } = await readGrid(page);
    const column = headers.indexOf("Follow-up date");
    assert.ok(column >= 0, `no Follow-up date column in ${JSON.stringify(headers)}`);
    const records = await page.evaluate(() => {
        const sim = window.__omnichannelSimulator;
        return sim.query(sim.calls.getConversations.at(-1).input).map((record) => record.new_followupdate ?? null);
    });
    return rows.slice(0, 15).map((cells, i) => ({ shown: cells[column], stored: records[i] }));
}

/** A date-only value is its day: en-US M/D/YY of the stored date, never the day before or after. */
function assertCalendarDays(dates, zone) {
    const withDate = dates.filter(({ stored }) => stored !== null);
    assert.ok(withDate.length >= 5, `only ${withDate.length} follow-up dates in the first rows`);
    for (const { shown, stored } of dates) {
        if (stored === null) {
            assert.equal(shown, "", "a conversation without a follow-up date shows none");
            continue;
        }
        const [year, month, day] = stored.split("-").map(Number);
        assert.equal(shown, `${month}/${day}/${String(year).slice(2)}`, `${stored} in a browser at ${zone}`);
    }
}

describe("npm start's columns, headed as the org names them", () => {
    // West of UTC: a date read as UTC midnight and shown in local time would be the day before.
    const shared = sharedPage("", () => ({ server: started, timezoneId: "America/Los_Angeles" }));

    it("heads custom columns and a renamed standard one with the org's display names", async () => {
        await waitForRows(shared.page);
        assert.deepEqual((await readGrid(shared.page)).headers, ["Title", "Status Reason", "Channel", "Client", "Priority", "Follow-up date", "Created On"]);
    });

    it("shows a date-only column as its calendar date in a browser west of UTC (America/Los_Angeles)", async () => {
        assertCalendarDays(await followUpDates(shared.page), "America/Los_Angeles");
    });

    it("asks for the metadata once, not on Refresh, a session close or a change that needs no new definitions", async () => {
        const { page } = shared;
        const asked = (n) => page.waitForFunction((count) => window.__omnichannelSimulator.calls.getConversations.length >= count, n);
        const before = (await calls(page)).getConversations.length;
        await page.getByRole("button", { name: "Refresh" }).click();
        await asked(before + 1);
        await page.getByRole("button", { name: "Close session" }).click();
        await asked(before + 2);
        await propertyInput(page, "refreshMinutes").fill("7");
        await page.getByRole("button", { name: "Refresh" }).click();
        await asked(before + 3);
        const [call, ...more] = await metadataCalls(page);
        assert.deepEqual(more, [], "a second metadata call");
        assert.equal(call.entityName, "msdyn_ocliveworkitem");
        assert.deepEqual(call.attributes, ["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "new_priority", "new_followupdate", "createdon"]);
    });
});

describe("a date-only column east of UTC", () => {
    it("shows its calendar date in a browser at UTC+14 (Pacific/Kiritimati)", async () => {
        const { page, done } = await openHarness("", { server: started, timezoneId: "Pacific/Kiritimati" });
        await waitForRows(page);
        assertCalendarDays(await followUpDates(page), "Pacific/Kiritimati");
        await done();
    });
});

describe("where the platform gives no metadata", () => {
    describe("none at all (metadataMissing: custom pages, canvas apps)", () => {
        const shared = sharedPage("?scenario=metadataMissing", () => ({ server: started }));

        it("heads known columns from the resx and others by their logical names", async () => {
            await waitForRows(shared.page);
            assert.deepEqual((await readGrid(shared.page)).headers, ["Title", "Status", "Channel", "Customer", "new_priority", "new_followupdate", "Created"]);
            assert.equal(await metadataCalls(shared.page), null);
        });

        it("names the column Dataverse refused, with the host's message under Details", async () => {
            const { page } = shared;
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
        });
    });
});
