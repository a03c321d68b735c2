import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import { ConversationListView } from "../../components/ConversationListView";
import type { FeedState } from "../../conversations/feed";
import { ConversationFormatter } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";
import { loadResx } from "../support/resx";

const formatter = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
const UNKNOWN_ATTRIBUTE = "'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = 'msdyn_titel' and NameMapping = 'Logical'.";

async function show(feed: FeedState, language = 1033) {
    const resx = loadResx(language);
    render(
        <ConversationListView
            feed={feed}
            openState={{}}
            strings={new Strings((key) => resx.get(key))}
            formatter={formatter}
            refreshMinutes={5}
            onRefresh={jest.fn()}
            onOpen={jest.fn()}
            onDismissOpenFailure={jest.fn()}
        />,
    );
    // The message bar fills its text after mounting.
    await waitFor(() => expect(screen.getByTestId("state-error").textContent).not.toBe(""));
    return screen.getByTestId("state-error");
}

describe("a request the host refused", () => {
    it("names the property and the column the table lacks, with the host's words under Details", async () => {
        const error = await show({
            kind: "failed",
            failure: "rejected",
            refusal: {
                error: { code: "0x80041103", message: UNKNOWN_ATTRIBUTE },
                correlationId: "corr-1",
                unknownColumn: { setting: "columns", column: "msdyn_titel" },
            },
        });
        expect(error).toHaveTextContent("Columns: the table has no column “msdyn_titel”. Correct the property; the list loads again once it changes.");
        const details = within(error).getByTestId("failure-details");
        expect(details.tagName).toBe("DETAILS");
        expect(details).not.toHaveAttribute("open");
        expect(details.querySelector("summary")).toHaveTextContent(/^Details$/);
        expect(within(details).getByTestId("host-message")).toHaveTextContent(UNKNOWN_ATTRIBUTE);
        expect(details).toHaveTextContent("Error code: 0x80041103");
        expect(details).toHaveTextContent("Correlation id: corr-1");
    });

    it("says which property in the user's language: Order in German", async () => {
        const error = await show({ kind: "failed", failure: "rejected", refusal: { error: { code: "0x80041103" }, unknownColumn: { setting: "orderBy", column: "msdyn_sortme" } } }, 1031);
        expect(error).toHaveTextContent("Sortierung: Die Tabelle hat keine Spalte „msdyn_sortme“.");
        expect(error).not.toHaveTextContent("Korrelations-ID");
    });

    it("otherwise says the service refused, and shows the host's message as text, never as markup", async () => {
        const message = '<img src="x" data-testid="injected"> Bad fetch';
        const error = await show({ kind: "failed", failure: "rejected", refusal: { error: { code: "0x80040216", message }, correlationId: "corr-7" } });
        expect(error).toHaveTextContent("the conversation service refused the request");
        expect(within(error).getByTestId("host-message").textContent).toBe(message);
        expect(error.querySelector("img")).toBeNull();
        expect(error).toHaveTextContent("Correlation id: corr-7");
    });

    it("has no Details when the host gave no reason", async () => {
        const error = await show({ kind: "failed", failure: "timedOut" });
        expect(within(error).queryByTestId("failure-details")).toBeNull();
    });
});
