import { readConversationsAnswer, type AnswerFailure } from "../host/answer";
import { isBusy, unknownColumnOf, type HostError, type UnknownColumn } from "../host/errors";
import { toConversations, type Conversation } from "./model";
import { createdSince, createdWithinCutoff } from "./dates";
import type { UserContext } from "./user";
import type { ConversationRequest, RequestPlan, SettingsProblem } from "./request";
import type { OmnichannelHost } from "../host/port";
import { PendingCall } from "./pendingCall";
import { RefreshSchedule, type Outcome } from "../refresh/schedule";
import type { RequestSharing, SharedOutcome } from "../refresh/sharing";
import type { Clock } from "../refresh/timers";

/** `busy`: Dataverse's service protection limits refused the request (429); no outage. */
export type FeedFailure = AnswerFailure | "rejected" | "timedOut" | "busy";

/** Why the host refused, for the maker and the admin: `unknownColumn` when the settings caused it. */
export interface Refusal {
    error: HostError;
    /** The request's correlation id; unknown when another tab asked. */
    correlationId?: string;
    unknownColumn?: UnknownColumn;
}

/** What the grid shows. Each change is a new object, so the view can compare by reference. */
export type FeedState =
    | { kind: "idle" }
    | { kind: "invalid"; problems: readonly SettingsProblem[] }
    | { kind: "unavailable" }
    /** The host has been missing for a while at start: the quick looks go on, and the list says what it waits for. */
    | { kind: "waitingForHost" }
    /** `previous` holds the rows shown before, while a refresh is under way or after it failed. */
    | { kind: "loading"; previous?: ConversationSnapshot }
    | { kind: "loaded"; list: ConversationSnapshot }
    /** `retryAt`: when the next automatic try will be, if one is planned. */
    | { kind: "failed"; failure: FeedFailure; previous?: ConversationSnapshot; retryAt?: Date; refusal?: Refusal };

/** One answer's conversations with the columns they were asked for. */
export interface ConversationSnapshot {
    conversations: readonly Conversation[];
    columns: readonly string[];
    receivedAt: Date;
    /**
     * The host stopped at the Web API's 5,000-row limit: the number of rows it returned (before this
     * control's own Created-within filter), else false.
     */
    moreRecords: false | number;
}

/** The rows to show in a state, current or previous. */
export function listOf(state: FeedState): ConversationSnapshot | undefined {
    if (state.kind === "loaded") return state.list;
    if (state.kind === "loading" || state.kind === "failed") return state.previous;
    return undefined;
}

export interface FeedDependencies {
    /** Looked up per request, so a host that appears late is still found. */
    resolveHost: () => OmnichannelHost | undefined;
    onChange: (state: FeedState) => void;
    newCorrelationId: () => string;
    clock: Clock;
    /** Shares calls in flight and answers with the other instances and tabs. */
    sharing: RequestSharing;
    /** How long a request may go unanswered before it counts as failed. */
    timeoutMs: number;
    /** The user's time zone: "created within N days" counts the user's days. */
    user: Pick<UserContext, "timeZoneOffsetMinutes">;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Keeps the conversation list in step with the maker's properties: fetches only when the request
 * changed or a refresh is due (RefreshSchedule decides when), keeps one request in flight, shares
 * it and its answer with other instances and tabs (RequestSharing), drops answers that a newer
 * request made stale, fails requests that hang, and stops everything on destroy.
 */
export class ConversationFeed {
    #current: FeedState = { kind: "idle" };
    #request: ConversationRequest | undefined;
    #invalidKey: string | undefined;
    /** The request in flight, this instance's own or one it follows; an answer to an older one is stale. */
    readonly #call: PendingCall;
    #correlationId: string | undefined;
    /** Something made the list stale while a request was in flight: ask again once it is answered. */
    #staleWhileInFlight = false;
    #stopListening: (() => void) | undefined;
    #destroyed = false;
    readonly #schedule: RefreshSchedule;

    readonly #deps: FeedDependencies;

    constructor(deps: FeedDependencies) {
        this.#deps = deps;
        this.#call = new PendingCall(deps.clock.timers, deps.timeoutMs);
        this.#schedule = new RefreshSchedule(deps.clock, () => this.#fetch());
    }

    /** Called on every updateView: does nothing unless the plan differs from the last one. */
    public apply(plan: RequestPlan): void {
        if (this.#destroyed) return;
        if (plan.kind === "invalid") {
            const key = JSON.stringify(plan.problems);
            if (key === this.#invalidKey) return;
            this.#invalidKey = key;
            this.#request = undefined;
            this.#follow(undefined);
            this.#abandonRequest();
            this.#schedule.stop();
            this.#setState({ kind: "invalid", problems: plan.problems });
            return;
        }
        this.#invalidKey = undefined;
        // A new interval never fetches by itself; it replaces the pending schedule.
        this.#schedule.setIntervalMinutes(plan.refreshMinutes);
        if (this.#request?.key === plan.key) return;
        const first = this.#request === undefined && this.#current.kind === "idle";
        this.#request = plan;
        this.#follow(plan.key);
        this.#abandonRequest();
        // The first request goes at once; later changes wait 400 ms of quiet, so typing a list asks once.
        if (first) this.#schedule.askNow();
        else this.#schedule.settingsChanged();
    }

    /** Someone can (or can no longer) see the list: nothing is asked while nobody can. */
    public setVisible(visible: boolean): void {
        this.#schedule.setVisible(visible);
    }

    /** Retry and the Refresh button: ask now, forgetting earlier failures. Ignored while a request is in flight. */
    public refresh(): void {
        if (this.#destroyed || this.#call.pending || !this.#request) return;
        this.#schedule.askNow();
    }

    /**
     * The host says a conversation changed (its session was closed): ask soon
     * (at most once per 2 s), or as soon as the request in flight, which may predate the change, is answered.
     */
    public markStale(): void {
        if (this.#destroyed || !this.#request) return;
        if (this.#call.pending) this.#staleWhileInFlight = true;
        else this.#schedule.sessionChanged();
    }

    public destroy(): void {
        this.#destroyed = true;
        this.#follow(undefined);
        this.#abandonRequest();
        this.#schedule.stop();
    }

    #fetch(): void {
        const request = this.#request;
        if (!request || this.#destroyed || this.#call.pending) return;
        const host = this.#deps.resolveHost();
        if (!host) {
            // The workspace's script may still define it: Loading…, then "waiting for the workspace", until the last quick look.
            this.#schedule.requestEnded("noHost");
            const previous = listOf(this.#current);
            const look = this.#schedule.hostLook;
            if (look === "gone") this.#setState({ kind: "unavailable" });
            else this.#setState(look === "waiting" && !previous ? { kind: "waitingForHost" } : { kind: "loading", previous });
            return;
        }
        this.#call.start((late) => this.#fail(late, "timedOut"));
        this.#setState({ kind: "loading", previous: listOf(this.#current) });
        // Kept only when this instance makes the call: one that shares another's call has no id of its own to show.
        this.#correlationId = undefined;
        // The port returns a promise; the adapter turns a synchronous throw of the real global into a rejection.
        this.#deps.sharing.ask(request.key, () => host.getConversations(request.input, (this.#correlationId = this.#deps.newCorrelationId())));
    }

    /** Listens to the outcomes of `key`, this instance's own and those shared with it. */
    #follow(key: string | undefined): void {
        this.#correlationId = undefined;
        this.#stopListening?.();
        this.#stopListening = key === undefined ? undefined : this.#deps.sharing.listen(key, (outcome, fromOtherTab) => this.#receive(outcome, fromOtherTab));
    }

    /** An outcome for the current request: the answer to the request in flight, or one another instance or tab got. */
    #receive(outcome: SharedOutcome, fromOtherTab = false): void {
        const request = this.#request;
        if (this.#destroyed || !request) return;
        const call = this.#call.join();
        // Another tab's outcome: that tab keeps the lead and this one follows its beat.
        if (outcome.kind === "rejected") {
            const { error } = outcome;
            if (!error) return this.#fail(call, "rejected", fromOtherTab);
            const correlationId = fromOtherTab ? undefined : this.#correlationId;
            // Logged for admins by the instance that asked, not again by each that shared its call.
            if (correlationId !== undefined) console.warn("Conversation list: getConversations rejected", error.code ?? "", error.message ?? "");
            if (isBusy(error)) return this.#fail(call, "busy", fromOtherTab, { error, correlationId });
            const refusal = { error, correlationId, unknownColumn: unknownColumnOf(error, request.input) };
            return this.#fail(call, "rejected", fromOtherTab, refusal);
        }
        const read = readConversationsAnswer(outcome.value);
        if (!read.ok) return this.#fail(call, read.failure, fromOtherTab);
        const receivedAt = new Date(this.#deps.clock.now());
        const { createdWithinDays } = request;
        const records = createdWithinDays ? createdSince(read.records, createdWithinCutoff(createdWithinDays, receivedAt, this.#deps.user)) : read.records;
        const conversations = toConversations(records, request.columns);
        const list = { conversations, columns: request.columns, receivedAt, moreRecords: read.moreRecords && read.records.length };
        this.#finish(call, { kind: "loaded", list }, "answered", fromOtherTab);
    }

    #fail(call: number, failure: FeedFailure, followed = false, refusal?: Refusal): void {
        // A column the table lacks is refused again until the settings change: no back-off retries.
        const outcome = refusal?.unknownColumn ? "refused" : failure === "busy" ? "busy" : "failed";
        const state: FeedState = { kind: "failed", failure, previous: listOf(this.#current), ...(refusal && { refusal }) };
        this.#finish(call, state, outcome, followed, refusal?.error.retryAfterMs);
    }

    /** Applies the outcome of request `call` unless something newer or destroy came first. */
    #finish(call: number, state: FeedState, outcome: Outcome, followed = false, retryAfterMs?: number): void {
        if (this.#destroyed || !this.#call.end(call)) return;
        this.#schedule.requestEnded(outcome, followed, retryAfterMs);
        // The answer may predate a session change that came meanwhile: ask again (throttled), unless backing off.
        if (this.#staleWhileInFlight) this.#schedule.sessionChanged();
        this.#staleWhileInFlight = false;
        const retryAt = this.#schedule.nextAt;
        this.#setState(state.kind === "failed" && retryAt !== undefined ? { ...state, retryAt: new Date(retryAt) } : state);
    }

    #abandonRequest(): void {
        this.#call.abandon();
        this.#staleWhileInFlight = false;
    }

    #setState(state: FeedState): void {
        this.#current = state;
        this.#deps.onChange(state);
    }
}
