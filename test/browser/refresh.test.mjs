// Browser tests of the refresh policy with Playwright's fake clock (page.clock): the real built
// control in the real harness page, counting the simulator's getConversations calls.
// Run through run.mjs (`npm run test:browser`), which builds first and sets the environment.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium } from "playwright-core";
import { buildDirs } from "../../scripts/harness/paths.mjs";
import { startHarnessServer } from "../../scripts/harness/server.mjs";

const { control: CONTROL_DIR, simulator: SIMULATOR_BUNDLE } = buildDirs("browser-tests");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const MINUTE = 60_000;
const DATA_ROWS = '[role="grid"] [role="row"]:has([role="gridcell"])';

let browser;
let server;

before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    server = await startHarnessServer({ codePath: CONTROL_DIR, simulatorBundle: SIMULATOR_BUNDLE, port: 0 });
});

after(async () => {
    await browser?.close();
    await server?.close();
});

/** A context whose pages' visibility the test decides (headless pages are always "visible"). */
async function newContext() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US", timezoneId: "UTC" });
    await context.route("**/*", (route) => (route.request().url().startsWith(server.loopbackUrl) ? route.continue() : route.abort()));
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

async function openTab(context) {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
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

function propertyInput(page, name) {
    return page
        .locator(".io-item")
        .filter({ has: page.locator(".key-value-pair-value > span", { hasText: new RegExp(`^${name}$`) }) })
        .locator("input")
        .first();
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
        await input.pressSequentially(",6,1", { delay: 50 });
        await pass(context, 2000);
        assert.equal((await requests(page)) - loaded, 1);
        const last = await page.evaluate(() => window.__omnichannelSimulator.calls.getConversations.at(-1).input.status);
        assert.deepEqual(last, [2, 3, 5, 6, 1]);
        await context.close();
    });

    it("three tabs of one browser ask once per interval between them", async () => {
        const context = await newContext();
        const pages = [];
        for (let i = 0; i < 3; i++) pages.push(await openTab(context));
        await pass(context, 2000);
        const loaded = await total(pages);
        await pass(context, 60 * MINUTE, 1000);
        const asked = (await total(pages)) - loaded;
        assert.ok(asked >= 11 && asked <= 13, `three tabs asked ${asked} times in an hour`);
        await context.close();
    });
});
