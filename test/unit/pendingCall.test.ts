import { PendingCall } from "../../conversations/pendingCall";
import { browserTimers } from "../../refresh/timers";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("PendingCall", () => {
    it("ends the pending call once, and clears its time-out", () => {
        const timedOut = jest.fn();
        const pending = new PendingCall(browserTimers, 1000);
        const call = pending.start(timedOut);
        expect(pending.pending).toBe(true);
        expect(pending.end(call)).toBe(true);
        expect(pending.end(call)).toBe(false);
        expect(pending.pending).toBe(false);
        jest.advanceTimersByTime(1000);
        expect(timedOut).not.toHaveBeenCalled();
    });

    it("times out a call left unanswered, with its number", () => {
        const timedOut = jest.fn();
        const pending = new PendingCall(browserTimers, 1000);
        const call = pending.start(timedOut);
        jest.advanceTimersByTime(999);
        expect(timedOut).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        expect(timedOut).toHaveBeenCalledWith(call);
    });

    it("refuses the end of a call that was abandoned or replaced", () => {
        const pending = new PendingCall(browserTimers, 1000);
        const first = pending.start(() => undefined);
        pending.abandon();
        expect(pending.pending).toBe(false);
        expect(pending.end(first)).toBe(false);
        const second = pending.start(() => undefined);
        const third = pending.start(() => undefined);
        expect(pending.end(second)).toBe(false);
        expect(pending.end(third)).toBe(true);
    });

    it("joins the pending call, or starts one without a time-out for an answer asked elsewhere", () => {
        const timedOut = jest.fn();
        const pending = new PendingCall(browserTimers, 1000);
        const own = pending.start(timedOut);
        expect(pending.join()).toBe(own);
        expect(pending.end(own)).toBe(true);
        const joined = pending.join();
        expect(joined).not.toBe(own);
        jest.advanceTimersByTime(5000);
        expect(timedOut).not.toHaveBeenCalled();
        expect(pending.end(joined)).toBe(true);
    });
});
