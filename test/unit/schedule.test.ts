import { BUSY_WAIT_MS, HOST_LOOKS_MS, HOST_NOTICE_MS, JITTER, MAX_BACKOFF_MS, RefreshSchedule, SESSION_THROTTLE_MS, QUIET_MS, type HostLook } from "../../refresh/schedule";
import { browserTimers } from "../../refresh/timers";

const MINUTE = 60_000;

/** A schedule on jest's fake timers whose "random" numbers come from `draws` (then 0.5). */
function setup(draws: number[] = []) {
    const runs: number[] = [];
    const start = Date.now();
    const schedule = new RefreshSchedule({ now: () => Date.now(), timers: browserTimers, random: () => draws.shift() ?? 0.5 }, () =>
        runs.push(Date.now() - start),
    );
    return { schedule, runs, start };
}

beforeEach(() => jest.useFakeTimers({ now: new Date("2026-11-21T09:00:00Z") }));
afterEach(() => jest.useRealTimers());

describe("RefreshSchedule", () => {
    it("asks at once, then first at a random point of the interval, then every interval ±10%", async () => {
        const { schedule, runs } = setup([0, 1, 0.999_999, 0]);
        schedule.setIntervalMinutes(5);
        schedule.askNow();
        expect(runs).toEqual([0]);
        schedule.requestEnded("answered"); // first timed refresh: 10% + 90% × 0 of the interval
        await jest.advanceTimersByTimeAsync(30 * MINUTE);
        expect(runs).toEqual([0, 0.5 * MINUTE]); // and nothing more until the answer says how it went
        const { schedule: other, runs: otherRuns } = setup([0.5, 1 - 1e-9, 0]);
        other.setIntervalMinutes(5);
        other.askNow();
        other.requestEnded("answered"); // first: 0.1 + 0.9 × 0.5 = 55% of the interval
        await jest.advanceTimersByTimeAsync(0.55 * 5 * MINUTE);
        other.requestEnded("answered"); // + (1 + 10%) of the interval
        await jest.advanceTimersByTimeAsync(5 * MINUTE * (1 + JITTER));
        other.requestEnded("answered"); // + (1 − 10%)
        await jest.advanceTimersByTimeAsync(5 * MINUTE * (1 - JITTER));
        expect(otherRuns).toHaveLength(4);
        expect(otherRuns[2] - otherRuns[1]).toBeCloseTo(5 * MINUTE * 1.1, -1);
        expect(otherRuns[3] - otherRuns[2]).toBeCloseTo(5 * MINUTE * 0.9, -1);
    });

    it("spreads a login wave: 1,000 first timed refreshes fall all over the interval", () => {
        const starts: number[] = [];
        for (let i = 0; i < 1000; i++) {
            const { schedule } = setup([i / 1000]);
            schedule.setIntervalMinutes(5);
            schedule.askNow();
            schedule.requestEnded("answered");
            starts.push((schedule.nextAt as number) - Date.now());
            schedule.stop();
        }
        const perMinute = [0, 1, 2, 3, 4].map((m) => starts.filter((t) => t >= m * MINUTE && t < (m + 1) * MINUTE).length);
        // a fixed beat would put all 1,000 in one minute; spread, none gets more than a quarter
        expect(Math.max(...perMinute)).toBeLessThanOrEqual(250);
        expect(Math.min(...perMinute)).toBeGreaterThanOrEqual(100);
    });

    it("backs off 1, 2, 4 … minutes up to 30 while failing, never sooner than the interval, and a good answer resets", () => {
        const { schedule } = setup();
        schedule.setIntervalMinutes(1);
        schedule.askNow();
        const waits: number[] = [];
        for (let i = 0; i < 8; i++) {
            schedule.requestEnded("failed");
            waits.push(((schedule.nextAt as number) - Date.now()) / MINUTE);
        }
        expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 30]); // random 0.5: no jitter
        schedule.requestEnded("answered");
        expect((schedule.nextAt as number) - Date.now()).toBe(0.55 * MINUTE); // the first timed refresh, at a random point
        schedule.setIntervalMinutes(5);
        schedule.requestEnded("failed");
        expect((schedule.nextAt as number) - Date.now()).toBe(5 * MINUTE);
        for (let i = 0; i < 10; i++) schedule.requestEnded("failed");
        expect((schedule.nextAt as number) - Date.now()).toBeLessThanOrEqual(MAX_BACKOFF_MS * (1 + JITTER));
    });

    it("never retries sooner than the interval: 5, 5, 5, 8, 16, 30 at the default 5 minutes, 60 each time at 60", () => {
        const waitsAt = (minutes: number): number[] => {
            const { schedule } = setup();
            schedule.setIntervalMinutes(minutes);
            schedule.askNow();
            const waits: number[] = [];
            for (let i = 0; i < 7; i++) {
                schedule.requestEnded("failed");
                waits.push(((schedule.nextAt as number) - Date.now()) / MINUTE);
            }
            schedule.stop();
            return waits;
        };
        expect(waitsAt(5)).toEqual([5, 5, 5, 8, 16, 30, 30]);
        expect(waitsAt(60)).toEqual([60, 60, 60, 60, 60, 60, 60]);
    });

    it("jitters back-off waits", () => {
        const { schedule } = setup([0, 1 - 1e-9]);
        schedule.setIntervalMinutes(1);
        schedule.askNow();
        schedule.requestEnded("failed");
        expect((schedule.nextAt as number) - Date.now()).toBeCloseTo(0.9 * MINUTE, -1);
        schedule.requestEnded("failed");
        expect((schedule.nextAt as number) - Date.now()).toBeCloseTo(2.2 * MINUTE, -1);
    });

    it("a manual retry asks at once and forgets the failures", () => {
        const { schedule, runs } = setup();
        schedule.setIntervalMinutes(5);
        schedule.askNow();
        schedule.requestEnded("failed");
        schedule.requestEnded("failed");
        schedule.askNow();
        expect(runs).toHaveLength(2);
        // Counted from the start again: 5, 5, 5 (the interval), not the third, fourth and fifth steps 5, 8, 16.
        const waits: number[] = [];
        for (let i = 0; i < 3; i++) {
            schedule.requestEnded("failed");
            waits.push((schedule.nextAt! - Date.now()) / MINUTE);
        }
        expect(waits).toEqual([5, 5, 5]);
    });

    it("asks nothing while hidden, and once when visible again if a refresh fell due meanwhile", async () => {
        const { schedule, runs } = setup();
        schedule.setIntervalMinutes(5);
        schedule.askNow();
        schedule.requestEnded("answered");
        schedule.setVisible(false);
        await jest.advanceTimersByTimeAsync(60 * MINUTE);
        expect(runs).toHaveLength(1);
        expect(jest.getTimerCount()).toBe(0);
        schedule.setVisible(true);
        expect(runs).toHaveLength(2);
        schedule.setVisible(false);
        schedule.setVisible(true);
        expect(runs).toHaveLength(2);
    });

    it("hidden and shown again before anything fell due: asks nothing extra", async () => {
        const { schedule, runs } = setup();
        schedule.setIntervalMinutes(5);
        schedule.askNow();
        schedule.requestEnded("answered"); // due after 2.75 min
        schedule.setVisible(false);
        await jest.advanceTimersByTimeAsync(MINUTE);
        schedule.setVisible(true);
        expect(runs).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(1.75 * MINUTE);
        expect(runs).toHaveLength(2);
    });

    it("waits for quiet: a burst of changes asks once, 400 ms after the last", async () => {
        const { schedule, runs } = setup();
        for (let i = 0; i < 7; i++) {
            schedule.settingsChanged();
            await jest.advanceTimersByTimeAsync(QUIET_MS - 1);
        }
        expect(runs).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(1);
        expect(runs).toHaveLength(1);
    });

    it("throttles session events to one request per 2 s, and ignores them while backing off", async () => {
        const { schedule, runs } = setup([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        schedule.setIntervalMinutes(5);
        for (let i = 0; i < 19; i++) {
            schedule.sessionChanged();
            await jest.advanceTimersByTimeAsync(100);
        }
        // 1.9 s of events: the first asks at once (spread 0), the others wait for the throttle
        expect(runs).toEqual([0]);
        await jest.advanceTimersByTimeAsync(SESSION_THROTTLE_MS);
        expect(runs).toEqual([0, SESSION_THROTTLE_MS]);
        schedule.requestEnded("failed");
        const retryAt = schedule.nextAt;
        schedule.sessionChanged();
        expect(schedule.nextAt).toBe(retryAt);
    });

    it("counts a session close's refresh as that interval's: the next timed one keeps the beat", async () => {
        // Draws: first timed at 10% + 90% × 1 = the whole interval; spread 0; jitter 0.5 → none.
        const { schedule, runs } = setup([1, 0, 0.5]);
        schedule.setIntervalMinutes(5);
        schedule.askNow();
        schedule.requestEnded("answered"); // timed refresh due at 5 min
        await jest.advanceTimersByTimeAsync(2 * MINUTE);
        schedule.sessionChanged(); // asks now, in place of the one due at 5 min
        expect(runs).toEqual([0, 2 * MINUTE]);
        schedule.requestEnded("answered");
        expect(schedule.nextAt! - Date.now()).toBe(8 * MINUTE); // 5 min + an interval, not 2 min + an interval
        await jest.advanceTimersByTimeAsync(8 * MINUTE);
        expect(runs).toEqual([0, 2 * MINUTE, 10 * MINUTE]);
    });

    it("after another tab's answer plans 10 to 20% later than the interval, so the tab that asked keeps the lead", async () => {
        const { schedule } = setup([0.5, 0, 1 - 1e-9]);
        schedule.setIntervalMinutes(5);
        schedule.askNow();
        schedule.requestEnded("answered"); // first timed refresh
        await jest.advanceTimersByTimeAsync(5 * MINUTE);
        schedule.requestEnded("answered", true); // random 0: +10%
        expect(schedule.nextAt! - Date.now()).toBe(5 * MINUTE * 1.1);
        schedule.requestEnded("answered", true); // random ~1: +20%
        expect(schedule.nextAt! - Date.now()).toBeCloseTo(5 * MINUTE * 1.2, -1);
        schedule.requestEnded("answered"); // its own answer: ±10% (random 0.5 by default: the interval)
        expect(schedule.nextAt! - Date.now()).toBe(5 * MINUTE);
    });

    it("with refreshes turned off, asks only when told to", async () => {
        const { schedule, runs } = setup();
        schedule.setIntervalMinutes(0);
        schedule.askNow();
        schedule.requestEnded("failed");
        await jest.advanceTimersByTimeAsync(120 * MINUTE);
        expect(runs).toHaveLength(1);
        expect(schedule.nextAt).toBeUndefined();
    });

    it("looks for a missing host at 0.5, 1, 2, 4, 8 and 16 s, quietly for 2 s, then waiting out loud until the last look, then at timed refreshes", async () => {
        const { schedule, runs, start } = setup([0]);
        schedule.setIntervalMinutes(5);
        schedule.askNow();
        expect(schedule.hostLook).toBeUndefined();
        const looks: (HostLook | undefined)[] = [];
        // Every look finds no host and says so, as the feed does.
        for (const at of HOST_LOOKS_MS) {
            schedule.requestEnded("noHost");
            looks.push(schedule.hostLook);
            await jest.advanceTimersByTimeAsync(at - (Date.now() - start));
        }
        schedule.requestEnded("noHost");
        looks.push(schedule.hostLook);
        expect(runs).toEqual([0, 500, 1_000, 2_000, 4_000, 8_000, 16_000]);
        expect(HOST_NOTICE_MS).toBe(2_000);
        expect(looks).toEqual(["looking", "looking", "looking", "waiting", "waiting", "waiting", "gone"]);
        // After the quick looks: the first timed refresh, at 10% of the interval with random 0.
        expect(schedule.nextAt! - Date.now()).toBe(0.5 * MINUTE);
        schedule.requestEnded("answered");
        expect(schedule.hostLook).toBeUndefined();
    });

    it("looks for a missing host at once when the list becomes visible again, after the quick looks", async () => {
        const { schedule, runs } = setup();
        schedule.setIntervalMinutes(0);
        schedule.askNow();
        for (let look = 0; look <= HOST_LOOKS_MS.length; look++) {
            schedule.requestEnded("noHost");
            await jest.advanceTimersByTimeAsync(20_000);
        }
        expect(runs).toHaveLength(1 + HOST_LOOKS_MS.length);
        expect(schedule.nextAt).toBeUndefined(); // refreshes are off: nothing more by itself
        schedule.setVisible(false);
        schedule.setVisible(true);
        expect(runs).toHaveLength(2 + HOST_LOOKS_MS.length);
        schedule.requestEnded("answered");
        schedule.setVisible(false);
        schedule.setVisible(true);
        expect(runs).toHaveLength(2 + HOST_LOOKS_MS.length);
    });

    it("does not retry a refusal caused by the settings: a change or Refresh asks again", async () => {
        const { schedule, runs } = setup();
        schedule.setIntervalMinutes(1);
        schedule.askNow();
        schedule.requestEnded("refused");
        expect(schedule.nextAt).toBeUndefined();
        schedule.setIntervalMinutes(2);
        schedule.sessionChanged();
        await jest.advanceTimersByTimeAsync(120 * MINUTE);
        expect(runs).toEqual([0]);
        schedule.settingsChanged();
        await jest.advanceTimersByTimeAsync(QUIET_MS);
        expect(runs).toEqual([0, 120 * MINUTE + QUIET_MS]);
        schedule.requestEnded("refused");
        schedule.askNow();
        expect(runs).toHaveLength(3);
    });

    describe("when Dataverse says busy", () => {
        it("waits 5 minutes (+0 to 10%, never less), and the answer after it resumes the interval: no back-off step", () => {
            for (const [draw, wait] of [[0, 5], [1 - 1e-9, 5.5]]) {
                const { schedule } = setup([draw]);
                schedule.setIntervalMinutes(1);
                schedule.askNow();
                schedule.requestEnded("busy");
                expect((schedule.nextAt! - Date.now()) / MINUTE).toBeCloseTo(wait, 5);
                // No back-off step was taken: a failure now is the first, 1 minute.
                schedule.requestEnded("failed");
                expect(schedule.nextAt! - Date.now()).toBe(1 * MINUTE);
            }
            const { schedule } = setup();
            schedule.setIntervalMinutes(1);
            schedule.askNow();
            schedule.requestEnded("busy");
            schedule.requestEnded("busy");
            // A failure after two busy answers is the outage's first step, 1 minute; after an answer, the interval.
            schedule.requestEnded("failed");
            expect(schedule.nextAt! - Date.now()).toBe(1 * MINUTE);
            // Busy in an outage neither counts a step nor forgets one: the failure after it is the second, 2 minutes.
            schedule.requestEnded("busy");
            schedule.requestEnded("failed");
            expect(schedule.nextAt! - Date.now()).toBe(2 * MINUTE);
            schedule.requestEnded("answered");
            schedule.requestEnded("answered");
            expect(schedule.nextAt! - Date.now()).toBe(1 * MINUTE);
        });

        it("waits for the server's Retry-After when it is longer than 5 minutes, never for a shorter one", () => {
            const { schedule } = setup([0, 0]);
            schedule.setIntervalMinutes(5);
            schedule.askNow();
            schedule.requestEnded("busy", false, 12 * MINUTE);
            expect(schedule.nextAt! - Date.now()).toBe(12 * MINUTE);
            schedule.requestEnded("busy", false, 3_000);
            expect(schedule.nextAt! - Date.now()).toBe(BUSY_WAIT_MS);
        });

        it("a tab that shared the busy answer waits too, and a little longer than the tab that asked", () => {
            const { schedule } = setup([0]);
            schedule.setIntervalMinutes(5);
            schedule.askNow();
            schedule.requestEnded("busy", true);
            expect(schedule.nextAt! - Date.now()).toBe(BUSY_WAIT_MS * (1 + JITTER));
        });

        it("asks nothing by itself before the wait is over, neither for session closes, changes, intervals nor visibility", async () => {
            const { schedule, runs } = setup([0, 0, 0, 0]);
            schedule.setIntervalMinutes(1);
            schedule.askNow();
            schedule.requestEnded("busy");
            schedule.sessionChanged();
            schedule.settingsChanged();
            schedule.setIntervalMinutes(2);
            schedule.setVisible(false);
            schedule.setVisible(true);
            await jest.advanceTimersByTimeAsync(BUSY_WAIT_MS - 1);
            expect(runs).toEqual([0]);
            await jest.advanceTimersByTimeAsync(1);
            expect(runs).toEqual([0, BUSY_WAIT_MS]); // once, not once per reason
        });

        it("with refreshes off asks nothing by itself, and a session close waits for the end of the wait", async () => {
            const { schedule, runs } = setup([0, 0]);
            schedule.setIntervalMinutes(0);
            schedule.askNow();
            schedule.requestEnded("busy");
            expect(schedule.nextAt).toBeUndefined();
            schedule.sessionChanged();
            await jest.advanceTimersByTimeAsync(BUSY_WAIT_MS - 1);
            expect(runs).toEqual([0]);
            await jest.advanceTimersByTimeAsync(1);
            expect(runs).toEqual([0, BUSY_WAIT_MS]);
        });

        it("Refresh still asks at once, and then nothing holds the schedule back any more", async () => {
            const { schedule, runs } = setup([0, 0]);
            schedule.setIntervalMinutes(5);
            schedule.askNow();
            schedule.requestEnded("busy");
            await jest.advanceTimersByTimeAsync(MINUTE);
            schedule.askNow();
            expect(runs).toEqual([0, MINUTE]);
            schedule.requestEnded("answered");
            schedule.settingsChanged();
            await jest.advanceTimersByTimeAsync(QUIET_MS);
            expect(runs).toEqual([0, MINUTE, MINUTE + QUIET_MS]);
        });
    });
});
