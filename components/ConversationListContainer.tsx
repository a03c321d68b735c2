import * as React from "react";
import type { FeedState } from "../conversations/feed";
import type { OpenerState } from "../conversations/opener";
import type { StateStore } from "../conversations/stateStore";
import { ConversationListView, type ConversationListViewProps } from "./ConversationListView";
import { RenderErrorBoundary } from "./RenderErrorBoundary";
import { useStoreState } from "./useStoreState";

/**
 * What the validated settings give the view. Worked out once the org's column definitions are known,
 * which may be after updateView returned; replaced only when something in it changed.
 */
export type ShownSettings = Pick<ConversationListViewProps, "definitions" | "statuses" | "columns" | "refreshMinutes" | "waitingAlertMinutes">;

export interface ConversationListState {
    feed: FeedState;
    openState: OpenerState;
    /** The conversation of the workspace's focused session, if it has one. */
    focusedConversationId?: string;
    shown: ShownSettings;
}

export type ConversationListContainerProps = Omit<ConversationListViewProps, keyof ConversationListState | keyof ShownSettings> & {
    store: StateStore<ConversationListState>;
};

/** Follows the control's state store and renders the view with it. */
export const ConversationListContainer = React.memo(function ConversationListContainer({ store, ...props }: ConversationListContainerProps) {
    const { feed, openState, focusedConversationId, shown } = useStoreState(store);
    return (
        <RenderErrorBoundary strings={props.strings} onRetry={props.onRefresh}>
            <ConversationListView {...props} {...shown} feed={feed} openState={openState} focusedConversationId={focusedConversationId} />
        </RenderErrorBoundary>
    );
});
