import type { Channel } from "../refresh/sharing";

/**
 * BroadcastChannel between simulated tabs of one browser: a message reaches every other member,
 * later (through `defer`, the browser's task queue or a simulated one) and as a copy.
 */
export function broadcastHub(defer: (deliver: () => void) => void): () => Channel {
    const members = new Set<Channel>();
    return () => {
        const channel: Channel = {
            onmessage: null,
            postMessage(message: unknown) {
                const text = JSON.stringify(message);
                for (const other of members) if (other !== channel) defer(() => other.onmessage?.({ data: JSON.parse(text) as unknown }));
            },
            close() {
                members.delete(channel);
            },
        };
        members.add(channel);
        return channel;
    };
}
