import { chromium } from "playwright-core";
import { startHarnessServer } from "/work/wt-12/scripts/harness/server.mjs";
const server = await startHarnessServer({ codePath: "/work/wt-12/.harness/control-production", port: 0 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(server.loopbackUrl);
await page.locator('[role="grid"] [role="row"]:has([role="gridcell"])').first().waitFor();
await page.locator('[role="columnheader"]', { hasText: "Title" }).click();
await page.locator('[aria-sort="ascending"]').waitFor();
for (let i = 0; i < 5; i++) { console.log(await page.evaluate(() => JSON.stringify(document.getAnimations().map(a => [a.playState, a.animationName, a.effect?.getTiming().duration, a.effect?.getTiming().delay]).slice(0,3)))); console.log(await page.evaluate(() => getComputedStyle(document.querySelector('[role=gridcell] span')).color + " " + getComputedStyle(document.querySelector('[role=row]:has([role=gridcell])')).opacity + " " + getComputedStyle(document.querySelector('[role=row]:has([role=gridcell])')).backgroundColor)); await page.waitForTimeout(200); }
await browser.close(); await server.close();
