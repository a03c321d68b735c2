import { createdSince } from "../../conversations/dates";
import { readConversationsAnswer } from "../../host/answer";
import { toConversations } from "../../conversations/model";
import { unknownColumnOf } from "../../host/errors";

describe("readConversationsAnswer", () => {
    it("reads the documented success shape", () => {
        expect(readConversationsAnswer({ result: { values: [{ msdyn_ocliveworkitemid: "a" }] }, status: true })).toEqual({
            ok: true,
            records: [{ msdyn_ocliveworkitemid: "a" }],
            moreRecords: false,
        });
    });

    it("reads the script's OData envelope in result.value, with the 5,000-row flag", () => {
        const answer = {
            status: true,
            result: {
                "@odata.context": "$metadata#msdyn_ocliveworkitems(activityid)",
                "@Microsoft.Dynamics.CRM.morerecords": true,
                value: [{ activityid: "a" }],
            },
        };
        expect(readConversationsAnswer(answer)).toEqual({ ok: true, records: [{ activityid: "a" }], moreRecords: true });
        expect(readConversationsAnswer({ status: true, result: { value: [] } })).toEqual({ ok: true, records: [], moreRecords: false });
    });

    it("accepts the same shape as a JSON string", () => {
        expect(readConversationsAnswer('{"result":{"values":[]},"status":true}')).toEqual({ ok: true, records: [], moreRecords: false });
    });

    it("turns status false into a host-reported failure without reading the error", () => {
        expect(readConversationsAnswer({ error: { message: "secret customer data" }, status: false })).toEqual({ ok: false, failure: "hostReportedFailure" });
    });

    it("calls every other shape unrecognised", () => {
        for (const answer of [undefined, null, 42, "<html>", [], {}, { result: {} }, { result: { values: "x" }, status: true }, { result: { value: "x" }, status: true }, { result: { values: [] }, status: "yes" }]) {
            expect(readConversationsAnswer(answer)).toEqual({ ok: false, failure: "unrecognisedAnswer" });
        }
    });

    it("skips entries that are not records", () => {
        expect(readConversationsAnswer({ result: { values: [null, 3, "x", { activityid: "b" }] }, status: true })).toEqual({
            ok: true,
            records: [{ activityid: "b" }],
            moreRecords: false,
        });
    });
});

describe("unknownColumnOf", () => {
    const input = { agentId: "a", attributes: ["msdyn_title", "msdyn_titel"], orderBy: [{ attributeName: "msdyn_sortme", descending: false }] };
    const refusal = (name: string, code = "0x80041103") => ({
        code,
        message: `'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = '${name}' and NameMapping = 'Logical'.`,
    });

    it("names the property and the column of Dataverse's unknown-attribute refusal", () => {
        expect(unknownColumnOf(refusal("msdyn_titel"), input)).toEqual({ setting: "columns", column: "msdyn_titel" });
        expect(unknownColumnOf(refusal("msdyn_sortme"), input)).toEqual({ setting: "orderBy", column: "msdyn_sortme" });
        expect(unknownColumnOf(refusal("MSDYN_TITEL", "0X80041103"), input)).toEqual({ setting: "columns", column: "msdyn_titel" });
    });

    it("knows nothing of another refusal, or of a column the request did not send", () => {
        expect(unknownColumnOf(refusal("msdyn_titel", "0x80040216"), input)).toBeUndefined();
        expect(unknownColumnOf(refusal("msdyn_other"), input)).toBeUndefined();
        expect(unknownColumnOf({ code: "0x80041103", message: "Something else" }, input)).toBeUndefined();
        expect(unknownColumnOf({ code: "0x80041103" }, input)).toBeUndefined();
    });
});

describe("toConversations", () => {
    it("reads a Web API record as the script returns it, with the host's formatted values", () => {
        const record = {
            "@odata.etag": "W/\"1\"",
            activityid: "5c2f0e57-8a1b-4c3d-9e0f-1a2b3c4d5e6f",
            msdyn_ocliveworkitemid: "5c2f0e57-8a1b-4c3d-9e0f-1a2b3c4d5e6f",
            _msdyn_lastsessionid_value: "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9",
            "_msdyn_lastsessionid_value@OData.Community.Display.V1.FormattedValue": "Session 1",
            "_msdyn_lastsessionid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "msdyn_ocsession",
            "_msdyn_lastsessionid_value@Microsoft.Dynamics.CRM.associatednavigationproperty": "msdyn_lastsessionid",
            _msdyn_liveworkstreamid_value: "{11111111-2222-3333-4444-555555555555}",
            _msdyn_cdsqueueid_value: "99999999-2222-3333-4444-555555555555",
            "_msdyn_cdsqueueid_value@OData.Community.Display.V1.FormattedValue": "Billing",
            statuscode: 2,
            "statuscode@OData.Community.Display.V1.FormattedValue": "Active",
            msdyn_channel: "192360000,192370000",
            "msdyn_channel@OData.Community.Display.V1.FormattedValue": "Live chat; Voice",
        };
        const [conversation] = toConversations([record], ["msdyn_cdsqueueid", "statuscode", "msdyn_channel", "msdyn_title"]);
        expect(conversation).toMatchObject({
            key: "5c2f0e57-8a1b-4c3d-9e0f-1a2b3c4d5e6f",
            conversationId: "5c2f0e57-8a1b-4c3d-9e0f-1a2b3c4d5e6f",
            lastSessionId: "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
            workstreamId: "11111111-2222-3333-4444-555555555555",
        });
        expect(conversation.title).toBeUndefined();
        expect(conversation.field("msdyn_cdsqueueid")).toEqual({ raw: "99999999-2222-3333-4444-555555555555", formatted: "Billing" });
        expect(conversation.field("statuscode")).toEqual({ raw: 2, formatted: "Active" });
        expect(conversation.field("msdyn_channel")).toEqual({ raw: "192360000,192370000", formatted: "Live chat; Voice" });
        expect(conversation.field("msdyn_title")).toEqual({ raw: undefined });
    });

    it("reads ids in the plain form", () => {
        const [conversation] = toConversations(
            [{ msdyn_ocliveworkitemid: "c1", msdyn_lastsessionid: "s1", msdyn_liveworkstreamid: "w1", msdyn_title: "Refund" }],
            ["msdyn_title"],
        );
        expect(conversation).toMatchObject({ key: "c1", conversationId: "c1", lastSessionId: "s1", workstreamId: "w1", title: "Refund" });
    });

    it("reads lookups in the Web API _x_value form with formatted-value annotations", () => {
        const [conversation] = toConversations(
            [
                {
                    activityid: "c2",
                    _msdyn_lastsessionid_value: "s2",
                    _msdyn_liveworkstreamid_value: "w2",
                    _msdyn_queueid_value: "q2",
                    "_msdyn_queueid_value@OData.Community.Display.V1.FormattedValue": "Billing",
                    statuscode: 2,
                    "statuscode@OData.Community.Display.V1.FormattedValue": "Aktiv",
                },
            ],
            ["msdyn_queueid", "statuscode"],
        );
        expect(conversation).toMatchObject({ conversationId: "c2", lastSessionId: "s2", workstreamId: "w2" });
        expect(conversation.field("msdyn_queueid")).toEqual({ raw: "q2", formatted: "Billing" });
        expect(conversation.field("statuscode")).toEqual({ raw: 2, formatted: "Aktiv" });
    });

    it("keeps a record without an id, keyed by its place and with no conversation id; one id sent twice is one conversation's key", () => {
        const conversations = toConversations([{ msdyn_title: "No id" }, { msdyn_ocliveworkitemid: "x" }, { msdyn_ocliveworkitemid: " x " }], []);
        expect(conversations.map((c) => c.key)).toEqual(["row-0", "x", "x"]);
        expect(conversations[0].conversationId).toBeUndefined();
    });
});

describe("createdSince", () => {
    const since = Date.parse("2026-11-20T00:00:00Z");
    it("reads createdon as the grid does: an ISO date is filtered, text that is not one is kept (and shown as text)", () => {
        const records = [{ createdon: "2026-11-21T09:00:00Z" }, { createdon: "2026-11-19T09:00:00Z" }, { createdon: "November 1, 2020" }, {}];
        expect(createdSince(records, since)).toEqual([{ createdon: "2026-11-21T09:00:00Z" }, { createdon: "November 1, 2020" }, {}]);
    });
});
