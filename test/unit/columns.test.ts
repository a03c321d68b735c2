import { columnHeader, columnKind } from "../../conversations/columns";
import { Strings } from "../../conversations/strings";
import { loadResx } from "../support/resx";

const resx = loadResx(1033);
const strings = new Strings((key) => resx.get(key));

describe("columnKind", () => {
    it("takes the attribute's type from the org's metadata over the control's table and over guessing", () => {
        expect(columnKind("new_followupdate", { type: "dateTime", dateBehavior: "dateOnly" })).toBe("dateTime");
        expect(columnKind("new_priority", { type: "choice" })).toBe("choice");
        expect(columnKind("new_amount", { type: "money" })).toBe("money");
        // A known column the org typed otherwise (a text column turned into a choice by a customisation).
        expect(columnKind("msdyn_title", { type: "choice" })).toBe("choice");
        expect(columnKind("msdyn_title")).toBe("text");
        // Unknown and untyped: the values will tell.
        expect(columnKind("new_anything")).toBeUndefined();
        expect(columnKind("new_anything", { displayName: "Anything" })).toBeUndefined();
    });

    it("keeps the control's own presentation of status, channel, sentiment, waits and time in status, whatever the type", () => {
        expect(columnKind("statuscode", { type: "choice" })).toBe("status");
        expect(columnKind("msdyn_channel", { type: "multiChoice" })).toBe("channel");
        expect(columnKind("msdyn_customersentimentlabel", { type: "choice" })).toBe("sentiment");
        expect(columnKind("msdyn_conversationfirstwaittimeinseconds", { type: "number" })).toBe("duration");
        expect(columnKind("msdyn_statusupdatedon", { type: "dateTime" })).toBe("inStatus");
    });
});

describe("columnHeader", () => {
    it("is the org's display name when metadata has one, else the resx for a known column, else the logical name", () => {
        expect(columnHeader("msdyn_customer", { displayName: "Client" }, strings)).toBe("Client");
        expect(columnHeader("new_priority", { displayName: "Priority" }, strings)).toBe("Priority");
        expect(columnHeader("msdyn_customer", undefined, strings)).toBe("Customer");
        expect(columnHeader("msdyn_customer", { type: "lookup" }, strings)).toBe("Customer");
        expect(columnHeader("new_priority", undefined, strings)).toBe("new_priority");
    });

    it("keeps the resx header of In status, which shows a time since and not the column's date", () => {
        expect(columnHeader("msdyn_statusupdatedon", { displayName: "Status update time" }, strings)).toBe(strings.optional("Column_msdyn_statusupdatedon"));
    });
});
