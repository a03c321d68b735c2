import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { ConversationListView } from "../../components/ConversationListView";
import type { ConversationSnapshot, FeedState } from "../../conversations/feed";
import { ConversationFormatter } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";
import { toConversations } from "../../conversations/model";
import { loadResx } from "../support/resx";

const resx = loadResx(1033);
const strings = new Strings((key) => resx.get(key));
const formatter = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
const NOW = new Date("2026-11-21T12:00:00Z");
const MINUTE = 60_000;

const list = (ageMinutes: number): ConversationSnapshot => ({
    conversations: toConversations([{ msdyn_ocliveworkitemid: "c1", msdyn_title: "Refund", statuscode: 2 }], ["msdyn_title"]),
    columns: ["msdyn_title"],
    moreRecords: false,
    receivedAt: new Date(NOW.getTime() - ageMinutes * MINUTE),
});

function show(feed: FeedState, refreshMinutes = 5) {
    render(
        <ConversationListView
            feed={feed}
            openState={{}}
            strings={strings}
            formatter={formatter}
            refreshMinutes={refreshMinutes}
            onRefresh={jest.fn()}
            onOpen={jest.fn()}
            onDismissOpenFailure={jest.fn()}
        />,
    );
}

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

describe("how fresh the list is", () => {
    it("says when it was updated, with no stale mark within the interval", () => {
        show({ kind: "loaded", list: list(3) });
        expect(screen.getByText(/^Updated /)).toHaveTextContent(/^Updated 3 min\. ago$/);
    });

    it("marks a list stale once it is older than its interval (it was hidden meanwhile)", () => {
        show({ kind: "loaded", list: list(7) });
        expect(screen.getByText(/^Updated /)).toHaveTextContent("Updated 7 min. ago · Out of date");
    });

    it("marks a list stale when the last refresh failed, and says when the next try is", () => {
        show({ kind: "failed", failure: "rejected", previous: list(1), retryAt: new Date(NOW.getTime() + 4 * MINUTE) });
        expect(screen.getByText(/^Updated /)).toHaveTextContent("Out of date");
        act(() => void jest.advanceTimersByTime(100)); // Fluent's MessageBar renders its text a moment later
        expect(screen.getByTestId("next-try")).toHaveTextContent("Next try in 4 min.");
    });

    it.each([
        ["with earlier rows", list(1)],
        ["with none", undefined],
    ])("announces a failure once: over minutes the live region's text stays, the countdown outside it moves (%s)", (_, previous) => {
        show({ kind: "failed", failure: "timedOut", previous, retryAt: new Date(NOW.getTime() + 4 * MINUTE) });
        const error = screen.getByTestId("state-error");
        const spoken: string[] = [];
        const countdown: string[] = [];
        for (let minute = 0; minute < 4; minute++) {
            act(() => void jest.advanceTimersByTime(minute === 0 ? 100 : MINUTE));
            const live = Array.from(document.querySelectorAll("[aria-live]:not([aria-live=off]), [role=alert], [role=status]"));
            // What assistive technology reads of the error: the live region around it, which the countdown is not in.
            spoken.push(live.filter((region) => region.contains(error)).map((region) => region.textContent).join("|"));
            expect(live.some((region) => region.contains(screen.getByTestId("next-try")))).toBe(false);
            countdown.push(screen.getByTestId("next-try").textContent ?? "");
        }
        expect(spoken[0]).toMatch(/didn't answer in time/);
        expect(new Set(spoken).size).toBe(1);
        expect(countdown).toEqual(["Next try in 4 min.", "Next try in 3 min.", "Next try in 2 min.", "Next try in 1 min."]);
    });
});
