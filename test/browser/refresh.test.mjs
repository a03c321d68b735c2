// Browser tests of the refresh policy with Playwright's fake clock (page.clock): the real built
// control in the real harness page, counting the simulator's getConversations calls.
// Run through run.mjs (`npm run test:browser`), which builds first and sets the environment.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { offlineContext } from "../../scripts/harness/chromium.mjs";
import { DEFAULT_HARNESS_INPUTS } from "../../scripts/harness/server.mjs";
import { DATA_ROWS, propertyInput } from "./harnessPage.mjs";
import { browser, startTestServer, TIMEOUT, withSimulator } from "./fixture.mjs";

const MINUTE = 60_000;

/** A context whose pages' visibility the test decides (headless pages are always "visible"). */
async function newContext(server = withSimulator) {
    const { context } = await offlineContext(browser, server, { viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
        let hidden = false;
        Object.defineProperty(Document.prototype, "visibilityState", { get: () => (hidden ? "hidden" : "visible"), configurable: true });
        window.__setHidden = (value) => {
            hidden = value;
            document.dispatchEvent(new Event("visibilitychange"));
        };
    });
    await context.clock.install({ time: new Date("2026-11-23T09:00:00Z") });
    return context;
}

async function openTab(context, server = withSimulator) {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(server.loopbackUrl);
    await page.locator(DATA_ROWS).first().waitFor({ state: "visible" });
    return page;
}

const requests = (page) => page.evaluate(() => window.__omnichannelSimulator.calls.getConversations.length);
const total = async (pages) => (await Promise.all(pages.map(requests))).reduce((a, b) => a + b, 0);

/** Lets page time pass in steps, so messages between tabs are delivered between them. */
async function pass(context, ms, step = ms) {
    for (let done = 0; done < ms; done += step) await context.clock.runFor(Math.min(step, ms - done));
}

describe("refresh policy on the page's clock", () => {
    it("a page hidden for an hour asks nothing, and once when shown again", async () => {
        const context = await newContext();
        const page = await openTab(context);
        const loaded = await requests(page);
        await page.evaluate(() => window.__setHidden(true));
        await pass(context, 60 * MINUTE, MINUTE);
        assert.equal(await requests(page), loaded);
        await page.evaluate(() => window.__setHidden(false));
        await pass(context, 1000);
        assert.equal(await requests(page), loaded + 1);
        await context.close();
    });

    it("a page visible for an hour at a 5-minute interval asks 11 to 13 times", async () => {
        const context = await newContext();
        const page = await openTab(context);
        const loaded = await requests(page);
        await pass(context, 60 * MINUTE, MINUTE);
        const asked = (await requests(page)) - loaded;
        // Each interval is drawn within ±10 %, and the first starts at a random point: twelve, give or take one.
        assert.ok(asked >= 11 && asked <= 13, `asked ${asked} times`);
        await context.close();
    });

    it("typing four characters into a property asks once", async () => {
        const context = await newContext();
        const page = await openTab(context);
        const loaded = await requests(page);
        const input = propertyInput(page, "statuses");
        await input.click();
        await input.press("End");
        // The page's time stands still while typing: a slow machine's gaps between keys are not pauses of the typist.
        await context.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
        await input.pressSequentially(",6,1", { delay: 50 });
        await pass(context, 2000);
        assert.equal((await requests(page)) - loaded, 1);
        const last = await page.evaluate(() => window.__omnichannelSimulator.calls.getConversations.at(-1).input.status);
        assert.deepEqual(last, [2, 3, 5, 6, 1]);
        await context.close();
    });

    it("three tabs of one browser ask once per interval between them", async () => {
        // Refresh every minute for twelve minutes: the same twelve intervals as an hour at five minutes, at a fifth
        // of the page time to step through (the suite's slowest test otherwise). The sharing does not depend on the interval.
        const server = await startTestServer({ harnessInputs: { ...DEFAULT_HARNESS_INPUTS, refreshMinutes: { Value: "1", SelectedType: "Whole.None" } } });
        try {
            const context = await newContext(server);
            const pages = [];
            for (let i = 0; i < 3; i++) pages.push(await openTab(context, server));
            await pass(context, 2000);
            const loaded = await total(pages);
            await pass(context, 12 * MINUTE, 1000);
            const asked = (await total(pages)) - loaded;
            // Twelve, give or take one, as for one tab; without sharing, three times that (36, tried).
            assert.ok(asked >= 11 && asked <= 13, `three tabs asked ${asked} times in twelve one-minute intervals`);
            await context.close();
        } finally {
            await server.close();
        }
    });

    it("when Dataverse says busy (each of its three codes), warns with the next try, asks nothing for 5 minutes, Retry asks at once, and the interval resumes after", async () => {
        // Every minute: a failure would be retried after 1 minute, so a 5-minute silence is the busy wait's own.
        const server = await startTestServer({ harnessInputs: { ...DEFAULT_HARNESS_INPUTS, refreshMinutes: { Value: "1", SelectedType: "Whole.None" } } });
        try {
            const context = await newContext(server);
            const page = await openTab(context, server);
            const count = page.getByTestId("conversation-count");
            const shown = await count.innerText();
            const warning = page.getByTestId("state-error");
            const expectBusy = async (code, message) => {
                await page.waitForFunction((wanted) => document.querySelector('[data-testid="failure-details"]')?.textContent.includes(wanted), code);
                assert.equal(await warning.getAttribute("data-failure"), "busy");
                assert.match(await warning.innerText(), /^The server is busy: too many requests came from your user in the last few minutes, so the list waits before asking again\./);
                assert.match(await page.getByTestId("next-try").innerText(), /^Next try in [56] min\.$/);
                assert.match(await page.getByTestId("host-message").textContent(), message);
                assert.equal(await count.innerText(), shown, "the rows shown before stay");
                assert.ok((await page.locator(DATA_ROWS).count()) > 0);
            };
            await page.evaluate(() => window.__omnichannelSimulator.setScenario("busyRequests"));
            await page.getByRole("button", { name: "Refresh" }).click();
            await expectBusy("0x80072322", /^Number of requests exceeded the limit of 6000/);
            const asked = await requests(page);
            await pass(context, 4.9 * MINUTE, 10_000);
            assert.equal(await requests(page), asked, "asked during the busy wait");
            await page.evaluate(() => window.__omnichannelSimulator.setScenario("busyConcurrency"));
            await page.getByRole("button", { name: "Retry" }).click();
            await expectBusy("0x80072326", /^Number of concurrent requests exceeded the limit of 52/);
            await page.evaluate(() => window.__omnichannelSimulator.setScenario("busyExecutionTime"));
            await page.getByRole("button", { name: "Retry" }).click();
            await expectBusy("-2147015903", /^Combined execution time of incoming requests exceeded/);
            assert.equal(await requests(page), asked + 2);
            await page.evaluate(() => window.__omnichannelSimulator.setScenario("happy"));
            await pass(context, 5.6 * MINUTE, 10_000);
            assert.equal(await requests(page), asked + 3, "the one try after the wait");
            assert.equal(await warning.count(), 0);
            // No back-off step was counted: the next refresh comes on the 1-minute interval.
            await pass(context, 1.2 * MINUTE, 10_000);
            assert.equal(await requests(page), asked + 4);
            await context.close();
        } finally {
            await server.close();
        }
    });

    it("closing a session asks once; switching sessions or tabs asks nothing (the harness's Microsoft.Apm buttons)", async () => {
        const context = await newContext();
        const page = await openTab(context);
        await pass(context, 2000);
        const loaded = await requests(page);
        await page.getByRole("button", { name: "Switch session" }).click();
        await page.getByRole("button", { name: "Switch tab" }).click();
        await pass(context, 3000, 500);
        assert.equal(await requests(page), loaded, "a switch changes no conversation");
        await page.getByRole("button", { name: "Close session" }).click();
        await pass(context, 3000, 500);
        assert.equal(await requests(page), loaded + 1, "a close asks once");
        // A burst: at most once per 2 s (the page clock also runs in real time, so the burst may straddle one throttle window).
        await page.evaluate(() => {
            for (let i = 0; i < 5; i++) window.__apmSimulator.publish("ON_SESSION_CLOSED");
        });
        await pass(context, 5000, 500);
        const burst = (await requests(page)) - loaded - 1;
        assert.ok(burst >= 1 && burst <= 2, `five closes at once asked ${burst} times`);
        await context.close();
    });
});
