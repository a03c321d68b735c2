import { ConversationFeed, type FeedState } from "../../conversations/feed";
import { browserTimers } from "../../refresh/timers";
import { RequestSharing } from "../../refresh/sharing";
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
        resolveHost: options.resolveHost ?? (() => simulator),
        onChange: (state) => states.push(state),
        newCorrelationId: () => `corr-${++correlation}`,
        clock: { now: () => Date.now(), timers: browserTimers, random: () => 0.5 },
        sharing: new RequestSharing(() => Date.now(), 30_000),
        timeoutMs: 30_000,
    });
    return { simulator, feed, states };
}

const conversationCount = (state: FeedState): number | undefined => (state.kind === "loaded" ? state.list.conversations.length : undefined);

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

describe("ConversationFeed", () => {
    it("sends the planned input with a fresh correlation id and loads the answer", async () => {
        const { simulator, feed } = setup();
        const request = plan();
        feed.apply(request);
        expect(feed.state.kind).toBe("loading");
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.getConversations).toEqual([{ input: request.kind === "request" && request.input, correlationId: "corr-1" }]);
        expect(feed.state.kind).toBe("loaded");
        expect(conversationCount(feed.state)).toBe(81); // what the default seed holds for this request
    });

    it("counts the rows the host returned at its 5,000-row limit, not those left after the Created-within filter", async () => {
        const { simulator, feed } = setup();
        simulator.setScenario("backlog");
        feed.apply(plan({ createdWithinDays: 1 }));
        await jest.advanceTimersByTimeAsync(0);
        const list = feed.state.kind === "loaded" ? feed.state.list : undefined;
        expect(list?.moreRecords).toBe(5000);
        // The filter must have removed some, or the test cannot tell the two counts apart.
        expect(list?.conversations.length).toBeLessThan(5000);
    });

    it("keeps only the conversations of the last N local days when createdWithinDays is set: the host cannot filter so", async () => {
        const { simulator, feed } = setup();
        feed.apply(plan({ createdWithinDays: 2 }));
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.getConversations[0].input).not.toHaveProperty("createdBeforeDays");
        const answered = simulator.query(simulator.calls.getConversations[0].input);
        const since = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - 1).getTime();
        const recent = answered.filter((r) => Date.parse(r.createdon as string) >= since);
        // The seed must put conversations on both sides of the window, or the test proves nothing.
        expect(recent.length).toBeGreaterThan(0);
        expect(recent.length).toBeLessThan(answered.length);
        const shown = feed.state.kind === "loaded" ? feed.state.list.conversations.map((c) => c.conversationId) : [];
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
        const { simulator, feed, states } = setup({ latencyMs: 1000 });
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(500);
        feed.apply(plan({ agent: ALEX_AGENT_ID }));
        await jest.advanceTimersByTimeAsync(500); // the first answer arrives now, and must be ignored
        expect(feed.state.kind).toBe("loading");
        expect(states.filter((state) => state.kind === "loaded")).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(QUIET_MS + 500);
        expect(feed.state.kind).toBe("loaded");
        const expected = simulator.query({ agentId: ALEX_AGENT_ID, status: [2, 3, 5] }).length;
        expect(conversationCount(feed.state)).toBe(expected);
        expect(states.filter((state) => state.kind === "loaded")).toHaveLength(1);
    });

    it("fails a request that does not answer in time, and a retry recovers", async () => {
        const { simulator, feed } = setup();
        simulator.setScenario("hang");
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(29_999);
        expect(feed.state.kind).toBe("loading");
        await jest.advanceTimersByTimeAsync(1);
        expect(feed.state).toMatchObject({ kind: "failed", failure: "timedOut", previous: undefined });
        simulator.setScenario("happy");
        feed.refresh();
        await jest.advanceTimersByTimeAsync(0);
        expect(feed.state.kind).toBe("loaded");
    });

    it.each([
        ["reject", "rejected"],
        ["statusFalse", "hostReportedFailure"],
        ["malformed", "unrecognisedAnswer"],
    ] as const)("turns the %s scenario into a %s failure, keeping the rows shown before", async (scenario, failure) => {
        const { simulator, feed } = setup();
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(0);
        const shown = feed.state.kind === "loaded" ? feed.state.list : undefined;
        simulator.setScenario(scenario);
        feed.refresh();
        await jest.advanceTimersByTimeAsync(0);
        expect(feed.state).toMatchObject({ kind: "failed", failure, previous: shown });
    });

    it("with a host that arrives late, says Loading… while looking again, and fills the list by itself once it is there", async () => {
        const simulator = new OmnichannelSimulator({ now: () => NOW, scenario: "lateHost", lateHostDelayMs: 6_000 });
        const page: { Microsoft?: Record<string, unknown> } = {};
        simulator.installOn(page);
        const { feed, states } = setup({ resolveHost: () => findOmnichannelHost(page as unknown as Window) });
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(6_000); // defined now; the next look is at 8 s
        expect(simulator.calls.getConversations).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(2_000);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(feed.state.kind).toBe("loaded");
        expect(states.map((state) => state.kind)).toEqual(["loading", "loading", "loading", "loading", "loading", "loading", "loaded"]);
    });

    it("outside the workspace says unavailable after the last look, and still finds a host on the next timed refresh", async () => {
        const hostRef: { current?: OmnichannelHost } = {};
        const { simulator, feed } = setup({ resolveHost: () => hostRef.current });
        feed.apply(plan({ refreshMinutes: 1 }));
        await jest.advanceTimersByTimeAsync(15_999);
        expect(feed.state.kind).toBe("loading");
        await jest.advanceTimersByTimeAsync(1);
        expect(feed.state).toEqual({ kind: "unavailable" });
        hostRef.current = simulator;
        await jest.advanceTimersByTimeAsync(60_000);
        expect(feed.state.kind).toBe("loaded");
    });

    it("names the property and column Dataverse refused, and does not ask again until the settings change", async () => {
        const { simulator, feed } = setup();
        feed.apply(plan({ columns: "msdyn_title,msdyn_titel", refreshMinutes: 1 }));
        await jest.advanceTimersByTimeAsync(0);
        expect(feed.state).toEqual({
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
        expect(feed.state).toMatchObject({ kind: "failed", refusal: { correlationId: "corr-2", unknownColumn: { setting: "orderBy", column: "msdyn_sortme" } } });
        feed.refresh();
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.getConversations).toHaveLength(3);
    });

    it("shows no correlation id of its own when it shared another instance's call", async () => {
        const simulator = new OmnichannelSimulator({ now: () => NOW });
        const sharing = new RequestSharing(() => Date.now(), 30_000);
        let correlation = 0;
        const feeds = [0, 1].map(() =>
            new ConversationFeed({
                resolveHost: () => simulator,
                onChange: () => undefined,
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
        expect(feeds.map((feed) => feed.state.kind === "failed" && feed.state.refusal?.correlationId)).toEqual(["corr-2", undefined]);
    });

    it("keeps another refusal's code, message and correlation id, and retries it on the back-off schedule", async () => {
        const { simulator, feed } = setup();
        simulator.setScenario("reject");
        feed.apply(plan({ refreshMinutes: 1 }));
        await jest.advanceTimersByTimeAsync(0);
        expect(feed.state).toMatchObject({
            kind: "failed",
            failure: "rejected",
            refusal: { error: { code: "0x80040216", message: "Simulated host failure: getConversations rejected" }, correlationId: "corr-1" },
        });
        expect(feed.state.kind === "failed" && feed.state.retryAt).toBeInstanceOf(Date);
        expect(feed.state.kind === "failed" && feed.state.refusal).not.toHaveProperty("unknownColumn.setting");
        await jest.advanceTimersByTimeAsync(60_000);
        expect(simulator.calls.getConversations).toHaveLength(2);
    });

    it("shows the newer request's rows when the older answer arrives after it (outOfOrder)", async () => {
        const { simulator, feed } = setup();
        simulator.setScenario("outOfOrder");
        simulator.setLatency(100);
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(100);
        feed.apply(plan({ statuses: "4" }));
        await jest.advanceTimersByTimeAsync(QUIET_MS + 100);
        const closed = simulator.query({ agentId: HARNESS_AGENT_ID, status: [4], orderBy: [{ attributeName: "createdon", descending: true }] });
        const shownIds = () => (feed.state.kind === "loaded" ? feed.state.list.conversations.map((c) => c.conversationId) : []);
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
        const { simulator, feed } = setup();
        feed.apply(plan({ columns: "statuscode" }));
        await jest.advanceTimersByTimeAsync(0);
        feed.apply(plan({ columns: "statuscode,msdyn_ocliveworkitemid" }));
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(simulator.calls.getConversations).toHaveLength(2);
        expect(feed.state.kind === "loaded" && feed.state.list.columns).toEqual(["statuscode", "msdyn_ocliveworkitemid"]);
    });

    it("fails a request after the time limit, and still shows its answer when it comes later", async () => {
        const { simulator, feed } = setup({ latencyMs: 31_000 });
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(30_000);
        expect(feed.state.kind).toBe("failed");
        await jest.advanceTimersByTimeAsync(1_000);
        expect(feed.state.kind).toBe("loaded");
        expect(simulator.calls.getConversations).toHaveLength(1);
    });

    it("asks again after the answer in flight when a session changed meanwhile, at most once per 2 s", async () => {
        const { simulator, feed } = setup({ latencyMs: 1000 });
        feed.apply(plan());
        feed.markStale();
        feed.markStale();
        await jest.advanceTimersByTimeAsync(1000);
        expect(feed.state.kind).toBe("loaded");
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
        const { simulator, feed, states } = setup();
        feed.apply(plan({ agent: "not-a-guid" }));
        feed.apply(plan({ agent: "not-a-guid" }));
        expect(feed.state).toEqual({ kind: "invalid", problems: [{ setting: "agent", code: "notAGuid", value: "not-a-guid" }] });
        expect(states).toHaveLength(1);
        feed.apply(plan());
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(feed.state.kind).toBe("loaded");
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
