import { findOmnichannelHost, watchSessionEvents } from "../../host/adapter";
import { OmnichannelSimulator } from "../../simulator";

type FakeWindow = { Microsoft?: unknown; parent?: unknown; top?: unknown };

const frame = (api?: unknown): FakeWindow => (api ? { Microsoft: { Omnichannel: api } } : {});

describe("findOmnichannelHost", () => {
    const simulator = new OmnichannelSimulator();

    it("finds the API on this window first", () => {
        const own = frame(simulator.asGlobal());
        expect(findOmnichannelHost(own as unknown as Window)).toBeDefined();
    });

    it("looks at parent, then top, and survives frames that throw on access", () => {
        const top = frame(simulator.asGlobal());
        const crossOriginParent = new Proxy({}, {
            get() {
                throw new DOMException("Blocked a frame with origin", "SecurityError");
            },
        });
        const own: FakeWindow = { parent: crossOriginParent, top };
        expect(findOmnichannelHost(own as unknown as Window)).toBeDefined();
    });

    it("returns undefined outside the workspace, or when the global lacks the methods", () => {
        expect(findOmnichannelHost({ parent: {}, top: {} } as unknown as Window)).toBeUndefined();
        expect(findOmnichannelHost(frame({ getConversations: "nope" }) as unknown as Window)).toBeUndefined();
    });

    it("turns a synchronous throw or a plain value from the global into a promise", async () => {
        const host = findOmnichannelHost(
            frame({
                getConversations: () => {
                    throw new Error("boom");
                },
                openConversation: () => "opened",
            }) as unknown as Window,
        );
        await expect(host?.getConversations({ agentId: "a" })).rejects.toThrow("boom");
        await expect(host?.openConversation("c")).resolves.toBe("opened");
    });
});

/** A stand-in for BroadcastChannel (jsdom has none) that lets a test post to a topic. */
class FakeChannel {
    public static open = new Map<string, FakeChannel>();
    public onmessage: (() => void) | null = null;
    constructor(public readonly name: string) {
        FakeChannel.open.set(name, this);
    }
    public close(): void {
        FakeChannel.open.delete(this.name);
    }
    public static post(name: string): void {
        FakeChannel.open.get(name)?.onmessage?.();
    }
}

describe("watchSessionEvents", () => {
    beforeEach(() => {
        (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = FakeChannel;
    });
    afterEach(() => {
        delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
        FakeChannel.open.clear();
    });

    const apmWindow = (topics: Record<string, string>) =>
        ({ Microsoft: { Apm: { getEventPublisherTopic: (name: string) => topics[name] } } }) as unknown as Window;

    it("calls back when the agent switches or closes a session, until stopped", () => {
        const onSessionChange = jest.fn();
        const stop = watchSessionEvents(apmWindow({ ON_SESSION_SWITCH: "topic-switch", ON_SESSION_CLOSED: "topic-closed" }), onSessionChange);
        FakeChannel.post("topic-switch");
        FakeChannel.post("topic-closed");
        expect(onSessionChange).toHaveBeenCalledTimes(2);
        stop();
        FakeChannel.post("topic-closed");
        expect(onSessionChange).toHaveBeenCalledTimes(2);
    });

    it("does nothing outside the workspace or for events the host does not publish", () => {
        const onSessionChange = jest.fn();
        expect(() => watchSessionEvents({} as unknown as Window, onSessionChange)()).not.toThrow();
        watchSessionEvents(apmWindow({ ON_SESSION_CLOSED: "topic-closed" }), onSessionChange);
        expect([...FakeChannel.open.keys()]).toEqual(["topic-closed"]);
    });
});
