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
