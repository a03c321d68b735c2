import { QUIET_MS } from "../../refresh/schedule";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALEX_AGENT_ID, HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";
import { ControlDriver } from "../support/controlDriver";

const NOW = new Date("2026-11-21T12:00:00Z");
const HARNESS_USER = `{${HARNESS_AGENT_ID.toUpperCase()}}`;

let simulator: OmnichannelSimulator;
let driver: ControlDriver | undefined;

function install(latencyMs = 0): void {
    simulator = new OmnichannelSimulator({ now: () => NOW, latencyMs });
    (window as unknown as { Microsoft?: unknown }).Microsoft = { Omnichannel: simulator.asGlobal() };
}

function start(options: ConstructorParameters<typeof ControlDriver>[0] = {}): ControlDriver {
    driver = new ControlDriver({ userId: HARNESS_USER, ...options });
    driver.updateViewInAct();
    return driver;
}

const dataRows = () => screen.getAllByRole("row").filter((row) => row.getAttribute("data-automationid") === "DetailsRow");
const advance = (ms: number) => (driver as ControlDriver).advance(ms);
const flush = () => advance(0);

beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    install();
});

afterEach(() => {
    driver?.destroy();
    driver = undefined;
    delete (window as unknown as { Microsoft?: unknown }).Microsoft;
    jest.useRealTimers();
});

describe("ConversationList lifecycle", () => {
    it("sends the documented input for the default properties and shows the rows", async () => {
        const control = start();
        await flush();
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(simulator.calls.getConversations[0].input).toEqual({
            agentId: HARNESS_AGENT_ID,
            attributes: [
                "msdyn_title",
                "statuscode",
                "msdyn_channel",
                "msdyn_customer",
                "msdyn_cdsqueueid",
                "createdon",
                "msdyn_ocliveworkitemid",
                "msdyn_lastsessionid",
                "msdyn_liveworkstreamid",
            ],
            status: [2, 3, 5],
            orderBy: [{ attributeName: "createdon", descending: true }],
        });
        expect(simulator.calls.getConversations[0].correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        const expected = simulator.query(simulator.calls.getConversations[0].input).length;
        expect(screen.getByTestId("conversation-count")).toHaveTextContent(`${expected} conversations`);
        expect(dataRows().length).toBeGreaterThan(0);
        expect(control.context.mode.trackContainerResize).toHaveBeenCalledWith(true);
    });

    it("makes no request and no re-render for fifty updateViews that change nothing relevant", async () => {
        const control = start();
        await flush();
        const settled = control.elements.length;
        for (let i = 0; i < 50; i++) control.updateViewInAct();
        await flush();
        expect(simulator.calls.getConversations).toHaveLength(1);
        // Every prop of every new element is the very same value: React.memo skips the whole view.
        const last = control.elements[settled - 1].props as Record<string, unknown>;
        for (const element of control.elements.slice(settled)) {
            const props = element.props as Record<string, unknown>;
            expect(Object.keys(props).filter((name) => !Object.is(props[name], last[name]))).toEqual([]);
        }
    });

    it("refetches when a property changes the request, not when the container resizes", async () => {
        const control = start();
        await flush();
        control.resize(400, 300);
        await flush();
        expect(simulator.calls.getConversations).toHaveLength(1);
        control.setParameters({ statuses: "Closed" });
        await advance(QUIET_MS);
        expect(simulator.calls.getConversations.map((call) => call.input.status)).toEqual([[2, 3, 5], [4]]);
        control.setParameters({ agent: ALEX_AGENT_ID.toUpperCase() });
        await advance(QUIET_MS);
        expect(simulator.calls.getConversations[2].input.agentId).toBe(ALEX_AGENT_ID);
    });

    it("drops a stale answer: only the newest request's rows are shown", async () => {
        install(1000);
        const control = start();
        await advance(600);
        control.setParameters({ statuses: "4" });
        await advance(400); // the first answer arrives and is dropped
        expect(screen.queryAllByRole("gridcell")).toHaveLength(0);
        await advance(QUIET_MS + 1000);
        const closed = simulator.query(simulator.calls.getConversations[1].input).length;
        expect(screen.getByTestId("conversation-count")).toHaveTextContent(`${closed.toLocaleString("en-US")} conversations`);
        expect(within(dataRows()[0]).getByText("Closed")).toBeInTheDocument();
    });

    it("turns a host that never answers into an error after 30 seconds, and Retry recovers", async () => {
        simulator.setScenario("hang");
        start();
        await advance(30_000);
        await waitFor(() => expect(screen.getByTestId("state-error")).toHaveTextContent("didn't answer in time"));
        simulator.setScenario("happy");
        await userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) }).click(screen.getByRole("button", { name: "Retry" }));
        await flush();
        expect(screen.queryByTestId("state-error")).not.toBeInTheDocument();
        expect(dataRows().length).toBeGreaterThan(0);
    });

    it("shows the invalid property instead of asking the host", async () => {
        start({ parameters: { agent: "not-a-guid", columns: "msdyn_title,<script>" } });
        await flush();
        expect(simulator.calls.getConversations).toHaveLength(0);
        await waitFor(() => expect(screen.getByTestId("state-invalid")).toHaveTextContent("Agent: “not-a-guid” is not a user id"));
        expect(screen.getByTestId("state-invalid")).toHaveTextContent("Columns: “<script>” is not a column logical name");
    });

    it("takes a French maker's Statuses value for an English and a German agent alike", async () => {
        for (const languageId of [1033, 1031]) {
            start({ languageId, parameters: { statuses: "Actif, En attente" } });
            await flush();
            expect(simulator.calls.getConversations.at(-1)?.input.status).toEqual([2, 3]);
            expect(screen.queryByTestId("state-invalid")).toBeNull();
            driver?.destroy();
        }
        driver = undefined;
    });

    it("names a bound lookup to a queue, and a bound column the user may not read, without asking the host or falling back", async () => {
        start({ parameters: { agent: [{ id: "a7c9e1f3-2b4d-4f60-8a1c-3e5f7a9b0c2d", name: "Returns", entityType: "queue" }] }, agentColumn: { targets: ["queue"] } });
        await flush();
        await waitFor(() => expect(screen.getByTestId("state-invalid")).toHaveTextContent("Agent: the bound column is a lookup to queue, not to a user."));
        driver?.destroy();
        start({ parameters: { agent: "5f3b1c2a-8d4e-4a71-9c0b-1e2f3a4b5c6d" }, agentColumn: { readable: false } });
        await flush();
        await waitFor(() => expect(screen.getByTestId("state-invalid")).toHaveTextContent("Agent: you aren't allowed to read the bound column (column security)"));
        expect(simulator.calls.getConversations).toHaveLength(0);
    });

    it("names a bound agent column of the wrong type and an impossible age window, without asking the host", async () => {
        start({ parameters: { agent: 42, createdWithinDays: 3, createdAtLeastDaysAgo: 7 } });
        await flush();
        expect(simulator.calls.getConversations).toHaveLength(0);
        await waitFor(() => expect(screen.getByTestId("state-invalid")).toHaveTextContent("Agent: the bound column holds “42”"));
        expect(screen.getByTestId("state-invalid")).toHaveTextContent("Created within (days): 3 days must be more than “Created at least (days ago)”");
    });

    it("says Loading…, within 5 s that it waits for Customer Service workspace and what to do, and after the last look that it needs it", async () => {
        delete (window as unknown as { Microsoft?: unknown }).Microsoft;
        start();
        await advance(1_999);
        expect(screen.getByTestId("state-loading")).toBeInTheDocument();
        await advance(1);
        expect(screen.queryByTestId("state-loading")).toBeNull();
        await waitFor(() =>
            expect(screen.getByTestId("state-waiting-for-host")).toHaveTextContent(
                "Waiting for Customer Service workspace… This list shows conversations only inside Customer Service workspace or Contact Center workspace with Omnichannel. If this form is open in another app, open it from the workspace.",
            ),
        );
        await advance(12_000); // about 14 s: waitFor moved the clock on a little
        expect(screen.getByTestId("state-waiting-for-host")).toBeInTheDocument();
        expect(screen.queryByTestId("state-unavailable")).toBeNull();
        await advance(2_000); // the last look, at 16 s
        await waitFor(() => expect(screen.getByTestId("state-unavailable")).toHaveTextContent("Customer Service workspace"));
        expect(screen.queryByTestId("state-waiting-for-host")).toBeNull();
        expect(screen.queryAllByRole("gridcell")).toHaveLength(0);
    });

    it("fills the list by itself when the workspace defines the host after the control started (lateHost)", async () => {
        delete (window as unknown as { Microsoft?: unknown }).Microsoft;
        simulator = new OmnichannelSimulator({ now: () => NOW, scenario: "lateHost", lateHostDelayMs: 6_000 });
        simulator.installOn(window as unknown as { Microsoft?: Record<string, unknown> });
        start();
        await advance(7_999);
        expect(screen.getByTestId("state-waiting-for-host")).toBeInTheDocument();
        expect(simulator.calls.getConversations).toHaveLength(0);
        await advance(1); // the look at 8 s finds it
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(screen.getByTestId("conversation-count")).toHaveTextContent(`${simulator.query(simulator.calls.getConversations[0].input).length} conversations`);
        expect(screen.queryByTestId("state-unavailable")).toBeNull();
        expect(screen.queryByTestId("state-waiting-for-host")).toBeNull();
    });

    it("when Dataverse says busy: keeps the rows, warns with the next try and the host's words under Details, waits 5 minutes, and Retry asks at once", async () => {
        start({ parameters: { refreshMinutes: 1 } });
        await flush();
        const shown = dataRows().length;
        expect(shown).toBeGreaterThan(0);
        simulator.setScenario("busyRequests");
        const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
        await user.click(screen.getByRole("button", { name: "Refresh" }));
        await flush();
        const warning = screen.getByTestId("state-error");
        expect(warning).toHaveAttribute("data-failure", "busy");
        await waitFor(() => expect(warning).toHaveTextContent("The server is busy: too many requests came from your user in the last few minutes, so the list waits before asking again."));
        // 5 minutes and up to 10% more, rounded up.
        expect(screen.getByTestId("next-try")).toHaveTextContent(/Next try in [56] min/);
        expect(screen.getByTestId("host-message")).toHaveTextContent("Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
        expect(screen.getByTestId("failure-details")).toHaveTextContent("0x80072322");
        expect(dataRows()).toHaveLength(shown);
        const asked = simulator.calls.getConversations.length;
        await advance(4 * 60_000); // the 1-minute interval and its back-off would have asked by now
        expect(simulator.calls.getConversations).toHaveLength(asked);
        await user.click(screen.getByRole("button", { name: "Retry" }));
        await flush();
        expect(simulator.calls.getConversations).toHaveLength(asked + 1);
        simulator.setScenario("happy");
        await advance(5.5 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(asked + 2);
        expect(screen.queryByTestId("state-error")).not.toBeInTheDocument();
    });

    it("names the column Dataverse refused and does not ask again by itself, where the platform has no metadata", async () => {
        start({ parameters: { columns: "msdyn_title,msdyn_titel", refreshMinutes: 1 }, metadata: null });
        await flush();
        await waitFor(() => expect(screen.getByTestId("state-error")).toHaveTextContent("Columns: the table has no column “msdyn_titel”."));
        expect(screen.getByTestId("failure-details")).toHaveTextContent(`Correlation id: ${simulator.calls.getConversations[0].correlationId}`);
        await advance(60 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(1);
    });

    it("opens the clicked row with its own ids in lower case when the host sends them upper case in braces (upperCaseIds)", async () => {
        simulator.setScenario("upperCaseIds");
        start();
        await flush();
        const expected = simulator.query(simulator.calls.getConversations[0].input)[1];
        const row = dataRows()[1];
        expect(within(row).getAllByRole("gridcell")[0]).toHaveTextContent(String(expected.msdyn_title));
        const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
        await user.click(within(row).getAllByRole("gridcell")[0]);
        await flush();
        expect(simulator.calls.openConversation).toEqual([
            { conversationId: expected.msdyn_ocliveworkitemid, lastsessionId: expected.msdyn_lastsessionid, liveworkstreamId: expected.msdyn_liveworkstreamid },
        ]);
        expect(String(expected.msdyn_ocliveworkitemid)).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("opens a clicked conversation once with its three ids and raises the output", async () => {
        install(500);
        const control = start();
        await advance(500);
        const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
        const row = dataRows()[0];
        await user.click(within(row).getAllByRole("gridcell")[0]);
        await user.click(within(row).getAllByRole("gridcell")[0]);
        await advance(500);
        expect(simulator.calls.openConversation).toHaveLength(1);
        const [call] = simulator.calls.openConversation;
        // The clicked row is the answer's first record (the host's order): its own ids, not those the control sent.
        const [record] = simulator.query({ ...simulator.calls.getConversations[0].input });
        expect(within(row).getAllByRole("gridcell")[0]).toHaveTextContent(record.msdyn_title as string);
        expect(call).toEqual({ conversationId: record.msdyn_ocliveworkitemid, lastsessionId: record.msdyn_lastsessionid, liveworkstreamId: record.msdyn_liveworkstreamid });
        expect(control.notifyOutputChanged).toHaveBeenCalledTimes(1);
        expect(control.control.getOutputs()).toEqual({ lastOpenedConversationId: call.conversationId });
    });

    it("speaks the user's language: German headers, labels, dates and status names", async () => {
        simulator.setScenario("plainGuids"); // no server-formatted values: the labels come from the org's metadata and the resx
        start({ languageId: 1031, timeZoneOffsetMinutes: 60, parameters: { statuses: "Aktiv, Wartend" } });
        await flush();
        expect(simulator.calls.getConversations[0].input.status).toEqual([2, 3]);
        // The org's German labels (its language pack, and its own "Auftraggeber" for Customer).
        expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual(["Titel", "Statusgrund", "Kanal", "Auftraggeber", "Warteschlange", "Erstellt am"]);
        const statuses = dataRows().map((row) => within(row).getAllByRole("gridcell")[1].textContent);
        expect(new Set(statuses)).toEqual(new Set(["Aktiv", "Wartend"]));
        expect(within(dataRows()[0]).getAllByRole("gridcell")[5].textContent).toMatch(/^\d{2}\.\d{2}\.\d{2}, \d{2}:\d{2}/);
        expect(screen.getByTestId("conversation-count")).toHaveTextContent(/^\d[\d.]* Unterhaltungen$/);
    });

    it("lays out right to left for a Hebrew user, with Hebrew status names accepted in the Statuses property", async () => {
        simulator.setScenario("plainGuids");
        start({ languageId: 1037, isRTL: true, parameters: { statuses: "פעילה, ממתינה" } });
        await flush();
        expect(simulator.calls.getConversations[0].input.status).toEqual([2, 3]);
        expect(screen.getByTestId("conversation-list")).toHaveAttribute("dir", "rtl");
        // The simulated org has no Hebrew labels of its own: the resx stands in, and its renamed Customer comes untranslated.
        expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual(["כותרת", "מצב", "ערוץ", "Client", "תור", "נוצרה בתאריך"]);
        expect(new Set(dataRows().map((row) => within(row).getAllByRole("gridcell")[1].textContent))).toEqual(new Set(["פעילה", "ממתינה"]));
    });

    it("marks the list out of date after an hour out of sight, also with Refresh every cleared (the default interval)", async () => {
        const control = start({ parameters: { refreshMinutes: "", statuses: "7" } }); // no rows: sixty re-renders stay cheap
        await flush();
        expect(screen.getByText(/^Updated /)).toHaveTextContent(/^Updated this minute$/);
        (control.context.mode as { isVisible: boolean }).isVisible = false;
        control.updateViewInAct();
        await advance(60 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(screen.getByText(/^Updated /)).toHaveTextContent(/^Updated 1 hr\. ago · Out of date$/);
    });

    it("names a wrong waiting alert instead of listing without the mark", async () => {
        start({ parameters: { waitingAlertMinutes: -1 } });
        await flush();
        expect(simulator.calls.getConversations).toHaveLength(0);
        await waitFor(() => expect(screen.getByTestId("state-invalid")).toHaveTextContent("Waiting alert after (minutes): “-1” is not a whole number of 0 or more."));
    });

    it("does nothing after destroy, even when answers arrive later", async () => {
        install(1000);
        const control = start();
        await flush();
        expect(screen.getByTestId("state-loading")).toBeInTheDocument();
        control.control.destroy();
        await advance(60 * 60_000);
        expect(screen.getByTestId("state-loading")).toBeInTheDocument();
        expect(screen.queryAllByRole("gridcell")).toHaveLength(0);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(jest.getTimerCount()).toBe(0);
    });
});
