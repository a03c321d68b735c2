import type { GetConversationsInput, OmnichannelHost } from "./omnichannelHost";

/** The shape of `Microsoft.Omnichannel` this adapter relies on: methods are checked, not trusted. */
interface OmnichannelGlobal {
    getConversations: (input: GetConversationsInput, correlationId?: string) => unknown;
    openConversation: (conversationId: string, lastsessionId?: string, liveworkstreamId?: string) => unknown;
    getConversationId?: () => unknown;
}

/** Reads `Microsoft.Omnichannel` from one window; a cross-origin frame throws on access, so guard it. */
function omnichannelOf(frame: Window | null | undefined): OmnichannelGlobal | undefined {
    try {
        const candidate = (frame as unknown as { Microsoft?: { Omnichannel?: unknown } } | null | undefined)?.Microsoft?.Omnichannel;
        if (
            candidate &&
            typeof (candidate as OmnichannelGlobal).getConversations === "function" &&
            typeof (candidate as OmnichannelGlobal).openConversation === "function"
        ) {
            return candidate as OmnichannelGlobal;
        }
    } catch {
        // Cross-origin parent or top: not ours to read.
    }
    return undefined;
}

function framesOf(start: Window): (Window | null | undefined)[] {
    const frames: (Window | null | undefined)[] = [start];
    for (const relative of ["parent", "top"] as const) {
        try {
            frames.push(start[relative]);
        } catch {
            // Accessing a relative can itself throw in sandboxed frames.
        }
    }
    return frames;
}

/** Calls a host method and turns a synchronous throw or a non-promise answer into a promise. */
function asPromise(call: () => unknown): Promise<unknown> {
    try {
        return Promise.resolve(call());
    } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
}

/**
 * Finds the host API the way public code does: this window, then parent, then top.
 * Returns undefined outside Customer Service workspace.
 */
export function findOmnichannelHost(start: Window): OmnichannelHost | undefined {
    for (const frame of framesOf(start)) {
        const api = omnichannelOf(frame);
        if (api) {
            return {
                getConversations: (input, correlationId) => asPromise(() => api.getConversations(input, correlationId)),
                openConversation: (conversationId, lastsessionId, liveworkstreamId) =>
                    asPromise(() => api.openConversation(conversationId, lastsessionId, liveworkstreamId)),
                getConversationId: () =>
                    typeof api.getConversationId === "function"
                        ? asPromise(() => api.getConversationId?.())
                        : Promise.resolve(undefined),
            };
        }
    }
    return undefined;
}
