import { toConversations } from "../../conversations/model";
import { toRows } from "../../conversations/rows";
import { narrowSummary } from "../../conversations/layout";
import { ConversationFormatter } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";
import { loadResx } from "../support/resx";

const resx = loadResx(1033);
const strings = new Strings((key) => resx.get(key));
const formatter = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
const NOW = new Date("2026-11-21T12:00:00Z");

describe("narrowSummary", () => {
    it("ends with the age of the first date column, never with the waiting alert of the In status column before it", () => {
        const columns = ["msdyn_title", "statuscode", "msdyn_statusupdatedon", "createdon", "msdyn_channel"];
        const records = [
            { msdyn_ocliveworkitemid: "a", statuscode: 3, msdyn_statusupdatedon: "2026-11-21T11:00:00Z", createdon: "2026-11-21T09:00:00Z", msdyn_channel: "192360000" },
            { msdyn_ocliveworkitemid: "b", statuscode: 2, msdyn_statusupdatedon: "2026-11-21T11:00:00Z", createdon: "2026-11-21T11:48:00Z" },
        ];
        const rows = toRows(toConversations(records, columns), columns, strings, formatter, NOW, 10);
        expect(rows[0].cell("msdyn_statusupdatedon").alert).toBeTruthy();
        expect(rows.map((row) => narrowSummary(row, columns))).toEqual(["Live chat · 3 hr. ago", "12 min. ago"]);
    });
});
