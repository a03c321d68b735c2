import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";
import { ControlDriver } from "../support/controlDriver";

const NOW = new Date("2026-11-21T12:00:00Z");
let driver: ControlDriver | undefined;

beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    const simulator = new OmnichannelSimulator({ now: () => NOW, latencyMs: 0 });
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
});
