import { readConversationsAnswer, toConversations } from "../../host/records";

describe("readConversationsAnswer", () => {
    it("reads the documented success shape", () => {
        expect(readConversationsAnswer({ result: { values: [{ msdyn_ocliveworkitemid: "a" }] }, status: true })).toEqual({
            ok: true,
            records: [{ msdyn_ocliveworkitemid: "a" }],
        });
    });

    it("accepts the same shape as a JSON string", () => {
        expect(readConversationsAnswer('{"result":{"values":[]},"status":true}')).toEqual({ ok: true, records: [] });
    });

    it("turns status false into a host-reported failure without reading the error", () => {
        expect(readConversationsAnswer({ error: { message: "secret customer data" }, status: false })).toEqual({ ok: false, failure: "hostReportedFailure" });
    });

    it("calls every other shape unrecognised", () => {
        for (const answer of [undefined, null, 42, "<html>", [], {}, { result: {} }, { result: { values: "x" }, status: true }, { result: { values: [] }, status: "yes" }]) {
            expect(readConversationsAnswer(answer)).toEqual({ ok: false, failure: "unrecognisedAnswer" });
        }
    });

    it("skips entries that are not records", () => {
        expect(readConversationsAnswer({ result: { values: [null, 3, "x", { activityid: "b" }] }, status: true })).toEqual({
            ok: true,
            records: [{ activityid: "b" }],
        });
    });
});

describe("toConversations", () => {
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
        expect(conversation.fields).toEqual({ msdyn_queueid: { raw: "q2", formatted: "Billing" }, statuscode: { raw: 2, formatted: "Aktiv" } });
    });

    it("keeps a record without an id, with a unique key and no conversation id", () => {
        const conversations = toConversations([{ msdyn_title: "No id" }, { msdyn_ocliveworkitemid: "x" }, { msdyn_ocliveworkitemid: "x" }], []);
        expect(conversations.map((c) => c.key)).toEqual(["row-0", "x", "x#2"]);
        expect(conversations[0].conversationId).toBeUndefined();
    });
});
