import { BroadcastChannel as NodeBroadcastChannel } from "worker_threads";
import { screen } from "@testing-library/react";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";
import { SimulatedApm } from "../../simulator/apm";
import { CHANNEL_NAME, RequestSharing, type Channel } from "../../refresh/sharing";
import { ControlDriver } from "../support/controlDriver";

/**
 * What the window shares, through index.ts, over a real BroadcastChannel (Node's, as jsdom has none):
 * another tab is a RequestSharing on its own channel, as that tab's control would hold.
 */
const NOW = new Date("2026-11-21T12:00:00Z");
const realSetTimeout = setTimeout;
/** Lets the channel deliver: its messages come from the event loop, not from (fake) timers. */
const wait = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));
/** Waits until `check` holds, for at most 2 s. */
async function until(check: () => boolean): Promise<void> {
    for (let waited = 0; !check() && waited < 2_000; waited += 10) await wait(10);
}
/** Time enough for a message to arrive, when none should. */
const deliver = () => wait(100);

let drivers: ControlDriver[] = [];
const opened: Channel[] = [];

function openChannel(): Channel {
    const channel = new NodeBroadcastChannel(CHANNEL_NAME) as unknown as Channel;
    opened.push(channel);
    return channel;
}

/** Another tab: it says hello when it opens, and copies its answers over the channel once it has heard someone. */
function otherTab() {
    const channel = openChannel();
    let heard = 0;
    (channel as unknown as NodeBroadcastChannel).addEventListener("message", () => heard++);
    const post = jest.spyOn(channel, "postMessage");
    const sharing = new RequestSharing(() => Date.now(), 30_000, channel);
    return { sharing, heard: () => heard, copies: () => post.mock.calls.filter(([message]) => (message as { type?: string }).type === "outcome").length };
}
const answer = () => Promise.resolve({ status: true, result: { value: [] } });

function start(): ControlDriver {
    const driver = new ControlDriver({ userId: `{${HARNESS_AGENT_ID}}` });
    drivers.push(driver);
    driver.updateViewInAct();
    return driver;
}

beforeEach(() => {
    (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = NodeBroadcastChannel;
});

afterEach(() => {
    drivers.forEach((driver) => driver.destroy());
    drivers = [];
    opened.splice(0).forEach((channel) => channel.close());
    delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
    delete (window as unknown as { Microsoft?: unknown }).Microsoft;
    jest.useRealTimers();
});

describe("what the window shares", () => {
    it("closes the tabs' channel with the last list: another tab copies no answer to an empty window, and does again once a list reopens it", async () => {
        jest.useFakeTimers({ now: NOW });
        const simulator = new OmnichannelSimulator({ now: () => NOW });
        (window as unknown as { Microsoft?: unknown }).Microsoft = { Omnichannel: simulator.asGlobal() };
        const [first, second] = [start(), start()];
        await first.advance(0);
        // While the window has lists, another tab hears them and copies its answer to them.
        for (const destroy of [() => undefined, () => first.destroy()]) {
            destroy();
            const tab = otherTab();
            await until(() => tab.heard() > 0);
            tab.sharing.ask("k", answer);
            await until(() => tab.copies() > 0);
            expect(tab.copies()).toBe(1);
            tab.sharing.close();
        }
        // The last list gone, the window answers nobody's hello, and nothing is copied to it.
        second.destroy();
        const tab = otherTab();
        await deliver();
        expect(tab.heard()).toBe(0);
        tab.sharing.ask("k", answer);
        await deliver();
        expect(tab.copies()).toBe(0);
        // A new list reopens the channel: it says hello, and the tab copies to it again.
        await start().advance(0);
        await until(() => tab.heard() > 0);
        tab.sharing.ask("k2", answer);
        await until(() => tab.copies() > 0);
        expect(tab.copies()).toBe(1);
    });

    it("finds Microsoft.Apm when the workspace brings it after the control started: a closed session then refreshes the list", async () => {
        jest.useFakeTimers({ now: NOW });
        const simulator = new OmnichannelSimulator({ now: () => NOW });
        const apm = new SimulatedApm();
        const driver = start();
        await driver.advance(700);
        (window as unknown as { Microsoft?: unknown }).Microsoft = { Omnichannel: simulator.asGlobal(), Apm: apm.asGlobal() };
        await driver.advance(300); // the host look at 1 s finds both
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(screen.getByTestId("conversation-count")).toBeInTheDocument();
        await driver.advance(5_000);
        apm.publish("ON_SESSION_CLOSED");
        await deliver();
        await driver.advance(3_000); // a close asks within a second, at most once per 2 s
        expect(simulator.calls.getConversations).toHaveLength(2);
    });
});
