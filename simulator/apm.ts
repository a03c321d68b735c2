/**
 * A simulated `Microsoft.Apm`: the workspace's session event topics. `getEventPublisherTopic`
 * answers a topic for each event the host publishes (the strings are made up, as the real ones
 * are undocumented); `publish` posts the event's payload on that topic's BroadcastChannel, where
 * the control listens. Development and test code only.
 */
export type SessionEventName = "ON_SESSION_SWITCH" | "ON_SESSION_CLOSED" | "ON_TAB_SWITCH";

export interface SimulatedApmOptions {
    /** Hosts before ON_TAB_SWITCH was documented throw for it. */
    tabSwitch?: boolean;
}

export class SimulatedApm {
    private readonly events: readonly SessionEventName[];
    private readonly nonce = Math.random().toString(36).slice(2, 8);
    private sessions = 1;

    constructor(options: SimulatedApmOptions = {}) {
        this.events = options.tabSwitch === false ? ["ON_SESSION_SWITCH", "ON_SESSION_CLOSED"] : ["ON_SESSION_SWITCH", "ON_SESSION_CLOSED", "ON_TAB_SWITCH"];
    }

    public getEventPublisherTopic(eventName: string): string {
        if (!(this.events as readonly string[]).includes(eventName)) throw new Error(`Unknown event "${eventName}"`);
        return `apm-simulated-${this.nonce}-${eventName}`;
    }

    /** Raises an event with the payload the docs give it. */
    public publish(eventName: SessionEventName): void {
        const previous = `session-id-${this.sessions}`;
        const payload =
            eventName === "ON_SESSION_SWITCH"
                ? { previousSessionId: previous, newSessionId: `session-id-${++this.sessions}` }
                : eventName === "ON_SESSION_CLOSED"
                  ? { sessionId: previous }
                  : { sessionId: previous, tabId: "tab-id-1" };
        const channel = new BroadcastChannel(this.getEventPublisherTopic(eventName));
        channel.postMessage(payload);
        channel.close();
    }

    /** A plain object to install as `window.Microsoft.Apm`. */
    public asGlobal(): { getEventPublisherTopic: (eventName: string) => string } {
        return { getEventPublisherTopic: (eventName) => this.getEventPublisherTopic(eventName) };
    }
}
