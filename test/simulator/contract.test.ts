/**
 * The contract of the workspace's client script, run against recorded answers (test/fixtures/,
 * written from omnichannel.md) and against the simulator with the same cases: if the simulator
 * drifts from the script, these fail for the simulator and not for the recording.
 */
import * as fs from "fs";
import * as path from "path";
import { buildConversationRequest } from "../../conversations/request";
import { readConversationsAnswer } from "../../host/answer";
import { toConversations } from "../../conversations/model";
import { hostErrorOf, unknownColumnOf } from "../../host/errors";
import { ALWAYS_RETURNED_ATTRIBUTES } from "../../host/port";
import { HARNESS_AGENT_ID, OmnichannelSimulator } from "../../simulator";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const recorded = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as unknown;
/** What a caller sees of a rejection: its own enumerable fields, as a JSON copy. */
const asSeen = (reason: unknown): Record<string, unknown> => {
    const copy = JSON.parse(JSON.stringify(reason)) as Record<string, unknown>;
    if (reason instanceof Error) copy.message = reason.message;
    return copy;
};

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const LOGICAL = "@Microsoft.Dynamics.CRM.lookuplogicalname";
const NAVIGATION = "@Microsoft.Dynamics.CRM.associatednavigationproperty";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const plan = buildConversationRequest({
    agent: null,
    agentFallback: "currentUser",
    currentUserId: HARNESS_AGENT_ID,
    statuses: null,
    columns: null,
    orderBy: null,
    createdWithinDays: null,
    createdAtLeastDaysAgo: null,
    refreshMinutes: 5,
});
if (plan.kind !== "request") throw new Error("the default properties must make a request");
/** The maker's typo in Columns: a column the table lacks. */
const misspelt = { ...plan.input, attributes: [...(plan.input.attributes ?? []), "msdyn_titel"] };

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
    try {
        await promise;
    } catch (reason) {
        return reason;
    }
    throw new Error("expected a rejection");
}

interface Source {
    answer: () => Promise<unknown>;
    moreRecords: () => Promise<unknown>;
    missingAgent: () => Promise<unknown>;
    odataError: () => Promise<unknown>;
    sessionMismatch: () => Promise<unknown>;
    unknownAttribute: () => Promise<unknown>;
    /** What this source holds: the recordings are cut short, the simulator answers its seed's rows. */
    expected: { rows: number; cutRows: number; odataError: { code: string; message: string } };
}

const simulatorSource = (): Source => {
    const simulator = new OmnichannelSimulator({ now: () => new Date("2026-11-28T12:00:00Z") });
    const first = simulator.query(plan.input)[0];
    return {
        answer: () => simulator.getConversations(plan.input),
        moreRecords: async () => {
            simulator.setScenario("backlog");
            const answer = await simulator.getConversations(plan.input);
            simulator.setScenario("happy");
            return answer;
        },
        missingAgent: () => rejectionOf(simulator.getConversations(JSON.stringify(plan.input))),
        odataError: async () => {
            simulator.setScenario("reject");
            const reason = await rejectionOf(simulator.getConversations(plan.input));
            simulator.setScenario("happy");
            return reason;
        },
        sessionMismatch: () =>
            rejectionOf(simulator.openConversation(first.msdyn_ocliveworkitemid as string, `{${String(first.msdyn_lastsessionid).toUpperCase()}}`)),
        unknownAttribute: () => rejectionOf(simulator.getConversations(misspelt)),
        expected: { rows: 81, cutRows: 5000, odataError: { code: "0x80040216", message: "Simulated host failure: getConversations rejected" } },
    };
};

const recordedSource = (): Source => ({
    answer: () => Promise.resolve(recorded("getConversations.answer.json")),
    moreRecords: () => Promise.resolve(recorded("getConversations.morerecords.json")),
    missingAgent: () => Promise.resolve(recorded("getConversations.missingAgent.json")),
    odataError: () => Promise.resolve(recorded("getConversations.odataError.json")),
    sessionMismatch: () => Promise.resolve(recorded("openConversation.sessionMismatch.json")),
    unknownAttribute: () => Promise.resolve(recorded("getConversations.unknownAttribute.json")),
    expected: { rows: 2, cutRows: 2, odataError: { code: "0x80040216", message: "An unexpected error occurred." } },
});

/** Every check a record of the script's answer must pass: the Web API entity form. */
function expectWebApiRecord(record: Record<string, unknown>): void {
    expect(record["@odata.etag"]).toMatch(/^W\/"\d+"$/);
    expect(record.activityid).toMatch(GUID);
    expect(record.msdyn_ocliveworkitemid).toBe(record.activityid);
    for (const [key, value] of Object.entries(record)) {
        // A null column is left out, never sent as null.
        expect(value).not.toBeNull();
        const lookup = /^_(.+)_value$/.exec(key);
        if (lookup) {
            expect(value).toMatch(GUID);
            expect(record[`${key}${FORMATTED}`]).toEqual(expect.any(String));
            expect(record[`${key}${LOGICAL}`]).toEqual(expect.any(String));
            expect(record[`${key}${NAVIGATION}`]).toEqual(expect.any(String));
            // A lookup comes only in its `_x_value` form.
            expect(record).not.toHaveProperty(lookup[1]);
        }
    }
    expect(record.statuscode).toEqual(expect.any(Number));
    expect(record[`statuscode${FORMATTED}`]).toEqual(expect.any(String));
    expect(record.createdon).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(record[`createdon${FORMATTED}`]).toEqual(expect.any(String));
    if ("msdyn_channel" in record) {
        expect(record.msdyn_channel).toMatch(/^\d+(,\d+)*$/);
        const labels = String(record[`msdyn_channel${FORMATTED}`]).split("; ");
        expect(labels).toHaveLength(String(record.msdyn_channel).split(",").length);
    }
    // The five attributes the script always asks for.
    for (const name of ALWAYS_RETURNED_ATTRIBUTES) expect(name in record || `_${name}_value` in record).toBe(true);
}

describe.each([
    ["recorded answers", recordedSource],
    ["the simulator", simulatorSource],
])("the client script's contract: %s", (_name, source) => {
    let host: Source;
    beforeAll(() => {
        host = source();
    });

    it("resolves { status: true, result } with the OData envelope in result.value", async () => {
        const answer = (await host.answer()) as { status: unknown; result: Record<string, unknown> };
        expect(answer.status).toBe(true);
        expect(answer.result["@odata.context"]).toMatch(/\$metadata#msdyn_ocliveworkitems/);
        expect(Array.isArray(answer.result.value)).toBe(true);
        expect(answer.result).not.toHaveProperty("values");
        expect(answer.result.value).toHaveLength(host.expected.rows);
    });

    it("returns Web API records: etag, primary key, `_x_value` lookups with three annotations, channels as a comma string, no nulls", async () => {
        const answer = (await host.answer()) as { result: { value: Record<string, unknown>[] } };
        answer.result.value.forEach(expectWebApiRecord);
    });

    it("marks an answer cut at 5,000 rows with morerecords and a paging cookie", async () => {
        const answer = (await host.moreRecords()) as { result: Record<string, unknown> & { value: unknown[] } };
        expect(answer.result["@Microsoft.Dynamics.CRM.morerecords"]).toBe(true);
        expect(answer.result["@Microsoft.Dynamics.CRM.fetchxmlpagingcookie"]).toMatch(/^<cookie /);
        expect(answer.result.value).toHaveLength(host.expected.cutRows);
    });

    it("rejects { status: false, error } without an agentId", async () => {
        const reason = asSeen(await host.missingAgent());
        expect(reason.status).toBe(false);
        expect((reason.error as { message: string }).message).toMatch(/agentId/);
    });

    it("rejects { status: false, error: { code, message } } on an OData error", async () => {
        const reason = await host.odataError();
        const seen = asSeen(reason) as { status: unknown; error: { code: unknown; message: unknown } };
        expect(Object.keys(seen).sort()).toEqual(["error", "status"]);
        expect(seen.status).toBe(false);
        expect(seen.error).toEqual(host.expected.odataError);
        expect(hostErrorOf(reason)).toEqual({ code: seen.error.code, message: seen.error.message });
    });

    it("rejects a column the table lacks with Dataverse's 0x80041103, read as the Columns property's column", async () => {
        const reason = await host.unknownAttribute();
        expect(asSeen(reason)).toEqual({
            status: false,
            error: { code: "0x80041103", message: "'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = 'msdyn_titel' and NameMapping = 'Logical'." },
        });
        const error = hostErrorOf(reason);
        expect(error && unknownColumnOf(error, misspelt)).toEqual({ setting: "columns", column: "msdyn_titel" });
    });

    it("rejects an open whose session id differs by case or braces", async () => {
        expect(asSeen(await host.sessionMismatch()).message).toBe("Record not found for Session Id provided!");
    });

    it("is read by the control into openable rows with the host's formatted values", async () => {
        const read = readConversationsAnswer(await host.answer());
        if (!read.ok) throw new Error(`unread: ${read.failure}`);
        const conversations = toConversations(read.records, plan.columns);
        for (const conversation of conversations) {
            expect(conversation.conversationId).toMatch(GUID);
            expect(conversation.lastSessionId).toMatch(GUID);
            expect(conversation.workstreamId).toMatch(GUID);
            const status = conversation.field("statuscode");
            expect(status.formatted).toEqual(expect.any(String));
        }
        const withCustomer = conversations.find((c) => c.field("msdyn_customer").raw !== undefined);
        expect(withCustomer?.field("msdyn_customer").formatted).toEqual(expect.any(String));
        expect(withCustomer?.field("msdyn_cdsqueueid").formatted).toEqual(expect.any(String));
        expect(readConversationsAnswer(await host.moreRecords())).toMatchObject({ ok: true, moreRecords: true });
    });
});
