import { FocusedSession } from "../../conversations/focusedSession";
import type { OmnichannelHost } from "../../host/port";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";

function hostAnswering(answer: () => Promise<unknown>): OmnichannelHost {
    return { ...new OmnichannelSimulator().asGlobal(), getConversationId: answer };
}

function follow(host: OmnichannelHost | undefined) {
    const changes: (string | undefined)[] = [];
    const focused = new FocusedSession({ resolveHost: () => host, onChange: (id) => changes.push(id) });
    return { focused, changes };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("FocusedSession", () => {
    it("reads the focused session's conversation id as a lower-case GUID without braces", async () => {
        const { focused, changes } = follow(hostAnswering(() => Promise.resolve("{B56BDEE7-875B-4E81-8449-7EFE3A1C23FC}")));
        focused.check();
        await flush();
        expect(changes).toEqual(["b56bdee7-875b-4e81-8449-7efe3a1c23fc"]);
    });

    it.each([
        ["rejects (the Home session, as the script does)", () => Promise.reject(new Error("No session context"))],
        ["answers empty", () => Promise.resolve("")],
        ["answers something that is not a GUID", () => Promise.resolve({ id: 1 })],
    ])("marks nothing when the host %s", async (_, answer) => {
        let focusedAnswer: () => Promise<unknown> = () => Promise.resolve("b56bdee7-875b-4e81-8449-7efe3a1c23fc");
        const { focused, changes } = follow(hostAnswering(() => focusedAnswer()));
        focused.check();
        await flush();
        focusedAnswer = answer;
        focused.check();
        await flush();
        expect(changes).toEqual(["b56bdee7-875b-4e81-8449-7efe3a1c23fc", undefined]);
    });

    it("marks nothing without a host and makes no call", async () => {
        const { focused, changes } = follow(undefined);
        focused.check();
        await flush();
        expect(changes).toEqual([]);
    });

    it("keeps the answer to the latest question when an older one arrives after it", async () => {
        const answers: ((id: string) => void)[] = [];
        const { focused, changes } = follow(hostAnswering(() => new Promise((resolve) => answers.push(resolve))));
        focused.check();
        focused.check();
        answers[1]("7b2e9c41-5a3d-4f8e-8c2b-6a0000000009");
        await flush();
        answers[0]("b56bdee7-875b-4e81-8449-7efe3a1c23fc");
        await flush();
        expect(changes).toEqual(["7b2e9c41-5a3d-4f8e-8c2b-6a0000000009"]);
    });

    it("follows the simulator's focused session: the conversation last opened", async () => {
        const simulator = new OmnichannelSimulator();
        const { focused, changes } = follow(simulator);
        focused.check();
        await flush();
        const [record] = simulator.query({ agentId: HARNESS_AGENT_ID });
        await simulator.openConversation(record.msdyn_ocliveworkitemid as string);
        focused.check();
        await flush();
        expect(changes).toEqual([record.msdyn_ocliveworkitemid]);
        expect(simulator.calls.getConversations).toHaveLength(0);
    });
});
