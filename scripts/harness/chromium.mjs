// Debian's Chromium, driven by playwright-core (never a downloaded browser). Shared by the browser tests and
// `npm run screenshots`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** The Chromium executable, or undefined. An explicit CHROMIUM_PATH is the only candidate: a wrong one fails rather than falls back. */
export function findChromium() {
    if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
    for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (fs.existsSync(candidate)) return candidate;
    const which = spawnSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" });
    return which.status === 0 ? which.stdout.trim() : undefined;
}

export const NO_CHROMIUM = [
    "Chromium is not installed.",
    "Install Debian's package:   sudo apt-get update && sudo apt-get install -y chromium",
    "or point CHROMIUM_PATH at a Chromium/Chrome executable. (playwright-core never downloads a browser here.)",
].join("\n");

/**
 * A fresh browser context for the harness page, offline: anything off the loopback server is
 * recorded in `external` and aborted. `errors` collects the page errors of pages made with `newPage`.
 */
export async function offlineContext(browser, server, options) {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC", ...options });
    const external = [];
    const errors = [];
    await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(server.loopbackUrl)) return route.continue();
        external.push(url);
        return route.abort();
    });
    const newPage = async () => {
        const page = await context.newPage();
        page.on("pageerror", (error) => errors.push(error.message));
        return page;
    };
    return { context, external, errors, newPage };
}

/**
 * Waits until the control stands still: nothing animates and no row or cell sits under a translucent ancestor,
 * three checks in a row 150 ms apart. Fluent fades rows in, and the list mounts its pages a few frames apart
 * (a re-sort remounts them): mid-fade text is half transparent, in a picture and to axe's contrast rule alike.
 */
export async function waitForStill(page) {
    await page.evaluate(() => (window.__stillChecks = 0));
    await page.waitForFunction(
        () => {
            const still =
                document.getAnimations().every((animation) => animation.playState !== "running" || animation.effect?.getTiming().iterations === Infinity) &&
                [...document.querySelectorAll('[data-testid="conversation-list"] [role="gridcell"], [data-testid="conversation-list"] [role="row"], [data-testid="narrow-row"]')].every((cell) => {
                    for (let element = cell; element; element = element.parentElement) if (getComputedStyle(element).opacity !== "1") return false;
                    return true;
                });
            window.__stillChecks = still ? (window.__stillChecks ?? 0) + 1 : 0;
            return window.__stillChecks >= 3;
        },
        undefined,
        { polling: 150 },
    );
}
