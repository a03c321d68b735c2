import { NO_DEFINITIONS, readColumnDefinitions, type ColumnDefinitions } from "../host/metadata";
import { CONVERSATION_TABLE } from "../host/port";
import type { Timers } from "../refresh/timers";

/** How long the first request of a column set waits for the platform before it goes without the org's definitions. */
export const METADATA_WAIT_MS = 3000;

/** `context.utils`, of which only `getEntityMetadata` is read. */
export interface MetadataPlatform {
    getEntityMetadata?: unknown;
}

interface Entry {
    /** Undefined until the platform answers or the wait is over. */
    definitions?: ColumnDefinitions;
}

/**
 * The org's definitions of the Conversation columns, asked once per platform and column set for
 * the window's life and shared by every instance in it: never per refresh. A platform without the
 * call, or one that rejects, gives none; one that is slow is waited for `METADATA_WAIT_MS`, and its
 * answer is still taken when it comes.
 */
export class ColumnMetadata {
    /** By the platform's function (the same for every instance of a window), then by column set. */
    readonly #entries = new Map<unknown, Map<string, Entry>>();
    readonly #listeners = new Set<() => void>();
    readonly #timers: Timers;
    readonly #waitMs: number;

    constructor(timers: Timers, waitMs = METADATA_WAIT_MS) {
        this.#timers = timers;
        this.#waitMs = waitMs;
    }

    /** Hears every change of any definitions; returns the function that stops it. */
    public subscribe(listener: () => void): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /** The definitions of `columns`, or undefined while their first answer is awaited (subscribers hear when it comes). */
    public lookup(platform: MetadataPlatform | undefined, columns: readonly string[]): ColumnDefinitions | undefined {
        const ask = platform?.getEntityMetadata;
        if (typeof ask !== "function") return NO_DEFINITIONS;
        let byColumns = this.#entries.get(ask);
        if (!byColumns) this.#entries.set(ask, (byColumns = new Map<string, Entry>()));
        const key = [...columns].sort().join();
        const known = byColumns.get(key);
        if (known) return known.definitions;
        const entry: Entry = {};
        byColumns.set(key, entry);
        const settle = (definitions: ColumnDefinitions): void => {
            if (entry.definitions === definitions || (entry.definitions === NO_DEFINITIONS && !definitions.answered)) return;
            entry.definitions = definitions;
            this.#listeners.forEach((listener) => listener());
        };
        const timer = this.#timers.setTimeout(() => settle(entry.definitions ?? NO_DEFINITIONS), this.#waitMs);
        let answer: Promise<unknown>;
        try {
            answer = Promise.resolve((ask as (table: string, attributes: string[]) => unknown).call(platform, CONVERSATION_TABLE, [...columns]));
        } catch (error) {
            answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        void answer
            .then(
                (value) => readColumnDefinitions(value, columns),
                () => NO_DEFINITIONS,
            )
            .then((definitions) => {
                this.#timers.clearTimeout(timer);
                settle(definitions);
                return definitions;
            });
        return undefined;
    }
}
