import { StateStore } from "../../conversations/stateStore";

describe("StateStore", () => {
    it("tells subscribers about each new state, not about the same one, and stops after unsubscribe", () => {
        const store = new StateStore({ count: 0, label: "a" });
        const seen: unknown[] = [];
        const unsubscribe = store.subscribe((state) => seen.push(state));
        store.update({ count: 1 });
        store.set(store.get());
        unsubscribe();
        store.update({ label: "b" });
        expect(seen).toEqual([{ count: 1, label: "a" }]);
        expect(store.get()).toEqual({ count: 1, label: "b" });
    });
});
