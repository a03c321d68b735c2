import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ConversationListView, type ConversationListViewProps } from "../../components/ConversationListView";
import { RenderErrorBoundary } from "../../components/RenderErrorBoundary";
import type { ConversationList, FeedState } from "../../conversations/feed";
import { toConversations } from "../../host/records";
import { ConversationFormatter } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";
import { loadResx } from "../support/resx";

const resx = loadResx(1033);
const strings = new Strings((key) => resx.get(key));
const formatter = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
const COLUMNS = ["msdyn_title", "statuscode", "msdyn_channel", "createdon"];

const RECORDS: Record<string, unknown>[] = [
    { msdyn_ocliveworkitemid: "c1", msdyn_lastsessionid: "s1", msdyn_liveworkstreamid: "w1", msdyn_title: "Refund for order 1001", statuscode: 2, msdyn_channel: "192360000", createdon: "2026-11-21T11:00:00Z" },
    { msdyn_ocliveworkitemid: "c2", msdyn_lastsessionid: "s2", msdyn_liveworkstreamid: "w2", msdyn_title: "<img src=x onerror=alert(1)>", statuscode: 3, msdyn_channel: [192300000, 192370000], createdon: "2026-11-20T09:00:00Z" },
    { msdyn_title: "Billing question", statuscode: 5, msdyn_channel: 192340000, createdon: "2026-11-19T09:00:00Z" },
];

function listOf(records: Record<string, unknown>[] = RECORDS, moreRecords = false): ConversationList {
    return { conversations: toConversations(records, COLUMNS), columns: COLUMNS, receivedAt: new Date("2026-11-21T12:00:00Z"), moreRecords };
}

function renderView(feed: FeedState, overrides: Partial<ConversationListViewProps> = {}) {
    const props: ConversationListViewProps = {
        feed,
        openState: {},
        strings,
        formatter,
        width: 900,
        height: 600,
        onRefresh: jest.fn(),
        onOpen: jest.fn(),
        onDismissOpenFailure: jest.fn(),
        ...overrides,
    };
    return { ...render(<ConversationListView {...props} />), props };
}

const dataRows = () => screen.getAllByRole("row").filter((row) => row.getAttribute("data-automationid") === "DetailsRow");

describe("ConversationListView states", () => {
    it("shows a spinner while the first answer is awaited", () => {
        renderView({ kind: "loading" });
        expect(screen.getByTestId("state-loading")).toHaveTextContent("Loading conversations…");
    });

    it("says it works inside Customer Service workspace when the API is missing", async () => {
        renderView({ kind: "unavailable" });
        await waitFor(() => expect(screen.getByTestId("state-unavailable")).toHaveTextContent("Customer Service workspace"));
        expect(screen.queryByRole("grid")).not.toBeInTheDocument();
    });

    it("names the property and the problem for invalid settings", async () => {
        renderView({ kind: "invalid", problems: [{ setting: "agent", code: "notAGuid", value: "bob" }, { setting: "statuses", code: "unknownStatus", value: "Busy" }] });
        const message = screen.getByTestId("state-invalid");
        await waitFor(() => expect(message).toHaveTextContent("Agent: “bob” is not a user id"));
        expect(message).toHaveTextContent("Statuses: “Busy” is not a known status");
    });

    it("shows a readable error with a Retry action that asks for a refresh", async () => {
        const { props } = renderView({ kind: "failed", failure: "timedOut" });
        await waitFor(() => expect(screen.getByTestId("state-error")).toHaveTextContent("didn't answer in time"));
        await userEvent.click(screen.getByRole("button", { name: "Retry" }));
        expect(props.onRefresh).toHaveBeenCalledTimes(1);
    });

    it("shows an empty state when the agent has no conversations", async () => {
        renderView({ kind: "loaded", list: listOf([]) });
        await waitFor(() => expect(screen.getByTestId("state-empty")).toHaveTextContent("No conversations with these statuses."));
    });

    it("says only the first rows are shown, and how to narrow the list, when the host hit its 5,000-row limit", async () => {
        const { rerender, props } = renderView({ kind: "loaded", list: listOf(RECORDS, true) });
        await waitFor(() => expect(screen.getByTestId("more-records")).toHaveTextContent("Only the first 3 conversations are shown"));
        expect(screen.getByTestId("more-records")).toHaveTextContent("fewer statuses or a shorter time window");
        rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: listOf(RECORDS, false) }} />);
        expect(screen.queryByTestId("more-records")).not.toBeInTheDocument();
    });

    it("keeps the rows shown before beside an error", () => {
        renderView({ kind: "failed", failure: "rejected", previous: listOf() });
        expect(screen.getByTestId("state-error")).toBeInTheDocument();
        expect(dataRows()).toHaveLength(3);
    });
});

describe("ConversationListView grid", () => {
    it("shows localized headers, status badges, channel labels, dates and ages, and a count", () => {
        renderView({ kind: "loaded", list: listOf() });
        const headers = screen.getAllByRole("columnheader").map((header) => header.textContent);
        expect(headers).toEqual(["Title", "Status", "Channel", "Created"]);
        const first = within(dataRows()[0]);
        expect(first.getByText("Active")).toBeInTheDocument();
        expect(first.getByText("Live chat")).toBeInTheDocument();
        expect(first.getByText("11/21/26, 11:00 AM")).toBeInTheDocument();
        expect(first.getByText("1 hr. ago")).toBeInTheDocument();
        expect(within(dataRows()[1]).getByText("WhatsApp, Voice")).toBeInTheDocument();
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("3 conversations");
    });

    it("renders what the host sends as text, never as HTML", () => {
        const { container } = renderView({ kind: "loaded", list: listOf() });
        expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
        expect(container.querySelector("img")).toBeNull();
    });

    it("sorts by a clicked header, toggles the direction, and announces it with aria-sort", async () => {
        renderView({ kind: "loaded", list: listOf() });
        const titleHeader = () => screen.getAllByRole("columnheader")[0];
        expect(titleHeader()).toHaveAttribute("aria-sort", "none");
        await userEvent.click(within(titleHeader()).getByText("Title"));
        expect(titleHeader()).toHaveAttribute("aria-sort", "ascending");
        expect(dataRows().map((row) => row.textContent?.slice(0, 6))).toEqual(["<img s", "Billin", "Refund"]);
        await userEvent.click(within(titleHeader()).getByText("Title"));
        expect(titleHeader()).toHaveAttribute("aria-sort", "descending");
        expect(dataRows().map((row) => row.textContent?.slice(0, 6))).toEqual(["Refund", "Billin", "<img s"]);
    });

    it("filters with quick find and counts what is shown", async () => {
        renderView({ kind: "loaded", list: listOf() });
        await userEvent.type(screen.getByRole("searchbox", { name: "Quick find" }), "whatsapp");
        expect(dataRows()).toHaveLength(1);
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("1 of 3 conversations");
        await userEvent.type(screen.getByRole("searchbox", { name: "Quick find" }), " nothing");
        await waitFor(() => expect(screen.getByTestId("state-empty")).toHaveTextContent("No conversations match “whatsapp nothing”."));
    });

    it("opens a conversation on a click, and on Enter or Space on a focused row", async () => {
        const { props } = renderView({ kind: "loaded", list: listOf() });
        await userEvent.click(within(dataRows()[0]).getByText("Refund for order 1001"));
        expect(props.onOpen).toHaveBeenCalledTimes(1);
        expect(props.onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ conversationId: "c1", lastSessionId: "s1", workstreamId: "w1" }));
        // Rows use a roving tabindex: the first row is the grid's tab stop.
        const first = dataRows()[0];
        first.focus();
        expect(first).toHaveFocus();
        await userEvent.keyboard("{Enter}");
        expect(props.onOpen).toHaveBeenCalledTimes(2);
        expect(props.onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ conversationId: "c1" }));
        fireEvent.keyDown(dataRows()[1], { key: "Enter" });
        expect(props.onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ conversationId: "c2" }));
        fireEvent.keyDown(dataRows()[1], { key: "a" });
        expect(props.onOpen).toHaveBeenCalledTimes(3);
        fireEvent.keyDown(dataRows()[0], { key: " " });
        expect(props.onOpen).toHaveBeenCalledTimes(4);
        expect(props.onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ conversationId: "c1" }));
    });

    it("shows why a conversation could not be opened, and lets the agent close the message", async () => {
        const list = listOf();
        const { props } = renderView({ kind: "loaded", list }, { openState: { failed: { conversation: list.conversations[0], failure: "rejected" } } });
        await waitFor(() => expect(screen.getByTestId("open-failure")).toHaveTextContent("“Refund for order 1001” couldn't be opened."));
        expect(dataRows()).toHaveLength(3);
        await userEvent.click(screen.getByRole("button", { name: "Close" }));
        expect(props.onDismissOpenFailure).toHaveBeenCalledTimes(1);
    });

    it("says a conversation is being opened, in the status text", () => {
        const list = listOf();
        renderView({ kind: "loaded", list }, { openState: { opening: list.conversations[0].key } });
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("Opening…");
        expect(dataRows()[0]).toHaveAttribute("aria-busy", "true");
    });

    it("tells a row without an id apart", () => {
        renderView({ kind: "loaded", list: listOf() });
        expect(dataRows()[2]).toHaveAttribute("title", "This conversation has no id and can't be opened");
        expect(dataRows()[2]).toHaveAttribute("aria-disabled", "true");
        expect(dataRows()[0]).toHaveAttribute("title", "Click or press Enter to open this conversation");
    });

    it("virtualizes: a few thousand conversations render only a page of rows", () => {
        const many = Array.from({ length: 3000 }, (_, i) => ({ msdyn_ocliveworkitemid: `c${i}`, msdyn_title: `Conversation ${i}`, statuscode: 2 }));
        renderView({ kind: "loaded", list: listOf(many) });
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("3,000 conversations");
        expect(dataRows().length).toBeLessThan(200);
    });
});

describe("ConversationListView for screen readers and right-to-left languages", () => {
    const announcement = () => screen.getByTestId("count-announcement");

    it("announces the count in one live region, once per change, not on every refresh", () => {
        const list = listOf();
        const { rerender, props } = renderView({ kind: "loaded", list });
        expect(announcement()).toHaveAttribute("role", "status");
        expect(announcement()).toHaveAttribute("aria-live", "polite");
        expect(announcement()).toHaveTextContent("3 conversations");
        expect(screen.getByTestId("conversation-count")).not.toHaveAttribute("aria-live");
        const text = announcement().firstChild;
        rerender(<ConversationListView {...props} feed={{ kind: "loading", previous: list }} />);
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("Updating…");
        expect(announcement()).toHaveTextContent("3 conversations");
        rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: listOf() }} />);
        expect(announcement().firstChild).toBe(text);
        rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: listOf(RECORDS.slice(0, 2)) }} />);
        expect(announcement()).toHaveTextContent("2 conversations");
    });

    it("keeps an error up while a retry is in flight, so a failing refresh does not raise the alert again", async () => {
        const { rerender, props } = renderView({ kind: "failed", failure: "rejected" });
        const error = await screen.findByTestId("state-error");
        rerender(<ConversationListView {...props} feed={{ kind: "loading" }} />);
        expect(screen.getByTestId("state-error")).toBe(error);
        rerender(<ConversationListView {...props} feed={{ kind: "failed", failure: "rejected" }} />);
        expect(screen.getByTestId("state-error")).toBe(error);
        rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: listOf() }} />);
        expect(screen.queryByTestId("state-error")).not.toBeInTheDocument();
    });

    it("lays out right to left when the user's language is, with Fluent's RTL styles", () => {
        const arabic = loadResx(1025);
        const rtlStrings = new Strings((key) => arabic.get(key));
        const { container } = renderView({ kind: "loaded", list: listOf() }, { isRTL: true, strings: rtlStrings });
        const root = container.firstElementChild as HTMLElement;
        expect(root).toHaveAttribute("dir", "rtl");
        expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual(["العنوان", "الحالة", "القناة", "تاريخ الإنشاء"]);
        expect(screen.getByRole("grid")).toHaveAttribute("aria-label", "المحادثات");
    });

    it("lays out left to right otherwise", () => {
        const { container } = renderView({ kind: "loaded", list: listOf() });
        expect(container.firstElementChild).toHaveAttribute("dir", "ltr");
    });
});

describe("RenderErrorBoundary", () => {
    it("shows a message with Retry instead of a blank section when rendering fails, and renders again after Retry", async () => {
        jest.spyOn(console, "error").mockImplementation(() => undefined); // React logs the caught error
        let broken = true;
        const Fragile = () => {
            if (broken) throw new Error("bad data");
            return <span>rows</span>;
        };
        const onRetry = jest.fn(() => {
            broken = false;
        });
        render(
            <RenderErrorBoundary strings={strings} onRetry={onRetry}>
                <Fragile />
            </RenderErrorBoundary>,
        );
        await waitFor(() => expect(screen.getByTestId("state-render-error")).toHaveTextContent("ran into a problem"));
        await userEvent.click(screen.getByRole("button", { name: "Retry" }));
        expect(onRetry).toHaveBeenCalledTimes(1);
        expect(screen.getByText("rows")).toBeInTheDocument();
    });
});
