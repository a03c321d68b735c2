import type { OmnichannelHost } from "../host/port";
import { normalizeGuid } from "./guid";

export interface FocusedSessionDependencies {
    resolveHost: () => OmnichannelHost | undefined;
    /** Called with the focused session's conversation id (lower case, no braces), or undefined for none. */
    onChange: (conversationId: string | undefined) => void;
}

/**
 * Follows which conversation the workspace's focused session holds, so that its row can be marked.
 * `getConversationId` reads the session's own context in the browser: it is never a Dataverse query,
 * so asking it on every session switch costs the organisation nothing.
 */
export class FocusedSession {
    #conversationId: string | undefined;
    /** Increments with every question; an answer to an older one is ignored. */
    #question = 0;
    #destroyed = false;
    readonly #deps: FocusedSessionDependencies;

    constructor(deps: FocusedSessionDependencies) {
        this.#deps = deps;
    }

    /** Asks the host again. The Home session (the script rejects or answers empty) and a missing host mark nothing. */
    public check(): void {
        if (this.#destroyed) return;
        const host = this.#deps.resolveHost();
        if (!host) {
            this.#set(undefined);
            return;
        }
        const question = ++this.#question;
        const answer = (id: string | undefined): void => {
            if (question === this.#question) this.#set(id);
        };
        host.getConversationId()
            .then((value) => answer(typeof value === "string" ? normalizeGuid(value) : undefined))
            .catch(() => answer(undefined));
    }

    public destroy(): void {
        this.#destroyed = true;
    }

    #set(conversationId: string | undefined): void {
        if (this.#destroyed || conversationId === this.#conversationId) return;
        this.#conversationId = conversationId;
        this.#deps.onChange(conversationId);
    }
}
