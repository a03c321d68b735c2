import { NO_DEFINITIONS, readColumnDefinitions } from "../../host/metadata";
import { SimulatedMetadata } from "../../simulator/metadata";

/** An Xrm item collection over `items`, as the platform hands it. */
const collection = (items: Record<string, unknown>[]) => ({
    get: (name: string) => items.find((item) => item.LogicalName === name) ?? null,
    getLength: () => items.length,
});

describe("readColumnDefinitions", () => {
    it("reads the platform's descriptor: display name, type, date behaviour and format, options", () => {
        const answer = {
            Attributes: collection([
                { LogicalName: "new_followupdate", DisplayName: "Follow-up date", AttributeType: 2, attributeDescriptor: { Behavior: 2, Format: "date" } },
                { LogicalName: "createdon", DisplayName: "Created On", AttributeType: 2, attributeDescriptor: { Behavior: 1, Format: "datetime" } },
                { LogicalName: "new_shift", DisplayName: "Shift start", AttributeType: 2, attributeDescriptor: { Behavior: 3, Format: "datetime" } },
                { LogicalName: "new_priority", DisplayName: "Priority", AttributeType: 11, attributeDescriptor: { OptionSet: [{ Value: 1, Label: "Low" }, { Value: 2, Label: "High" }] } },
                { LogicalName: "new_amount", DisplayName: "Amount", AttributeType: 8 },
                { LogicalName: "new_tags", DisplayName: "Tags", AttributeType: 17, attributeDescriptor: { OptionSet: [{ Value: 7, Label: "VIP" }] } },
                { LogicalName: "new_notes", DisplayName: "Notes", AttributeType: 17 },
            ]),
        };
        const { answered, columns } = readColumnDefinitions(answer, ["new_followupdate", "createdon", "new_shift", "new_priority", "new_amount", "new_tags", "new_notes", "new_missing"]);
        expect(answered).toBe(true);
        expect(columns.get("new_followupdate")).toEqual({ displayName: "Follow-up date", type: "dateTime", dateBehavior: "dateOnly", dateOnlyFormat: true });
        expect(columns.get("createdon")).toEqual({ displayName: "Created On", type: "dateTime", dateBehavior: "userLocal", dateOnlyFormat: false });
        expect(columns.get("new_shift")?.dateBehavior).toBe("timeZoneIndependent");
        expect(columns.get("new_priority")).toEqual({ displayName: "Priority", type: "choice", options: new Map([[1, "Low"], [2, "High"]]) });
        expect(columns.get("new_amount")?.type).toBe("money");
        // Virtual is a multi-select choice only with options: a Virtual column without them says nothing of its type.
        expect(columns.get("new_tags")?.type).toBe("multiChoice");
        expect(columns.get("new_notes")).toEqual({ displayName: "Notes" });
        expect(columns.has("new_missing")).toBe(false);
    });

    it("reads Xrm's shapes: labels as UserLocalizedLabel, the type by name, an array or an index by name", () => {
        const attribute = {
            LogicalName: "new_due",
            DisplayName: { UserLocalizedLabel: { Label: "Fällig am" } },
            attributeDescriptor: { Type: "DateTime", Behavior: 2 },
            Format: "DateOnly",
        };
        const choice = {
            LogicalName: "new_level",
            attributeDescriptor: { Type: "picklist" },
            OptionSet: { Options: [{ Value: 3, Label: { UserLocalizedLabel: { Label: "Hoch" } } }] },
        };
        const expected = { displayName: "Fällig am", type: "dateTime", dateBehavior: "dateOnly", dateOnlyFormat: true };
        expect(readColumnDefinitions({ Attributes: [attribute, choice] }, ["new_due", "new_level"]).columns).toEqual(
            new Map<string, unknown>([
                ["new_due", expected],
                ["new_level", { type: "choice", options: new Map([[3, "Hoch"]]) }],
            ]),
        );
        expect(readColumnDefinitions({ Attributes: { new_due: attribute } }, ["new_due"]).columns.get("new_due")).toEqual(expected);
    });

    it("says nothing about the table when the answer describes none of the asked columns", () => {
        expect(readColumnDefinitions(undefined, ["msdyn_title"])).toBe(NO_DEFINITIONS);
        expect(readColumnDefinitions("nonsense", ["msdyn_title"])).toBe(NO_DEFINITIONS);
        expect(readColumnDefinitions({ LogicalName: "msdyn_ocliveworkitem" }, ["msdyn_title"])).toBe(NO_DEFINITIONS);
        expect(readColumnDefinitions({ Attributes: collection([]) }, ["msdyn_title"])).toBe(NO_DEFINITIONS);
        // A collection whose get throws is read as empty, not as an error.
        const throwing = { get: () => { throw new Error("boom"); } };
        expect(readColumnDefinitions({ Attributes: throwing }, ["msdyn_title"])).toBe(NO_DEFINITIONS);
    });

    it("reads the simulated platform's answer as the platform's: custom columns, a renamed label, German labels, a custom status", async () => {
        const asked = ["msdyn_customer", "new_priority", "new_followupdate", "new_ordervalue", "statuscode", "new_missing"];
        const english = readColumnDefinitions(await new SimulatedMetadata().getEntityMetadata("msdyn_ocliveworkitem", asked), asked);
        expect(english.answered).toBe(true);
        expect(english.columns.get("msdyn_customer")).toEqual({ displayName: "Client", type: "lookup" });
        expect(english.columns.get("new_followupdate")).toEqual({ displayName: "Follow-up date", type: "dateTime", dateBehavior: "dateOnly", dateOnlyFormat: true });
        expect(english.columns.get("new_ordervalue")?.type).toBe("money");
        expect(english.columns.get("new_priority")?.options?.get(100000003)).toBe("Urgent");
        expect(english.columns.get("statuscode")?.options?.get(100000000)).toBe("Escalated");
        expect(english.columns.has("new_missing")).toBe(false);
        const german = readColumnDefinitions(await new SimulatedMetadata({ languageId: 1031 }).getEntityMetadata("msdyn_ocliveworkitem", asked), asked);
        expect(german.columns.get("msdyn_customer")?.displayName).toBe("Auftraggeber");
        expect(german.columns.get("statuscode")?.options?.get(5)).toBe("Nachbearbeitung");
    });
});
