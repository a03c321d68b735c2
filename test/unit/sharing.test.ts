import { ConversationFeed } from "../../conversations/feed";
import { buildConversationRequest } from "../../conversations/request";
import { RequestSharing, type Channel, type SharedOutcome } from "../../refresh/sharing";
import { browserTimers } from "../../refresh/timers";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";
import { broadcastHub } from "../../simulator/broadcastHub";

const MINUTE = 60_000;
const now = () => Date.now();
const tabsHub = () => broadcastHub((deliver) => setTimeout(deliver, 0));

beforeEach(() => jest.useFakeTimers({ now: new Date("2026-11-21T09:00:00Z") }));
afterEach(() => jest.useRealTimers());

describe("RequestSharing", () => {
    it("in one window, shares the call in flight and tells every listener of the key", async () => {
        const sharing = new RequestSharing(now, 30_000);
        const heard: SharedOutcome[][] = [[], [], []];
        sharing.listen("a", (outcome) => heard[0].push(outcome));
        sharing.listen("a", (outcome) => heard[1].push(outcome));
        sharing.listen("b", (outcome) => heard[2].push(outcome));
        const call = jest.fn(() => Promise.resolve({ ok: 1 }));
        sharing.ask("a", call);
        sharing.ask("a", call);
        await jest.advanceTimersByTimeAsync(0);
        expect(call).toHaveBeenCalledTimes(1);
        expect(heard).toEqual([[{ kind: "answer", value: { ok: 1 } }], [{ kind: "answer", value: { ok: 1 } }], []]);
        sharing.ask("a", () => Promise.reject(new Error("secret record content")));
        await jest.advanceTimersByTimeAsync(0);
        expect(heard[0][1]).toStrictEqual({ kind: "rejected", error: undefined });
        // The script's rejection: only its code and message go on, to this window and to other tabs.
        const reason = { status: false, error: { code: "0x80041103", message: "no such column", records: ["secret"] } };
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the script rejects with a plain object
        sharing.ask("a", () => Promise.reject(reason));
        await jest.advanceTimersByTimeAsync(0);
        expect(heard[0][2]).toStrictEqual({ kind: "rejected", error: { code: "0x80041103", message: "no such column" } });
    });

    it("asks again once a call in flight has waited longer than the limit", async () => {
        const sharing = new RequestSharing(now, 30_000);
        const call = jest.fn(() => new Promise<never>(() => undefined));
        sharing.ask("a", call);
        await jest.advanceTimersByTimeAsync(29_999);
        sharing.ask("a", call);
        expect(call).toHaveBeenCalledTimes(1);
        await jest.advanceTimersByTimeAsync(1);
        sharing.ask("a", call);
        expect(call).toHaveBeenCalledTimes(2);
    });

    it("across tabs, a tab that hears another asking waits for its answer, which reaches its listeners", async () => {
        const hub = tabsHub();
        const first = new RequestSharing(now, 30_000, hub());
        const second = new RequestSharing(now, 30_000, hub());
        const heard: [SharedOutcome, boolean][] = [];
        first.listen("a", (outcome, fromOtherTab) => heard.push([outcome, fromOtherTab]));
        second.listen("a", (outcome, fromOtherTab) => heard.push([outcome, fromOtherTab]));
        const call = jest.fn(() => new Promise((resolve) => setTimeout(() => resolve("answer"), 500)));
        first.ask("a", call);
        await jest.advanceTimersByTimeAsync(0);
        second.ask("a", call);
        await jest.advanceTimersByTimeAsync(501);
        expect(call).toHaveBeenCalledTimes(1);
        // The tab that asked hears its own answer; the other hears it came from another tab (and so follows its beat).
        expect(heard).toEqual([
            [{ kind: "answer", value: "answer" }, false],
            [{ kind: "answer", value: "answer" }, true],
        ]);
    });

    it("copies an answer into the channel only once another tab has said it is there", async () => {
        const posted: unknown[] = [];
        const spy = (): Channel => ({ onmessage: null, postMessage: (message) => posted.push(message), close: () => undefined });
        const lone = new RequestSharing(now, 30_000, spy());
        lone.ask("a", () => Promise.resolve("answer"));
        await jest.advanceTimersByTimeAsync(0);
        expect(posted).toEqual([{ type: "hello" }, { type: "asking", key: "a" }]);

        // A tab that opens later says hello; both then know, and answers go to it.
        const hub = tabsHub();
        const first = new RequestSharing(now, 30_000, hub());
        const heard: SharedOutcome[] = [];
        first.ask("a", () => Promise.resolve("before"));
        await jest.advanceTimersByTimeAsync(0);
        const second = new RequestSharing(now, 30_000, hub());
        second.listen("a", (outcome) => heard.push(outcome));
        await jest.advanceTimersByTimeAsync(0);
        first.ask("a", () => Promise.resolve("after"));
        await jest.advanceTimersByTimeAsync(0);
        expect(heard).toEqual([{ kind: "answer", value: "after" }]);
        // And the late tab's own answers go back to the first.
        const back: SharedOutcome[] = [];
        first.listen("b", (outcome) => back.push(outcome));
        second.ask("b", () => Promise.resolve("from second"));
        await jest.advanceTimersByTimeAsync(0);
        expect(back).toEqual([{ kind: "answer", value: "from second" }]);
    });

    it("without a channel, tabs work alone", async () => {
        const first = new RequestSharing(now, 30_000);
        const second = new RequestSharing(now, 30_000);
        const call = jest.fn(() => Promise.resolve("answer"));
        first.ask("a", call);
        second.ask("a", call);
        await jest.advanceTimersByTimeAsync(0);
        expect(call).toHaveBeenCalledTimes(2);
    });
});

describe("feeds sharing a request", () => {
    const settings = {
        agent: null,
        agentFallback: "currentUser",
        currentUserId: HARNESS_AGENT_ID,
        statuses: "2,3,5",
        columns: "msdyn_title",
        orderBy: null,
        createdWithinDays: null,
        createdAtLeastDaysAgo: null,
        refreshMinutes: 5,
    };

    /** The feed's last state is kept on its tab, as the control's store keeps it. */
    function tab(simulator: OmnichannelSimulator, sharing: RequestSharing, random = 0.5) {
        const shown: { kind?: string } = {};
        const feed = new ConversationFeed({
            user: { timeZoneOffsetMinutes: () => 0 },
            resolveHost: () => simulator,
            onChange: (state) => (shown.kind = state.kind),
            newCorrelationId: () => "c",
            // A fixed draw per tab instead of Math.random: the tabs still wait apart, and the counts are exact.
            clock: { now, timers: browserTimers, random: () => random },
            sharing,
            timeoutMs: 30_000,
        });
        feed.apply(buildConversationRequest(settings));
        return Object.assign(feed, { shown });
    }

    it("three tabs of one browser cost one request per interval; alone they cost three", async () => {
        const shared = new OmnichannelSimulator({ now: () => new Date(), latencyMs: 300 });
        const hub = tabsHub();
        const sharedTabs = [0.2, 0.5, 0.8].map((random) => tab(shared, new RequestSharing(now, 30_000, hub()), random));
        const alone = new OmnichannelSimulator({ now: () => new Date(), latencyMs: 300 });
        const aloneTabs = [0.2, 0.5, 0.8].map((random) => tab(alone, new RequestSharing(now, 30_000), random));
        await jest.advanceTimersByTimeAsync(MINUTE);
        const afterLoad = shared.calls.getConversations.length;
        expect(afterLoad).toBe(3); // the three loads start together, before any has said it is asking
        await jest.advanceTimersByTimeAsync(60 * MINUTE);
        const perHour = shared.calls.getConversations.length - afterLoad;
        expect(perHour).toBe(12); // one a five-minute interval for the three tabs
        expect(alone.calls.getConversations.length).toBe(3 + 3 * 12);
        [...sharedTabs, ...aloneTabs].forEach((feed) => feed.destroy());
    });

    it("instances in one window with the same request share one call in flight", async () => {
        const simulator = new OmnichannelSimulator({ now: () => new Date(), latencyMs: 300 });
        const sharing = new RequestSharing(now, 30_000);
        const feeds = [0, 1, 2].map(() => tab(simulator, sharing));
        await jest.advanceTimersByTimeAsync(300);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(feeds.map((feed) => feed.shown.kind)).toEqual(["loaded", "loaded", "loaded"]);
        feeds.forEach((feed) => feed.destroy());
    });
});
