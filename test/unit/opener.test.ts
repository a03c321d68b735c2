import { browserTimers } from "../../refresh/timers";
import { ConversationOpener, REPEAT_OPEN_GUARD_MS, type OpenerState } from "../../conversations/opener";
import { toConversations } from "../../conversations/model";
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
    /** What the opener last told its owner. */
    const current = (): OpenerState => states[states.length - 1] ?? {};
    return { simulator, conversationOpener, states, opened, conversation, record, current };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("ConversationOpener", () => {
    it("opens with the row's three ids and reports the opened id", async () => {
        const { simulator, conversationOpener, opened, record, conversation, current } = setup();
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.openConversation).toEqual([
            { conversationId: record.msdyn_ocliveworkitemid, lastsessionId: record.msdyn_lastsessionid, liveworkstreamId: record.msdyn_liveworkstreamid },
        ]);
        expect(opened).toEqual([record.msdyn_ocliveworkitemid]);
        expect(current()).toEqual({});
    });

    it("sends ids the host gave in upper case and braces as the lower-case, bare GUIDs the script accepts", async () => {
        const { simulator, conversationOpener, opened } = setup();
        const [shouting] = toConversations(
            [
                {
                    msdyn_ocliveworkitemid: "{B56BDEE7-875B-4E81-8449-7EFE3A1C23FC}",
                    msdyn_lastsessionid: "{98B8D557-99A2-436C-A6EF-655C124AAC91}",
                    msdyn_liveworkstreamid: "7B2E9C41-5A3D-4F8E-8C2B-6A0000000009",
                },
            ],
            [],
        );
        conversationOpener.open(shouting);
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.openConversation).toEqual([
            { conversationId: "b56bdee7-875b-4e81-8449-7efe3a1c23fc", lastsessionId: "98b8d557-99a2-436c-a6ef-655c124aac91", liveworkstreamId: "7b2e9c41-5a3d-4f8e-8c2b-6a0000000009" },
        ]);
        expect(opened).toEqual(["b56bdee7-875b-4e81-8449-7efe3a1c23fc"]);
    });

    it("makes no second call while the first open is pending", async () => {
        const { simulator, conversationOpener, conversation, current } = setup(500);
        simulator.setScenario("slow");
        conversationOpener.open(conversation);
        conversationOpener.open(conversation);
        expect(current().opening).toBe(conversation.key);
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
        const { simulator, conversationOpener, conversation, opened, current } = setup();
        simulator.setScenario("openReject");
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(current()).toEqual({ failed: { conversation, failure: "rejected" } });
        expect(opened).toEqual([]);
        conversationOpener.dismiss();
        expect(current()).toEqual({});
        simulator.setScenario("happy");
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.openConversation).toHaveLength(2);
        expect(opened).toEqual([conversation.conversationId]);
    });

    it("gives up on an open that never answers and accepts the next click", async () => {
        const { simulator, conversation, opened, conversationOpener, current } = setup();
        jest.spyOn(simulator, "openConversation").mockReturnValue(new Promise(() => undefined));
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(30_000);
        expect(current()).toEqual({ failed: { conversation, failure: "timedOut" } });
        expect(opened).toEqual([]);
        conversationOpener.open(conversation);
        expect(current()).toEqual({ opening: conversation.key });
    });

    it("records an open that succeeds after the time-out and clears the time-out's failure", async () => {
        const { simulator, conversation, opened, conversationOpener, states, current } = setup();
        simulator.setScenario("openLate");
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(30_000);
        expect(current()).toEqual({ failed: { conversation, failure: "timedOut" } });
        await jest.advanceTimersByTimeAsync(1_000);
        expect(opened).toEqual([conversation.conversationId]);
        expect(current()).toEqual({});
        expect(states).toEqual([{ opening: conversation.key }, { failed: { conversation, failure: "timedOut" } }, {}]);
    });

    it("records a late success without disturbing the open that came after it", async () => {
        const { simulator, conversation, opened, conversationOpener, record, current } = setup();
        const [other] = toConversations([simulator.query({ agentId: HARNESS_AGENT_ID, attributes: ["msdyn_title"] })[1]], []);
        simulator.setScenario("openLate");
        conversationOpener.open(conversation);
        await jest.advanceTimersByTimeAsync(30_000);
        conversationOpener.open(other);
        await jest.advanceTimersByTimeAsync(1_000);
        expect(opened).toEqual([record.msdyn_ocliveworkitemid]);
        expect(current()).toEqual({ opening: other.key });
    });

    it("does not call the host for a record without an id", () => {
        const { simulator, conversationOpener, current } = setup();
        const [withoutId] = toConversations([{ msdyn_title: "Orphan" }], []);
        conversationOpener.open(withoutId);
        expect(current()).toEqual({ failed: { conversation: withoutId, failure: "noConversationId" } });
        expect(simulator.calls.openConversation).toHaveLength(0);
    });
});
