import { screen, within } from "@testing-library/react";
import { HARNESS_AGENT_ID, OmnichannelSimulator, SimulatedMetadata, CUSTOM_STATUS } from "../../simulator";
import { METADATA_WAIT_MS } from "../../conversations/columnMetadata";
import { ControlDriver } from "../support/controlDriver";
import type { ContextOptions } from "../support/pcfContext";

const NOW = new Date("2026-11-21T12:00:00Z");
const HARNESS_USER = `{${HARNESS_AGENT_ID.toUpperCase()}}`;
/** Two of the simulated org's own columns beside two standard ones. */
const COLUMNS = "msdyn_title,msdyn_customer,new_priority,new_followupdate";

let simulator: OmnichannelSimulator;
const drivers: ControlDriver[] = [];

function start(options: ContextOptions = {}): ControlDriver {
    const driver = new ControlDriver({ userId: HARNESS_USER, ...options, parameters: { columns: COLUMNS, ...options.parameters } });
    drivers.push(driver);
    driver.updateViewInAct();
    return driver;
}

const advance = (ms: number) => drivers[0].advance(ms);
const headers = () => screen.getAllByRole("columnheader").map((header) => header.textContent);

beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    simulator = new OmnichannelSimulator({ now: () => NOW });
    (window as unknown as { Microsoft?: unknown }).Microsoft = { Omnichannel: simulator.asGlobal() };
});

afterEach(() => {
    drivers.splice(0).forEach((driver) => driver.destroy());
    delete (window as unknown as { Microsoft?: unknown }).Microsoft;
    jest.useRealTimers();
});

describe("the org's column definitions", () => {
    it("heads the columns with the org's display names: a renamed standard label and custom columns", async () => {
        const metadata = new SimulatedMetadata();
        start({ metadata });
        await advance(0);
        expect(headers()).toEqual(["Title", "Client", "Priority", "Follow-up date"]);
        expect(metadata.calls).toEqual([{ entityName: "msdyn_ocliveworkitem", attributes: ["msdyn_title", "msdyn_customer", "new_priority", "new_followupdate", "createdon", "statuscode"] }]);
    });

    it("falls back to the resx for known columns and the logical name for others, without metadata, when it rejects, and when it never answers", async () => {
        const fallback = ["Title", "Customer", "new_priority", "new_followupdate"];
        for (const metadata of [null, new SimulatedMetadata({ behaviour: "rejects" })]) {
            start({ metadata });
            await advance(0);
            expect(headers()).toEqual(fallback);
            drivers.splice(0).forEach((driver) => driver.destroy());
        }
        simulator.reset();
        start({ metadata: new SimulatedMetadata({ behaviour: "hangs" }) });
        await advance(METADATA_WAIT_MS - 1);
        expect(simulator.calls.getConversations).toHaveLength(0);
        expect(screen.getByTestId("state-loading")).toBeInTheDocument();
        await advance(1);
        expect(simulator.calls.getConversations).toHaveLength(1);
        expect(headers()).toEqual(fallback);
    });

    it("asks once across refreshes and instances, again only for a new column set", async () => {
        const metadata = new SimulatedMetadata();
        const first = start({ metadata, parameters: { refreshMinutes: 5 } });
        start({ metadata, parameters: { refreshMinutes: 5 } });
        await advance(0);
        await advance(60 * 60_000);
        // Both instances share each call: an hour of 5-minute refreshes.
        expect(simulator.calls.getConversations.length).toBeGreaterThanOrEqual(12);
        expect(metadata.calls).toHaveLength(1);
        first.setParameters({ columns: "msdyn_title,new_ordervalue" });
        await advance(1000);
        first.setParameters({ columns: COLUMNS });
        await advance(1000);
        expect(metadata.calls.map((call) => call.attributes[1])).toEqual(["msdyn_customer", "new_ordervalue"]);
    });

    it("names a column the table lacks before anything is asked, in Columns or in Order, with Dataverse's words", async () => {
        start({ parameters: { columns: "msdyn_title,new_missing", orderBy: "new_gone desc" } });
        await advance(0);
        expect(screen.getByTestId("state-invalid")).toHaveTextContent(
            "Columns: the table has no column “new_missing”. Correct the property; the list loads again once it changes." +
                "Order: the table has no column “new_gone”. Correct the property; the list loads again once it changes.",
        );
        await advance(60 * 60_000);
        expect(simulator.calls.getConversations).toHaveLength(0);
    });

    it("accepts the org's status reason labels in Statuses, custom ones included, and labels the chips with them", async () => {
        start({ parameters: { statuses: `Active, ${CUSTOM_STATUS.label}` } });
        await advance(0);
        expect(simulator.calls.getConversations[0].input.status).toEqual([2, CUSTOM_STATUS.value]);
        const chips = within(screen.getByRole("group", { name: "Filter by status" })).getAllByRole("button").map((chip) => chip.textContent);
        // Nobody is escalated in the simulated org, but the chip names the status as the org does.
        expect(chips).toEqual([expect.stringMatching(/^Active \d+$/), "Escalated 0"]);
    });

    it("accepts them in the user's language: German labels from the org's language pack", async () => {
        start({ languageId: 1031, parameters: { statuses: `Aktiv, ${CUSTOM_STATUS.german}` } });
        await advance(0);
        expect(simulator.calls.getConversations[0].input.status).toEqual([2, CUSTOM_STATUS.value]);
        expect(headers()).toEqual(["Titel", "Auftraggeber", "Priorität", "Nachverfolgungsdatum"]);
    });

    it("shows a date-only value as its day in a user's time zone far west and far east of UTC", async () => {
        simulator.setScenario("plainGuids"); // no server-formatted values: the control formats the day itself
        for (const timeZoneOffsetMinutes of [-600, 840]) {
            simulator.reset();
            start({ timeZoneOffsetMinutes, parameters: { columns: "msdyn_title,new_followupdate" } });
            await advance(0);
            // The grid shows the host's order: the answer's first record with a follow-up date, in its row.
            const records = simulator.query(simulator.calls.getConversations[0].input);
            const index = records.findIndex((record) => typeof record.new_followupdate === "string");
            const rows = screen.getAllByRole("row").filter((row) => row.getAttribute("data-automationid") === "DetailsRow");
            const [year, month, day] = String(records[index].new_followupdate).split("-").map(Number);
            expect(within(rows[index]).getAllByRole("gridcell")[1]).toHaveTextContent(new RegExp(`^${month}/${day}/${String(year).slice(2)}$`));
            drivers.splice(0).forEach((driver) => driver.destroy());
        }
    });
});
