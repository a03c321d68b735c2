/**
 * The control's state, held outside React so the PCF class can update it and the view can follow
 * it. The view subscribes instead of relying on `context.factory.requestRender`, which some hosts
 * (the pcf-start 1.51.1 harness among them) do not implement.
 */
export class StateStore<T> {
    readonly #listeners = new Set<(state: T) => void>();

    #current: T;

    constructor(initial: T) {
        this.#current = initial;
    }

    public get(): T {
        return this.#current;
    }

    /** Replaces the state and tells every subscriber; an identical state tells no one. */
    public set(next: T): void {
        if (Object.is(next, this.#current)) return;
        this.#current = next;
        this.#listeners.forEach((listener) => listener(next));
    }

    public update(change: Partial<T>): void {
        this.set({ ...this.#current, ...change });
    }

    /** Returns the function that unsubscribes. */
    public subscribe(listener: (state: T) => void): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }
}
