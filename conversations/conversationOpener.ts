import type { Conversation } from "./conversationRecords";
import type { OmnichannelHost } from "./omnichannelHost";

export type OpenFailure = "rejected" | "noConversationId" | "unavailable";

/** `opening` is the key of the row being opened; `failed` says which row could not be and why. */
export interface OpenerState {
    opening?: string;
    failed?: { conversation: Conversation; failure: OpenFailure };
}

export interface OpenerDependencies {
    resolveHost: () => OmnichannelHost | undefined;
    onChange: (state: OpenerState) => void;
    /** Called once the host has opened the conversation. */
    onOpened: (conversationId: string) => void;
}

/** Opens conversations as workspace sessions, one at a time: a click while one is pending is ignored. */
export class ConversationOpener {
    private current: OpenerState = {};
    private destroyed = false;

    constructor(private readonly deps: OpenerDependencies) {}

    public get state(): OpenerState {
        return this.current;
    }

    public open(conversation: Conversation): void {
        if (this.destroyed || this.current.opening !== undefined) return;
        const { conversationId } = conversation;
        if (conversationId === undefined) {
            this.setState({ failed: { conversation, failure: "noConversationId" } });
            return;
        }
        const host = this.deps.resolveHost();
        if (!host) {
            this.setState({ failed: { conversation, failure: "unavailable" } });
            return;
        }
        this.setState({ opening: conversation.key });
        let opened: Promise<unknown>;
        try {
            opened = host.openConversation(conversationId, conversation.lastSessionId, conversation.workstreamId);
        } catch {
            opened = Promise.reject(new Error("openConversation threw"));
        }
        opened
            .then(() => this.opened(conversationId))
            .catch(() => {
                if (!this.destroyed) this.setState({ failed: { conversation, failure: "rejected" } });
            });
    }

    private opened(conversationId: string): void {
        if (this.destroyed) return;
        this.setState({});
        this.deps.onOpened(conversationId);
    }

    /** Closes the failure message. */
    public dismiss(): void {
        if (!this.destroyed && this.current.failed) this.setState({});
    }

    public destroy(): void {
        this.destroyed = true;
    }

    private setState(state: OpenerState): void {
        this.current = state;
        this.deps.onChange(state);
    }
}
