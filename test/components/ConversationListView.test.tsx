import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DetailsRowBase } from "@fluentui/react";
import { ConversationListView, type ConversationListViewProps } from "../../components/ConversationListView";
import { RenderErrorBoundary } from "../../components/RenderErrorBoundary";
import type { ConversationSnapshot, FeedState } from "../../conversations/feed";
import { toConversations } from "../../conversations/model";
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

function listOf(records: Record<string, unknown>[] = RECORDS, moreRecords: false | number = false): ConversationSnapshot {
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

/** The toolbar: the parent of the count's column. */
const toolbar = () => screen.getByTestId("conversation-count").parentElement!.parentElement!;
const dataRows = () => screen.getAllByRole("row").filter((row) => row.getAttribute("data-automationid") === "DetailsRow");

describe("ConversationListView states", () => {
    it("shows a spinner while the first answer is awaited", () => {
        renderView({ kind: "loading" });
        expect(screen.getByTestId("state-loading")).toHaveTextContent("Loading conversations…");
    });

    it("shows the headers above the spinner while the first answer is awaited, and the answer fills that same grid", () => {
        const { rerender, props } = renderView({ kind: "loading" }, { columns: COLUMNS });
        const grid = screen.getByRole("grid");
        expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual(["Title", "Status", "Channel", "Created"]);
        expect(screen.getByTestId("state-loading")).toBeInTheDocument();
        rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: listOf() }} />);
        // Not made anew: the answer only adds rows under the headers already laid out.
        expect(screen.getByRole("grid")).toBe(grid);
        expect(dataRows()).toHaveLength(3);
        expect(screen.queryByTestId("state-loading")).not.toBeInTheDocument();
        // Narrow, the spinner alone; a first load that failed shows no empty grid under its error.
        rerender(<ConversationListView {...props} width={300} />);
        expect(screen.queryByText("Sort by")).not.toBeInTheDocument();
        expect(screen.getByTestId("state-loading")).toBeInTheDocument();
        rerender(<ConversationListView {...props} feed={{ kind: "failed", failure: "rejected" }} />);
        expect(screen.queryByRole("grid")).not.toBeInTheDocument();
        expect(screen.queryByTestId("state-loading")).not.toBeInTheDocument();
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

    it("shows a readable error with one retry action, in Refresh's place, that asks for a refresh", async () => {
        const { props } = renderView({ kind: "failed", failure: "timedOut" });
        await waitFor(() => expect(screen.getByTestId("state-error")).toHaveTextContent("didn't answer in time"));
        expect(screen.queryByRole("button", { name: "Refresh" })).not.toBeInTheDocument();
        expect(screen.getAllByRole("button", { name: "Retry" })).toHaveLength(1);
        expect(within(toolbar()).getByRole("button", { name: "Retry" })).toBeInTheDocument();
        await userEvent.click(screen.getByRole("button", { name: "Retry" }));
        expect(props.onRefresh).toHaveBeenCalledTimes(1);
    });

    it("says Loading… on the first load and Refreshing… on later ones", () => {
        const { rerender, props } = renderView({ kind: "loading" });
        expect(screen.getByTestId("conversation-count")).toHaveTextContent(/^Loading…$/);
        rerender(<ConversationListView {...props} feed={{ kind: "loading", previous: listOf() }} />);
        expect(screen.getByTestId("conversation-count")).toHaveTextContent(/^Refreshing…$/);
    });

    it("keeps the count first and quick find and Refresh last in the toolbar, whatever the count says", () => {
        const { rerender, props } = renderView({ kind: "loaded", list: listOf() });
        const order = () => Array.from(toolbar().querySelectorAll("[data-testid=conversation-count], input, button")).map((element) => element.tagName);
        expect(order()).toEqual(["SPAN", "INPUT", "BUTTON"]);
        rerender(<ConversationListView {...props} feed={{ kind: "loading", previous: listOf() }} />);
        expect(order()).toEqual(["SPAN", "INPUT", "BUTTON"]);
    });

    it("shows the title semibold", () => {
        renderView({ kind: "loaded", list: listOf() });
        const title = within(dataRows()[0]).getByText("Refund for order 1001");
        expect(getComputedStyle(title).fontWeight).toBe("600");
    });

    it("shows an empty state when the agent has no conversations", async () => {
        renderView({ kind: "loaded", list: listOf([]) });
        await waitFor(() => expect(screen.getByTestId("state-empty")).toHaveTextContent("No conversations with these statuses."));
    });

    it("says only the first rows are shown, and how to narrow the list, when the host hit its 5,000-row limit", async () => {
        // The host's count, not the rows left after the control's own Created-within filter.
        const { rerender, props } = renderView({ kind: "loaded", list: listOf(RECORDS, 5000) });
        await waitFor(() => expect(screen.getByText(/^Only the first/)).toHaveTextContent("Only the first 5,000 conversations are shown"));
        expect(screen.getByText(/^Only the first/)).toHaveTextContent("fewer statuses or a shorter time window");
        rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: listOf(RECORDS, false) }} />);
        expect(screen.queryByText(/^Only the first/)).not.toBeInTheDocument();
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

    it("keeps focus on a focused row's conversation when a refresh reorders the list, and repaints the drawn rows in place on a sort", async () => {
        const records = RECORDS.map((record, i) => ({ ...record, msdyn_ocliveworkitemid: `c${i + 1}` }));
        const { rerender, props } = renderView({ kind: "loaded", list: listOf(records) });
        dataRows()[0].focus();
        rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: listOf([records[2], records[1], records[0]]) }} />);
        // The first row's conversation is now the last row: focus went with it (Fluent moves focus a moment later).
        await waitFor(() => expect(document.activeElement).toBe(dataRows()[2]));
        expect(document.activeElement).toHaveTextContent("Refund for order 1001");
        await userEvent.keyboard("{Enter}");
        expect(props.onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ conversationId: "c1" }));
        const before = dataRows();
        await userEvent.click(within(screen.getAllByRole("columnheader")[0]).getByText("Title"));
        const sorted = dataRows();
        expect(sorted.map((row) => row.textContent?.slice(0, 7))).toEqual(["<img sr", "Billing", "Refund "]);
        // The same elements, now showing other conversations: nothing was made again.
        sorted.forEach((row, i) => expect(row).toBe(before[i]));
    });

    it("renders again only the drawn rows a refresh changed, and still shows every change", () => {
        const renders = jest.spyOn(DetailsRowBase.prototype, "render");
        const { rerender, props } = renderView({ kind: "loaded", list: listOf() });
        const refreshed = (records: Record<string, unknown>[], receivedAt = "2026-11-21T12:00:00Z") =>
            rerender(<ConversationListView {...props} feed={{ kind: "loaded", list: { ...listOf(records), receivedAt: new Date(receivedAt) } }} />);
        renders.mockClear();
        refreshed(RECORDS.map((record) => ({ ...record })));
        expect(renders).not.toHaveBeenCalled();
        refreshed([RECORDS[0], { ...RECORDS[1], statuscode: 2 }, RECORDS[2]]);
        expect(renders).toHaveBeenCalledTimes(1);
        expect(within(dataRows()[1]).getByText("Active")).toBeInTheDocument();
        // An hour later the ages of the two newer rows moved (and the second row's status went back): those two are painted again.
        renders.mockClear();
        const ages = dataRows().map((row) => row.textContent);
        refreshed(RECORDS, "2026-11-21T13:00:00Z");
        expect(renders).toHaveBeenCalledTimes(2);
        expect(dataRows().map((row, i) => row.textContent === ages[i])).toEqual([false, false, true]);
        expect(within(dataRows()[0]).getByText("2 hr. ago")).toBeInTheDocument();
        renders.mockRestore();
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

    it("marks the focused session's conversation, and only that row, in the grid and the narrow list", () => {
        const { rerender, props } = renderView({ kind: "loaded", list: listOf() }, { focusedConversationId: "c2" });
        expect(dataRows().map((row) => row.getAttribute("aria-current"))).toEqual([null, "true", null]);
        rerender(<ConversationListView {...props} focusedConversationId="c1" openState={{ opening: "c2" }} />);
        expect(dataRows().map((row) => row.getAttribute("aria-current"))).toEqual(["true", null, null]);
        expect(dataRows()[1]).toHaveAttribute("aria-busy", "true");
        rerender(<ConversationListView {...props} width={380} />);
        expect(screen.getAllByTestId("narrow-row").map((row) => row.getAttribute("aria-current"))).toEqual([null, "true", null]);
        rerender(<ConversationListView {...props} width={380} focusedConversationId="c1" />);
        expect(screen.getAllByTestId("narrow-row").map((row) => row.getAttribute("aria-current"))).toEqual(["true", null, null]);
        rerender(<ConversationListView {...props} width={380} focusedConversationId={undefined} />);
        expect(screen.getAllByTestId("narrow-row").map((row) => row.getAttribute("aria-current"))).toEqual([null, null, null]);
        rerender(<ConversationListView {...props} width={380} focusedConversationId={undefined} openState={{ opening: "c1" }} />);
        expect(screen.getAllByTestId("narrow-row")[0]).toHaveAttribute("aria-busy", "true");
    });

    it("treats a row without an id alike wide and narrow: focusable, marked disabled with the same words, opening nothing", async () => {
        const { props, rerender } = renderView({ kind: "loaded", list: listOf() });
        const check = async (rows: HTMLElement[]) => {
            expect(rows[2]).toHaveAttribute("title", "This conversation has no id and can't be opened");
            expect(rows[2]).toHaveAttribute("aria-disabled", "true");
            expect(rows[2]).not.toBeDisabled();
            expect(rows[0]).toHaveAttribute("title", "Click or press Enter to open this conversation");
            expect(rows[0]).not.toHaveAttribute("aria-disabled");
            await userEvent.click(rows[2]);
            fireEvent.keyDown(rows[2], { key: "Enter" });
            expect(props.onOpen).not.toHaveBeenCalled();
        };
        await check(dataRows());
        rerender(<ConversationListView {...props} width={380} />);
        await check(screen.getAllByTestId("narrow-row"));
    });

    it("virtualizes: a few thousand conversations render only a page of rows", () => {
        const many = Array.from({ length: 3000 }, (_, i) => ({ msdyn_ocliveworkitemid: `c${i}`, msdyn_title: `Conversation ${i}`, statuscode: 2 }));
        renderView({ kind: "loaded", list: listOf(many) });
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("3,000 conversations");
        // jsdom lays nothing out, so Fluent's List renders its first page: ten rows.
        expect(dataRows().map((row) => within(row).getAllByRole("gridcell")[0].textContent)).toEqual(Array.from({ length: 10 }, (_, i) => `Conversation ${i}`));
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
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("Refreshing…");
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

describe("status chips", () => {
    const chip = (name: RegExp) => within(screen.getByRole("group", { name: "Filter by status" })).getByRole("button", { name });

    it("show one chip per configured status with its count, zero included, in the maker's order", () => {
        renderView({ kind: "loaded", list: listOf() }, { statuses: [2, 3, 5, 1] });
        const names = within(screen.getByRole("group", { name: "Filter by status" })).getAllByRole("button").map((button) => button.textContent);
        expect(names).toEqual(["Active 1", "Waiting 1", "Wrap-up 1", "Open 0"]);
    });

    it("label chips and badges alike: the org's own label when any row carries it, the resx otherwise", () => {
        const FORMATTED = "statuscode@OData.Community.Display.V1.FormattedValue";
        const records = [
            { msdyn_ocliveworkitemid: "a", msdyn_title: "a", statuscode: 192350000, [FORMATTED]: "Escalated" },
            { msdyn_ocliveworkitemid: "b", msdyn_title: "b", statuscode: 3, [FORMATTED]: "On hold" },
            { msdyn_ocliveworkitemid: "c", msdyn_title: "c", statuscode: 3 },
        ];
        renderView({ kind: "loaded", list: listOf(records) }, { statuses: [2, 3, 192350000] });
        const names = within(screen.getByRole("group", { name: "Filter by status" })).getAllByRole("button").map((button) => button.textContent);
        expect(names).toEqual(["Active 0", "On hold 2", "Escalated 1"]);
        expect(dataRows().map((row) => within(row).getAllByRole("gridcell")[1].textContent)).toEqual(["Escalated", "On hold", "On hold"]);
    });

    it("filter on a click without asking the host again, toggle off on a second click, and carry aria-pressed", async () => {
        const onViewStateChange = jest.fn();
        const { props } = renderView({ kind: "loaded", list: listOf() }, { statuses: [2, 3, 5], onViewStateChange });
        expect(chip(/^Waiting/)).toHaveAttribute("aria-pressed", "false");
        await userEvent.click(chip(/^Waiting/));
        expect(chip(/^Waiting/)).toHaveAttribute("aria-pressed", "true");
        expect(dataRows()).toHaveLength(1);
        expect(screen.getByTestId("conversation-count")).toHaveTextContent("1 of 3 conversations");
        await userEvent.click(chip(/^Active/));
        expect(dataRows()).toHaveLength(2);
        expect(onViewStateChange).toHaveBeenLastCalledWith({ query: "", sort: undefined, pickedStatuses: [3, 2] });
        await userEvent.click(chip(/^Waiting/));
        await userEvent.click(chip(/^Active/));
        expect(dataRows()).toHaveLength(3);
        expect(props.onRefresh).not.toHaveBeenCalled();
    });

    it("work from the keyboard: Tab reaches them, Enter and Space toggle", async () => {
        renderView({ kind: "loaded", list: listOf() }, { statuses: [2, 3] });
        chip(/^Active/).focus();
        await userEvent.keyboard("{Enter}");
        expect(chip(/^Active/)).toHaveAttribute("aria-pressed", "true");
        await userEvent.tab();
        expect(chip(/^Waiting/)).toHaveFocus();
        await userEvent.keyboard(" ");
        expect(chip(/^Waiting/)).toHaveAttribute("aria-pressed", "true");
        expect(dataRows()).toHaveLength(2);
    });

    it("start from the saved pick and ignore a status the maker no longer shows", () => {
        renderView({ kind: "loaded", list: listOf() }, { statuses: [2, 5], initialViewState: { query: "", pickedStatuses: [5, 3] } });
        expect(chip(/^Wrap-up/)).toHaveAttribute("aria-pressed", "true");
        expect(dataRows().map((row) => within(row).getAllByRole("gridcell")[0].textContent)).toEqual(["Billing question"]);
    });
});

describe("narrow layout", () => {
    const COLUMNS_WITH_CUSTOMER = [...COLUMNS, "msdyn_customer"];
    const narrowList = (): ConversationSnapshot => ({
        conversations: toConversations(
            RECORDS.map((record, index) => ({ ...record, msdyn_customer: index === 0 ? "5f1d8e4a-3b2c-4d5e-8f90-a1b2c3d4e5f6" : undefined, "msdyn_customer@OData.Community.Display.V1.FormattedValue": index === 1 ? "Contoso" : undefined })),
            COLUMNS_WITH_CUSTOMER,
        ),
        columns: COLUMNS_WITH_CUSTOMER,
        receivedAt: new Date("2026-11-21T12:00:00Z"),
        moreRecords: false,
    });
    const items = () => screen.getAllByTestId("narrow-row");

    it("below 560 px shows two lines per conversation (title and status; customer · channel · age) instead of the grid", () => {
        const { rerender, props } = renderView({ kind: "loaded", list: narrowList() }, { width: 380 });
        expect(screen.queryByRole("grid")).not.toBeInTheDocument();
        expect(screen.getByTestId("conversation-list")).toHaveAttribute("data-layout", "narrow");
        expect(items()[1]).toHaveTextContent("<img src=x onerror=alert(1)>Waiting");
        expect(items()[1]).toHaveTextContent("Contoso · WhatsApp, Voice · yesterday");
        // A customer without a name is left out, never shown as a GUID.
        expect(within(items()[0]).getByText("Live chat · 1 hr. ago")).toBeInTheDocument();
        rerender(<ConversationListView {...props} width={900} />);
        expect(screen.getByRole("grid")).toBeInTheDocument();
        expect(screen.queryByTestId("narrow-row")).not.toBeInTheDocument();
    });

    it("is one tab stop: Tab enters at one row and leaves past the last; arrows, Home and End move between rows; Enter opens", async () => {
        const { props } = renderView({ kind: "loaded", list: narrowList() }, { width: 380 });
        const stops = () => items().filter((item) => item.tabIndex === 0);
        expect(stops()).toEqual([items()[0]]);
        screen.getByRole("button", { name: "Descending order" }).focus();
        await userEvent.tab();
        expect(items()[0]).toHaveFocus();
        await userEvent.keyboard("{ArrowDown}");
        expect(items()[1]).toHaveFocus();
        await userEvent.keyboard("{End}");
        expect(items()[2]).toHaveFocus();
        await userEvent.keyboard("{ArrowDown}");
        expect(items()[2]).toHaveFocus();
        await userEvent.keyboard("{Home}");
        expect(items()[0]).toHaveFocus();
        await userEvent.keyboard("{ArrowDown}");
        expect(stops()).toEqual([items()[1]]);
        // Shift+Tab and Tab come back to the row the agent left, not to the first.
        await userEvent.tab({ shift: true });
        expect(screen.getByRole("button", { name: "Descending order" })).toHaveFocus();
        await userEvent.tab();
        expect(items()[1]).toHaveFocus();
        await userEvent.tab();
        expect(items().some((item) => item === document.activeElement)).toBe(false);
        await userEvent.tab({ shift: true });
        await userEvent.keyboard("{Enter}");
        expect(props.onOpen).toHaveBeenCalledTimes(1);
    });

    it("sorts from the Sort by menu and the order button, and opens a conversation with a click", async () => {
        const { props } = renderView({ kind: "loaded", list: narrowList() }, { width: 380 });
        // Until a column is picked the menu says the rows keep the host's order, rather than showing nothing.
        expect(screen.getByRole("combobox", { name: /Sort by/ })).toHaveTextContent("Default order");
        await userEvent.click(screen.getByRole("combobox", { name: /Sort by/ }));
        await userEvent.click(screen.getByRole("option", { name: "Title" }));
        const titles = () => items().map((item) => item.querySelector("span span")?.textContent);
        expect(titles()).toEqual(["<img src=x onerror=alert(1)>", "Billing question", "Refund for order 1001"]);
        await userEvent.click(screen.getByRole("button", { name: "Descending order" }));
        expect(screen.getByRole("button", { name: "Descending order" })).toHaveAttribute("aria-pressed", "true");
        expect(titles()).toEqual(["Refund for order 1001", "Billing question", "<img src=x onerror=alert(1)>"]);
        await userEvent.click(items()[0]);
        expect(props.onOpen).toHaveBeenCalledWith(expect.objectContaining({ conversationId: "c1" }));
    });
});

describe("channel icons", () => {
    it("draw an inline SVG beside the label for each channel, and a generic one with its number for an unknown channel", () => {
        const channels = [192360000, 192370000, 192340000, 192300000, 192330000, 19241000, 192350000, 192350002];
        const records = [...channels.map((code, index) => ({ msdyn_ocliveworkitemid: `c${index}`, msdyn_title: `t${index}`, msdyn_channel: code })), { msdyn_ocliveworkitemid: "u", msdyn_title: "unknown", msdyn_channel: 42 }];
        const { container } = renderView({ kind: "loaded", list: { conversations: toConversations(records, ["msdyn_title", "msdyn_channel"]), columns: ["msdyn_title", "msdyn_channel"], receivedAt: new Date(), moreRecords: false } });
        const cells = dataRows().map((row) => within(row).getAllByRole("gridcell")[1]);
        const icons = cells.map((cell) => cell.querySelector("svg")?.getAttribute("data-channel-icon"));
        expect(icons).toEqual([...channels.map(String), "generic"]);
        expect(cells.map((cell) => cell.textContent)).toEqual(["Live chat", "Voice", "SMS", "WhatsApp", "Facebook", "Microsoft Teams", "Entity records", "Custom", "42"]);
        const glyphs = cells.map((cell) => cell.querySelector("path")?.getAttribute("d"));
        expect(new Set(glyphs.slice(0, 8)).size).toBe(8); // each named channel has its own glyph
        expect(container.querySelectorAll("svg[aria-hidden='true']")).toHaveLength(9);
        expect(container.querySelector("link, [class*='ms-Icon']")).toBeNull();
    });
});

describe("time in status", () => {
    it("heads the column In status and marks a long wait with an icon and words, not colour alone", () => {
        const columns = ["msdyn_title", "msdyn_statusupdatedon"];
        const records = [
            { msdyn_ocliveworkitemid: "a", msdyn_title: "Long wait", statuscode: 3, msdyn_statusupdatedon: "2026-11-21T11:00:00Z" },
            { msdyn_ocliveworkitemid: "b", msdyn_title: "Short wait", statuscode: 3, msdyn_statusupdatedon: "2026-11-21T11:55:00Z" },
        ];
        renderView({ kind: "loaded", list: { conversations: toConversations(records, columns), columns, receivedAt: new Date("2026-11-21T12:00:00Z"), moreRecords: false } }, { waitingAlertMinutes: 15 });
        expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual(["Title", "In status"]);
        const [long, short] = dataRows().map((row) => within(row).getAllByRole("gridcell")[1]);
        expect(long).toHaveTextContent("1 hrWaiting too long");
        expect(within(long).getByText("Waiting too long").querySelector("svg")).not.toBeNull();
        expect(short).toHaveTextContent(/^5 min$/);
    });
});

describe("sentiment", () => {
    it("shows the label with a face when a maker adds msdyn_customersentimentlabel, and no face when not available", () => {
        const columns = ["msdyn_title", "msdyn_customersentimentlabel"];
        const records = [8, 10, 13, 0].map((code, index) => ({ msdyn_ocliveworkitemid: `s${index}`, msdyn_title: `t${index}`, msdyn_customersentimentlabel: code }));
        renderView({ kind: "loaded", list: { conversations: toConversations(records, columns), columns, receivedAt: new Date(), moreRecords: false } });
        const cells = dataRows().map((row) => within(row).getAllByRole("gridcell")[1]);
        expect(cells.map((cell) => cell.textContent)).toEqual(["Negative", "Neutral", "Very positive", "N/A"]);
        expect(cells.map((cell) => cell.querySelector("svg")?.getAttribute("data-sentiment-icon") ?? null)).toEqual(["negative", "neutral", "positive", null]);
    });
});
