/** A minute in milliseconds, for every timer and age. */
export const MINUTE = 60_000;
/** A day in milliseconds, for counting the user's calendar days. */
export const DAY = 24 * 60 * MINUTE;

/** The timer functions the refresh policy uses: the browser's in the control, fake ones in tests and the fleet benchmark. */
export interface Timers {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Time, timers and chance, injected so tests and the fleet benchmark can drive them. */
export interface Clock {
    now: () => number;
    timers: Timers;
    /** Uniform in [0, 1), like Math.random. */
    random: () => number;
}

export const browserClock: Clock = { now: () => Date.now(), timers: browserTimers, random: Math.random };
