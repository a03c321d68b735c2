import { ConversationFeed, type FeedState } from "../../conversations/feed";
import { browserTimers } from "../../refresh/timers";
import { RequestSharing } from "../../refresh/sharing";
import { broadcastHub } from "../../simulator/broadcastHub";
import { QUIET_MS } from "../../refresh/schedule";
import { buildConversationRequest, type ConversationSettings, type RequestPlan } from "../../conversations/request";
import type { OmnichannelHost } from "../../host/port";
import { findOmnichannelHost } from "../../host/adapter";
import { ALEX_AGENT_ID, HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";

const NOW = new Date("2026-11-21T12:00:00Z");

function plan(overrides: Partial<ConversationSettings> = {}): RequestPlan {
    return buildConversationRequest({
        agent: null,
        agentFallback: "currentUser",
        currentUserId: HARNESS_AGENT_ID,
        statuses: "2,3,5",
        columns: "msdyn_title,statuscode",
        orderBy: "createdon desc",
        createdWithinDays: null,
        createdAtLeastDaysAgo: null,
        refreshMinutes: 5,
        ...overrides,
    });
}

function setup(options: { latencyMs?: number; resolveHost?: () => OmnichannelHost | undefined } = {}) {
    const simulator = new OmnichannelSimulator({ now: () => NOW, latencyMs: options.latencyMs ?? 0 });
    const states: FeedState[] = [];
    let correlation = 0;
    const feed = new ConversationFeed({
        user: { timeZoneOffsetMinutes: () => 0 },
        resolveHost: options.resolveHost ?? (() => simulator),
        onChange: (state) => states.push(state),
        newCorrelationId: () => `corr-${++correlation}`,
        clock: { now: () => Date.now(), timers: browserTimers, random: () => 0.5 },
        sharing: new RequestSharing(() => Date.now(), 30_000),
        timeoutMs: 30_000,
    });
    /** What the feed last told its owner. */
    const current = (): FeedState => states[states.length - 1] ?? { kind: "idle" };
    return { simulator, feed, states, current };
}

/** A failed state, or undefined. */
const failedIn = (state: FeedState) => (state.kind === "failed" ? state : undefined);
/** The rows of a loaded state. */
const listIn = (state: FeedState) => (state.kind === "loaded" ? state.list : undefined);
const conversationCount = (state: FeedState): number | undefined => (state.kind === "loaded" ? state.list.conversations.length : undefined);

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

describe("ConversationFeed", () => {
    it("sends the planned input with a fresh correlation id and loads the answer", async () => {
        const { simulator, feed, current } = setup();
        const request = plan();
        feed.apply(request);
        expect(current().kind).toBe("loading");
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.getConversations).toEqual([{ input: request.kind === "request" && request.input, correlationId: "corr-1" }]);
        expect(current().kind).toBe("loaded");
        expect(conversationCount(current())).toBe(81); // what the default seed holds for this request
    });

    it("counts the rows the host returned at its 5,000-row limit, not those left after the Created-within filter", async () => {
        const { simulator, feed, current } = setup();
        simulator.setScenario("backlog");
        feed.apply(plan({ createdWithinDays: 1 }));
        await jest.advanceTimersByTimeAsync(0);
        const list = listIn(current());
        expect(list?.moreRecords).toBe(5000);
        // The filter must have removed some, or the test cannot tell the two counts apart.
        expect(list?.conversations.length).toBeLessThan(5000);
    });

    it("keeps only the conversations of the last N local days when createdWithinDays is set: the host cannot filter so", async () => {
        const { simulator, feed, current } = setup();
        feed.apply(plan({ createdWithinDays: 2 }));
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.getConversations[0].input).not.toHaveProperty("createdBeforeDays");
        const answered = simulator.query(simulator.calls.getConversations[0].input);
        const since = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - 1).getTime();
        const recent = answered.filter((r) => Date.parse(r.createdon as string) >= since);
        // The seed must put conversations on both sides of the window, or the test proves nothing.
        expect(recent.length).toBeGreaterThan(0);
        expect(recent.length).toBeLessThan(answered.length);
        const shown = (listIn(current())?.conversations.map((c) => c.conversationId) ?? []);
        expect(shown).toEqual(recent.map((r) => r.msdyn_ocliveworkitemid));
    });

    it("asks again only when the request changes", async () => {
        const { simulator, feed } = setup();
        for (let i = 0; i < 50; i++) feed.apply(plan({ refreshMinutes: i % 2 ? 5 : 10 }));
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.getConversations).toHaveLength(1);
        feed.apply(plan({ statuses: "4" }));
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(simulator.calls.getConversations.map((call) => call.input.status)).toEqual([[2, 3, 5], [4]]);
        expect(simulator.calls.getConversations[1].correlationId).toBe("corr-2");
    });

    it("drops an answer that arrives after a newer request was made", async () => {
        const { simulator, feed, states, current } = setup({ latencyMs: 1000 });
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(500);
        feed.apply(plan({ agent: ALEX_AGENT_ID }));
        await jest.advanceTimersByTimeAsync(500); // the first answer arrives now, and must be ignored
        expect(current().kind).toBe("loading");
        expect(states.filter((state) => state.kind === "loaded")).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(QUIET_MS + 500);
        expect(current().kind).toBe("loaded");
        const expected = simulator.query({ agentId: ALEX_AGENT_ID, status: [2, 3, 5] }).length;
        expect(conversationCount(current())).toBe(expected);
        expect(states.filter((state) => state.kind === "loaded")).toHaveLength(1);
    });

    it("fails a request that does not answer in time, and a retry recovers", async () => {
        const { simulator, feed, current } = setup();
        simulator.setScenario("hang");
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(29_999);
        expect(current().kind).toBe("loading");
        await jest.advanceTimersByTimeAsync(1);
        expect(current()).toMatchObject({ kind: "failed", failure: "timedOut", previous: undefined });
        simulator.setScenario("happy");
        feed.refresh();
        await jest.advanceTimersByTimeAsync(0);
        expect(current().kind).toBe("loaded");
    });

    it.each([
        ["reject", "rejected"],
        ["statusFalse", "hostReportedFailure"],
        ["malformed", "unrecognisedAnswer"],
    ] as const)("turns the %s scenario into a %s failure, keeping the rows shown before", async (scenario, failure) => {
        const { simulator, feed, current } = setup();
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(0);
        const shown = listIn(current());
        simulator.setScenario(scenario);
        feed.refresh();
        await jest.advanceTimersByTimeAsync(0);
        expect(current()).toMatchObject({ kind: "failed", failure, previous: shown });
    });

    it("with a host that arrives late, says Loading…, then after 2 s that it waits for the workspace, and fills the list by itself once it is there", async () => {
        const simulator = new OmnichannelSimulator({ now: () => NOW, scenario: "lateHost", lateHostDelayMs: 6_000 });
        const page: { Microsoft?: Record<string, unknown> } = {};
        simulator.installOn(page);
        const { feed, states, current } = setup({ resolveHost: () => findOmnichannelHost(page as unknown as Window) });
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(6_000); // defined now; the next look is at 8 s
        expect(simulator.calls.getConversations).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(2_000);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(current().kind).toBe("loaded");
        // Looks at 0, 0.5, 1, 2 and 4 s miss; the one at 8 s finds it and asks.
        expect(states.map((state) => state.kind)).toEqual(["loading", "loading", "loading", "waitingForHost", "waitingForHost", "loading", "loaded"]);
    });

    it("outside the workspace says unavailable after the last look, and still finds a host on the next timed refresh", async () => {
        const hostRef: { current?: OmnichannelHost } = {};
        const { simulator, feed, current } = setup({ resolveHost: () => hostRef.current });
        feed.apply(plan({ refreshMinutes: 1 }));
        await jest.advanceTimersByTimeAsync(1_999);
        expect(current().kind).toBe("loading");
        await jest.advanceTimersByTimeAsync(1);
        expect(current()).toEqual({ kind: "waitingForHost" });
        await jest.advanceTimersByTimeAsync(13_999);
        expect(current()).toEqual({ kind: "waitingForHost" });
        await jest.advanceTimersByTimeAsync(1);
        expect(current()).toEqual({ kind: "unavailable" });
        hostRef.current = simulator;
        await jest.advanceTimersByTimeAsync(60_000);
        expect(current().kind).toBe("loaded");
    });

    it("names the property and column Dataverse refused, and does not ask again until the settings change", async () => {
        const { simulator, feed, current } = setup();
        feed.apply(plan({ columns: "msdyn_title,msdyn_titel", refreshMinutes: 1 }));
        await jest.advanceTimersByTimeAsync(0);
        expect(current()).toEqual({
            kind: "failed",
            failure: "rejected",
            previous: undefined,
            refusal: {
                error: { code: "0x80041103", message: "'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = 'msdyn_titel' and NameMapping = 'Logical'." },
                correlationId: "corr-1",
                unknownColumn: { setting: "columns", column: "msdyn_titel" },
            },
        });
        feed.markStale();
        await jest.advanceTimersByTimeAsync(120 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(1);
        feed.apply(plan({ columns: "msdyn_title", orderBy: "msdyn_sortme desc", refreshMinutes: 1 }));
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(current()).toMatchObject({ kind: "failed", refusal: { correlationId: "corr-2", unknownColumn: { setting: "orderBy", column: "msdyn_sortme" } } });
        feed.refresh();
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.getConversations).toHaveLength(3);
    });

    it("shows no correlation id of its own when it shared another instance's call", async () => {
        const simulator = new OmnichannelSimulator({ now: () => NOW });
        const sharing = new RequestSharing(() => Date.now(), 30_000);
        let correlation = 0;
        const last: FeedState[] = [];
        const feeds = [0, 1].map((_, index) =>
            new ConversationFeed({
                user: { timeZoneOffsetMinutes: () => 0 },
                resolveHost: () => simulator,
                onChange: (state) => (last[index] = state),
                newCorrelationId: () => `corr-${++correlation}`,
                clock: { now: () => Date.now(), timers: browserTimers, random: () => 0.5 },
                sharing,
                timeoutMs: 30_000,
            }),
        );
        feeds[1].apply(plan({ statuses: "4" })); // its own earlier call: corr-1
        await jest.advanceTimersByTimeAsync(0);
        feeds.forEach((feed) => feed.apply(plan({ columns: "msdyn_titel" })));
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(simulator.calls.getConversations.map((call) => call.correlationId)).toEqual(["corr-1", "corr-2"]);
        expect(last.map((state) => state.kind === "failed" && state.refusal?.correlationId)).toEqual(["corr-2", undefined]);
    });

    it("keeps another refusal's code, message and correlation id, and retries it on the back-off schedule", async () => {
        const { simulator, feed, current } = setup();
        simulator.setScenario("reject");
        feed.apply(plan({ refreshMinutes: 1 }));
        await jest.advanceTimersByTimeAsync(0);
        expect(current()).toMatchObject({
            kind: "failed",
            failure: "rejected",
            refusal: { error: { code: "0x80040216", message: "Simulated host failure: getConversations rejected" }, correlationId: "corr-1" },
        });
        expect(failedIn(current())?.retryAt).toBeInstanceOf(Date);
        expect(failedIn(current())?.refusal).not.toHaveProperty("unknownColumn.setting");
        await jest.advanceTimersByTimeAsync(60_000);
        expect(simulator.calls.getConversations).toHaveLength(2);
    });

    it("a host that goes missing after an answer keeps the rows on screen while it is looked for", async () => {
        const hostRef: { current?: OmnichannelHost } = {};
        const { simulator, feed, current } = setup({ resolveHost: () => hostRef.current });
        hostRef.current = simulator;
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(0);
        const shown = listIn(current());
        hostRef.current = undefined;
        feed.refresh();
        await jest.advanceTimersByTimeAsync(4_000);
        expect(current()).toEqual({ kind: "loading", previous: shown });
    });

    describe("when Dataverse says busy", () => {
        it("shows the busy failure with the host's code and message kept, and tries again after 5 minutes, not on the back-off", async () => {
            const { simulator, feed, current } = setup();
            simulator.setScenario("busyRequests");
            feed.apply(plan({ refreshMinutes: 1 }));
            await jest.advanceTimersByTimeAsync(0);
            expect(current()).toEqual({
                kind: "failed",
                failure: "busy",
                previous: undefined,
                retryAt: expect.any(Date) as Date,
                refusal: { error: { code: "0x80072322", message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds." }, correlationId: "corr-1" },
            });
            const retryAt = (failedIn(current())?.retryAt?.getTime() ?? 0);
            expect(retryAt - NOW.getTime()).toBeGreaterThanOrEqual(5 * 60_000);
            // A rejection would back off 1 minute at this interval: busy waits the whole 5.
            await jest.advanceTimersByTimeAsync(retryAt - Date.now() - 1);
            expect(simulator.calls.getConversations).toHaveLength(1);
            simulator.setScenario("happy");
            await jest.advanceTimersByTimeAsync(1);
            expect(simulator.calls.getConversations).toHaveLength(2);
            expect(current().kind).toBe("loaded");
            // And the usual interval resumes: no back-off step was counted.
            await jest.advanceTimersByTimeAsync(1.1 * 60_000);
            expect(simulator.calls.getConversations).toHaveLength(3);
        });

        it("keeps the rows shown before, asks nothing for session closes meanwhile, and Refresh still asks at once", async () => {
            const { simulator, feed, current } = setup();
            feed.apply(plan());
            await jest.advanceTimersByTimeAsync(0);
            const shown = listIn(current());
            simulator.setScenario("busyConcurrency");
            feed.refresh();
            await jest.advanceTimersByTimeAsync(0);
            expect(current()).toMatchObject({ kind: "failed", failure: "busy", previous: shown, refusal: { error: { code: "0x80072326" } } });
            feed.markStale();
            await jest.advanceTimersByTimeAsync(4 * 60_000);
            expect(simulator.calls.getConversations).toHaveLength(2);
            simulator.setScenario("happy");
            feed.refresh();
            await jest.advanceTimersByTimeAsync(0);
            expect(simulator.calls.getConversations).toHaveLength(3);
            expect(current().kind).toBe("loaded");
        });

        it("recognises the numeric execution-time code too", async () => {
            const { simulator, feed, current } = setup();
            simulator.setScenario("busyExecutionTime");
            feed.apply(plan());
            await jest.advanceTimersByTimeAsync(0);
            expect(current()).toMatchObject({ kind: "failed", failure: "busy", refusal: { error: { code: "-2147015903" } } });
        });

        it("waits for a Retry-After longer than 5 minutes when the error carries one", async () => {
            const host: OmnichannelHost = {
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the script's rejection is a plain object
                getConversations: () => Promise.reject({ status: false, error: { status: 429, retryAfter: "900", message: "Too many requests" } }),
                openConversation: () => Promise.resolve(undefined),
                getConversationId: () => Promise.resolve(undefined),
            };
            const { feed, current } = setup({ resolveHost: () => host });
            feed.apply(plan());
            await jest.advanceTimersByTimeAsync(0);
            expect(current()).toMatchObject({ kind: "failed", failure: "busy", refusal: { error: { status: 429, retryAfterMs: 900_000 } } });
            const retryAt = (failedIn(current())?.retryAt?.getTime() ?? 0);
            expect(retryAt - NOW.getTime()).toBeGreaterThanOrEqual(15 * 60_000);
            expect(retryAt - NOW.getTime()).toBeLessThanOrEqual(15 * 60_000 * 1.1);
        });

        it("tabs that share the request wait together: the other tab shows busy and asks nothing before the wait is over", async () => {
            // Answers take 100 ms; the channel's messages come sooner, as in a browser.
            const simulator = new OmnichannelSimulator({ now: () => NOW, latencyMs: 100 });
            const hub = broadcastHub((deliver) => setTimeout(deliver, 0));
            const last: FeedState[] = [];
            const feeds = [0, 1].map((_, index) =>
                new ConversationFeed({
                    user: { timeZoneOffsetMinutes: () => 0 },
                    resolveHost: () => simulator,
                    onChange: (state) => (last[index] = state),
                    newCorrelationId: () => "corr",
                    clock: { now: () => Date.now(), timers: browserTimers, random: () => 0.5 },
                    sharing: new RequestSharing(() => Date.now(), 30_000, hub()),
                    timeoutMs: 30_000,
                }),
            );
            feeds[0].apply(plan());
            await jest.advanceTimersByTimeAsync(0); // the second tab hears that the first is asking, and shares its answer
            feeds[1].apply(plan());
            await jest.advanceTimersByTimeAsync(101);
            expect(last.map((state) => state.kind)).toEqual(["loaded", "loaded"]);
            simulator.setScenario("busyRequests");
            feeds[0].refresh();
            await jest.advanceTimersByTimeAsync(101);
            expect(last.map((state) => state.kind === "failed" && state.failure)).toEqual(["busy", "busy"]);
            const asked = simulator.calls.getConversations.length;
            expect(asked).toBe(2); // the first load, shared, and the refresh that met busy
            await jest.advanceTimersByTimeAsync(5 * 60_000);
            expect(simulator.calls.getConversations).toHaveLength(asked);
            simulator.setScenario("happy");
            await jest.advanceTimersByTimeAsync(2 * 60_000);
            // Once the wait is over one tab asks and both are filled by its answer.
            expect(simulator.calls.getConversations).toHaveLength(asked + 1);
            expect(last.map((state) => state.kind)).toEqual(["loaded", "loaded"]);
        });
    });

    it("shows the newer request's rows when the older answer arrives after it (outOfOrder)", async () => {
        const { simulator, feed, current } = setup();
        simulator.setScenario("outOfOrder");
        simulator.setLatency(100);
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(100);
        feed.apply(plan({ statuses: "4" }));
        await jest.advanceTimersByTimeAsync(QUIET_MS + 100);
        const closed = simulator.query({ agentId: HARNESS_AGENT_ID, status: [4], orderBy: [{ attributeName: "createdon", descending: true }] });
        const shownIds = () => ((listIn(current())?.conversations.map((c) => c.conversationId) ?? []));
        expect(shownIds()).toEqual(closed.map((r) => r.msdyn_ocliveworkitemid));
        await jest.advanceTimersByTimeAsync(3_000); // the first request's answer arrives now
        expect(simulator.calls.getConversations).toHaveLength(2);
        expect(shownIds()).toEqual(closed.map((r) => r.msdyn_ocliveworkitemid));
    });

    it("refreshes on the maker's interval, and not at all when it is 0", async () => {
        const { simulator, feed } = setup();
        feed.apply(plan({ refreshMinutes: 2 }));
        await jest.advanceTimersByTimeAsync(2 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(2);
        feed.apply(plan({ refreshMinutes: 0, statuses: "2" }));
        await jest.advanceTimersByTimeAsync(60 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(3);
    });

    it("starts, changes and stops the refresh schedule when only the interval changes, without fetching", async () => {
        const { simulator, feed } = setup();
        feed.apply(plan({ refreshMinutes: 0 }));
        await jest.advanceTimersByTimeAsync(30 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(1);
        feed.apply(plan({ refreshMinutes: 2 }));
        expect(simulator.calls.getConversations).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(2 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(2);
        feed.apply(plan({ refreshMinutes: 0 }));
        await jest.advanceTimersByTimeAsync(30 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(2);
    });

    it("asks again when only the shown columns change", async () => {
        const { simulator, feed, current } = setup();
        feed.apply(plan({ columns: "statuscode" }));
        await jest.advanceTimersByTimeAsync(0);
        feed.apply(plan({ columns: "statuscode,msdyn_ocliveworkitemid" }));
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(simulator.calls.getConversations).toHaveLength(2);
        expect(listIn(current())?.columns).toEqual(["statuscode", "msdyn_ocliveworkitemid"]);
    });

    it("fails a request after the time limit, and still shows its answer when it comes later", async () => {
        const { simulator, feed, current } = setup({ latencyMs: 31_000 });
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(30_000);
        expect(current().kind).toBe("failed");
        await jest.advanceTimersByTimeAsync(1_000);
        expect(current().kind).toBe("loaded");
        expect(simulator.calls.getConversations).toHaveLength(1);
    });

    it("asks again after the answer in flight when a session changed meanwhile, at most once per 2 s", async () => {
        const { simulator, feed, current } = setup({ latencyMs: 1000 });
        feed.apply(plan());
        feed.markStale();
        feed.markStale();
        await jest.advanceTimersByTimeAsync(1000);
        expect(current().kind).toBe("loaded");
        expect(simulator.calls.getConversations).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(2000);
        expect(simulator.calls.getConversations).toHaveLength(2);
        await jest.advanceTimersByTimeAsync(1000);
        feed.markStale();
        feed.markStale();
        await jest.advanceTimersByTimeAsync(1999);
        expect(simulator.calls.getConversations).toHaveLength(2);
        await jest.advanceTimersByTimeAsync(1);
        expect(simulator.calls.getConversations).toHaveLength(3);
    });

    it("keeps one request in flight: refresh while loading makes no second call", async () => {
        const { simulator, feed } = setup({ latencyMs: 1000 });
        feed.apply(plan());
        feed.refresh();
        feed.refresh();
        await jest.advanceTimersByTimeAsync(1000);
        expect(simulator.calls.getConversations).toHaveLength(1);
    });

    it("shows invalid settings without asking the host, and asks again once they are fixed", async () => {
        const { simulator, feed, states, current } = setup();
        feed.apply(plan({ agent: "not-a-guid" }));
        feed.apply(plan({ agent: "not-a-guid" }));
        expect(current()).toEqual({ kind: "invalid", problems: [{ setting: "agent", code: "notAGuid", value: "not-a-guid" }] });
        expect(states).toHaveLength(1);
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(current().kind).toBe("loaded");
    });

    it("changes nothing after destroy, even when the answer arrives later", async () => {
        const { simulator, feed, states } = setup({ latencyMs: 1000 });
        feed.apply(plan());
        feed.destroy();
        const before = states.length;
        await jest.advanceTimersByTimeAsync(60 * 60_000);
        feed.apply(plan({ statuses: "4" }));
        feed.refresh();
        expect(states).toHaveLength(before);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(jest.getTimerCount()).toBe(0);
    });
});
