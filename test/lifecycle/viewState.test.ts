import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";
import { ControlDriver } from "../support/controlDriver";

const NOW = new Date("2026-11-21T12:00:00Z");
let driver: ControlDriver | undefined;
let simulator: OmnichannelSimulator;

beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    simulator = new OmnichannelSimulator({ now: () => NOW, latencyMs: 0 });
    (window as unknown as { Microsoft?: unknown }).Microsoft = { Omnichannel: simulator.asGlobal() };
});

afterEach(() => {
    driver?.destroy();
    driver = undefined;
    delete (window as unknown as { Microsoft?: unknown }).Microsoft;
    jest.useRealTimers();
});

describe("sort and quick find across a form reload", () => {
    it("start from the saved state, and changes are saved through setControlState", async () => {
        driver = new ControlDriver({ userId: `{${HARNESS_AGENT_ID}}`, savedState: { query: "refund", sort: { column: "msdyn_title", descending: true } } });
        driver.updateViewInAct();
        await driver.advance(0);
        const search = screen.getByRole("searchbox");
        expect(search).toHaveValue("refund");
        expect(screen.getAllByRole("columnheader")[0]).toHaveAttribute("aria-sort", "descending");
        const save = driver.context.mode.setControlState as jest.Mock;
        save.mockClear();
        await userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) }).click(within(screen.getAllByRole("columnheader")[0]).getByText("Title"));
        await driver.advance(0);
        expect(save).toHaveBeenLastCalledWith({ query: "refund", sort: { column: "msdyn_title", descending: false } });
    });

    it("keeps the status chips' pick through setControlState, filtering without a new request", async () => {
        driver = new ControlDriver({ userId: `{${HARNESS_AGENT_ID}}`, savedState: { query: "", statuses: [3] } });
        driver.updateViewInAct();
        await driver.advance(0);
        const chips = within(screen.getByRole("group", { name: "Filter by status" }));
        expect(chips.getByRole("button", { name: /^Waiting/ })).toHaveAttribute("aria-pressed", "true");
        // querySelectorAll, not getAllByRole: role queries over every cell of a full grid take seconds in jsdom.
        const statusCells = () => Array.from(document.querySelectorAll('[data-automationid="DetailsRow"]')).map((row) => row.querySelectorAll('[role="gridcell"]')[1]?.textContent);
        expect(new Set(statusCells())).toEqual(new Set(["Waiting"]));
        const requests = simulator.calls.getConversations.length;
        const save = driver.context.mode.setControlState as jest.Mock;
        // A plain click event: userEvent's pointer simulation over a full grid is slow under a loaded test run.
        fireEvent.click(chips.getByRole("button", { name: /^Active/ }));
        await driver.advance(0);
        expect(save).toHaveBeenLastCalledWith({ query: "", statuses: [3, 2] });
        expect(new Set(statusCells())).toEqual(new Set(["Waiting", "Active"]));
        expect(simulator.calls.getConversations).toHaveLength(requests);
    });
});
