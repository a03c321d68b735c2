import { toConversations } from "../../conversations/model";
import { readColumnDefinitions } from "../../host/metadata";
import { filterRows, rowSorter, sameCells, statusLabeller, toRows, type ConversationRow } from "../../conversations/rows";
import { ConversationFormatter } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";
import { loadResx } from "../support/resx";

const resx = loadResx(1033);
const strings = new Strings((key) => resx.get(key));
const formatter = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 60 });
const NOW = new Date("2026-11-21T12:00:00Z");

function rowsOf(records: Record<string, unknown>[], columns: string[]) {
    return toRows(toConversations(records, columns), columns, strings, formatter, NOW);
}

describe("toRows", () => {
    it("labels status, channels (several at once) and sentiment from the resx", () => {
        const [row] = rowsOf([{ msdyn_ocliveworkitemid: "a", statuscode: 3, msdyn_channel: "192360000,192370000", msdyn_customersentimentlabel: 8 }], [
            "statuscode",
            "msdyn_channel",
            "msdyn_customersentimentlabel",
        ]);
        expect(row.cell("statuscode")).toMatchObject({ text: "Waiting", statusCode: 3 });
        expect(row.cell("msdyn_channel").text).toBe("Live chat, Voice");
        expect(row.cell("msdyn_customersentimentlabel")).toMatchObject({ text: "Negative", sortValue: 8 });
    });

    it("reads channels given as an array or a number, and shows unknown codes as numbers", () => {
        const rows = rowsOf([{ msdyn_channel: [192300000, 99] }, { msdyn_channel: 19241000 }], ["msdyn_channel"]);
        expect(rows.map((row) => row.cell("msdyn_channel").text)).toEqual(["WhatsApp, 99", "Microsoft Teams"]);
    });

    it("joins several channels with a comma, also when the host's text joins them with semicolons", () => {
        const [row] = rowsOf([{ msdyn_channel: "192360000,192370000", "msdyn_channel@OData.Community.Display.V1.FormattedValue": "Chat; Voix" }], ["msdyn_channel"]);
        expect(row.cell("msdyn_channel").text).toBe("Chat, Voix");
    });

    it("prefers the host's formatted value", () => {
        const [row] = rowsOf([{ statuscode: 2, "statuscode@OData.Community.Display.V1.FormattedValue": "Aktiv" }], ["statuscode"]);
        expect(row.cell("statuscode").text).toBe("Aktiv");
    });

    it("formats dates itself, even when the host sent its own text, so every date column reads alike", () => {
        const [row] = rowsOf([{ createdon: "2026-11-21T11:48:00Z", "createdon@OData.Community.Display.V1.FormattedValue": "21/11/2026 12:48" }], ["createdon"]);
        expect(row.cell("createdon").text).toBe("11/21/26, 12:48 PM");
    });

    it("shows a dash, never a GUID, for a lookup without a name", () => {
        const guid = "5f1d8e4a-3b2c-4d5e-8f90-a1b2c3d4e5f6";
        const [bare, named] = rowsOf(
            [{ _msdyn_customer_value: guid, _msdyn_queueid_value: `{${guid.toUpperCase()}}` }, { msdyn_customer: guid, "msdyn_customer@OData.Community.Display.V1.FormattedValue": "Contoso" }],
            ["msdyn_customer", "msdyn_queueid"],
        );
        expect([bare.cell("msdyn_customer").text, bare.cell("msdyn_queueid").text]).toEqual(["\u2014", "\u2014"]);
        expect(bare.searchText).not.toContain("5f1d");
        expect(named.cell("msdyn_customer").text).toBe("Contoso");
    });

    it("shows the time in status from msdyn_statusupdatedon and marks Waiting past waitingAlertMinutes with words", () => {
        const records = [
            { msdyn_ocliveworkitemid: "a", statuscode: 3, msdyn_statusupdatedon: "2026-11-21T10:55:00Z" },
            { msdyn_ocliveworkitemid: "b", statuscode: 2, msdyn_statusupdatedon: "2026-11-21T10:00:00Z" },
            { msdyn_ocliveworkitemid: "c", statuscode: 3, msdyn_statusupdatedon: "2026-11-21T11:50:00Z" },
        ];
        const rows = toRows(toConversations(records, ["msdyn_statusupdatedon"]), ["msdyn_statusupdatedon"], strings, formatter, NOW, 30);
        expect(rows.map((row) => row.cell("msdyn_statusupdatedon").text)).toEqual(["1 hr 5 min", "2 hr", "10 min"]);
        expect(rows.map((row) => row.cell("msdyn_statusupdatedon").alert)).toEqual(["Waiting too long", undefined, undefined]);
        expect(rows[0].cell("msdyn_statusupdatedon").sortValue).toBe(-Date.parse("2026-11-21T10:55:00Z"));
        const unmarked = toRows(toConversations(records, ["msdyn_statusupdatedon"]), ["msdyn_statusupdatedon"], strings, formatter, NOW, 0);
        expect(unmarked.some((row) => row.cell("msdyn_statusupdatedon").alert)).toBe(false);
    });

    it("shows dates in the user's time zone, with an age, and sorts them by time", () => {
        const [row] = rowsOf([{ createdon: "2026-11-21T11:48:00Z" }], ["createdon"]);
        expect(row.cell("createdon").text).toBe("11/21/26, 12:48 PM");
        expect(row.cell("createdon").age).toBe("12 min. ago");
        expect(row.cell("createdon").sortValue).toBe(Date.parse("2026-11-21T11:48:00Z"));
    });

    it("formats wait times, counts and booleans, and leaves objects out rather than printing them", () => {
        const [row] = rowsOf([{ msdyn_conversationfirstwaittimeinseconds: 252, msdyn_transfercount: 1200, msdyn_isoutbound: true, msdyn_title: { html: "<b>x</b>" } }], [
            "msdyn_conversationfirstwaittimeinseconds",
            "msdyn_transfercount",
            "msdyn_isoutbound",
            "msdyn_title",
        ]);
        expect(row.cell("msdyn_conversationfirstwaittimeinseconds").text).toBe("4 min 12 sec");
        expect(row.cell("msdyn_transfercount").text).toBe("1,200");
        expect(row.cell("msdyn_isoutbound").text).toBe("Yes");
        expect(row.cell("msdyn_title").text).toBe("");
    });

    it("marks rows without an id as not openable and labels untitled rows", () => {
        const [row] = rowsOf([{ statuscode: 2 }], ["statuscode"]);
        expect(row.openable).toBe(false);
        expect(row.label).toBe("Untitled conversation");
    });
});

describe("filterRows", () => {
    const rows = rowsOf(
        [
            { msdyn_ocliveworkitemid: "1", msdyn_title: "Refund for order 1001", statuscode: 2 },
            { msdyn_ocliveworkitemid: "2", msdyn_title: "Password reset", statuscode: 3 },
            { msdyn_ocliveworkitemid: "3", msdyn_title: "Refund not received", statuscode: 3 },
        ],
        ["msdyn_title", "statuscode"],
    );

    it("keeps rows containing every word, in any shown column, ignoring case", () => {
        expect(filterRows(rows, "refund WAITING").map((row) => row.conversation.key)).toEqual(["3"]);
        expect(filterRows(rows, "  ")).toBe(rows);
    });
});

describe("rowSorter", () => {
    const rows = rowsOf(
        [
            { msdyn_ocliveworkitemid: "a", msdyn_title: "beta", msdyn_transfercount: 2 },
            { msdyn_ocliveworkitemid: "b", msdyn_title: "Alpha", msdyn_transfercount: 10 },
            { msdyn_ocliveworkitemid: "c", msdyn_transfercount: 2 },
            { msdyn_ocliveworkitemid: "d", msdyn_title: "alpha", msdyn_transfercount: 2 },
        ],
        ["msdyn_title", "msdyn_transfercount"],
    );
    const keys = (sorted: readonly ConversationRow[]) => sorted.map((row) => row.conversation.key);

    it("sorts text by the user's collation, stable for ties, empty last", () => {
        expect(keys(rowSorter(rows, formatter.collator)({ column: "msdyn_title", descending: false }))).toEqual(["b", "d", "a", "c"]);
        expect(keys(rowSorter(rows, formatter.collator)({ column: "msdyn_title", descending: true }))).toEqual(["a", "b", "d", "c"]);
    });

    it("sorts numbers as numbers, keeping the original order among equals", () => {
        expect(keys(rowSorter(rows, formatter.collator)({ column: "msdyn_transfercount", descending: false }))).toEqual(["a", "c", "d", "b"]);
    });

    it("sorts a maker-added column of mixed numbers and texts in one order, whatever order the host sent", () => {
        const values = [2.05, "2.3", 2.1, "n/a"];
        const permutations = [[0, 1, 2, 3], [1, 2, 0, 3], [2, 0, 1, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 1, 3, 0]];
        for (const order of permutations) {
            const mixed = rowsOf(order.map((index) => ({ msdyn_ocliveworkitemid: `v${index}`, new_score: values[index] })), ["new_score"]);
            expect(keys(rowSorter(mixed, formatter.collator)({ column: "new_score", descending: false }))).toEqual(["v0", "v2", "v1", "v3"]);
        }
    });

    it("reverses a sorted column into the order a fresh descending sort gives: ties in the list's order, empty cells last", () => {
        // Few distinct values (case and accents equal under the collation), numbers among texts, gaps.
        const values = ["beta", "Beta", "alpha", "Älpha", "gamma", 2, 10, undefined, "", "2"];
        const records = Array.from({ length: 200 }, (_, i) => ({ msdyn_ocliveworkitemid: `r${i}`, new_code: values[(i * 7 + (i >> 3)) % values.length] }));
        const rows = rowsOf(records, ["new_code"]);
        // The reference: one stable sort by the column, the other way round (texts, then numbers, then empty cells).
        const groupOf = (value: string | number | undefined) => (value === undefined ? 2 : typeof value === "number" ? 1 : 0);
        const reference = [...rows].sort((a, b) => {
            const x = a.sortValue("new_code");
            const y = b.sortValue("new_code");
            if (groupOf(x) !== groupOf(y)) return groupOf(x) - groupOf(y);
            if (x === undefined) return 0;
            return typeof x === "number" ? (y as number) - x : formatter.collator.compare(y as string, x);
        });
        const sorter = rowSorter(rows, formatter.collator);
        const ascending = keys(sorter({ column: "new_code", descending: false }));
        expect(new Set(ascending).size).toBe(rows.length);
        expect(keys(sorter({ column: "new_code", descending: true }))).toEqual(keys(reference));
        expect(keys(rowSorter(rows, formatter.collator)({ column: "new_code", descending: true }))).toEqual(keys(reference));
    });

    it("sorts a column once per list: clicking its header again, either way, reads no value again", () => {
        const sortValues = rows.map((row) => jest.spyOn(row, "sortValue"));
        const sorter = rowSorter(rows, formatter.collator);
        const first = sorter({ column: "msdyn_title", descending: false });
        expect(sortValues.every((spy) => spy.mock.calls.length === 1)).toBe(true);
        const reversed = sorter({ column: "msdyn_title", descending: true });
        expect(sorter({ column: "msdyn_title", descending: false })).toBe(first);
        expect(sorter({ column: "msdyn_title", descending: true })).toBe(reversed);
        expect(sortValues.every((spy) => spy.mock.calls.length === 1)).toBe(true);
        sorter({ column: "msdyn_transfercount", descending: true });
        expect(sortValues.every((spy) => spy.mock.calls.length === 2)).toBe(true);
        sortValues.forEach((spy) => spy.mockRestore());
    });

    it("sorts the time in status shortest first, without formatting a duration", () => {
        const counting = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
        const duration = jest.spyOn(counting, "duration");
        const column = "msdyn_statusupdatedon";
        const records = [
            { msdyn_ocliveworkitemid: "long", [column]: "2026-11-21T09:00:00Z" },
            { msdyn_ocliveworkitemid: "none" },
            { msdyn_ocliveworkitemid: "short", [column]: "2026-11-21T11:55:00Z" },
        ];
        const inStatus = toRows(toConversations(records, [column]), [column], strings, counting, NOW);
        expect(keys(rowSorter(inStatus, counting.collator)({ column, descending: false }))).toEqual(["short", "long", "none"]);
        expect(keys(rowSorter(inStatus, counting.collator)({ column, descending: true }))).toEqual(["long", "short", "none"]);
        expect(duration).not.toHaveBeenCalled();
    });
});

describe("lazy rows", () => {
    const records = [
        { msdyn_ocliveworkitemid: "a", msdyn_title: "Refund", createdon: "2026-11-21T11:00:00Z" },
        { msdyn_ocliveworkitemid: "b", msdyn_title: "Password", createdon: "2026-11-21T11:30:00Z" },
    ];
    const columns = ["msdyn_title", "createdon"];

    it("formats a cell only when it is asked for, once per answer, and sorts dates without formatting them", () => {
        const counting = new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 });
        const dateTime = jest.spyOn(counting, "dateTime");
        const rows = toRows(toConversations(records, columns), columns, strings, counting, NOW);
        expect(dateTime).not.toHaveBeenCalled();
        expect(rowSorter(rows, counting.collator)({ column: "createdon", descending: true }).map((row) => row.conversation.key)).toEqual(["b", "a"]);
        expect(dateTime).not.toHaveBeenCalled();
        expect(rows[0].cell("createdon")).toBe(rows[0].cell("createdon"));
        expect(dateTime).toHaveBeenCalledTimes(1);
        expect(filterRows(rows, "refund").map((row) => row.conversation.key)).toEqual(["a"]);
        expect(dateTime).toHaveBeenCalledTimes(2);
    });
});

describe("rows kept drawn", () => {
    const records = [
        { msdyn_ocliveworkitemid: "a", msdyn_title: "Refund", statuscode: 2, "statuscode@OData.Community.Display.V1.FormattedValue": "Aktiv", msdyn_channel: [192360000, 192370000], createdon: "2026-11-21T11:00:00Z" },
        { msdyn_ocliveworkitemid: "b", msdyn_title: "Password", statuscode: 3, msdyn_channel: 192360000, createdon: "2026-11-20T11:00:00Z" },
    ];
    const columns = ["msdyn_title", "statuscode", "msdyn_channel", "createdon"];

    it("reads the server's status labels up front, so that a row the grid keeps does not hold the whole answer", () => {
        const conversations = toConversations(records, columns);
        const label = statusLabeller(conversations, strings);
        (conversations as unknown[]).length = 0;
        expect([label(2), label(3)]).toEqual(["Aktiv", "Waiting"]);
    });

    it("tells whether two answers' rows read the same, cell by cell, ages and channel lists included", () => {
        const [first, second] = [rowsOf(records, columns), rowsOf(records.map((record) => ({ ...record })), columns)];
        expect(first.map((row, i) => sameCells(row, second[i], columns))).toEqual([true, true]);
        const later = toRows(toConversations(records, columns), columns, strings, formatter, new Date("2026-11-21T13:00:00Z"));
        // An hour later the first row's age moved ("1 hr. ago" to "2 hr. ago"); the day-old one still reads "yesterday".
        expect(first.map((row, i) => sameCells(row, later[i], columns))).toEqual([false, true]);
        const changed = rowsOf([{ ...records[0], msdyn_channel: [192360000] }, { ...records[1], msdyn_title: "Password reset" }], columns);
        expect(first.map((row, i) => sameCells(row, changed[i], columns))).toEqual([false, false]);
        expect(sameCells(first[1], changed[1], ["statuscode", "createdon"])).toBe(true);
    });
});

describe("toRows with the org's column definitions", () => {
    const definitions = readColumnDefinitions(
        {
            Attributes: [
                { LogicalName: "new_followupdate", AttributeType: 2, attributeDescriptor: { Behavior: 2, Format: "date" } },
                { LogicalName: "new_shift", AttributeType: 2, attributeDescriptor: { Behavior: 3, Format: "datetime" } },
                { LogicalName: "new_shiftday", AttributeType: 2, attributeDescriptor: { Behavior: 3, Format: "date" } },
                { LogicalName: "new_seen", AttributeType: 2, attributeDescriptor: { Behavior: 1, Format: "date" } },
                { LogicalName: "new_priority", AttributeType: 11, attributeDescriptor: { OptionSet: [{ Value: 100000002, Label: "High" }] } },
                { LogicalName: "new_tags", AttributeType: 17, attributeDescriptor: { OptionSet: [{ Value: 1, Label: "VIP" }, { Value: 2, Label: "Callback" }] } },
                { LogicalName: "new_amount", AttributeType: 8 },
                { LogicalName: "new_code", AttributeType: 14 },
                { LogicalName: "statuscode", AttributeType: 13, attributeDescriptor: { OptionSet: [{ Value: 2, Label: "Talking" }, { Value: 100000000, Label: "Escalated" }] } },
            ],
        },
        ["new_followupdate", "new_shift", "new_shiftday", "new_seen", "new_priority", "new_tags", "new_amount", "new_code", "statuscode"],
    );
    const typedRows = (records: Record<string, unknown>[], columns: string[], offsetMinutes = 60) =>
        toRows(toConversations(records, columns), columns, strings, new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => offsetMinutes }), NOW, 0, definitions);

    it("shows a date-only value as its calendar date with no time, in every time zone", () => {
        for (const offset of [-600, -480, 0, 330, 840]) {
            const [row] = typedRows([{ new_followupdate: "2026-11-22" }], ["new_followupdate"], offset);
            expect(row.cell("new_followupdate")).toEqual({ text: "11/22/26", sortValue: Date.UTC(2026, 10, 22) });
        }
        // A reader that adds midnight UTC moves no day either.
        const [row] = typedRows([{ new_followupdate: "2026-11-22T00:00:00Z" }], ["new_followupdate"], -480);
        expect(row.cell("new_followupdate").text).toBe("11/22/26");
    });

    it("shows a time zone independent value as stored, and a user local date-only format as the user's date", () => {
        const [row] = typedRows([{ new_shift: "2026-11-22T07:30:00Z", new_shiftday: "2026-11-22T07:30:00Z", new_seen: "2026-11-22T07:30:00Z" }], ["new_shift", "new_shiftday", "new_seen"], -480);
        expect(row.cell("new_shift").text).toBe("11/22/26, 7:30 AM");
        expect(row.cell("new_shiftday").text).toBe("11/22/26");
        // 07:30 UTC is 23:30 the day before at UTC-8.
        expect(row.cell("new_seen")).toEqual({ text: "11/21/26", sortValue: Date.parse("2026-11-22T07:30:00Z") });
    });

    it("reads choices, multi-select choices and status reasons by the org's labels, money by its formatted value", () => {
        const [row, bare] = typedRows(
            [
                { new_priority: 100000002, new_tags: "1,2", statuscode: 100000000, new_amount: 1234.5, "new_amount@OData.Community.Display.V1.FormattedValue": "€1,234.50" },
                { new_priority: 7, new_tags: [2], statuscode: 2, new_amount: 99 },
            ],
            ["new_priority", "new_tags", "statuscode", "new_amount"],
        );
        expect(row.cell("new_priority").text).toBe("High");
        expect(row.cell("new_tags").text).toBe("VIP, Callback");
        expect(row.cell("statuscode")).toMatchObject({ text: "Escalated", statusCode: 100000000 });
        expect(row.cell("new_amount")).toEqual({ text: "€1,234.50", sortValue: 1234.5 });
        expect([bare.cell("new_priority").text, bare.cell("new_tags").text, bare.cell("statuscode").text, bare.cell("new_amount").text]).toEqual(["7", "Callback", "Talking", "99"]);
    });

    it("sorts by the type, not by the text: calendar days, amounts, and a number-looking text column as text", () => {
        const records = [
            { msdyn_ocliveworkitemid: "a", new_followupdate: "2026-12-01", new_amount: 100, new_code: "10" },
            { msdyn_ocliveworkitemid: "b", new_followupdate: "2026-02-10", new_amount: 9.5, new_code: "9" },
            { msdyn_ocliveworkitemid: "c", new_followupdate: "2026-11-30", new_amount: 25, new_code: "100" },
        ];
        const rows = typedRows(records, ["new_followupdate", "new_amount", "new_code"]);
        const keys = (column: string) => rowSorter(rows, formatter.collator)({ column, descending: false }).map((row) => row.conversation.key);
        expect(keys("new_followupdate")).toEqual(["b", "c", "a"]);
        expect(keys("new_amount")).toEqual(["b", "c", "a"]);
        // A text column: the collator's numeric order of its texts, never a number read from them.
        expect(rows.map((row) => typeof row.sortValue("new_code"))).toEqual(["string", "string", "string"]);
    });

    it("guesses from the values only for a column the metadata does not type", () => {
        const [row] = toRows(toConversations([{ new_when: "2026-11-22T07:30:00Z" }], ["new_when"]), ["new_when"], strings, formatter, NOW);
        expect(row.cell("new_when").text).toBe("11/22/26, 8:30 AM");
    });
});
