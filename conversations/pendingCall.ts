import type { Timers } from "../refresh/timers";

/**
 * The one call to the host an owner has in flight (the feed's query, the opener's open): numbered,
 * given up after a time-out, and ended once. An end for a call that was given up, abandoned or
 * replaced is refused, so a stale answer never overwrites a newer state.
 */
export class PendingCall {
    /** Increments with every call; an end carrying an older number is stale. */
    #number = 0;
    #pending = false;
    #timeoutHandle: unknown;
    readonly #timers: Timers;
    readonly #timeoutMs: number;

    constructor(timers: Timers, timeoutMs: number) {
        this.#timers = timers;
        this.#timeoutMs = timeoutMs;
    }

    public get pending(): boolean {
        return this.#pending;
    }

    /** Starts a call; `onTimeout` runs if it is still pending after the time-out. Returns the call's number. */
    public start(onTimeout: (call: number) => void): number {
        this.#stop();
        const call = ++this.#number;
        this.#pending = true;
        this.#timeoutHandle = this.#timers.setTimeout(() => onTimeout(call), this.#timeoutMs);
        return call;
    }

    /** The pending call's number or, when none is pending, a new call without a time-out (an answer someone else asked for). */
    public join(): number {
        if (this.#pending) return this.#number;
        this.#stop();
        this.#pending = true;
        return ++this.#number;
    }

    /** Ends call `call`; false (and nothing changes) when it is no longer the pending one. */
    public end(call: number): boolean {
        if (!this.#pending || call !== this.#number) return false;
        this.#stop();
        return true;
    }

    /** Forgets the pending call: its answer will be refused. */
    public abandon(): void {
        if (this.#pending) this.#number++;
        this.#stop();
    }

    #stop(): void {
        this.#pending = false;
        this.#timers.clearTimeout(this.#timeoutHandle);
    }
}
