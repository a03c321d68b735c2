import { Sight, watchOnScreen } from "../../refresh/visibility";

/** Stands in for the browser's IntersectionObserver (jsdom has none): the test says when the list scrolls in or out. */
class FakeObserver {
    public static last: FakeObserver | undefined;
    constructor(private readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
        FakeObserver.last = this;
    }
    public observe(): void {}
    public disconnect(): void {}
    public scroll(isIntersecting: boolean): void {
        this.callback([{ isIntersecting }]);
    }
}

/** An element with a size whose CSS visibility the test sets, as the workspace does to a session in the background. */
function listElement() {
    const element = document.createElement("div");
    const css = { shown: true };
    element.getBoundingClientRect = () => ({ width: 400, height: 300 }) as DOMRect;
    Object.assign(element, { checkVisibility: () => css.shown });
    return { element, css };
}

describe("watchOnScreen", () => {
    beforeEach(() => Object.assign(globalThis, { IntersectionObserver: FakeObserver }));
    afterEach(() => delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver);

    it("keeps a list in a background session hidden when it is scrolled, and shows it again when the agent switches back", () => {
        const { element, css } = listElement();
        const seen: boolean[] = [];
        const sight = new Sight((visible) => seen.push(visible));
        const watch = watchOnScreen(element, (visible) => sight.set("onScreen", visible));
        const observer = FakeObserver.last as FakeObserver;
        observer.scroll(true);
        expect(seen.at(-1) ?? true).toBe(true);

        // The agent switches to another session: the workspace hides this one with visibility: hidden.
        css.shown = false;
        watch.recheck();
        expect(seen.at(-1) ?? true).toBe(false);
        // A scroll in the hidden session: the observer says intersecting, but nobody can see the list.
        observer.scroll(true);
        expect(seen.at(-1) ?? true).toBe(false);

        // Back to this session, then scrolled out of view and in again.
        css.shown = true;
        watch.recheck();
        expect(seen.at(-1) ?? true).toBe(true);
        observer.scroll(false);
        expect(seen.at(-1) ?? true).toBe(false);
        observer.scroll(true);
        expect(seen).toEqual([false, true, false, true]);
        watch.stop();
    });

    it("still sees a session switch where IntersectionObserver is missing", () => {
        delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
        const { element, css } = listElement();
        const seen: boolean[] = [];
        const watch = watchOnScreen(element, (visible) => seen.push(visible));
        css.shown = false;
        watch.recheck();
        expect(seen).toEqual([false]);
    });
});
