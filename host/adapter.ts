import type { GetConversationsInput, OmnichannelHost } from "./port";

/** The shape of `Microsoft.Omnichannel` this adapter relies on: methods are checked, not trusted. */
interface OmnichannelGlobal {
    getConversations: (input: GetConversationsInput, correlationId?: string) => unknown;
    openConversation: (conversationId: string, lastsessionId?: string, liveworkstreamId?: string) => unknown;
    getConversationId?: () => unknown;
}

function framesOf(start: Window): (Window | null | undefined)[] {
    const frames: (Window | null | undefined)[] = [start];
    for (const relative of ["parent", "top"] as const) {
        try {
            frames.push(start[relative]);
        } catch {
            // Accessing a relative can itself throw in sandboxed frames.
        }
    }
    return frames;
}

/**
 * Finds `Microsoft.<name>` the way public code does: this window, then parent, then top, keeping
 * the first that `accept` approves. A cross-origin frame throws on access, so each read is guarded.
 */
function findMicrosoftGlobal<T>(start: Window, name: string, accept: (candidate: Partial<T>) => boolean): T | undefined {
    for (const frame of framesOf(start)) {
        try {
            const candidate = (frame as unknown as { Microsoft?: Record<string, unknown> } | null | undefined)?.Microsoft?.[name];
            if (candidate && (typeof candidate === "object" || typeof candidate === "function") && accept(candidate)) return candidate as T;
        } catch {
            // Cross-origin parent or top: not ours to read.
        }
    }
    return undefined;
}

/** Calls a host method and turns a synchronous throw or a non-promise answer into a promise. */
function asPromise(call: () => unknown): Promise<unknown> {
    try {
        return Promise.resolve(call());
    } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
}

/** The host API, or undefined outside Customer Service workspace. */
export function findOmnichannelHost(start: Window): OmnichannelHost | undefined {
    const api = findMicrosoftGlobal<OmnichannelGlobal>(
        start,
        "Omnichannel",
        (candidate) => typeof candidate.getConversations === "function" && typeof candidate.openConversation === "function",
    );
    if (!api) return undefined;
    return {
        getConversations: (input, correlationId) => asPromise(() => api.getConversations(input, correlationId)),
        openConversation: (conversationId, lastsessionId, liveworkstreamId) =>
            asPromise(() => api.openConversation(conversationId, lastsessionId, liveworkstreamId)),
        getConversationId: () =>
            typeof api.getConversationId === "function" ? asPromise(() => api.getConversationId?.()) : Promise.resolve(undefined),
    };
}

interface ApmGlobal {
    getEventPublisherTopic: (eventName: string) => unknown;
}

/** What the workspace tells the list about its sessions. */
export interface SessionEventHandlers {
    /** A session was closed: its conversation moved on (wrap-up, closed), so the list is stale. */
    onSessionClosed: () => void;
    /** The agent moved to another session or tab: no conversation changed, but the list may have come into or out of view. */
    onFocusMoved: () => void;
}

/** Event names, as `getEventPublisherTopic` knows them; ON_TAB_SWITCH only on newer hosts. */
const SESSION_EVENTS = [
    ["ON_SESSION_CLOSED", "onSessionClosed"],
    ["ON_SESSION_SWITCH", "onFocusMoved"],
    ["ON_TAB_SWITCH", "onFocusMoved"],
] as const;

/**
 * The workspace's session events, through the `Microsoft.Apm` event topics (always asked for, never
 * hard-coded): one set of channels per window, whatever the number of lists in it. `Microsoft.Apm`
 * may come after the control started, as `Microsoft.Omnichannel` may: `look` looks for it again
 * until it is found. Outside the workspace nothing is watched, and an event the host does not publish
 * (throws or answers nothing) is simply not watched.
 */
export class SessionEvents {
    readonly #start: Window;
    readonly #handlers = new Set<SessionEventHandlers>();
    /** Undefined until `Microsoft.Apm` is found. */
    #channels: BroadcastChannel[] | undefined;

    constructor(start: Window) {
        this.#start = start;
    }

    /** Looks for `Microsoft.Apm` unless it was found already. */
    public look(): void {
        if (this.#channels || typeof BroadcastChannel === "undefined") return;
        const apm = findMicrosoftGlobal<ApmGlobal>(this.#start, "Apm", (candidate) => typeof candidate.getEventPublisherTopic === "function");
        if (!apm) return;
        this.#channels = [];
        for (const [eventName, handler] of SESSION_EVENTS) {
            try {
                const topic = apm.getEventPublisherTopic(eventName);
                if (typeof topic !== "string" || topic === "") continue;
                const channel = new BroadcastChannel(topic);
                channel.onmessage = () => this.#handlers.forEach((handlers) => handlers[handler]());
                this.#channels.push(channel);
            } catch {
                // Not published by this host.
            }
        }
    }

    /** Hears every event from now on; returns the function that stops hearing. */
    public subscribe(handlers: SessionEventHandlers): () => void {
        this.#handlers.add(handlers);
        return () => this.#handlers.delete(handlers);
    }

    public close(): void {
        this.#channels?.forEach((channel) => channel.close());
        this.#channels = undefined;
        this.#handlers.clear();
    }
}
