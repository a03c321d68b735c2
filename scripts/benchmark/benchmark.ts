/**
 * Prints how long the control's hot paths take on the simulator's data: the work an unchanged
 * updateView does, and turning, filtering and sorting a few thousand conversations into rows.
 * Run with `npm run bench`; numbers are medians over repeated runs on this machine.
 */
import { ConversationFeed } from "../../conversations/feed";
import { browserTimers } from "../../refresh/timers";
import { RequestSharing } from "../../refresh/sharing";
import { toConversations } from "../../conversations/model";
import { buildConversationRequest, type ConversationSettings } from "../../conversations/request";
import { filterRows, rowSorter, toRows } from "../../conversations/rows";
import { ConversationFormatter } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";
import { HARNESS_AGENT_ID, OmnichannelSimulator, SIMULATED_AGENTS, generateConversations } from "../../simulator";

const NOW = new Date("2026-11-21T12:00:00Z");
const COLUMNS = ["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "msdyn_cdsqueueid", "createdon"];

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of `runs` runs of `work`, after a warm-up; `prepare` makes each run's input, untimed. */
function measure<T>(runs: number, work: (input: T) => unknown, prepare: () => T = () => undefined as T): number {
    for (let i = 0; i < 3; i++) work(prepare());
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const input = prepare();
        const start = performance.now();
        work(input);
        times.push(performance.now() - start);
    }
    return median(times);
}

const simulator = new OmnichannelSimulator({ now: () => NOW });
// Every agent's conversations, so the row count is the whole seeded data set.
const allRecords = SIMULATED_AGENTS.flatMap((agent) => simulator.query({ agentId: agent.id, attributes: COLUMNS, status: [1, 2, 3, 4, 5, 6, 7] }));
const strings = new Strings((key) => key);
const formatter = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });

const settings: ConversationSettings = {
    agent: null,
    agentFallback: "currentUser",
    currentUserId: `{${HARNESS_AGENT_ID}}`,
    statuses: "2,3,5",
    columns: COLUMNS.join(","),
    orderBy: "createdon desc",
    createdWithinDays: null,
    createdAtLeastDaysAgo: null,
    refreshMinutes: 5,
};
const feed = new ConversationFeed({
    user: { timeZoneOffsetMinutes: () => 0 },
    resolveHost: () => simulator,
    onChange: () => undefined,
    newCorrelationId: () => "bench",
    clock: { now: () => NOW.getTime(), timers: browserTimers, random: Math.random },
    sharing: new RequestSharing(() => NOW.getTime(), 30_000),
    timeoutMs: 30_000,
});
feed.apply(buildConversationRequest(settings));
const calls = simulator.calls.getConversations.length;
const UPDATE_VIEWS = 10_000;
const noOpUpdateView = measure(15, () => {
    for (let i = 0; i < UPDATE_VIEWS; i++) feed.apply(buildConversationRequest(settings));
});
if (simulator.calls.getConversations.length !== calls) throw new Error("an unchanged updateView asked the host again");
feed.destroy();

const conversations = toConversations(allRecords, COLUMNS);
const rows = toRows(conversations, COLUMNS, strings, formatter, NOW);
/** A step's median over this data set, and scaled to 10,000 records (the unit docs/performance.md compares in; sorts scale a little worse than linearly). */
const perRecords = (ms: number, count: number): string => `${ms.toFixed(2)} ms  (${((ms * 10_000) / count).toFixed(1)} ms per 10,000)`;
const results: [string, string][] = [
    ["simulator: generate the seeded data set (3,000 records)", `${measure(10, () => generateConversations(7, NOW)).toFixed(2)} ms`],
    ["unchanged updateView (request derivation + comparison)", `${((noOpUpdateView / UPDATE_VIEWS) * 1000).toFixed(2)} µs per call`],
    [`normalize ${allRecords.length} records (toConversations)`, perRecords(measure(30, () => toConversations(allRecords, COLUMNS)), allRecords.length)],
    [`build ${conversations.length} display rows (toRows)`, perRecords(measure(30, () => toRows(conversations, COLUMNS, strings, formatter, NOW)), conversations.length)],
    [`rows of the ${conversations.length}, then the cells of the 40 a screen paints`, perRecords(measure(30, () => toRows(conversations, COLUMNS, strings, formatter, NOW).slice(0, 40).forEach((row) => COLUMNS.forEach((column) => row.cell(column)))), conversations.length)],
    [`format every cell of ${conversations.length} rows (a scroll to the end)`, perRecords(measure(5, () => toRows(conversations, COLUMNS, strings, formatter, NOW).forEach((row) => COLUMNS.forEach((column) => row.cell(column)))), conversations.length)],
    [`first quick find on a new answer (builds the search texts)`, perRecords(measure(5, () => filterRows(toRows(conversations, COLUMNS, strings, formatter, NOW), "refund live")), conversations.length)],
    [`quick find over ${rows.length} rows ("refund live")`, perRecords(measure(50, () => filterRows(rows, "refund live")), rows.length)],
    [`read ${rows.length} rows' title sort values (a sort's key extraction)`, perRecords(measure(30, () => rows.map((row) => row.sortValue("msdyn_title"))), rows.length)],
    [`sort ${rows.length} rows by title`, perRecords(measure(30, () => rowSorter(rows, formatter.collator)({ column: "msdyn_title", descending: false })), rows.length)],
    [
        `sort them by title again, the other way (a second header click)`,
        perRecords(
            measure(
                30,
                (sorter) => sorter({ column: "msdyn_title", descending: true }),
                () => {
                    const sorter = rowSorter(rows, formatter.collator);
                    sorter({ column: "msdyn_title", descending: false });
                    return sorter;
                },
            ),
            rows.length,
        ),
    ],
    [`sort ${rows.length} rows by created on`, perRecords(measure(30, () => rowSorter(rows, formatter.collator)({ column: "createdon", descending: true })), rows.length)],
];
const width = Math.max(...results.map(([name]) => name.length));
for (const [name, value] of results) console.log(`${name.padEnd(width)}  ${value}`);
