// What the browser tests know about the pcf-start harness page: where the rows and the property inputs are.
import { buildDirs } from "../../scripts/harness/paths.mjs";

/**
 * The control under test and the simulator bundle: the suite's own folder, or the production control that
 * BROWSER_TESTS_CONTROL names (npm test's one build, shared with the solution zips).
 */
export function browserTestDirs() {
    const dirs = buildDirs("browser-tests");
    return { ...dirs, control: process.env.BROWSER_TESTS_CONTROL ?? dirs.control };
}

/** The grid's data rows (the header row has no gridcell). */
export const DATA_ROWS = '[role="grid"] [role="row"]:has([role="gridcell"])';

/** The harness panel's input for property `name`. */
export function propertyInput(page, name) {
    return page
        .locator(".io-item")
        .filter({ has: page.locator(".key-value-pair-value > span", { hasText: new RegExp(`^${name}$`) }) })
        .locator("input")
        .first();
}
