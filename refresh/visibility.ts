/** The three ways a list can be out of sight. All must be true for anyone to be looking. */
export type SightPart = "page" | "control" | "onScreen";

/** Combines what the page, the host and the layout say into one "someone can see the list". */
export class Sight {
    readonly #parts: Record<SightPart, boolean> = { page: true, control: true, onScreen: true };

    readonly #onChange: (visible: boolean) => void;

    constructor(onChange: (visible: boolean) => void) {
        this.#onChange = onChange;
    }

    public set(part: SightPart, value: boolean): void {
        if (this.#parts[part] === value) return;
        const before = this.#visible();
        this.#parts[part] = value;
        const after = this.#visible();
        if (after !== before) this.#onChange(after);
    }

    #visible(): boolean {
        return this.#parts.page && this.#parts.control && this.#parts.onScreen;
    }
}

/** `document.visibilityState`: hidden when the tab is in the background or the window minimized. */
export function watchPage(doc: Document, onChange: (visible: boolean) => void): () => void {
    const tell = (): void => onChange(doc.visibilityState !== "hidden");
    tell();
    doc.addEventListener("visibilitychange", tell);
    return () => doc.removeEventListener("visibilitychange", tell);
}

/** Follows whether the element can be seen; `recheck` asks again when the workspace moved the agent to another session or tab. */
export interface ScreenWatch {
    recheck(): void;
    stop(): void;
}

/**
 * The one source of "onScreen": the element intersects the viewport (IntersectionObserver; assumed
 * where it is missing) and is laid out with a size and not hidden by CSS. IntersectionObserver does
 * not see `visibility: hidden`, which the workspace puts on a session in the background, so every
 * observer callback and every recheck reads both: a scroll there cannot make the list count as seen.
 */
export function watchOnScreen(element: Element, onChange: (visible: boolean) => void): ScreenWatch {
    let intersecting = true;
    const tell = (): void => onChange(intersecting && isShown(element));
    if (typeof IntersectionObserver === "undefined") return { recheck: tell, stop: () => undefined };
    const observer = new IntersectionObserver((entries) => {
        const last = entries[entries.length - 1];
        if (!last) return;
        intersecting = last.isIntersecting;
        tell();
    });
    observer.observe(element);
    return { recheck: tell, stop: () => observer.disconnect() };
}

/** Whether the element is laid out with a size and not hidden by CSS (`visibility: hidden` included). */
function isShown(element: Element): boolean {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    const checkable = element as Element & { checkVisibility?: (options: { visibilityProperty: boolean }) => boolean };
    return typeof checkable.checkVisibility === "function" ? checkable.checkVisibility({ visibilityProperty: true }) : true;
}
