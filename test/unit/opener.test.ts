import { browserTimers } from "../../conversations/feed";
import { ConversationOpener, REPEAT_OPEN_GUARD_MS, type OpenerState } from "../../conversations/opener";
import type { OmnichannelHost } from "../../host/port";
import { toConversations } from "../../host/records";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";

function setup(slowLatencyMs = 500) {
    const simulator = new OmnichannelSimulator({ slowLatencyMs });
    const states: OpenerState[] = [];
    const opened: string[] = [];
    const conversationOpener = new ConversationOpener({
        resolveHost: () => simulator,
        onChange: (s) => states.push(s),
        onOpened: (id) => opened.push(id),
        timers: browserTimers,
        timeoutMs: 30_000,
    });
    // A record as the host answers it, not as the simulator stores it.
    const record = simulator.query({ agentId: HARNESS_AGENT_ID, attributes: ["msdyn_title"] })[0];
    const [conversation] = toConversations([record], []);
    return { simulator, conversationOpener, states, opened, conversation, record };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("ConversationOpener", () => {
    it("opens with the row's three ids and reports the opened id", async () => {
        const { simulator, conversationOpener, opened, record, conversation } = setup();
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.openConversation).toEqual([
            { conversationId: record.msdyn_ocliveworkitemid, lastsessionId: record.msdyn_lastsessionid, liveworkstreamId: record.msdyn_liveworkstreamid },
        ]);
        expect(opened).toEqual([record.msdyn_ocliveworkitemid]);
        expect(conversationOpener.state).toEqual({});
    });

    it("makes no second call while the first open is pending", async () => {
        const { simulator, conversationOpener, conversation } = setup(500);
        simulator.setScenario("slow");
        conversationOpener.open(conversation);
        conversationOpener.open(conversation);
        expect(conversationOpener.state.opening).toBe(conversation.key);
        await jest.advanceTimersByTimeAsync(500);
        expect(simulator.calls.openConversation).toHaveLength(1);
    });

    it("takes a second click on the row just opened as a double click, not a second open", async () => {
        const { simulator, conversationOpener, conversation } = setup();
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        conversationOpener.open(conversation);
        expect(simulator.calls.openConversation).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(REPEAT_OPEN_GUARD_MS);
        conversationOpener.open(conversation);
        expect(simulator.calls.openConversation).toHaveLength(2);
    });

    it("reports a rejection, and can be dismissed and tried again", async () => {
        const { simulator, conversationOpener, conversation, opened } = setup();
        simulator.setScenario("openReject");
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(conversationOpener.state).toEqual({ failed: { conversation, failure: "rejected" } });
        expect(opened).toEqual([]);
        conversationOpener.dismiss();
        expect(conversationOpener.state).toEqual({});
        simulator.setScenario("happy");
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.openConversation).toHaveLength(2);
        expect(opened).toEqual([conversation.conversationId]);
    });

    it("gives up on an open that never answers, ignores its late answer, and accepts the next click", async () => {
        const { simulator, conversation, opened } = setup();
        let answerLate: (value: unknown) => void = () => undefined;
        const hanging: OmnichannelHost = { ...simulator.asGlobal(), openConversation: () => new Promise((resolve) => (answerLate = resolve)) };
        const timedOpener = new ConversationOpener({
            resolveHost: () => hanging,
            onChange: () => undefined,
            onOpened: (id) => opened.push(id),
            timers: browserTimers,
            timeoutMs: 30_000,
        });
        timedOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(30_000);
        expect(timedOpener.state).toEqual({ failed: { conversation, failure: "timedOut" } });
        answerLate("opened after all");
        await jest.advanceTimersByTimeAsync(0);
        expect(timedOpener.state).toEqual({ failed: { conversation, failure: "timedOut" } });
        expect(opened).toEqual([]);
        timedOpener.open(conversation);
        expect(timedOpener.state).toEqual({ opening: conversation.key });
    });

    it("does not call the host for a record without an id", () => {
        const { simulator, conversationOpener } = setup();
        const [withoutId] = toConversations([{ msdyn_title: "Orphan" }], []);
        conversationOpener.open(withoutId);
        expect(conversationOpener.state).toEqual({ failed: { conversation: withoutId, failure: "noConversationId" } });
        expect(simulator.calls.openConversation).toHaveLength(0);
    });
});
