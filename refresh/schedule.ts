import { MINUTE, type Clock } from "./timers";

/** Property changes wait this long for quiet before asking, so typing a list costs one request. */
export const QUIET_MS = 400;
/** Session events ask at most this often. */
export const SESSION_THROTTLE_MS = 2_000;
/** Session events reach every tab at once: each waits a random part of this, so the first tab's request can be shared. */
export const SESSION_SPREAD_MS = 1_000;
/** Intervals and back-off waits vary by this fraction either way, so agents who logged in together drift apart. */
export const JITTER = 0.1;
export const MAX_BACKOFF_MS = 30 * MINUTE;
/**
 * While the host is missing, it is looked for again this long after it was first missed: the
 * workspace's script defines it only once its own web resources have loaded, seconds after a form.
 * Until the last of these looks the list says Loading…; then it waits for timed refreshes.
 */
export const HOST_LOOKS_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000, 16_000];
/** A host still missing this long after it was first missed is waited for out loud ("waiting for the workspace"). */
export const HOST_NOTICE_MS = 2_000;
/**
 * Dataverse said busy (its service protection limits count each user over a sliding 5 minutes): nothing
 * is asked by itself for this long, or for the server's Retry-After when that is longer.
 */
export const BUSY_WAIT_MS = 5 * MINUTE;

/**
 * `refused`: the host refused the request because of the settings; asking again gives the same answer.
 * `busy`: Dataverse refused it for the user's load, not for an outage; it will answer once the user's window has room.
 */
export type Outcome = "answered" | "failed" | "noHost" | "refused" | "busy";

/** How the look for a missing host stands: quietly for HOST_NOTICE_MS, then out loud until the last quick look misses. */
export type HostLook = "looking" | "waiting" | "gone";

/**
 * Decides when the list asks the host; the owner does the asking in `run`. Nothing is asked while
 * nobody can see the list: what falls due meanwhile is asked once it is visible again.
 *
 * - timed refreshes every interval ±10%, the first one at a random point of the interval;
 * - after failures in a row, waits of 1, 2, 4 … minutes up to 30, never shorter than the interval (at 5 minutes:
 *   5, 5, 5, 8, 16, 30; at 60: 60 each time, since a retry sooner than the refresh would ask more while failing);
 * - property changes wait for 400 ms of quiet; session closes ask at most once per 2 s, never during back-off,
 *   and count as the interval's timed refresh (the beat goes on from the one they replaced);
 * - a missing host is looked for at HOST_LOOKS_MS, then at timed refreshes and whenever the list becomes visible;
 * - after a busy answer nothing is asked by itself for 5 minutes (+0 to 10%) or the server's Retry-After, and it
 *   is no back-off step: the next answer resumes the interval; only Refresh (askNow) asks sooner;
 * - a refusal caused by the settings waits for them to change (settingsChanged) or for Refresh (askNow).
 */
export class RefreshSchedule {
    #intervalMs = 0;
    #visible = true;
    /** When the next request falls due (clock ms); undefined when none is planned. */
    #dueAt: number | undefined;
    #handle: unknown;
    #failures = 0;
    #lastRunAt = Number.NEGATIVE_INFINITY;
    #timedBefore = false;
    /** The planned request is a timed refresh (not a settling change, a session event or a back-off try). */
    #timedPending = false;
    /** A session event took the place of the timed refresh due then: the beat goes on from there. */
    #replacedBeat: number | undefined;
    #stopped = false;
    /** When the host was first found missing (clock ms), while it still is. */
    #hostMissingSince: number | undefined;
    #hostLooks = 0;
    /** Dataverse said busy: nothing is asked by itself before this (clock ms). */
    #busyUntil: number | undefined;

    readonly #clock: Clock;
    readonly #run: () => void;

    constructor(clock: Clock, run: () => void) {
        this.#clock = clock;
        this.#run = run;
    }

    /** When the next automatic request will be, if one is planned. */
    public get nextAt(): number | undefined {
        return this.#dueAt;
    }

    /** Undefined unless the host is missing; `gone` once the quick looks have all missed. */
    public get hostLook(): HostLook | undefined {
        if (this.#hostMissingSince === undefined) return undefined;
        if (this.#hostLooks > HOST_LOOKS_MS.length) return "gone";
        return this.#clock.now() - this.#hostMissingSince >= HOST_NOTICE_MS ? "waiting" : "looking";
    }

    public setIntervalMinutes(minutes: number): void {
        const intervalMs = Math.max(0, minutes) * MINUTE;
        if (intervalMs === this.#intervalMs) return;
        this.#intervalMs = intervalMs;
        // Replaces a pending timed refresh (or starts one after an answer); a settling change or a back-off wait keeps its time.
        if (this.#failures === 0 && !this.#stopped && this.#lastRunAt > Number.NEGATIVE_INFINITY && (this.#timedPending || this.#dueAt === undefined)) {
            this.#planTimed();
        }
    }

    public setVisible(visible: boolean): void {
        if (visible === this.#visible) return;
        this.#visible = visible;
        if (visible && this.#hostMissingSince !== undefined && !this.#stopped) this.#planAt(this.#clock.now());
        else this.#arm();
    }

    /** The first request, or the Refresh button: ask now and forget earlier failures. */
    public askNow(): void {
        this.#stopped = false;
        this.#failures = 0;
        this.#busyUntil = undefined;
        this.#planAt(this.#clock.now());
    }

    /** The request changed: ask once it has stayed the same for QUIET_MS. */
    public settingsChanged(): void {
        this.#stopped = false;
        this.#planAt(this.#clock.now() + QUIET_MS);
    }

    /** A session was closed. During back-off the next try picks the change up. */
    public sessionChanged(): void {
        if (this.#failures > 0 || this.#stopped) return;
        const at = Math.max(this.#clock.now() + this.#clock.random() * SESSION_SPREAD_MS, this.#lastRunAt + SESSION_THROTTLE_MS);
        if (this.#dueAt !== undefined && at >= this.#dueAt) return;
        // It counts as this interval's refresh: the next timed one comes an interval after the one it replaces.
        if (this.#timedPending) this.#replacedBeat = this.#dueAt;
        this.#planAt(at);
    }

    /**
     * How the last request ended (this instance's, or one shared with it): plans the next.
     * `followed`: another tab asked. Its tab keeps the lead (interval ±10%); this one plans a little
     * later (+10 to +20%) and asks only if the leader stops answering, so tabs never race each other.
     * `retryAfterMs`: a busy answer's Retry-After, when it carried one.
     */
    public requestEnded(outcome: Outcome, followed = false, retryAfterMs?: number): void {
        if (this.#stopped) return;
        this.#lastRunAt = Math.max(this.#lastRunAt, this.#clock.now());
        if (outcome === "noHost") return this.#planHostLook();
        this.#hostMissingSince = undefined;
        this.#hostLooks = 0;
        if (outcome === "busy") return this.#planBusyWait(followed, retryAfterMs);
        this.#busyUntil = undefined;
        if (outcome === "refused") {
            this.#failures = 0;
            return this.stop();
        }
        if (outcome === "failed") {
            this.#failures++;
            this.#planBackOff();
        } else {
            this.#failures = 0;
            this.#planTimed(followed);
        }
    }

    /** No request is wanted until the next askNow or settingsChanged (e.g. the properties are invalid). */
    public stop(): void {
        this.#stopped = true;
        this.#dueAt = undefined;
        this.#disarm();
    }

    #planTimed(followed = false): void {
        const beat = this.#replacedBeat;
        this.#replacedBeat = undefined;
        if (this.#intervalMs <= 0) return this.#planAt(undefined);
        const now = this.#clock.now();
        let at: number;
        // A session close took the place of the refresh due at `beat`: the next comes an interval after it.
        if (beat !== undefined && beat > now) at = beat + this.#jittered(this.#intervalMs);
        // The first timed refresh falls anywhere in the interval (but not right after the first load).
        else if (!this.#timedBefore) at = now + this.#intervalMs * (0.1 + 0.9 * this.#clock.random());
        else if (followed) at = now + this.#intervalMs * (1 + JITTER + JITTER * this.#clock.random());
        else at = now + this.#jittered(this.#intervalMs);
        this.#timedBefore = true;
        this.#planAt(at);
        this.#timedPending = true;
    }

    #planHostLook(): void {
        const since = (this.#hostMissingSince ??= this.#clock.now());
        // Counts past the last quick look, so that hostLook turns "gone" only once it has missed too.
        if (this.#hostLooks++ >= HOST_LOOKS_MS.length) return this.#planTimed();
        this.#planAt(since + HOST_LOOKS_MS[this.#hostLooks - 1]);
    }

    /** Failures in a row stay as they were: being busy says nothing about an outage. */
    #planBusyWait(followed: boolean, retryAfterMs = 0): void {
        const wait = Math.max(BUSY_WAIT_MS, retryAfterMs);
        // Never sooner than the wait; the tab that asked keeps the lead, as with timed refreshes.
        this.#busyUntil = this.#clock.now() + wait * (1 + (followed ? JITTER : 0) + JITTER * this.#clock.random());
        // With refreshes turned off nothing is asked by itself; a session close or a change waits for the end.
        this.#planAt(this.#intervalMs > 0 ? this.#busyUntil : undefined);
    }

    #planBackOff(): void {
        // With refreshes turned off nothing is asked by itself, not even a retry.
        if (this.#intervalMs <= 0) return this.#planAt(undefined);
        const doubling = MINUTE * 2 ** Math.min(this.#failures - 1, 16);
        const wait = Math.max(this.#intervalMs, Math.min(MAX_BACKOFF_MS, doubling));
        this.#planAt(this.#clock.now() + this.#jittered(wait));
    }

    #jittered(ms: number): number {
        return ms * (1 + JITTER * (2 * this.#clock.random() - 1));
    }

    /** Plans the next request; nothing but askNow comes before the end of a busy wait. */
    #planAt(at: number | undefined): void {
        this.#dueAt = at === undefined || this.#busyUntil === undefined ? at : Math.max(at, this.#busyUntil);
        this.#timedPending = false;
        this.#arm();
    }

    /** Sets the timer for `dueAt`, or none while hidden: becoming visible re-arms, and an overdue request fires at once. */
    #arm(): void {
        this.#disarm();
        if (this.#dueAt === undefined || !this.#visible) return;
        const wait = this.#dueAt - this.#clock.now();
        if (wait <= 0) this.#fire();
        else this.#handle = this.#clock.timers.setTimeout(() => this.#fire(), wait);
    }

    #disarm(): void {
        if (this.#handle !== undefined) this.#clock.timers.clearTimeout(this.#handle);
        this.#handle = undefined;
    }

    #fire(): void {
        this.#handle = undefined;
        this.#dueAt = undefined;
        this.#lastRunAt = this.#clock.now();
        this.#run();
    }
}
