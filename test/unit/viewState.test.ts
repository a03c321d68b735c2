import { EMPTY_VIEW_STATE, readViewState, viewStateRecord } from "../../conversations/viewState";
import { Sight, watchPage } from "../../refresh/visibility";

describe("saved view state", () => {
    it("reads back what it stored", () => {
        const state = { query: "refund", sort: { column: "createdon", descending: true } };
        expect(readViewState(JSON.parse(JSON.stringify(viewStateRecord(state))))).toEqual(state);
        expect(readViewState(viewStateRecord({ query: "x" }))).toEqual({ query: "x" });
        expect(readViewState(JSON.parse(JSON.stringify(viewStateRecord({ query: "", pickedStatuses: [3, 5] }))))).toEqual({ query: "", pickedStatuses: [3, 5] });
        expect(viewStateRecord({ query: "", pickedStatuses: [] })).toEqual({ query: "" });
    });

    it.each([undefined, null, 42, "text", { query: 7 }, { sort: { column: "", descending: true } }, { sort: { column: "a", descending: "yes" } }, { statuses: "3" }, { statuses: ["3", 2.5, null] }])(
        "turns %p into an empty state (no sort, no query)",
        (saved) => {
            expect(readViewState(saved)).toEqual(EMPTY_VIEW_STATE);
        },
    );
});

describe("Sight", () => {
    it("is visible only while page, control and layout all say so, and tells only changes", () => {
        const changes: boolean[] = [];
        const sight = new Sight((visible) => changes.push(visible));
        sight.set("page", false);
        sight.set("control", false);
        sight.set("page", true);
        expect(changes).toEqual([false]); // the control is still hidden
        sight.set("control", true);
        sight.set("onScreen", false);
        sight.set("onScreen", true);
        expect(changes).toEqual([false, true, false, true]);
    });

    it("follows document.visibilityState", () => {
        let state: DocumentVisibilityState = "visible";
        jest.spyOn(document, "visibilityState", "get").mockImplementation(() => state);
        const seen: boolean[] = [];
        const stop = watchPage(document, (visible) => seen.push(visible));
        state = "hidden";
        document.dispatchEvent(new Event("visibilitychange"));
        stop();
        state = "visible";
        document.dispatchEvent(new Event("visibilitychange"));
        expect(seen).toEqual([true, false]);
    });
});
