import { ColumnMetadata, METADATA_WAIT_MS } from "../../conversations/columnMetadata";
import { NO_DEFINITIONS } from "../../host/metadata";
import { browserTimers } from "../../refresh/timers";
import { SimulatedMetadata } from "../../simulator/metadata";

const COLUMNS = ["msdyn_title", "new_priority", "statuscode"];

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** The platform as the control sees it: `context.utils`. */
const utilsOf = (metadata: SimulatedMetadata) => ({ getEntityMetadata: metadata.getEntityMetadata });

describe("ColumnMetadata", () => {
    it("asks once per column set for every instance and lookup, and tells each subscriber when the answer comes", async () => {
        const metadata = new SimulatedMetadata();
        const shared = new ColumnMetadata(browserTimers);
        const heard = [jest.fn(), jest.fn()];
        heard.forEach((listener) => shared.subscribe(listener));
        // Two instances of the window, each with its own context.utils over the one platform.
        expect(shared.lookup(utilsOf(metadata), COLUMNS)).toBeUndefined();
        expect(shared.lookup(utilsOf(metadata), [...COLUMNS].reverse())).toBeUndefined();
        await jest.advanceTimersByTimeAsync(0);
        heard.forEach((listener) => expect(listener).toHaveBeenCalledTimes(1));
        const definitions = shared.lookup(utilsOf(metadata), COLUMNS);
        expect(definitions?.columns.get("new_priority")?.displayName).toBe("Priority");
        for (let i = 0; i < 100; i++) expect(shared.lookup(utilsOf(metadata), COLUMNS)).toBe(definitions);
        expect(metadata.calls).toEqual([{ entityName: "msdyn_ocliveworkitem", attributes: COLUMNS }]);
        // Another column set is another question.
        expect(shared.lookup(utilsOf(metadata), ["msdyn_title", "statuscode"])).toBeUndefined();
        expect(metadata.calls).toHaveLength(2);
    });

    it("gives no definitions at once where the platform has no getEntityMetadata, and asks nothing", () => {
        const shared = new ColumnMetadata(browserTimers);
        expect(shared.lookup(undefined, COLUMNS)).toBe(NO_DEFINITIONS);
        expect(shared.lookup({}, COLUMNS)).toBe(NO_DEFINITIONS);
        expect(jest.getTimerCount()).toBe(0);
    });

    it("gives none when the platform rejects or throws, once, without asking again", async () => {
        const rejecting = new SimulatedMetadata({ behaviour: "rejects" });
        const shared = new ColumnMetadata(browserTimers);
        const listener = jest.fn();
        shared.subscribe(listener);
        expect(shared.lookup(utilsOf(rejecting), COLUMNS)).toBeUndefined();
        await jest.advanceTimersByTimeAsync(0);
        expect(shared.lookup(utilsOf(rejecting), COLUMNS)).toBe(NO_DEFINITIONS);
        expect(listener).toHaveBeenCalledTimes(1);
        expect(rejecting.calls).toHaveLength(1);
        const throwing = {
            getEntityMetadata: () => {
                throw new TypeError("getEntityMetadata is not a function");
            },
        };
        expect(shared.lookup(throwing, COLUMNS)).toBeUndefined();
        await jest.advanceTimersByTimeAsync(0);
        expect(shared.lookup(throwing, COLUMNS)).toBe(NO_DEFINITIONS);
    });

    it("stops waiting for a silent platform after METADATA_WAIT_MS, and still takes an answer that comes later", async () => {
        let answer: (value: unknown) => void = () => undefined;
        const late = { getEntityMetadata: () => new Promise((resolve) => (answer = resolve)) };
        const shared = new ColumnMetadata(browserTimers);
        const listener = jest.fn();
        shared.subscribe(listener);
        expect(shared.lookup(late, COLUMNS)).toBeUndefined();
        await jest.advanceTimersByTimeAsync(METADATA_WAIT_MS - 1);
        expect(shared.lookup(late, COLUMNS)).toBeUndefined();
        await jest.advanceTimersByTimeAsync(1);
        expect(shared.lookup(late, COLUMNS)).toBe(NO_DEFINITIONS);
        expect(listener).toHaveBeenCalledTimes(1);
        answer(await new SimulatedMetadata().getEntityMetadata("msdyn_ocliveworkitem", COLUMNS));
        await jest.advanceTimersByTimeAsync(0);
        expect(listener).toHaveBeenCalledTimes(2);
        expect(shared.lookup(late, COLUMNS)?.columns.get("new_priority")?.type).toBe("choice");
    });
});
