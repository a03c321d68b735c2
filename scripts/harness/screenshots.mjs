#!/usr/bin/env node
// `npm run screenshots`: the README's pictures, from the production control in the harness on the simulated host.
// Each picture is one entry of SHOTS; the browser suite takes the same pictures into test-results/ (never into docs/).
//
//   npm run screenshots              rewrite every picture in SHOTS
//   npm run screenshots -- --help
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildProduction, buildSimulator } from "./build.mjs";
import { CHROMIUM_FLAGS, findChromium, NO_CHROMIUM, offlineContext, waitForStill } from "./chromium.mjs";
import { buildDirs, ROOT } from "./paths.mjs";
import { START_HARNESS_INPUTS, startHarnessServer } from "./server.mjs";

/**
 * The tracked pictures: file (relative to the repository), harness query, viewport, and optionally the element to
 * picture instead of the whole page. The narrow one is the control alone in a 380-pixel window, as in a form column.
 */
export const SHOTS = [
    { file: "docs/screenshot.png", query: "?badge=off", viewport: { width: 1366, height: 768 } },
    { file: "docs/screenshot-narrow.png", query: "?badge=off", viewport: { width: 380, height: 760 }, element: '[data-testid="conversation-list"]' },
    { file: "docs/screenshot-dark.png", query: "?badge=off&theme=dark", viewport: { width: 1000, height: 640 }, element: '[data-testid="conversation-list"]' },
];

/** The grid's data rows, or the narrow list's rows. */
const ROWS = '[role="grid"] [role="row"]:has([role="gridcell"]), [data-testid="narrow-row"]';

/**
 * Opens the harness page for `shot` (offline: anything off the loopback server is aborted), waits for the rows
 * and writes the picture to `file`. Returns the requests that tried to leave the machine, the page's errors, the
 * titles of the rows wholly in the picture and the titles of the simulator's answer, in its order.
 */
export async function takeScreenshot(browser, server, shot, file) {
    const { context, external, errors, newPage } = await offlineContext(browser, server, { viewport: shot.viewport });
    let shown;
    try {
        const page = await newPage();
        page.setDefaultTimeout(20_000);
        await page.goto(server.loopbackUrl + shot.query);
        await page.locator(ROWS).first().waitFor({ state: "visible" });
        await page.evaluate(() => document.fonts.ready);
        await waitForStill(page);
        shown = await page.evaluate(
            ({ rows, element }) => {
                const frame = element ? document.querySelector(element).getBoundingClientRect() : { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
                const inside = (box) => box.height > 0 && box.top >= frame.top && box.bottom <= Math.min(frame.bottom, innerHeight) && box.left >= frame.left && box.right <= frame.right;
                const title = (row) => (row.querySelector('[role="rowheader"], [role="gridcell"]') ?? row).innerText.trim().split("\n")[0];
                const sim = window.__omnichannelSimulator;
                return {
                    titles: [...document.querySelectorAll(rows)].filter((row) => inside(row.getBoundingClientRect())).map(title),
                    answered: sim.query(sim.calls.getConversations.at(-1).input).map((record) => record.msdyn_title),
                };
            },
            { rows: ROWS, element: shot.element },
        );
        fs.mkdirSync(path.dirname(file), { recursive: true });
        if (shot.element) await page.locator(shot.element).screenshot({ path: file });
        else await page.screenshot({ path: file });
    } finally {
        await context.close();
    }
    return { external, errors, ...shown };
}

async function main() {
    if (process.argv.includes("--help")) {
        console.log(`npm run screenshots: rewrites ${SHOTS.map((s) => s.file).join(", ")} from the production control in the harness.`);
        return;
    }
    const chromiumPath = findChromium();
    if (!chromiumPath) throw new Error(NO_CHROMIUM);
    const dirs = buildDirs("screenshots");
    console.log("Building the production control and the simulator...");
    await buildProduction({ quiet: true, outDir: dirs.control });
    await buildSimulator(dirs.simulator);
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
    // What `npm start` shows: its columns, custom ones included.
    const server = await startHarnessServer({ codePath: dirs.control, simulatorBundle: dirs.simulator, port: 0, harnessInputs: START_HARNESS_INPUTS });
    try {
        for (const shot of SHOTS) {
            const { external, errors } = await takeScreenshot(browser, server, shot, path.join(ROOT, shot.file));
            if (external.length || errors.length) throw new Error(`${shot.file}: requests off the machine ${JSON.stringify(external)}, page errors ${JSON.stringify(errors)}`);
            console.log(`wrote ${shot.file} (${fs.statSync(path.join(ROOT, shot.file)).size} bytes)`);
        }
    } finally {
        await browser.close();
        await server.close();
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    main().catch((error) => {
        console.error(`npm run screenshots failed: ${error.message}`);
        process.exit(1);
    });
}
