import { findOmnichannelHost, SessionEvents } from "../../host/adapter";
import { OmnichannelSimulator } from "../../simulator";

type FakeWindow = { Microsoft?: unknown; parent?: unknown; top?: unknown };

const frame = (api?: unknown): FakeWindow => (api ? { Microsoft: { Omnichannel: api } } : {});

describe("findOmnichannelHost", () => {
    const simulator = new OmnichannelSimulator();

    it("finds the API on this window first", () => {
        const own = frame(simulator.asGlobal());
        expect(findOmnichannelHost(own as unknown as Window)).toBeDefined();
    });

    it("looks at this window, then parent, then top, and survives frames that throw on access", async () => {
        const api = (name: string) => ({ getConversations: () => Promise.resolve(name), openConversation: () => Promise.resolve(name) });
        const crossOriginParent = new Proxy({}, {
            get() {
                throw new DOMException("Blocked a frame with origin", "SecurityError");
            },
        });
        const answerOf = (start: FakeWindow) => findOmnichannelHost(start as unknown as Window)?.getConversations({ agentId: "a" });
        await expect(answerOf({ ...frame(api("own")), parent: frame(api("parent")), top: frame(api("top")) })).resolves.toBe("own");
        await expect(answerOf({ parent: frame(api("parent")), top: frame(api("top")) })).resolves.toBe("parent");
        await expect(answerOf({ parent: frame({ getConversations: "not a function" }), top: frame(api("top")) })).resolves.toBe("top");
        await expect(answerOf({ parent: crossOriginParent, top: frame(api("top")) })).resolves.toBe("top");
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

/** The window's session events, looked for at once, with one list hearing them. */
function watch(start: Window, handlers: { onSessionClosed: () => void; onFocusMoved: () => void }): () => void {
    const events = new SessionEvents(start);
    events.look();
    events.subscribe(handlers);
    return () => events.close();
}

describe("SessionEvents", () => {
    beforeEach(() => {
        (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = FakeChannel;
    });
    afterEach(() => {
        delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
        FakeChannel.open.clear();
    });

    const apmWindow = (topics: Record<string, string>) =>
        ({ Microsoft: { Apm: { getEventPublisherTopic: (name: string) => topics[name] } } }) as unknown as Window;

    it("tells a closed session from a move to another session or tab, until stopped", () => {
        const handlers = { onSessionClosed: jest.fn(), onFocusMoved: jest.fn() };
        const stop = watch(apmWindow({ ON_SESSION_SWITCH: "topic-switch", ON_SESSION_CLOSED: "topic-closed", ON_TAB_SWITCH: "topic-tab" }), handlers);
        FakeChannel.post("topic-switch");
        FakeChannel.post("topic-tab");
        expect(handlers.onFocusMoved).toHaveBeenCalledTimes(2);
        expect(handlers.onSessionClosed).not.toHaveBeenCalled();
        FakeChannel.post("topic-closed");
        expect(handlers.onSessionClosed).toHaveBeenCalledTimes(1);
        stop();
        FakeChannel.post("topic-closed");
        FakeChannel.post("topic-tab");
        expect(handlers.onSessionClosed).toHaveBeenCalledTimes(1);
        expect(handlers.onFocusMoved).toHaveBeenCalledTimes(2);
    });

    it("does nothing outside the workspace; an older host without ON_TAB_SWITCH, or one that throws for it, keeps the others", () => {
        const handlers = { onSessionClosed: jest.fn(), onFocusMoved: jest.fn() };
        expect(() => watch({} as unknown as Window, handlers)()).not.toThrow();
        watch(apmWindow({ ON_SESSION_CLOSED: "topic-closed", ON_SESSION_SWITCH: "topic-switch" }), handlers);
        expect([...FakeChannel.open.keys()].sort()).toEqual(["topic-closed", "topic-switch"]);
        FakeChannel.open.clear();
        const throwing = {
            Microsoft: {
                Apm: {
                    getEventPublisherTopic: (name: string) => {
                        if (name === "ON_TAB_SWITCH") throw new Error("Unknown event");
                        return `t-${name}`;
                    },
                },
            },
        } as unknown as Window;
        watch(throwing, handlers);
        expect([...FakeChannel.open.keys()].sort()).toEqual(["t-ON_SESSION_CLOSED", "t-ON_SESSION_SWITCH"]);
    });

    it("finds Microsoft.Apm when it comes after the first look, and holds one set of channels for every list of the window", () => {
        const late = {} as { Microsoft?: unknown };
        const events = new SessionEvents(late as unknown as Window);
        const lists = [{ onSessionClosed: jest.fn(), onFocusMoved: jest.fn() }, { onSessionClosed: jest.fn(), onFocusMoved: jest.fn() }];
        lists.forEach((handlers) => events.subscribe(handlers));
        events.look();
        expect(FakeChannel.open.size).toBe(0);
        late.Microsoft = (apmWindow({ ON_SESSION_CLOSED: "topic-closed", ON_SESSION_SWITCH: "topic-switch" }) as unknown as typeof late).Microsoft;
        events.look();
        events.look();
        expect([...FakeChannel.open.keys()].sort()).toEqual(["topic-closed", "topic-switch"]);
        FakeChannel.post("topic-closed");
        expect(lists.map((handlers) => handlers.onSessionClosed.mock.calls.length)).toEqual([1, 1]);
        events.close();
        expect(FakeChannel.open.size).toBe(0);
    });
});
