import { ConversationOpener, type OpenerState } from "../../conversations/conversationOpener";
import { toConversations } from "../../conversations/conversationRecords";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";

function setup(latencyMs = 0) {
    const simulator = new OmnichannelSimulator({ latencyMs });
    const states: OpenerState[] = [];
    const opened: string[] = [];
    const opener = new ConversationOpener({ resolveHost: () => simulator, onChange: (s) => states.push(s), onOpened: (id) => opened.push(id) });
    // A record as the host answers it, not as the simulator stores it.
    const record = simulator.query({ agentId: HARNESS_AGENT_ID, attributes: ["msdyn_title"] })[0];
    const [conversation] = toConversations([record], []);
    return { simulator, opener, states, opened, conversation, record };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("ConversationOpener", () => {
    it("opens with the row's three ids and reports the opened id", async () => {
        const { simulator, opener, opened, record, conversation } = setup();
        opener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(simulator.calls.openConversation).toEqual([
            { conversationId: record.msdyn_ocliveworkitemid, lastsessionId: record.msdyn_lastsessionid, liveworkstreamId: record.msdyn_liveworkstreamid },
        ]);
        expect(opened).toEqual([record.msdyn_ocliveworkitemid]);
        expect(opener.state).toEqual({});
    });

    it("makes no second call while the first open is pending", async () => {
        const { simulator, opener, conversation } = setup(500);
        opener.open(conversation);
        opener.open(conversation);
        expect(opener.state.opening).toBe(conversation.key);
        await jest.advanceTimersByTimeAsync(500);
        expect(simulator.calls.openConversation).toHaveLength(1);
        opener.open(conversation);
        expect(simulator.calls.openConversation).toHaveLength(2);
    });

    it("reports a rejection, and can be dismissed and tried again", async () => {
        const { simulator, opener, conversation, opened } = setup();
        simulator.setScenario("openReject");
        opener.open(conversation);
        await jest.advanceTimersByTimeAsync(0);
        expect(opener.state).toEqual({ failed: { conversation, failure: "rejected" } });
        expect(opened).toEqual([]);
        opener.dismiss();
        expect(opener.state).toEqual({});
    });

    it("does not call the host for a record without an id", () => {
        const { simulator, opener } = setup();
        const [withoutId] = toConversations([{ msdyn_title: "Orphan" }], []);
        opener.open(withoutId);
        expect(opener.state).toEqual({ failed: { conversation: withoutId, failure: "noConversationId" } });
        expect(simulator.calls.openConversation).toHaveLength(0);
    });
});
