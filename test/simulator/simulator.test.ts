import { ALWAYS_RETURNED_ATTRIBUTES } from "../../host/port";
import { hostErrorOf, isBusy } from "../../host/errors";
import {
    ALEX_AGENT_ID,
    ALL_CHANNEL_VALUES,
    CHANNEL_LABELS,
    FORMATTED_VALUE,
    HARNESS_AGENT_ID,
    LOOKUP_LOGICAL_NAME,
    MULTI_CHANNEL_COMBINATIONS,
    OMNICHANNEL_SIMULATOR_MARKER,
    OmnichannelSimulator,
    OTHER_AGENT_IDS,
    SCENARIOS,
    SIMULATED_AGENTS,
    STATUSES,
    UNKNOWN_AGENT_ID,
    generateConversations,
    isScenarioName,
    type ConversationsResult,
} from "../../simulator";

const NOW = new Date("2025-06-01T12:00:00Z");
const clock = (): Date => NOW;
const DEFAULT_COLUMNS = ["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "msdyn_cdsqueueid", "createdon"];

function values(answer: unknown): Record<string, unknown>[] {
    const result = answer as ConversationsResult;
    expect(result.status).toBe(true);
    const rows = "value" in result.result ? result.result.value : result.result.values;
    expect(Array.isArray(rows)).toBe(true);
    return rows;
}

describe("data set", () => {
    const sim = new OmnichannelSimulator({ now: clock });

    it("is a few thousand records, deterministic for a seed and now", () => {
        expect(sim.conversations.length).toBe(3000);
        expect(generateConversations(7, NOW)).toEqual(generateConversations(7, NOW));
        expect(generateConversations(7, NOW)[0]).not.toEqual(generateConversations(8, NOW)[0]);
        expect(new OmnichannelSimulator({ now: clock }).conversations).toEqual(sim.conversations);
    });

    it("has unique ids, activityid equal to msdyn_ocliveworkitemid, lowercase GUIDs", () => {
        const ids = new Set(sim.conversations.map((c) => c.msdyn_ocliveworkitemid));
        expect(ids.size).toBe(sim.conversations.length);
        for (const c of sim.conversations.slice(0, 200)) {
            expect(c.activityid).toBe(c.msdyn_ocliveworkitemid);
            expect(c.activityid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        }
    });

    it("covers every agent, status and channel, multi-channel ones included, for the harness agent", () => {
        const mine = sim.conversations.filter((c) => c.msdyn_activeagentid?.id === HARNESS_AGENT_ID);
        expect(new Set(mine.map((c) => c.statuscode))).toEqual(new Set(STATUSES.map((s) => s.statuscode)));
        const active = mine.filter((c) => [2, 3, 5].includes(c.statuscode));
        const channels = new Set(active.flatMap((c) => c.msdyn_channel));
        for (const channel of ALL_CHANNEL_VALUES) expect(channels).toContain(channel);
        for (const combo of MULTI_CHANNEL_COMBINATIONS) {
            expect(active.some((c) => c.msdyn_channel.join() === combo.join())).toBe(true);
        }
        for (const agent of SIMULATED_AGENTS) {
            expect(sim.conversations.some((c) => c.msdyn_activeagentid?.id === agent.id)).toBe(true);
        }
        expect(OTHER_AGENT_IDS).toContain(ALEX_AGENT_ID);
    });

    it("spreads creation over 90 days before now, with consistent states and dates", () => {
        const times = sim.conversations.map((c) => Date.parse(c.createdon));
        expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
        expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 91 * 86_400_000);
        expect(Math.min(...times)).toBeLessThan(NOW.getTime() - 80 * 86_400_000);
        for (const c of sim.conversations) {
            expect(c.statecode).toBe(STATUSES.find((s) => s.statuscode === c.statuscode)?.statecode);
            expect(c.msdyn_closedon !== null).toBe(c.statuscode === 4 || c.statuscode === 6);
            expect(c.msdyn_conversationfirstwaittimeinseconds).toBeGreaterThanOrEqual(0);
            expect(c.msdyn_cdsqueueid?.name).toBeTruthy();
            expect(c.msdyn_liveworkstreamid.id).toBeTruthy();
            expect(c.msdyn_lastsessionid.id).toBeTruthy();
        }
        // Unassigned "Open" conversations sit in a queue with no agent.
        expect(sim.conversations.some((c) => c.statuscode === 1 && c.msdyn_activeagentid === null)).toBe(true);
    });

    it("is read-only", () => {
        expect(Object.isFrozen(sim.conversations)).toBe(true);
        expect(Object.isFrozen(sim.conversations[0])).toBe(true);
        expect(Object.isFrozen(sim.conversations[0].msdyn_channel)).toBe(true);
    });
});

describe("getConversations filters", () => {
    const sim = new OmnichannelSimulator({ now: clock });

    it("by agent, normalizing braces and case", async () => {
        const plain = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID }));
        const braced = values(await sim.getConversations({ agentId: `{${HARNESS_AGENT_ID.toUpperCase()}}` }));
        expect(braced).toEqual(plain);
        const expected = sim.conversations.filter((c) => c.msdyn_activeagentid?.id === HARNESS_AGENT_ID).length;
        expect(plain).toHaveLength(expected);
        const alex = values(await sim.getConversations({ agentId: ALEX_AGENT_ID }));
        const alexIds = new Set(sim.conversations.filter((c) => c.msdyn_activeagentid?.id === ALEX_AGENT_ID).map((c) => c.activityid));
        expect(alex.every((r) => alexIds.has(r.msdyn_ocliveworkitemid as string))).toBe(true);
        expect(values(await sim.getConversations({ agentId: UNKNOWN_AGENT_ID }))).toEqual([]);
    });

    it("by status, numbers or numeric strings; omitted or empty means every status", async () => {
        const active = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, status: [2, 3, 5] }));
        // Seed and clock fixed: these are the rows the data set holds, in stored order.
        expect(active).toHaveLength(81);
        expect(active.slice(0, 2).map((r) => r.msdyn_ocliveworkitemid)).toEqual(["437399db-eb81-4706-93bc-24ae4b9acb97", "e26ae66e-05a1-42de-9636-91d2e0ff62d8"]);
        expect(active[80].msdyn_ocliveworkitemid).toBe("de63d0d1-057a-4d7c-8737-ab90a70b0948");
        expect(new Set(active.map((r) => r.statuscode))).toEqual(new Set([2, 3, 5]));
        const asStrings = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, status: ["2", "3", "5"] as unknown as number[] }));
        expect(asStrings).toEqual(active);
        const closed = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, status: [4] }));
        expect(closed.every((r) => r.statuscode === 4)).toBe(true);
        expect(closed).toHaveLength(790);
        const all = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID }));
        expect(values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, status: [] }))).toHaveLength(all.length);
        expect(all).toHaveLength(939);
    });

    it("by createdBeforeDays as the script reads it: created on or before today − N, in the local date", async () => {
        const old = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, createdBeforeDays: 7 }));
        // The first instant of the day after today − 7: everything kept is older.
        const end = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - 6).getTime();
        expect(old).toHaveLength(593);
        expect(old[592].msdyn_ocliveworkitemid).toBe("f585cccb-cfe0-4236-aa43-7ef2e081ec6a");
        expect(old.every((r) => Date.parse(r.createdon as string) < end)).toBe(true);
        const expected = sim.conversations.filter((c) => c.msdyn_activeagentid?.id === HARNESS_AGENT_ID && Date.parse(c.createdon) < end);
        expect(old).toHaveLength(expected.length);
        // A numeric string is truthy and works; 0 means no filter.
        expect(values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, createdBeforeDays: "7" as unknown as number }))).toHaveLength(old.length);
        const all = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID }));
        expect(values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, createdBeforeDays: 0 }))).toHaveLength(all.length);
        expect(values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, createdBeforeDays: 365 }))).toHaveLength(0);
    });

    it("uses the clock at query time for the age window", async () => {
        let now = NOW;
        const moving = new OmnichannelSimulator({ now: () => now });
        const before = values(await moving.getConversations({ agentId: HARNESS_AGENT_ID, createdBeforeDays: 100 }));
        now = new Date(NOW.getTime() + 30 * 86_400_000);
        expect(values(await moving.getConversations({ agentId: HARNESS_AGENT_ID, createdBeforeDays: 100 }))).toHaveLength(137);
        expect(before).toHaveLength(0);
    });

    it("rejects { status: false, error } without an agentId, and a JSON string (it has no .agentId), as the script does", async () => {
        const missing = { status: false, error: { message: 'Missing key "agentId" in input object' } };
        await expect(sim.getConversations({} as never)).rejects.toMatchObject(missing);
        await expect(sim.getConversations(JSON.stringify({ agentId: HARNESS_AGENT_ID, status: [2] }))).rejects.toMatchObject(missing);
        await expect(sim.getConversations(null as never)).rejects.toMatchObject(missing);
    });
});

describe("getConversations orderBy", () => {
    const sim = new OmnichannelSimulator({ now: clock });
    const agentId = HARNESS_AGENT_ID;

    it("sorts by createdon descending and ascending", async () => {
        const desc = values(await sim.getConversations({ agentId, orderBy: [{ attributeName: "createdon", descending: true }] }));
        const dates = desc.map((r) => r.createdon as string);
        expect(dates).toEqual([...dates].sort().reverse());
        const asc = values(await sim.getConversations({ agentId, orderBy: [{ attributeName: "createdon", descending: false }] }));
        expect(asc.map((r) => r.createdon)).toEqual([...dates].sort());
    });

    it("sorts by several keys: status label, then newest first", async () => {
        const rows = values(
            await sim.getConversations({
                agentId,
                status: [2, 3, 5],
                orderBy: [
                    { attributeName: "statuscode", descending: false },
                    { attributeName: "createdon", descending: true },
                ],
            }),
        );
        const labels = rows.map((r) => r[`statuscode${FORMATTED_VALUE}`] as string);
        // Dataverse orders a choice column by its label: Active < Waiting < Wrap-up.
        expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
        for (let i = 1; i < rows.length; i++) {
            if (rows[i].statuscode === rows[i - 1].statuscode) {
                expect((rows[i - 1].createdon as string) >= (rows[i].createdon as string)).toBe(true);
            }
        }
    });

    it("sorts lookups by name, nulls first ascending", async () => {
        const rows = values(await sim.getConversations({ agentId, attributes: ["msdyn_customer"], orderBy: [{ attributeName: "msdyn_customer", descending: false }] }));
        const names = rows.map((r) => (r[`_msdyn_customer_value${FORMATTED_VALUE}`] as string | undefined) ?? null);
        const firstNamed = names.findIndex((n) => n !== null);
        expect(names.slice(0, firstNamed).every((n) => n === null)).toBe(true);
        const named = names.slice(firstNamed) as string[];
        expect(named.every((n) => n !== null)).toBe(true);
        expect(named).toEqual([...named].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), "en")));
    });

    it("accepts the `_x_value` spelling", async () => {
        const a = values(await sim.getConversations({ agentId, orderBy: [{ attributeName: "_msdyn_queueid_value", descending: true }] }));
        const b = values(await sim.getConversations({ agentId, orderBy: [{ attributeName: "msdyn_queueid", descending: true }] }));
        expect(a).toEqual(b);
    });

    it("refuses a column or order key the table lacks, as Dataverse does, naming it as sent", async () => {
        const refusal = (name: string) => ({
            status: false,
            error: { code: "0x80041103", message: `'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = '${name}' and NameMapping = 'Logical'.` },
        });
        await expect(sim.getConversations({ agentId, orderBy: [{ attributeName: "nonexistent", descending: true }] })).rejects.toEqual(refusal("nonexistent"));
        await expect(sim.getConversations({ agentId, attributes: ["msdyn_title", "msdyn_titel"] })).rejects.toEqual(refusal("msdyn_titel"));
        const strict = new OmnichannelSimulator({ now: clock, scenario: "docsValues" });
        await expect(strict.getConversations({ agentId, attributes: ["Bogus"] })).rejects.toEqual(refusal("Bogus"));
    });
});

describe("getConversations projection and result shapes", () => {
    const sim = new OmnichannelSimulator({ now: clock });

    it("always returns the five default attributes, plus those asked for", async () => {
        sim.setScenario("docsValues");
        const bare = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, attributes: [] }));
        for (const row of bare.slice(0, 20)) {
            const keys = Object.keys(row).filter((k) => !k.includes("@"));
            expect(keys.sort()).toEqual([...ALWAYS_RETURNED_ATTRIBUTES].sort());
        }
        const asked = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, attributes: [...DEFAULT_COLUMNS, "msdyn_customersentimentlabel"] }));
        const keys = Object.keys(asked[0]).filter((k) => !k.includes("@"));
        expect(keys.sort()).toEqual([...new Set([...ALWAYS_RETURNED_ATTRIBUTES, ...DEFAULT_COLUMNS, "msdyn_customersentimentlabel"])].sort());
        sim.setScenario("happy");
    });

    it("happy: the script's OData envelope in result.value, Web API records, null columns absent", async () => {
        const answer = (await sim.getConversations({ agentId: HARNESS_AGENT_ID, attributes: ["msdyn_queueid", "msdyn_closedon"] })) as {
            status: boolean;
            result: Record<string, unknown> & { value: Record<string, unknown>[] };
        };
        expect(answer.status).toBe(true);
        expect(answer.result["@odata.context"]).toEqual(expect.stringContaining("$metadata#msdyn_ocliveworkitems"));
        expect(answer.result).not.toHaveProperty("values");
        expect(answer.result).not.toHaveProperty("@Microsoft.Dynamics.CRM.morerecords");
        const row = answer.result.value[0];
        expect(row.activityid).toBe(row.msdyn_ocliveworkitemid);
        expect(row["_msdyn_lastsessionid_value@Microsoft.Dynamics.CRM.associatednavigationproperty"]).toBe("msdyn_lastsessionid");
        const keys = Object.keys(row).filter((k) => !k.includes("@")).sort();
        expect(keys.every((k) => ["activityid", "createdon", "statuscode", "msdyn_ocliveworkitemid", "_msdyn_lastsessionid_value", "_msdyn_liveworkstreamid_value", "_msdyn_queueid_value", "msdyn_closedon"].includes(k))).toBe(true);
        expect(answer.result.value.some((r) => !("msdyn_closedon" in r))).toBe(true);
        expect(answer.result.value.every((r) => r.msdyn_closedon !== null)).toBe(true);
    });

    it("happy: the org's custom columns as the Web API sends them: a choice, a date-only Edm.Date and money, each formatted, null ones absent", async () => {
        const attributes = ["new_priority", "new_followupdate", "new_ordervalue"];
        const answer = (await sim.getConversations({ agentId: HARNESS_AGENT_ID, attributes })) as { result: { value: Record<string, unknown>[] } };
        const rows = answer.result.value;
        for (const column of attributes) {
            expect(rows.some((row) => !(column in row))).toBe(true);
            expect(rows.every((row) => row[column] !== null)).toBe(true);
        }
        const dated = rows.find((row) => "new_followupdate" in row) as Record<string, unknown>;
        expect(dated.new_followupdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const [year, month, day] = String(dated.new_followupdate).split("-").map(Number);
        expect(dated[`new_followupdate${FORMATTED_VALUE}`]).toBe(`${month}/${day}/${year}`);
        const priced = rows.find((row) => "new_ordervalue" in row) as Record<string, unknown>;
        expect(priced[`new_ordervalue${FORMATTED_VALUE}`]).toBe(`$${(priced.new_ordervalue as number).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
        const prioritised = rows.find((row) => "new_priority" in row) as Record<string, unknown>;
        expect(["Low", "Normal", "High", "Urgent"]).toContain(prioritised[`new_priority${FORMATTED_VALUE}`]);
    });

    it("happy: stops at 5,000 rows and sets morerecords", async () => {
        const big = new OmnichannelSimulator({ now: clock, count: 17_000 });
        const answer = (await big.getConversations({ agentId: HARNESS_AGENT_ID })) as { result: Record<string, unknown> & { value: unknown[] } };
        expect(big.query({ agentId: HARNESS_AGENT_ID }).length).toBeGreaterThan(5000);
        expect(answer.result.value).toHaveLength(5000);
        expect(answer.result["@Microsoft.Dynamics.CRM.morerecords"]).toBe(true);
    });

    it("docsValues: plain GUID lookups with formatted values; channels as number, array or comma string", async () => {
        sim.setScenario("docsValues");
        const rows = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, status: [2, 3, 5], attributes: DEFAULT_COLUMNS }));
        const row = rows.find((r) => typeof r.msdyn_customer === "string") ?? rows[0];
        expect(row.msdyn_cdsqueueid).toMatch(/^[0-9a-f-]{36}$/);
        expect(row[`msdyn_cdsqueueid${FORMATTED_VALUE}`]).toEqual(expect.any(String));
        expect(row[`statuscode${FORMATTED_VALUE}`]).toMatch(/^(Active|Waiting|Wrap-up)$/);
        expect(row).not.toHaveProperty("_msdyn_cdsqueueid_value");
        const shapes = new Set(rows.map((r) => (Array.isArray(r.msdyn_channel) ? "array" : typeof r.msdyn_channel)));
        expect(shapes).toEqual(new Set(["number", "array", "string"]));
        const multi = rows.find((r) => typeof r.msdyn_channel === "string")!;
        expect(multi.msdyn_channel).toMatch(/^\d+(,\d+)+$/);
        const labels = (multi.msdyn_channel as string).split(",").map((v) => CHANNEL_LABELS[Number(v)]);
        expect(multi[`msdyn_channel${FORMATTED_VALUE}`]).toBe(labels.join("; "));
        expect(row.createdon).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        sim.setScenario("happy");
    });

    it("plainGuids: no annotations at all", async () => {
        sim.setScenario("plainGuids");
        const rows = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, attributes: DEFAULT_COLUMNS }));
        expect(rows.every((r) => Object.keys(r).every((k) => !k.includes("@")))).toBe(true);
        sim.setScenario("happy");
    });

    it("webApiLookups: `_x_value` lookups, annotations, channels as strings", async () => {
        sim.setScenario("webApiLookups");
        const rows = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, status: [2, 3, 5], attributes: DEFAULT_COLUMNS }));
        const row = rows.find((r) => r._msdyn_customer_value) ?? rows[0];
        for (const lookup of ["msdyn_customer", "msdyn_cdsqueueid", "msdyn_lastsessionid", "msdyn_liveworkstreamid"]) {
            expect(row).not.toHaveProperty(lookup);
            expect(row[`_${lookup}_value`]).toMatch(/^[0-9a-f-]{36}$/);
            expect(row[`_${lookup}_value${FORMATTED_VALUE}`]).toEqual(expect.any(String));
            expect(row[`_${lookup}_value${LOOKUP_LOGICAL_NAME}`]).toEqual(expect.any(String));
        }
        expect(["contact", "account"]).toContain(row[`_msdyn_customer_value${LOOKUP_LOGICAL_NAME}`]);
        expect(rows.every((r) => typeof r.msdyn_channel === "string")).toBe(true);
        expect(row["@odata.etag"]).toEqual(expect.any(String));
        expect(row[`createdon${FORMATTED_VALUE}`]).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d (AM|PM)$/);
        sim.setScenario("happy");
    });

    it("the same record has the same shape in every query", async () => {
        const a = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, attributes: ["msdyn_channel"], orderBy: [{ attributeName: "createdon", descending: true }] }));
        const b = values(await sim.getConversations({ agentId: HARNESS_AGENT_ID, attributes: ["msdyn_channel"], orderBy: [{ attributeName: "createdon", descending: false }] }));
        const byId = new Map(b.map((r) => [r.msdyn_ocliveworkitemid, r]));
        for (const r of a) expect(byId.get(r.msdyn_ocliveworkitemid)).toEqual(r);
    });
});

describe("scenarios", () => {
    const input = { agentId: HARNESS_AGENT_ID, status: [2, 3, 5] };

    it("lists the scenario names", () => {
        expect(SCENARIOS).toEqual(expect.arrayContaining(["happy", "empty", "slow", "reject", "statusFalse", "hang", "malformed", "webApiLookups"]));
        expect(isScenarioName("reject")).toBe(true);
        expect(isScenarioName("nope")).toBe(false);
        expect(() => new OmnichannelSimulator({ now: clock }).setScenario("nope" as never)).toThrow(/Unknown simulator scenario/);
    });

    it("empty, reject, statusFalse, malformed", async () => {
        const sim = new OmnichannelSimulator({ now: clock, scenario: "empty" });
        expect(await sim.getConversations(input)).toEqual({ result: { values: [] }, status: true });
        sim.setScenario("reject");
        await expect(sim.getConversations(input)).rejects.toMatchObject({ status: false, error: { message: "Simulated host failure: getConversations rejected" } });
        sim.setScenario("statusFalse");
        const failure = (await sim.getConversations(input)) as { error: { errorCode: number; message: string }; status: boolean };
        expect(failure.status).toBe(false);
        expect(failure.error.errorCode).toBe(500);
        expect(failure.error.message).toBe("Simulated host failure: getConversations resolved with status false");
        sim.setScenario("malformed");
        const malformed = (await sim.getConversations(input)) as { result?: { values?: unknown } };
        expect(Array.isArray(malformed.result?.values)).toBe(false);
        expect(sim.calls.getConversations).toHaveLength(4);
    });

    it("busyRequests, busyExecutionTime, busyConcurrency: refused with each service protection code, as the script passes it on", async () => {
        const sim = new OmnichannelSimulator({ now: clock });
        const seen: Record<string, unknown> = {};
        for (const scenario of ["busyRequests", "busyExecutionTime", "busyConcurrency"] as const) {
            sim.setScenario(scenario);
            const reason: unknown = await sim.getConversations(input).then(
                () => undefined,
                (rejection: unknown) => rejection,
            );
            const error = hostErrorOf(reason);
            seen[scenario] = error?.code;
            expect(error && isBusy(error)).toBe(true);
            expect(error?.message).toMatch(/exceeded (the )?limit/);
        }
        expect(seen).toEqual({ busyRequests: "0x80072322", busyExecutionTime: "-2147015903", busyConcurrency: "0x80072326" });
        sim.setScenario("happy");
        expect(values(await sim.getConversations(input))).toHaveLength(81);
    });

    it("upperCaseIds: every GUID upper case in braces, the rest as happy", async () => {
        const sim = new OmnichannelSimulator({ now: clock });
        const happy = values(await sim.getConversations(input));
        sim.setScenario("upperCaseIds");
        const upper = values(await sim.getConversations(input));
        expect(upper).toHaveLength(81);
        expect(upper[0].msdyn_ocliveworkitemid).toBe("{437399DB-EB81-4706-93BC-24AE4B9ACB97}");
        expect(upper[0].activityid).toBe("{437399DB-EB81-4706-93BC-24AE4B9ACB97}");
        expect(upper[0]._msdyn_lastsessionid_value).toBe(`{${String(happy[0]._msdyn_lastsessionid_value).toUpperCase()}}`);
        expect(upper[0].msdyn_title).toBe(happy[0].msdyn_title);
        // openConversation compares the session id as the script does: the braced form is not the record's.
        await expect(sim.openConversation(String(upper[0].msdyn_ocliveworkitemid), String(upper[0]._msdyn_lastsessionid_value))).rejects.toThrow(
            "Record not found for Session Id provided!",
        );
        await expect(sim.openConversation(String(happy[0].msdyn_ocliveworkitemid), String(happy[0]._msdyn_lastsessionid_value))).resolves.toMatchObject({ status: true });
    });

    it("failOnce rejects once, then answers", async () => {
        const sim = new OmnichannelSimulator({ now: clock, scenario: "failOnce" });
        await expect(sim.getConversations(input)).rejects.toMatchObject({ status: false });
        expect(values(await sim.getConversations(input))).toHaveLength(81);
        sim.setScenario("failOnce");
        await expect(sim.getConversations(input)).rejects.toMatchObject({ status: false });
    });

    describe("with fake timers", () => {
        beforeEach(() => jest.useFakeTimers());
        afterEach(() => jest.useRealTimers());

        it("latency goes through setTimeout", async () => {
            const sim = new OmnichannelSimulator({ now: clock, latencyMs: 500 });
            let settled = false;
            const answer = sim.getConversations(input).then((r) => {
                settled = true;
                return r;
            });
            await jest.advanceTimersByTimeAsync(499);
            expect(settled).toBe(false);
            await jest.advanceTimersByTimeAsync(1);
            expect(values(await answer)).toHaveLength(81);
        });

        it("slow answers after slowLatencyMs; hang never answers", async () => {
            const sim = new OmnichannelSimulator({ now: clock, scenario: "slow", slowLatencyMs: 3000 });
            let settled = false;
            void sim.getConversations(input).then(() => (settled = true));
            await jest.advanceTimersByTimeAsync(2999);
            expect(settled).toBe(false);
            await jest.advanceTimersByTimeAsync(1);
            expect(settled).toBe(true);

            sim.setScenario("hang");
            let hung = true;
            void sim.getConversations(input).then(
                () => (hung = false),
                () => (hung = false),
            );
            await jest.advanceTimersByTimeAsync(24 * 3600 * 1000);
            expect(hung).toBe(true);
            expect(sim.calls.getConversations).toHaveLength(2);
        });

        it("lateHost defines the global only after lateHostDelayMs; other scenarios at once", async () => {
            const late = new OmnichannelSimulator({ now: clock, scenario: "lateHost", lateHostDelayMs: 6000 });
            const page: { Microsoft?: Record<string, unknown> } = { Microsoft: { Apm: "kept" } };
            late.installOn(page);
            await jest.advanceTimersByTimeAsync(5999);
            expect(page.Microsoft).toEqual({ Apm: "kept" });
            await jest.advanceTimersByTimeAsync(1);
            expect(Object.keys(page.Microsoft ?? {}).sort()).toEqual(["Apm", "Omnichannel"]);
            const now: { Microsoft?: Record<string, unknown> } = {};
            new OmnichannelSimulator({ now: clock }).installOn(now);
            expect(Object.keys(now.Microsoft ?? {})).toEqual(["Omnichannel"]);
        });

        it("outOfOrder: the first answer comes after slowLatencyMs, so the second overtakes it", async () => {
            const sim = new OmnichannelSimulator({ now: clock, scenario: "outOfOrder", latencyMs: 100, slowLatencyMs: 3000 });
            const order: string[] = [];
            void sim.getConversations({ ...input, status: [2] }).then(() => order.push("first"));
            void sim.getConversations({ ...input, status: [4] }).then(() => order.push("second"));
            await jest.advanceTimersByTimeAsync(100);
            expect(order).toEqual(["second"]);
            await jest.advanceTimersByTimeAsync(2900);
            expect(order).toEqual(["second", "first"]);
        });
    });
});

describe("calls, openConversation and getConversationId", () => {
    it("records getConversations input (a detached copy) and correlation id", async () => {
        const sim = new OmnichannelSimulator({ now: clock });
        const input = { agentId: HARNESS_AGENT_ID, status: [2] };
        await sim.getConversations(input, "corr-1");
        input.status.push(4);
        expect(sim.calls.getConversations).toEqual([{ input: { agentId: HARNESS_AGENT_ID, status: [2] }, correlationId: "corr-1" }]);
        sim.reset();
        expect(sim.calls.getConversations).toEqual([]);
    });

    it("opens a known conversation, records the call, and reports it as focused until the agent goes Home", async () => {
        const sim = new OmnichannelSimulator({ now: clock });
        await expect(sim.getConversationId()).rejects.toThrow("No conversation in the focused session");
        const c = sim.conversations.find((x) => x.msdyn_activeagentid?.id === HARNESS_AGENT_ID)!;
        await expect(sim.openConversation(c.msdyn_ocliveworkitemid, c.msdyn_lastsessionid.id, c.msdyn_liveworkstreamid.id)).resolves.toMatchObject({ status: true });
        expect(sim.calls.openConversation).toEqual([
            { conversationId: c.msdyn_ocliveworkitemid, lastsessionId: c.msdyn_lastsessionid.id, liveworkstreamId: c.msdyn_liveworkstreamid.id },
        ]);
        expect(await sim.getConversationId()).toBe(c.msdyn_ocliveworkitemid);
        sim.focusHome();
        await expect(sim.getConversationId()).rejects.toThrow("No conversation in the focused session");
        expect(sim.calls.getConversationId).toBe(3);
    });

    it("rejects an unknown id but records the call; openReject rejects a known one", async () => {
        const sim = new OmnichannelSimulator({ now: clock });
        await expect(sim.openConversation(UNKNOWN_AGENT_ID)).rejects.toThrow(/no conversation/);
        expect(sim.calls.openConversation).toHaveLength(1);
        sim.setScenario("openReject");
        await expect(sim.openConversation(sim.conversations[0].activityid)).rejects.toThrow(/openConversation rejected/);
        expect(sim.calls.openConversation).toHaveLength(2);
    });

    it("asGlobal exposes the three methods bound to the simulator", async () => {
        const sim = new OmnichannelSimulator({ now: clock });
        const api = sim.asGlobal();
        const { getConversations } = api;
        expect(values(await getConversations({ agentId: HARNESS_AGENT_ID }, "x"))).toHaveLength(939);
        expect(sim.calls.getConversations[0].correlationId).toBe("x");
        expect(OmnichannelSimulator.marker).toBe(OMNICHANNEL_SIMULATOR_MARKER);
    });
});
