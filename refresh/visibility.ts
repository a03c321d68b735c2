/** The three ways a list can be out of sight. All must be true for anyone to be looking. */
export type SightPart = "page" | "control" | "onScreen";

/** Combines what the page, the host and the layout say into one "someone can see the list". */
export class Sight {
    readonly #parts: Record<SightPart, boolean> = { page: true, control: true, onScreen: true };

    readonly #onChange: (visible: boolean) => void;

    constructor(onChange: (visible: boolean) => void) {
        this.#onChange = onChange;
    }

    public get visible(): boolean {
        return this.#parts.page && this.#parts.control && this.#parts.onScreen;
    }

    public set(part: SightPart, value: boolean): void {
        if (this.#parts[part] === value) return;
        const before = this.visible;
        this.#parts[part] = value;
        if (this.visible !== before) this.#onChange(this.visible);
    }
}

/** `document.visibilityState`: hidden when the tab is in the background or the window minimized. */
export function watchPage(doc: Document, onChange: (visible: boolean) => void): () => void {
    const tell = (): void => onChange(doc.visibilityState !== "hidden");
    tell();
    doc.addEventListener("visibilitychange", tell);
    return () => doc.removeEventListener("visibilitychange", tell);
}

/** Whether the element has a size and some of it is on screen; always true where IntersectionObserver is missing. */
export function watchOnScreen(element: Element, onChange: (visible: boolean) => void): () => void {
    if (typeof IntersectionObserver === "undefined") return () => undefined;
    const observer = new IntersectionObserver((entries) => {
        const last = entries[entries.length - 1];
        if (last) onChange(last.isIntersecting && last.boundingClientRect.width > 0 && last.boundingClientRect.height > 0);
    });
    observer.observe(element);
    return () => observer.disconnect();
}

/**
 * Whether the element is laid out with a size and not hidden by CSS: asked when the workspace says
 * the agent moved to another session or tab, since IntersectionObserver ignores `visibility: hidden`.
 */
export function isShown(element: Element): boolean {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    const checkable = element as Element & { checkVisibility?: (options: { visibilityProperty: boolean }) => boolean };
    return typeof checkable.checkVisibility === "function" ? checkable.checkVisibility({ visibilityProperty: true }) : true;
}
