#!/usr/bin/env node
// `npm run bench:browser`: the production control against a bare Fluent DetailsList with the same
// records and columns, side by side in one run of Debian's Chromium, on the same React 16.14 and
// Fluent 8.121.1 platform bundles. Prints medians and ratios to the bare grid and writes them to
// docs/performance.md. A benchmark, not a test: it never fails on a slow number.
//
//   npm run bench:browser [-- --runs=5 --sizes=500,5000,10000 --warm=5 --no-write]
//   npm run bench:browser -- --profile=warm|fresh|sort|resort [--rows=10000 --warm=5]   where the time goes, both sides (resort: the 2nd and 3rd header clicks)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { buildProduction } from "../harness/build.mjs";
import { CHROMIUM_FLAGS, findChromium, NO_CHROMIUM } from "../harness/chromium.mjs";
import { buildDirs, ROOT } from "../harness/paths.mjs";
import { startHarnessServer } from "../harness/server.mjs";

if (process.argv.includes("--help")) {
    console.log("npm run bench:browser [-- --runs=5 --sizes=500,5000,10000 --warm=5 --refreshes=1000 --no-write]: the production control against a bare Fluent DetailsList in Debian's Chromium; prints medians and ratios and writes them to docs/performance.md.");
    console.log("npm run bench:browser -- --profile=warm|fresh|sort|resort [--rows=10000 --warm=5]: where the time goes from answer (or click) to paint, on both sides: trace categories and the functions with the most V8 samples. Writes nothing.");
    process.exit(0);
}
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=")).map(([k, v]) => [k, v ?? true]));
const RUNS = Math.max(5, Number(args.runs ?? 5));
const SIZES = String(args.sizes ?? "500,5000,10000").split(",").map(Number);
const HEAP_REFRESHES = Number(args.refreshes ?? 1000);
const HEAP_ROWS = 500;
const WARM_REFRESHES = Number(args.warm ?? 5);
const SORT_ROWS = Math.max(...SIZES);
const CHROMIUM = findChromium();
const verbose = Boolean(args.verbose);
const VIEWPORT = { width: 1280, height: 800 };
const DATA_ROW = '[role="grid"] [role="row"]:has([role="gridcell"])';
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

if (!CHROMIUM) {
    console.error(NO_CHROMIUM);
    process.exit(1);
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The answers' JSON texts, made by the simulator through a small esbuild bundle. */
async function makeAnswers(sizes) {
    const esbuild = await import("esbuild");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-answers-"));
    const outfile = path.join(dir, "answers.mjs");
    try {
        await esbuild.build({ entryPoints: [path.join(ROOT, "scripts", "benchmark", "answers.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
        const { benchAnswer, BENCH_COLUMNS } = await import(pathToFileURL(outfile).href);
        return { columns: BENCH_COLUMNS, answers: new Map(sizes.map((n) => [n, benchAnswer(n)])) };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * In-page instrumentation, the same on both sides: a host whose every answer is a fresh parse of
 * the answer text (as a real host's would be), with the first title marked "#k " so the paint of
 * answer k can be told apart, and a frame watcher that notes when that mark is first on screen.
 */
function benchHostScript() {
    if (!location.protocol.startsWith("http")) return; // the blank page before the real one
    const bench = (window.__bench = { calls: 0, answeredAt: 0, paintedAt: 0, text: undefined });
    const waitText = fetch("/__bench/answer.json").then((response) => response.text());
    // The first answer waits for the page to have loaded and painted, on both sides: the harness page's own
    // first layout (its property panes and fonts) is no part of the grid's paint.
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const loaded = new Promise((resolve) => (document.readyState === "complete" ? resolve() : addEventListener("load", () => resolve(), { once: true }))).then(frame).then(frame);
    bench.answer = async () => {
        // A real answer is a Dataverse query: it never comes back in the frame that asked (which would beat the
        // control's first measure of its width). Two frames at least, on both sides.
        await Promise.all([loaded, frame().then(frame)]);
        bench.text = bench.text ?? (await waitText);
        const answer = JSON.parse(bench.text);
        // The same list under the older docs page's name too, for a control that reads only that.
        answer.result.values = answer.result.value;
        const k = ++bench.calls;
        answer.result.value[0].msdyn_title = `#${k} ${answer.result.value[0].msdyn_title}`;
        bench.expect = `#${k} `;
        bench.paintedAt = 0;
        // The host's own work is done: the clock starts when the answer is handed over.
        bench.answeredAt = performance.now();
        performance.mark("bench:start");
        return answer;
    };
    bench.whenPainted = (condition) =>
        new Promise((resolve) => {
            const frame = () => {
                if (!condition()) return requestAnimationFrame(frame);
                // The frame that shows the rows is presented after its callbacks: take the time just after.
                setTimeout(() => resolve(performance.now()));
            };
            requestAnimationFrame(frame);
        });
    bench.firstRowText = () => document.querySelector('[role="grid"] [role="row"]:has([role="gridcell"])')?.textContent ?? "";
    bench.shownText = () => [...document.querySelectorAll('[role="grid"] [role="row"]:has([role="gridcell"])')].slice(0, 10).map((row) => row.textContent).join("\n");
    bench.watchAnswer = () => bench.whenPainted(() => bench.answeredAt > 0 && bench.firstRowText().includes(bench.expect)).then((t) => {
            performance.mark("bench:end");
            bench.paintedAt = t;
        });
    window.Microsoft = {
        Omnichannel: {
            getConversations: () => {
                const answered = bench.answer();
                answered.then(() => bench.watchAnswer());
                return answered;
            },
            openConversation: () => Promise.resolve(),
            getConversationId: () => Promise.resolve(""),
        },
    };
}

/** The bare grid page: the same platform bundles, a plain DetailsList over the same records. */
function bareGridHtml(columns) {
    const fluentColumns = columns.map((name) => ({ key: name, name, minWidth: 100, maxWidth: 220, isResizable: true }));
    return `<!doctype html><html><head><meta charset="utf-8"><title>bare DetailsList</title>
<script>window.FabricConfig={iconBaseUrl:"/__offline/fabric-icons/",fontBaseUrl:""};</script>
<script src="/__offline/react/umd/react.production.min.js"></script>
<script src="/__offline/react-dom/umd/react-dom.production.min.js"></script>
<script src="/lib/fluent_8_121_1.js"></script>
<script>(${benchHostScript.toString()})();</script>
</head><body style="margin:0"><div id="root"></div><script>
const F = window.FluentUIReactv81211, h = React.createElement;
const FORMATTED = ${JSON.stringify(FORMATTED)};
const text = (record, column) => record[column + FORMATTED] ?? record["_" + column + "_value" + FORMATTED] ?? record[column] ?? "";
const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
const plainColumns = ${JSON.stringify(fluentColumns)}.map((c) => ({ ...c, onRender: (record) => text(record, c.key) }));
// A header click sorts the shown items by that column, and a second click on it reverses the direction, as a grid does.
function BareGrid() {
    const [items, setItems] = React.useState([]);
    const [sort, setSort] = React.useState();
    const load = React.useCallback(() => window.Microsoft.Omnichannel.getConversations({}).then((a) => setItems(a.result.value)), []);
    React.useEffect(() => { load(); window.__bench.refresh = load; }, [load]);
    const onColumnHeaderClick = (_, column) => {
        const descending = sort?.key === column.key && !sort.descending;
        setSort({ key: column.key, descending });
        setItems((current) => [...current].sort((a, b) => collator.compare(text(a, column.key), text(b, column.key)) * (descending ? -1 : 1)));
    };
    const columns = React.useMemo(() => plainColumns.map((c) => ({ ...c, isSorted: sort?.key === c.key, isSortedDescending: sort?.key === c.key && sort.descending })), [sort]);
    return h("div", { style: { height: "560px", overflow: "auto", position: "relative" }, "data-is-scrollable": "true" },
        h(F.DetailsList, { items, columns, selectionMode: F.SelectionMode.none, layoutMode: F.DetailsListLayoutMode.justified, compact: true, onColumnHeaderClick }));
}
ReactDOM.render(h(BareGrid), document.getElementById("root"));
</script></body></html>`;
}

async function openPage(browser, server, answerText, columns, side, beforeLoad) {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "en-US", timezoneId: "UTC" });
    await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (!route.request().url().startsWith(server.loopbackUrl)) return route.abort();
        if (url.pathname === "/__bench/answer.json") return route.fulfill({ body: answerText, contentType: "application/json" });
        if (url.pathname === "/__bench/bare.html") return route.fulfill({ body: bareGridHtml(columns), contentType: "text/html" });
        return route.continue();
    });
    if (side === "control") await context.addInitScript(benchHostScript);
    const page = await context.newPage();
    page.on("crash", () => console.error(`${side}: the page crashed`));
    page.on("close", () => verbose && console.error(`${side}: page closed`));
    page.on("framenavigated", (f) => verbose && console.error(`${side}: navigated ${f.url()}`));
    page.on("pageerror", (error) => console.error(`${side}: ${error.message}`));
    page.setDefaultTimeout(Number(args.timeout ?? 120_000));
    await beforeLoad?.(page);
    await page.goto(new URL(side === "control" ? "/" : "/__bench/bare.html", server.loopbackUrl).href);
    try {
        await page.waitForFunction(() => window.__bench?.paintedAt > 0);
    } catch (error) {
        const state = await page.evaluate(() => ({ ...window.__bench, text: undefined, firstRow: window.__bench?.firstRowText?.(), body: document.body.innerText.slice(0, 300) }));
        throw new Error(`${side}: the first answer was never painted: ${JSON.stringify(state)}`, { cause: error });
    }
    return { page, context };
}

/** Milliseconds from answer to paint of the answer being waited for. */
const answerToPaint = (page) => page.evaluate(async () => {
    const bench = window.__bench;
    while (!(bench.paintedAt > 0)) await new Promise((r) => setTimeout(r, 5));
    return bench.paintedAt - bench.answeredAt;
});

/** A warm refresh: the control's own Refresh button, or the bare grid's reload of the same request. */
async function refresh(page, side) {
    await page.evaluate(() => (window.__bench.paintedAt = 0));
    if (side === "control") await page.getByRole("button", { name: "Refresh" }).click();
    else await page.evaluate(() => window.__bench.refresh());
    return answerToPaint(page);
}

/**
 * Click on the first column header (the title) to paint of the re-sorted rows. The first ten rows are
 * compared, not the first: the refresh marker "#k " sorts first by title, so that row stays on top.
 */
async function sortByTitle(page) {
    const painted = page.evaluate(() => {
        const bench = window.__bench;
        const before = bench.shownText();
        return new Promise((resolve) => {
            document.addEventListener("click", () => {
                const start = performance.now();
                performance.mark("bench:start");
                bench.whenPainted(() => bench.shownText() !== before).then((end) => {
                    performance.mark("bench:end");
                    resolve(end - start);
                });
            }, { capture: true, once: true });
        });
    });
    await page.locator('[role="columnheader"]').first().click();
    return painted;
}

/** Scrolls the grid to its end one viewport a frame; counts frames over 50 ms. */
function scrollToEnd(page) {
    return page.evaluate(async () => {
        const scroller = [...document.querySelectorAll('[data-is-scrollable="true"]')].find((e) => e.scrollHeight > e.clientHeight);
        const frames = [];
        let last = performance.now();
        while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
            scroller.scrollTop += scroller.clientHeight;
            await new Promise((r) => requestAnimationFrame(r));
            const now = performance.now();
            frames.push(now - last);
            last = now;
        }
        return { frames: frames.length, over50: frames.filter((f) => f > 50).length, worst: Math.max(...frames) };
    });
}

/** Heap after forced garbage collection, before and after `count` refreshes, in bytes. */
async function heapGrowth(page, side, count) {
    const cdp = await page.context().newCDPSession(page);
    const used = async () => {
        for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
        return (await cdp.send("Runtime.getHeapUsage")).usedSize;
    };
    const loop = (n) =>
        page.evaluate(
            async ({ n, side }) => {
                const bench = window.__bench;
                for (let i = 0; i < n; i++) {
                    bench.paintedAt = 0;
                    if (side === "control") {
                        const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Refresh");
                        while (button.disabled) await new Promise((r) => setTimeout(r, 1));
                        button.click();
                    } else bench.refresh();
                    while (!(bench.paintedAt > 0)) await new Promise((r) => setTimeout(r, 1));
                }
            },
            { n, side },
        );
    await loop(20);
    const before = await used();
    await loop(count);
    const after = await used();
    await cdp.detach();
    return after - before;
}

const TRACE_CATEGORIES = ["devtools.timeline", "blink.user_timing", "disabled-by-default-v8.cpu_profiler"];

/**
 * Where the time of the measured windows (performance marks bench:start to bench:end) goes, from a
 * Chromium trace: the main thread's trace events by name, and V8's samples by function (self time).
 */
function breakdown(trace) {
    const events = JSON.parse(trace.toString()).traceEvents;
    const starts = events.filter((e) => e.name === "bench:start").map((e) => e.ts).sort((a, b) => a - b);
    const ends = events.filter((e) => e.name === "bench:end").map((e) => e.ts).sort((a, b) => a - b);
    const windows = starts.map((start) => [start, ends.find((end) => end > start)]).filter(([, end]) => end !== undefined);
    const inWindow = (ts) => windows.some(([start, end]) => ts >= start && ts < end);
    const main = events.find((e) => e.name === "bench:start")?.tid;
    const byEvent = new Map();
    const eventCounts = new Map();
    for (const e of events) {
        if (e.ph !== "X" || e.tid !== main || !e.dur || !inWindow(e.ts)) continue;
        byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + e.dur);
        eventCounts.set(e.name, (eventCounts.get(e.name) ?? 0) + 1);
    }
    // The sampling profile of the main thread: its chunks come from the profiler's thread, with the same id.
    const profile = events.find((e) => e.name === "Profile" && e.tid === main);
    const nodes = new Map();
    const byFunction = new Map();
    const byScript = new Map();
    let ts = profile?.args.data.startTime ?? 0;
    for (const e of events) {
        if (e.name !== "ProfileChunk" || e.id !== profile?.id || e.pid !== profile?.pid) continue;
        const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
        for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
        (cpuProfile.samples ?? []).forEach((id, i) => {
            const delta = timeDeltas[i] ?? 0;
            ts += delta;
            if (!inWindow(ts)) return;
            const frame = nodes.get(id)?.callFrame ?? {};
            const file = frame.url?.split("/").pop();
            const where = file ? ` ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : "";
            const name = `${frame.functionName || "(anonymous)"}${where}`;
            byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
            // The browser's own work (layout, GC, DOM calls) has no script: it goes under its own name.
            const script = file || (frame.functionName?.startsWith("(") ? frame.functionName : "(browser API)");
            byScript.set(script, (byScript.get(script) ?? 0) + delta);
        });
    }
    const top = (map, count, times) =>
        [...map]
            .sort((a, b) => b[1] - a[1])
            .slice(0, count)
            .map(([name, us]) => `  ${(us / 1000 / windows.length).toFixed(1).padStart(7)} ms  ${name}${times ? ` (${(times.get(name) / windows.length).toFixed(1)} times)` : ""}`);
    return { windows: windows.length, events: top(byEvent, 8, eventCounts), scripts: top(byScript, 8), functions: top(byFunction, 20) };
}

/** `--profile=warm|fresh|sort|resort`: one page a side, traced; per-window averages. Minified names: build:prod's bundle.js shows where. */
async function profileCase(browser, server, answers, columns, kind, n) {
    for (const side of ["control", "bare"]) {
        let traced = false;
        const startTrace = async (page) => {
            await browser.startTracing(page, { categories: TRACE_CATEGORIES });
            traced = true;
        };
        const { page, context } = await openPage(browser, server, answers.get(n), columns, side, kind === "fresh" ? startTrace : undefined);
        const times = [];
        if (kind === "fresh") times.push(await answerToPaint(page));
        else {
            await refresh(page, side);
            if (kind === "resort") await sortByTitle(page);
            await startTrace(page);
            if (kind === "sort") times.push(await sortByTitle(page));
            else if (kind === "resort") for (let click = 2; click <= 3; click++) times.push(await sortByTitle(page));
            else for (let i = 0; i < WARM_REFRESHES; i++) times.push(await refresh(page, side));
        }
        const result = traced ? breakdown(await browser.stopTracing()) : undefined;
        const drawn = await page.evaluate(() => ({ rows: document.querySelectorAll(".ms-DetailsRow").length, pages: document.querySelectorAll(".ms-List-page").length, elements: document.getElementsByTagName("*").length, inGrid: document.querySelector('[role="grid"]')?.getElementsByTagName("*").length, rules: [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0) }));
        await context.close();
        console.log(`\n${side}: ${kind}, ${n} rows: ${times.map((t) => t.toFixed(0)).join(", ")} ms; ${drawn.rows} rows drawn in ${drawn.pages} pages, ${drawn.inGrid} elements in the grid, ${drawn.elements} in the page, ${drawn.rules} CSS rules; per window (${result?.windows}):`);
        console.log(["trace events (main thread):", ...result.events, "scripts (V8 self time):", ...result.scripts, "functions (V8 self time):", ...result.functions].join("\n"));
    }
}

if (args.profile) {
    const kind = String(args.profile);
    if (!["warm", "fresh", "sort", "resort"].includes(kind)) throw new Error(`--profile is warm, fresh, sort or resort, not ${kind}`);
    const n = Number(args.rows ?? 10_000);
    const controlDir = buildDirs("benchmark").control;
    await buildProduction({ quiet: true, outDir: controlDir });
    const { columns, answers } = await makeAnswers([n]);
    const server = await startHarnessServer({ codePath: controlDir, port: 0, simulator: false, productionReact: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    try {
        await profileCase(browser, server, answers, columns, kind, n);
    } finally {
        await browser.close();
        await server.close();
    }
    process.exit(0);
}

const startedAt = Date.now();
console.log(`Building the production control...`);
const controlDir = buildDirs("benchmark").control;
const { bytes } = await buildProduction({ quiet: true, outDir: controlDir });
const { columns, answers } = await makeAnswers([...new Set([...SIZES, HEAP_ROWS, SORT_ROWS])]);
const server = await startHarnessServer({ codePath: controlDir, port: 0, simulator: false, productionReact: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
const version = browser.version();
const samples = new Map();
const add = (name, side, value) => {
    if (verbose) console.log(`  ${side}: ${name}: ${value}`);
    const key = `${name}|${side}`;
    if (!samples.has(key)) samples.set(key, []);
    samples.get(key).push(value);
};

try {
    for (let run = 1; run <= RUNS; run++) {
        for (const n of SIZES) {
            // Alternate which side goes first, so neither always gets the warmer machine.
            const sides = run % 2 ? ["control", "bare"] : ["bare", "control"];
            for (const side of sides) {
                const { page, context } = await openPage(browser, server, answers.get(n), columns, side);
                add(`${n} rows, fresh page`, side, await answerToPaint(page));
                await refresh(page, side);
                // Several warm refreshes a page: each is short, and one a run is at the mercy of a single stall.
                for (let i = 0; i < WARM_REFRESHES; i++) add(`${n} rows, warm refresh`, side, await refresh(page, side));
                if (n === SORT_ROWS) {
                    if (verbose) console.log("  sorting", browser.isConnected(), page.isClosed());
                    add(`sort ${n} rows by title, first click`, side, await sortByTitle(page));
                    // The second click reverses the order, the third restores it: both are the sort an agent repeats.
                    for (let click = 2; click <= 3; click++) add(`sort ${n} rows by title, 2nd and 3rd clicks`, side, await sortByTitle(page));
                    const scroll = await scrollToEnd(page);
                    add(`scroll ${n} rows: frames over 50 ms`, side, scroll.over50);
                    // The control's rows are taller (a date and its age on two lines), so it scrolls through more frames.
                    add(`scroll ${n} rows: frames over 50 ms per 100 frames`, side, (100 * scroll.over50) / scroll.frames);
                    add(`scroll ${n} rows: worst frame`, side, scroll.worst);
                }
                await context.close();
            }
        }
        process.stdout.write(`run ${run}/${RUNS} done\n`);
    }
    for (const side of ["control", "bare"]) {
        const { page, context } = await openPage(browser, server, answers.get(HEAP_ROWS), columns, side);
        add(`heap growth over ${HEAP_REFRESHES} refreshes of ${HEAP_ROWS} rows (KB)`, side, (await heapGrowth(page, side, HEAP_REFRESHES)) / 1024);
        await context.close();
    }
} finally {
    await browser.close();
    await server.close();
}

const rows = [...new Set([...samples.keys()].map((key) => key.split("|")[0]))].map((name) => {
    const control = median(samples.get(`${name}|control`));
    const bare = median(samples.get(`${name}|bare`));
    const ratio = bare > 0 ? (control / bare).toFixed(2) + "×" : "–";
    return { name, control, bare, ratio, runs: samples.get(`${name}|control`).length };
});
const fmt = (value, name) => (name.includes("KB") || name.endsWith("frames over 50 ms") ? value.toFixed(0) : value.toFixed(1));
const table = [
    "| case | this control | bare DetailsList | ratio | runs |",
    "|---|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.control, r.name)} | ${fmt(r.bare, r.name)} | ${r.ratio} | ${r.runs} |`),
].join("\n");
const when = new Date().toISOString().replace(/\.\d+Z$/, "Z");
const header = `Chromium ${version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, bundle.js ${bytes} bytes, ${when}, ${((Date.now() - startedAt) / 1000).toFixed(0)} s. Times in ms from answer (or header click) to painted rows; medians.`;
console.log(`\n${header}\n\n${table}`);

if (!args["no-write"]) {
    const file = path.join(ROOT, "docs", "performance.md");
    const section = `<!-- bench:browser -->\n${header}\n\n${table}\n<!-- /bench:browser -->`;
    const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Performance\n";
    const marked = /<!-- bench:browser -->[\s\S]*?<!-- \/bench:browser -->/;
    fs.writeFileSync(file, marked.test(existing) ? existing.replace(marked, section) : `${existing.trimEnd()}\n\n${section}\n`);
    console.log(`\nwritten to ${path.relative(ROOT, file)}`);
}
