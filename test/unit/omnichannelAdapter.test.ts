import { findOmnichannelHost } from "../../conversations/omnichannelAdapter";
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
