// What the browser tests know about the pcf-start harness page: where the rows and the property inputs are.

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
