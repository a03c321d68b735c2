import { findOmnichannelHost, SessionEvents } from "../host/adapter";
import type { OmnichannelHost } from "../host/port";
import { createBrowserSharing, type RequestSharing } from "../refresh/sharing";
import { browserTimers } from "../refresh/timers";
import { ColumnMetadata } from "../conversations/columnMetadata";

/** What every list in a window shares, and holds open for as long as one of them lives. */
export interface WindowResources {
    /** Calls in flight and answers, with the window's other lists and, over a BroadcastChannel, the other tabs. */
    sharing: RequestSharing;
    sessions: SessionEvents;
    /** The org's column definitions, asked once per column set while the window has a list (a new one may name new columns). */
    metadata: ColumnMetadata;
    /**
     * The host, looked up on each call, so a late one is still found. `Microsoft.Apm` comes from the same
     * workspace, perhaps as late: it is looked for with it, on the same schedule.
     */
    resolveHost: () => OmnichannelHost | undefined;
}

/**
 * Owns the window's resources: opened for the first list, closed when the last is destroyed (the
 * other tabs then stop copying answers to a window with nobody in it), opened again for the next.
 */
export class WindowOwner {
    #lists = 0;
    #resources: WindowResources | undefined;

    readonly #open: () => WindowResources;

    constructor(open: () => WindowResources) {
        this.#open = open;
    }

    /** The resources for one more list; its `release` (once, on destroy) gives them back. */
    public acquire(): { resources: WindowResources; release: () => void } {
        this.#lists++;
        const resources = (this.#resources ??= this.#open());
        let released = false;
        const release = (): void => {
            if (released) return;
            released = true;
            if (--this.#lists > 0) return;
            resources.sharing.close();
            resources.sessions.close();
            this.#resources = undefined;
        };
        return { resources, release };
    }
}

/** The browser window's resources. */
export function openWindowResources(start: Window, maxWaitMs: number): WindowResources {
    const sessions = new SessionEvents(start);
    return {
        sharing: createBrowserSharing(maxWaitMs),
        sessions,
        metadata: new ColumnMetadata(browserTimers),
        resolveHost: () => {
            sessions.look();
            return findOmnichannelHost(start);
        },
    };
}
