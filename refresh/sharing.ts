import { hostErrorOf, type HostError } from "../host/errors";

/**
 * What became of one request: the host's answer as it came, or a rejection. Of a rejection's reason
 * only the host's code and message are passed on: the rest may carry record content.
 */
export type SharedOutcome = { kind: "answer"; value: unknown } | { kind: "rejected"; error?: HostError };

/** The part of BroadcastChannel used here, so tests and the fleet benchmark can pass their own. */
export interface Channel {
    postMessage(message: unknown): void;
    onmessage: ((event: { data: unknown }) => void) | null;
    close(): void;
}

type Message = { type: "asking"; key: string } | { type: "outcome"; key: string; outcome: SharedOutcome } | { type: "hello" | "here" };

/** Gets an outcome, and whether another tab made the call (`fromOtherTab`) rather than this window. */
export type Listener = (outcome: SharedOutcome, fromOtherTab: boolean) => void;

export const CHANNEL_NAME = "omnichannel-conversation-list";

/**
 * One request per need: instances in a window that ask the same request share one call in flight,
 * and every outcome goes to all of them and, over the channel, to the other tabs of the browser,
 * which take it as their own answer and so skip their next timed refresh. A tab that hears another
 * is asking waits for that answer instead of asking too. Keys carry the agent and the whole request.
 * An answer is posted only once another tab has been heard from (each tab says hello when it opens and
 * the others reply): copying thousands of records into a channel nobody listens to costs a tab alone
 * as much as reading them.
 */
export class RequestSharing {
    readonly #listeners = new Map<string, Set<Listener>>();
    /** Requests in flight here or in another tab, with when they started (clock ms). */
    readonly #asking = new Map<string, number>();
    #othersHeard = false;

    readonly #now: () => number;
    readonly #maxWaitMs: number;
    readonly #channel: Channel | undefined;

    /**
     * @param maxWaitMs how long a request in flight is waited for before another may be made
     *   (a tab closed mid-request never answers).
     */
    constructor(now: () => number, maxWaitMs: number, channel?: Channel) {
        this.#now = now;
        this.#maxWaitMs = maxWaitMs;
        this.#channel = channel;
        if (channel) {
            channel.onmessage = (event) => this.#receive(event.data);
            this.#post({ type: "hello" });
        }
    }

    /** Listens to every outcome for `key`; returns the function that stops listening. */
    public listen(key: string, listener: Listener): () => void {
        let set = this.#listeners.get(key);
        if (!set) this.#listeners.set(key, (set = new Set()));
        set.add(listener);
        return () => {
            set.delete(listener);
            if (set.size === 0) this.#listeners.delete(key);
        };
    }

    /** Makes the call unless the same request is already in flight here or in another tab; listeners get the outcome. */
    public ask(key: string, call: () => Promise<unknown>): void {
        const since = this.#asking.get(key);
        if (since !== undefined && this.#now() - since < this.#maxWaitMs) return;
        this.#asking.set(key, this.#now());
        this.#post({ type: "asking", key });
        call()
            .then((value) => this.#deliver(key, { kind: "answer", value }))
            .catch((reason: unknown) => this.#deliver(key, { kind: "rejected", error: hostErrorOf(reason) }));
    }

    /** Stops hearing and answering the other tabs: they no longer copy answers to this window. */
    public close(): void {
        if (this.#channel) this.#channel.onmessage = null;
        this.#channel?.close();
        this.#othersHeard = false;
    }

    #deliver(key: string, outcome: SharedOutcome): void {
        this.#asking.delete(key);
        // This tab's own list first: the copy for the other tabs is made after it has been rendered.
        this.#tell(key, outcome, false);
        if (this.#othersHeard) this.#post({ type: "outcome", key, outcome });
    }

    #tell(key: string, outcome: SharedOutcome, fromOtherTab: boolean): void {
        this.#listeners.get(key)?.forEach((listener) => listener(outcome, fromOtherTab));
    }

    #post(message: Message): void {
        try {
            this.#channel?.postMessage(message);
        } catch {
            // An answer that cannot be cloned stays in this tab; the others ask for themselves.
        }
    }

    #receive(data: unknown): void {
        if (!data || typeof data !== "object") return;
        const message = data as { type?: unknown; key?: unknown; outcome?: SharedOutcome };
        this.#othersHeard = true;
        if (message.type === "hello") this.#post({ type: "here" });
        if (typeof message.key !== "string") return;
        if (message.type === "asking") {
            this.#asking.set(message.key, this.#now());
        } else if (message.type === "outcome" && message.outcome && (message.outcome.kind === "answer" || message.outcome.kind === "rejected")) {
            this.#asking.delete(message.key);
            this.#tell(message.key, message.outcome, true);
        }
    }
}

/** The window's sharing: over a BroadcastChannel when the browser has one, otherwise this window alone. */
export function createBrowserSharing(maxWaitMs: number): RequestSharing {
    const channel = typeof BroadcastChannel === "undefined" ? undefined : (new BroadcastChannel(CHANNEL_NAME) as unknown as Channel);
    return new RequestSharing(() => Date.now(), maxWaitMs, channel);
}
