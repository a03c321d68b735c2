import { buildConversationRequest, columnsToDescribe, readAgentColumn, type ConversationSettings } from "../../conversations/request";
import { NO_DEFINITIONS, readColumnDefinitions } from "../../host/metadata";

const AGENT = "7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6";

const settings = (overrides: Partial<ConversationSettings> = {}): ConversationSettings => ({
    agent: null,
    agentFallback: "currentUser",
    currentUserId: `{${AGENT.toUpperCase()}}`,
    statuses: "2,3,5",
    columns: "msdyn_title,statuscode,createdon",
    orderBy: "createdon desc",
    createdWithinDays: null,
    createdAtLeastDaysAgo: null,
    refreshMinutes: 5,
    waitingAlertMinutes: null,
    ...overrides,
});

function requestOf(overrides: Partial<ConversationSettings> = {}) {
    const plan = buildConversationRequest(settings(overrides));
    if (plan.kind !== "request") throw new Error(`expected a request, got ${JSON.stringify(plan.problems)}`);
    return plan;
}

function problemsOf(overrides: Partial<ConversationSettings>) {
    const plan = buildConversationRequest(settings(overrides));
    if (plan.kind !== "invalid") throw new Error("expected invalid settings");
    return plan.problems;
}

describe("buildConversationRequest", () => {
    it("builds the documented input: normalized signed-in user, numeric statuses, extra columns to open and label", () => {
        expect(requestOf().input).toEqual({
            agentId: AGENT,
            attributes: ["msdyn_title", "statuscode", "createdon", "msdyn_ocliveworkitemid", "msdyn_lastsessionid", "msdyn_liveworkstreamid"],
            status: [2, 3, 5],
            orderBy: [{ attributeName: "createdon", descending: true }],
        });
    });

    it("prefers the bound column, given as text with braces and any case", () => {
        expect(requestOf({ agent: "{5F3B1C2A-8D4E-4A71-9C0B-1E2F3A4B5C6D}" }).input.agentId).toBe("5f3b1c2a-8d4e-4a71-9c0b-1e2f3a4b5c6d");
    });

    it("reads a lookup value's id", () => {
        const lookup = [{ id: "{A7C9E1F3-2B4D-4F60-8A1C-3E5F7A9B0C2D}", name: "Priya", entityType: "systemuser" }];
        expect(readAgentColumn(lookup)).toEqual({ kind: "id", id: "{A7C9E1F3-2B4D-4F60-8A1C-3E5F7A9B0C2D}" });
        expect(requestOf({ agent: lookup }).input.agentId).toBe("a7c9e1f3-2b4d-4f60-8a1c-3e5f7a9b0c2d");
    });

    it("refuses an agent id that is not a GUID, naming the property and the value", () => {
        expect(problemsOf({ agent: "alex@contoso.com" })).toEqual([{ setting: "agent", code: "notAGuid", value: "alex@contoso.com" }]);
    });

    it("refuses a bound column holding something other than text or a lookup, instead of falling back to the signed-in user", () => {
        expect(problemsOf({ agent: 42 })).toEqual([{ setting: "agent", code: "agentNotText", value: "42" }]);
        expect(problemsOf({ agent: [{ name: "no id" }] })).toEqual([{ setting: "agent", code: "agentNotText", value: '[{"name":"no id"}]' }]);
        expect(problemsOf({ agent: true })).toEqual([{ setting: "agent", code: "agentNotText", value: "true" }]);
    });

    it("names a lookup to another table than User (team, queue, contact), whether it holds a value or not", () => {
        const team = [{ id: "{A7C9E1F3-2B4D-4F60-8A1C-3E5F7A9B0C2D}", name: "Tier 2", entityType: "team" }];
        expect(problemsOf({ agent: team })).toEqual([{ setting: "agent", code: "agentNotAUser", value: "team" }]);
        // An empty lookup to a queue would fall back to the signed-in user: its metadata names the table.
        expect(problemsOf({ agent: null, agentTargets: ["queue"] })).toEqual([{ setting: "agent", code: "agentNotAUser", value: "queue" }]);
        expect(requestOf({ agent: null, agentTargets: ["systemuser"] }).input.agentId).toBe(AGENT);
        expect(requestOf({ agent: [{ ...team[0], entityType: "SystemUser" }], agentTargets: ["systemuser", "team"] }).input.agentId).toBe("a7c9e1f3-2b4d-4f60-8a1c-3e5f7a9b0c2d");
    });

    it("says the bound column cannot be read (column security) instead of falling back to the signed-in user", () => {
        expect(problemsOf({ agent: null, agentReadable: false })).toEqual([{ setting: "agent", code: "agentNotReadable" }]);
        expect(requestOf({ agent: null, agentReadable: true }).input.agentId).toBe(AGENT);
    });

    it("falls back to the signed-in user only for an empty column", () => {
        for (const empty of [null, undefined, "", "  ", []]) expect(requestOf({ agent: empty }).input.agentId).toBe(AGENT);
    });

    it("asks for an agent when the column is empty and the fallback is off", () => {
        expect(problemsOf({ agentFallback: "none" })).toEqual([{ setting: "agent", code: "noAgent" }]);
    });

    it("accepts status labels in any case and any shipped language, whoever views the list, and drops duplicates", () => {
        expect(requestOf({ statuses: "active; WAITING, wrap up, aktiv, 2" }).input.status).toEqual([2, 3, 5]);
        // A French maker's value, as the French description invites, for every agent: the plan does not depend on the viewer.
        expect(requestOf({ statuses: "Actif, En attente, Conclusion" }).input.status).toEqual([2, 3, 5]);
        expect(requestOf({ statuses: "待機中, アクティブ, ממתינה, Resolvida, 已计划" }).input.status).toEqual([3, 2, 6, 7]);
    });

    it("refuses unknown status labels but accepts any whole number (custom status reasons)", () => {
        expect(problemsOf({ statuses: "Active, Pending, 42" })).toEqual([{ setting: "statuses", code: "unknownStatus", value: "Pending" }]);
        expect(requestOf({ statuses: "42" }).input.status).toEqual([42]);
    });

    it("uses the defaults for empty list properties", () => {
        const plan = requestOf({ statuses: " , ", columns: "", orderBy: null });
        expect(plan.input.status).toEqual([2, 3, 5]);
        expect(plan.columns).toEqual(["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "msdyn_cdsqueueid", "createdon"]);
        expect(plan.input.orderBy).toEqual([{ attributeName: "createdon", descending: true }]);
    });

    it("refuses column names that are not logical names and never sends them", () => {
        const plan = buildConversationRequest(settings({ columns: "msdyn_title, createdon) or 1=1, <b>x</b>" }));
        expect(plan).toEqual({
            kind: "invalid",
            problems: [
                { setting: "columns", code: "notALogicalName", value: "createdon) or 1=1" },
                { setting: "columns", code: "notALogicalName", value: "<b>x</b>" },
            ],
        });
    });

    it("parses several order keys with optional directions", () => {
        expect(requestOf({ orderBy: "statuscode asc, createdon DESC, msdyn_title" }).input.orderBy).toEqual([
            { attributeName: "statuscode", descending: false },
            { attributeName: "createdon", descending: true },
            { attributeName: "msdyn_title", descending: false },
        ]);
    });

    it("refuses an unknown sort direction", () => {
        expect(problemsOf({ orderBy: "createdon newest" })).toEqual([{ setting: "orderBy", code: "unknownSortDirection", value: "createdon newest" }]);
    });

    it("sends createdAtLeastDaysAgo as createdBeforeDays, which the host reads as N or more days old", () => {
        expect(requestOf({ createdAtLeastDaysAgo: 30 }).input.createdBeforeDays).toBe(30);
        expect(requestOf({ createdAtLeastDaysAgo: 0 }).input).not.toHaveProperty("createdBeforeDays");
        expect(problemsOf({ createdAtLeastDaysAgo: -1 })).toEqual([{ setting: "createdAtLeastDaysAgo", code: "notAWholeNumber", value: "-1" }]);
    });

    it("keeps createdWithinDays out of the host's input: the control filters, and the key changes with it", () => {
        const within = requestOf({ createdWithinDays: 7 });
        expect(within.input).not.toHaveProperty("createdBeforeDays");
        expect(within.createdWithinDays).toBe(7);
        expect(within.key).not.toBe(requestOf().key);
        expect(requestOf({ createdWithinDays: 0 })).not.toHaveProperty("createdWithinDays");
        expect(problemsOf({ createdWithinDays: 2.5 })).toEqual([{ setting: "createdWithinDays", code: "notAWholeNumber", value: "2.5" }]);
    });

    it("refuses an age window that no conversation can match", () => {
        expect(problemsOf({ createdWithinDays: 7, createdAtLeastDaysAgo: 7 })).toEqual([{ setting: "createdWithinDays", code: "noAgeLeft", value: "7" }]);
        const both = requestOf({ createdWithinDays: 30, createdAtLeastDaysAgo: 7 });
        expect([both.createdWithinDays, both.input.createdBeforeDays]).toEqual([30, 7]);
    });

    it("refuses a refresh interval longer than a day", () => {
        expect(problemsOf({ refreshMinutes: 100_000 })).toEqual([{ setting: "refreshMinutes", code: "refreshTooLong", value: "100000" }]);
        expect(requestOf({ refreshMinutes: 1440 }).refreshMinutes).toBe(1440);
    });

    it("gives equal keys for equal settings and different keys when the request differs, but not for the refresh interval", () => {
        expect(requestOf().key).toBe(requestOf().key);
        expect(requestOf({ statuses: "2" }).key).not.toBe(requestOf().key);
        expect(requestOf({ refreshMinutes: 1 }).key).toBe(requestOf().key);
        // The same attributes are asked for, but the grid shows another column.
        expect(requestOf({ columns: "msdyn_title,statuscode,createdon,msdyn_lastsessionid" }).key).not.toBe(requestOf().key);
    });

    it("validates the waiting alert: a whole number of minutes, 0 or empty marking nothing", () => {
        expect(requestOf({ waitingAlertMinutes: 10 }).waitingAlertMinutes).toBe(10);
        expect(requestOf({ waitingAlertMinutes: null }).waitingAlertMinutes).toBe(0);
        expect(problemsOf({ waitingAlertMinutes: -1 })).toEqual([{ setting: "waitingAlertMinutes", code: "notAWholeNumber", value: "-1" }]);
        expect(problemsOf({ waitingAlertMinutes: 1.5 })).toEqual([{ setting: "waitingAlertMinutes", code: "notAWholeNumber", value: "1.5" }]);
    });

    it("reads a cleared number property, which can arrive as an empty string, as no limit or the default", () => {
        const cleared = requestOf({ createdWithinDays: "", createdAtLeastDaysAgo: " ", refreshMinutes: "", waitingAlertMinutes: "" });
        expect(cleared).not.toHaveProperty("createdWithinDays");
        expect(cleared.input).not.toHaveProperty("createdBeforeDays");
        expect(cleared.refreshMinutes).toBe(5);
        expect(cleared.waitingAlertMinutes).toBe(0);
        expect(cleared.key).toBe(requestOf({ createdWithinDays: null, createdAtLeastDaysAgo: null, refreshMinutes: null }).key);
    });

    it("reports every problem at once", () => {
        expect(problemsOf({ agent: "nope", statuses: "Busy", refreshMinutes: -5 }).map((problem) => problem.setting)).toEqual([
            "agent",
            "statuses",
            "refreshMinutes",
        ]);
    });
});

describe("buildConversationRequest with the org's column definitions", () => {
    const definitions = readColumnDefinitions(
        {
            Attributes: [
                { LogicalName: "msdyn_title", AttributeType: 14 },
                { LogicalName: "createdon", AttributeType: 2 },
                { LogicalName: "statuscode", AttributeType: 13, attributeDescriptor: { OptionSet: [{ Value: 2, Label: "Talking" }, { Value: 100000000, Label: "Escalated" }] } },
            ],
        },
        ["msdyn_title", "createdon", "statuscode", "new_missing"],
    );

    it("asks the metadata for the shown columns, the order's and statuscode, leaving out malformed names", () => {
        expect(columnsToDescribe({ columns: "msdyn_title, New_Priority, bad-name", orderBy: "modifiedon desc, msdyn_title" })).toEqual(["msdyn_title", "new_priority", "modifiedon", "statuscode"]);
        expect(columnsToDescribe({ columns: "", orderBy: "" })).toEqual(["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "msdyn_cdsqueueid", "createdon"]);
    });

    it("names the columns the table lacks, in Columns and in Order, before anything is sent", () => {
        const plan = buildConversationRequest(settings({ columns: "msdyn_title,new_missing", orderBy: "new_gone" }), definitions);
        expect(plan).toEqual({
            kind: "invalid",
            problems: [
                { setting: "columns", code: "unknownColumn", value: "new_missing" },
                { setting: "orderBy", code: "unknownColumn", value: "new_gone" },
            ],
        });
        // Without an answer about the table, every logical name is sent: Dataverse's refusal names it then.
        expect(buildConversationRequest(settings({ columns: "msdyn_title,new_missing" }), NO_DEFINITIONS).kind).toBe("request");
    });

    it("accepts the org's status reason labels, custom ones included, beside the English names and numbers", () => {
        const plan = buildConversationRequest(settings({ statuses: "talking, Escalated, waiting, 7" }), definitions);
        expect(plan.kind === "request" && plan.input.status).toEqual([2, 100000000, 3, 7]);
        expect(problemsOf({ statuses: "Escalated" })).toEqual([{ setting: "statuses", code: "unknownStatus", value: "Escalated" }]);
    });
});

