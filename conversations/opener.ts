import type { Conversation } from "./model";
import type { Timers } from "../refresh/timers";
import type { OmnichannelHost } from "../host/port";
import { PendingCall } from "./pendingCall";

export type OpenFailure = "rejected" | "noConversationId" | "unavailable" | "timedOut";

/** `opening` is the key of the row being opened; `failed` says which row could not be and why. */
export interface OpenerState {
    opening?: string;
    failed?: { conversation: Conversation; failure: OpenFailure };
}

export interface OpenerDependencies {
    resolveHost: () => OmnichannelHost | undefined;
    onChange: (state: OpenerState) => void;
    /** Called once the host has opened the conversation. */
    onOpened: (conversationId: string) => void;
    timers: Timers;
    /** How long an open may go unanswered before the grid accepts the next click. */
    timeoutMs: number;
}

/**
 * The host resolves as soon as it has asked the workspace to open the session, before the session
 * shows: a second click on the same row within this time (a double click) is not a second open.
 */
export const REPEAT_OPEN_GUARD_MS = 1500;

/** Opens conversations as workspace sessions, one at a time: a click while one is pending is ignored. */
export class ConversationOpener {
    #current: OpenerState = {};
    /** The conversation just opened, while a repeat of it would be a double click. */
    #justOpened: string | undefined;
    #guardHandle: unknown;
    #destroyed = false;
    readonly #call: PendingCall;
    readonly #deps: OpenerDependencies;

    constructor(deps: OpenerDependencies) {
        this.#deps = deps;
        this.#call = new PendingCall(deps.timers, deps.timeoutMs);
    }

    public open(conversation: Conversation): void {
        if (this.#destroyed || this.#call.pending) return;
        const { conversationId } = conversation;
        if (conversationId !== undefined && conversationId === this.#justOpened) return;
        if (conversationId === undefined) {
            this.#setState({ failed: { conversation, failure: "noConversationId" } });
            return;
        }
        const host = this.#deps.resolveHost();
        if (!host) {
            this.#setState({ failed: { conversation, failure: "unavailable" } });
            return;
        }
        this.#setState({ opening: conversation.key });
        const call = this.#call.start((late) => this.#end(late, { failed: { conversation, failure: "timedOut" } }));
        host.openConversation(conversationId, conversation.lastSessionId, conversation.workstreamId)
            .then(() => (this.#end(call, {}) ? this.#opened(conversationId) : this.#openedLate(conversation)))
            .catch(() => this.#end(call, { failed: { conversation, failure: "rejected" } }));
    }

    /**
     * The host answered after the time-out: the session did open, so it is recorded, and the
     * time-out's failure bar for this row goes. A newer open in progress is left alone.
     */
    #openedLate(conversation: Conversation): void {
        if (this.#destroyed || conversation.conversationId === undefined) return;
        const { failed } = this.#current;
        if (failed?.conversation === conversation && failed.failure === "timedOut") this.#setState({});
        this.#opened(conversation.conversationId);
    }

    /** Ends open `call` with `outcome`, unless it already ended; says whether it did. */
    #end(call: number, outcome: OpenerState): boolean {
        if (this.#destroyed || !this.#call.end(call)) return false;
        this.#setState(outcome);
        return true;
    }

    #opened(conversationId: string): void {
        this.#justOpened = conversationId;
        this.#deps.timers.clearTimeout(this.#guardHandle);
        this.#guardHandle = this.#deps.timers.setTimeout(() => (this.#justOpened = undefined), REPEAT_OPEN_GUARD_MS);
        this.#deps.onOpened(conversationId);
    }

    /** Closes the failure message. */
    public dismiss(): void {
        if (!this.#destroyed && this.#current.failed) this.#setState({});
    }

    public destroy(): void {
        this.#destroyed = true;
        this.#call.abandon();
        this.#deps.timers.clearTimeout(this.#guardHandle);
    }

    #setState(state: OpenerState): void {
        this.#current = state;
        this.#deps.onChange(state);
    }
}
