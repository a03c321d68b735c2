import type { AnswerFailure, Conversation } from "../host/records";
import { hostErrorOf, readConversationsAnswer, toConversations } from "../host/records";
import type { ConversationRequest, RequestPlan, SettingsProblem } from "./request";
import type { OmnichannelHost } from "../host/port";

export type FeedFailure = AnswerFailure | "rejected" | "timedOut";

/** What the grid shows. Each change is a new object, so the view can compare by reference. */
export type FeedState =
    | { kind: "idle" }
    | { kind: "invalid"; problems: readonly SettingsProblem[] }
    | { kind: "unavailable" }
    /** `previous` holds the rows shown before, while a refresh is under way or after it failed. */
    | { kind: "loading"; previous?: ConversationList }
    | { kind: "loaded"; list: ConversationList }
    | { kind: "failed"; failure: FeedFailure; previous?: ConversationList };

/** One answer's conversations with the columns they were asked for. */
export interface ConversationList {
    conversations: readonly Conversation[];
    columns: readonly string[];
    receivedAt: Date;
    /** The host stopped at the Web API's 5,000-row limit: only the first rows are shown. */
    moreRecords: boolean;
}

/** The rows to show in a state, current or previous. */
export function listOf(state: FeedState): ConversationList | undefined {
    if (state.kind === "loaded") return state.list;
    if (state.kind === "loading" || state.kind === "failed") return state.previous;
    return undefined;
}

export interface Timers {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export interface FeedDependencies {
    /** Looked up per request, so a host that appears late is still found. */
    resolveHost: () => OmnichannelHost | undefined;
    onChange: (state: FeedState) => void;
    newCorrelationId: () => string;
    now: () => Date;
    timers: Timers;
    /** How long a request may go unanswered before it counts as failed. */
    timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export const browserTimers: Timers = {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Keeps the conversation list in step with the maker's properties: fetches only when the request
 * changed or a refresh is due, keeps one request in flight, drops answers that a newer request
 * made stale, fails requests that hang, and stops everything on destroy.
 */
export class ConversationFeed {
    private current: FeedState = { kind: "idle" };
    private request: ConversationRequest | undefined;
    private refreshMinutes = 0;
    private invalidKey: string | undefined;
    /** Increments with every request; an answer carrying an older number is stale. */
    private generation = 0;
    private inFlight = false;
    /** Something made the list stale while a request was in flight: ask again once it is answered. */
    private staleWhileInFlight = false;
    private timeoutHandle: unknown;
    private refreshHandle: unknown;
    private destroyed = false;

    constructor(private readonly deps: FeedDependencies) {}

    public get state(): FeedState {
        return this.current;
    }

    /** Called on every updateView: does nothing unless the plan differs from the last one. */
    public apply(plan: RequestPlan): void {
        if (this.destroyed) return;
        if (plan.kind === "invalid") {
            const key = JSON.stringify(plan.problems);
            if (key === this.invalidKey) return;
            this.invalidKey = key;
            this.request = undefined;
            this.abandonRequest();
            this.clearRefresh();
            this.setState({ kind: "invalid", problems: plan.problems });
            return;
        }
        this.invalidKey = undefined;
        if (this.request?.key === plan.key) {
            // A new interval never fetches by itself; it replaces the pending schedule.
            if (plan.refreshMinutes !== this.refreshMinutes) {
                this.refreshMinutes = plan.refreshMinutes;
                if (!this.inFlight) this.scheduleRefresh();
            }
            return;
        }
        this.refreshMinutes = plan.refreshMinutes;
        this.request = plan;
        this.abandonRequest();
        this.fetch();
    }

    /** Retry, the Refresh button and the refresh timer. Ignored while a request is in flight. */
    public refresh(): void {
        if (this.destroyed || this.inFlight || !this.request) return;
        this.fetch();
    }

    /**
     * The host says the agent's conversations changed (a session was switched or closed): fetch
     * now, or as soon as the request in flight, which may predate the change, is answered.
     */
    public markStale(): void {
        if (this.inFlight) this.staleWhileInFlight = true;
        else this.refresh();
    }

    public destroy(): void {
        this.destroyed = true;
        this.abandonRequest();
        this.clearRefresh();
    }

    private fetch(): void {
        const request = this.request;
        if (!request) return;
        this.clearRefresh();
        const host = this.deps.resolveHost();
        if (!host) {
            this.setState({ kind: "unavailable" });
            this.scheduleRefresh(); // the host may still appear, e.g. once the workspace has loaded
            return;
        }
        const generation = ++this.generation;
        this.inFlight = true;
        const previous = listOf(this.current);
        this.setState({ kind: "loading", previous });
        const fail = (failure: FeedFailure): void => this.settle(generation, { kind: "failed", failure, previous });
        this.timeoutHandle = this.deps.timers.setTimeout(() => fail("timedOut"), this.deps.timeoutMs);

        // The port returns a promise; the adapter turns a synchronous throw of the real global into a rejection.
        host.getConversations(request.input, this.deps.newCorrelationId())
            .then((value) => this.receive(generation, request, value, fail))
            // Only the host's error code and message go to the console, for admins; the agent sees the localized error.
            .catch((reason: unknown) => {
                const hostError = hostErrorOf(reason);
                if (hostError) console.warn("Conversation list: getConversations rejected", hostError.code ?? "", hostError.message ?? "");
                fail("rejected");
            });
    }

    private receive(generation: number, request: ConversationRequest, value: unknown, fail: (failure: FeedFailure) => void): void {
        const read = readConversationsAnswer(value);
        if (!read.ok) return fail(read.failure);
        const conversations = toConversations(read.records, request.columns);
        this.settle(generation, { kind: "loaded", list: { conversations, columns: request.columns, receivedAt: this.deps.now(), moreRecords: read.moreRecords } });
    }

    /** Applies the outcome of request `generation` unless something newer or destroy came first. */
    private settle(generation: number, outcome: FeedState): void {
        if (this.destroyed || generation !== this.generation || !this.inFlight) return;
        this.inFlight = false;
        this.deps.timers.clearTimeout(this.timeoutHandle);
        this.setState(outcome);
        if (this.staleWhileInFlight) {
            this.staleWhileInFlight = false;
            this.fetch();
        } else {
            this.scheduleRefresh();
        }
    }

    private abandonRequest(): void {
        if (this.inFlight) this.generation++;
        this.inFlight = false;
        this.staleWhileInFlight = false;
        this.deps.timers.clearTimeout(this.timeoutHandle);
    }

    private scheduleRefresh(): void {
        this.clearRefresh();
        const minutes = this.refreshMinutes;
        if (minutes > 0) this.refreshHandle = this.deps.timers.setTimeout(() => this.refresh(), minutes * 60_000);
    }

    private clearRefresh(): void {
        if (this.refreshHandle !== undefined) this.deps.timers.clearTimeout(this.refreshHandle);
        this.refreshHandle = undefined;
    }

    private setState(state: FeedState): void {
        this.current = state;
        this.deps.onChange(state);
    }
}
