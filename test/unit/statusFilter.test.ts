import { toConversations } from "../../conversations/model";
import { toRows } from "../../conversations/rows";
import { activeStatusFilter, filterByStatus, statusChips, toggleStatus } from "../../conversations/statusFilter";
import { ConversationFormatter } from "../../conversations/formatting";
import { Strings } from "../../conversations/strings";

const rows = toRows(
    toConversations([{ statuscode: 2 }, { statuscode: "3" }, { statuscode: 2 }, {}], []),
    [],
    new Strings(() => undefined),
    new ConversationFormatter({ locale: "en-US", timeZoneOffsetMinutes: () => 0 }),
    new Date(),
);

describe("status filter", () => {
    it("counts rows per configured status, whether statuscode is a shown column or not", () => {
        expect(statusChips(rows, [2, 3, 5], [3], (code) => `status ${code}`)).toEqual([
            { code: 2, label: "status 2", count: 2, pressed: false },
            { code: 3, label: "status 3", count: 1, pressed: true },
            { code: 5, label: "status 5", count: 0, pressed: false },
        ]);
    });

    it("keeps only picked statuses, every row when none is picked, and toggles a pick", () => {
        expect(filterByStatus(rows, [3])).toHaveLength(1);
        expect(filterByStatus(rows, [])).toBe(rows);
        expect(toggleStatus([2, 3], 2)).toEqual([3]);
        expect(toggleStatus([3], 2)).toEqual([3, 2]);
        expect(activeStatusFilter([3, 7], [2, 3])).toEqual([3]);
        expect(activeStatusFilter(undefined, [2])).toEqual([]);
    });
});
