import * as React from "react";
import type { IInputs, IOutputs } from "./generated/ManifestTypes";
import { ConversationListContainer, type ConversationListContainerProps, type ConversationListState, type ShownSettings } from "./components/ConversationListContainer";
import { ConversationFeed, DEFAULT_TIMEOUT_MS } from "./conversations/feed";
import { browserClock, browserTimers } from "./refresh/timers";
import { openWindowResources, WindowOwner } from "./window/resources";
import { Sight, watchOnScreen, watchPage, type ScreenWatch } from "./refresh/visibility";
import { readViewState, viewStateRecord, type ViewState } from "./conversations/viewState";
import { ConversationOpener } from "./conversations/opener";
import { FocusedSession } from "./conversations/focusedSession";
import type { Conversation } from "./conversations/model";
import { buildConversationRequest, columnsToDescribe, type ConversationSettings } from "./conversations/request";
import type { ColumnMetadata } from "./conversations/columnMetadata";
import { newCorrelationId } from "./conversations/correlationId";
import { StateStore } from "./conversations/stateStore";
import { ConversationFormatter } from "./conversations/formatting";
import { userContextOf } from "./conversations/user";
import { Strings } from "./conversations/strings";

/** Maps the host's context to the plain settings the request builder validates. */
function settingsOf(context: ComponentFramework.Context<IInputs>): ConversationSettings {
    const { parameters } = context;
    const { agent } = parameters;
    const targets = (agent.attributes as Partial<ComponentFramework.PropertyHelper.FieldPropertyMetadata.LookupMetadata> | undefined)?.Targets;
    return {
        agent: agent.raw,
        agentTargets: Array.isArray(targets) ? targets : undefined,
        agentReadable: agent.security?.readable,
        agentFallback: parameters.agentFallback.raw,
        currentUserId: context.userSettings.userId,
        statuses: parameters.statuses.raw,
        columns: parameters.columns.raw,
        orderBy: parameters.orderBy.raw,
        createdWithinDays: parameters.createdWithinDays.raw,
        createdAtLeastDaysAgo: parameters.createdAtLeastDaysAgo.raw,
        refreshMinutes: parameters.refreshMinutes.raw,
        waitingAlertMinutes: parameters.waitingAlertMinutes.raw,
    };
}

/** What the window's instances share: the tabs' channel, the session events, the column definitions. */
const windowOwner = new WindowOwner(() => openWindowResources(window, DEFAULT_TIMEOUT_MS));

const NO_STATUSES: readonly number[] = [];

/** Equal shown settings, so an updateView that changed none of them re-renders nothing. */
const sameShown = (a: ShownSettings, b: ShownSettings): boolean =>
    a.definitions === b.definitions &&
    (a.statuses ?? NO_STATUSES).join() === (b.statuses ?? NO_STATUSES).join() &&
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the columns as text, the shortest compare (the bundle is at its limit)
    `${a.columns}` === `${b.columns}` &&
    a.refreshMinutes === b.refreshMinutes &&
    a.waitingAlertMinutes === b.waitingAlertMinutes;

/**
 * Lists an agent's Omnichannel conversations and opens one as a workspace session. Its members are
 * TypeScript `private`, not `#` fields like the classes it uses: the platform owns this object, and a
 * host that wrapped it in a Proxy would make every `#` read throw.
 */
export class ConversationList implements ComponentFramework.ReactControl<IInputs, IOutputs> {
    private feed: ConversationFeed;
    private conversationOpener: ConversationOpener;
    private focusedSession: FocusedSession;
    private strings: Strings;
    private formatter: ConversationFormatter;
    private lastOpenedConversationId: string | undefined;
    private stopWatchingSessions: () => void;
    private stopWatchingPage: () => void;
    private stopWatchingMetadata: () => void;
    private releaseWindow: () => void;
    private columnMetadata: ColumnMetadata;
    private screenWatch: ScreenWatch | undefined;
    private sight: Sight;
    private context: ComponentFramework.Context<IInputs>;
    private initialViewState: ViewState;
    private savedViewState = "";
    private readonly store = new StateStore<ConversationListState>({ feed: { kind: "idle" }, openState: {}, shown: {} });

    public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void, state?: ComponentFramework.Dictionary): void {
        context.mode.trackContainerResize(true);
        this.context = context;
        this.initialViewState = readViewState(state);
        this.savedViewState = JSON.stringify(viewStateRecord(this.initialViewState));
        const { resources, release } = windowOwner.acquire();
        this.releaseWindow = release;
        const { resolveHost } = resources;
        this.strings = new Strings((key) => context.resources.getString(key));
        const user = userContextOf(context.userSettings, navigator.language);
        this.formatter = new ConversationFormatter(user);
        this.focusedSession = new FocusedSession({ resolveHost, onChange: (focusedConversationId) => this.store.update({ focusedConversationId }) });
        this.feed = new ConversationFeed({
            resolveHost,
            onChange: (feed) => {
                this.store.update({ feed });
                // A fresh answer: the host is there (perhaps only now), so ask which session has focus.
                if (feed.kind === "loaded") this.focusedSession.check();
            },
            newCorrelationId,
            clock: browserClock,
            sharing: resources.sharing,
            timeoutMs: DEFAULT_TIMEOUT_MS,
            user,
        });
        this.columnMetadata = resources.metadata;
        // The definitions may come after updateView returned: the settings are worked out again then.
        this.stopWatchingMetadata = this.columnMetadata.subscribe(() => this.applySettings());
        // Nobody looking, no requests: the tab, the host's own visibility flag and the layout all count.
        this.sight = new Sight((visible) => this.feed.setVisible(visible));
        this.stopWatchingPage = watchPage(document, (visible) => this.sight.set("page", visible));
        // A closed session changed a conversation; a switch changed none, so it only makes the list look whether it is seen.
        this.stopWatchingSessions = resources.sessions.subscribe({
            onSessionClosed: () => {
                this.feed.markStale();
                this.focusedSession.check();
            },
            onFocusMoved: () => {
                this.focusedSession.check();
                this.screenWatch?.recheck();
            },
        });
        this.conversationOpener = new ConversationOpener({
            resolveHost,
            onChange: (openState) => this.store.update({ openState }),
            timers: browserTimers,
            timeoutMs: DEFAULT_TIMEOUT_MS,
            onOpened: (conversationId) => {
                this.lastOpenedConversationId = conversationId;
                notifyOutputChanged();
            },
        });
    }

    public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
        this.context = context;
        this.sight.set("control", context.mode.isVisible !== false);
        this.applySettings();
        const props: ConversationListContainerProps = {
            store: this.store,
            strings: this.strings,
            formatter: this.formatter,
            width: context.mode.allocatedWidth,
            height: context.mode.allocatedHeight,
            isRTL: context.userSettings.isRTL,
            tokenTheme: context.fluentDesignLanguage?.tokenTheme,
            onRefresh: this.refresh,
            onOpen: this.open,
            onDismissOpenFailure: this.dismissOpenFailure,
            initialViewState: this.initialViewState,
            onViewStateChange: this.saveViewState,
            onRootElement: this.watchRoot,
        };
        return React.createElement(ConversationListContainer, props);
    }

    public getOutputs(): IOutputs {
        return { lastOpenedConversationId: this.lastOpenedConversationId };
    }

    public destroy(): void {
        this.stopWatchingMetadata();
        this.stopWatchingSessions();
        this.stopWatchingPage();
        this.screenWatch?.stop();
        this.feed.destroy();
        this.conversationOpener.destroy();
        this.focusedSession.destroy();
        this.releaseWindow();
    }

    /**
     * The request from the properties, validated against the org's column definitions: until they are
     * known the list says Loading…, so a column the table lacks is named before anything is asked.
     */
    private applySettings(): void {
        const settings = settingsOf(this.context);
        const definitions = this.columnMetadata.lookup(this.context.utils, columnsToDescribe(settings));
        if (!definitions) return;
        const plan = buildConversationRequest(settings, definitions);
        this.feed.apply(plan);
        const request = plan.kind === "request" ? plan : undefined;
        const shown: ShownSettings = {
            definitions,
            statuses: request?.input.status ?? NO_STATUSES,
            columns: request?.columns,
            refreshMinutes: request?.refreshMinutes,
            waitingAlertMinutes: request?.waitingAlertMinutes,
        };
        if (!sameShown(shown, this.store.get().shown)) this.store.update({ shown });
    }

    // Stable callbacks: the container is memoized on its props.
    private readonly refresh = (): void => this.feed.refresh();
    private readonly open = (conversation: Conversation): void => this.conversationOpener.open(conversation);
    private readonly dismissOpenFailure = (): void => this.conversationOpener.dismiss();
    /** Sort and quick find survive a form reload; the host is told only when they really changed. */
    private readonly saveViewState = (state: ViewState): void => {
        const record = viewStateRecord(state);
        const text = JSON.stringify(record);
        if (text === this.savedViewState) return;
        this.savedViewState = text;
        this.context.mode.setControlState?.(record);
    };
    /** The view's root element: off screen, hidden or without a size, nobody can see the list. */
    private readonly watchRoot = (element: HTMLElement | null): void => {
        this.screenWatch?.stop();
        this.screenWatch = element ? watchOnScreen(element, (visible) => this.sight.set("onScreen", visible)) : undefined;
        if (!element) this.sight.set("onScreen", true);
    };
}
