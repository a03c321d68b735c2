/**
 * The model-driven platform's `context.utils.getEntityMetadata` for the Conversation table, in the
 * shape the platform answers (omnichannel.md, "The org's column definitions"): the table's
 * definition with an Xrm collection of the asked attributes, each with its display name in the
 * user's language, attribute type, date behaviour and format, and options. The simulated org has
 * three custom columns, a renamed standard label and a custom status reason, translated into German
 * only: in other languages these come in the base language (English), as untranslated
 * customisations do. Microsoft's own labels of the standard columns are given in English and German;
 * the simulator has no copy of the other languages' translations, so there it leaves them out and
 * the control's resx stands in for them. Development and test code only.
 */
import { CHANNEL_LABELS, PRIORITY_LABELS, SENTIMENT_LABELS, STATUSES } from "./catalog";
import { ATTRIBUTE_KINDS, TABLE_NAME, type AttributeKind } from "./query";

/** A custom status reason of the simulated org (Active state): nothing is in it, but Statuses may name it. */
export const CUSTOM_STATUS = { value: 100000000, label: "Escalated", german: "Eskaliert" } as const;

/** The org renamed this standard column's label ("Customer" in a new org). */
export const RENAMED_COLUMN = { logicalName: "msdyn_customer", label: "Client", german: "Auftraggeber" } as const;

const ENGLISH = 1033;
const GERMAN = 1031;

/** The org's own labels (custom columns, a renamed one), which it has in English and German only. */
const isCustomised = (logicalName: string): boolean => logicalName.startsWith("new_") || logicalName === RENAMED_COLUMN.logicalName;

/** Display names: English (the org's base language), German where the language pack says otherwise. */
const LABELS: Readonly<Record<string, readonly [string, string?]>> = {
    activityid: ["Conversation", "Unterhaltung"],
    msdyn_ocliveworkitemid: ["ConversationId", "Unterhaltungs-ID"],
    subject: ["Subject", "Betreff"],
    msdyn_title: ["Title", "Titel"],
    statuscode: ["Status Reason", "Statusgrund"],
    statecode: ["Status"],
    msdyn_channel: ["Channel", "Kanal"],
    msdyn_activeagentid: ["Active agent", "Aktiver Agent"],
    [RENAMED_COLUMN.logicalName]: [RENAMED_COLUMN.label, RENAMED_COLUMN.german],
    msdyn_cdsqueueid: ["Queue", "Warteschlange"],
    msdyn_queueid: ["Omnichannel queue", "Omnichannel-Warteschlange"],
    msdyn_liveworkstreamid: ["Work stream", "Arbeitsstream"],
    msdyn_lastsessionid: ["Last session", "Letzte Sitzung"],
    msdyn_issueid: ["Case", "Fall"],
    msdyn_isoutbound: ["Is outbound", "Ausgehend"],
    msdyn_customersentimentlabel: ["Customer sentiment label", "Kundenstimmung"],
    msdyn_conversationfirstwaittimeinseconds: ["First wait time (seconds)", "Erste Wartezeit (Sekunden)"],
    msdyn_firstwaitstartedon: ["First wait started on", "Erste Wartezeit begonnen am"],
    msdyn_transfercount: ["Transfer count", "Anzahl Übertragungen"],
    msdyn_escalationcount: ["Escalation count", "Anzahl Eskalationen"],
    createdon: ["Created On", "Erstellt am"],
    modifiedon: ["Modified On", "Geändert am"],
    msdyn_closedon: ["Closed on", "Geschlossen am"],
    msdyn_statusupdatedon: ["Status update time", "Status aktualisiert am"],
    new_priority: ["Priority", "Priorität"],
    new_followupdate: ["Follow-up date", "Nachverfolgungsdatum"],
    new_ordervalue: ["Order value", "Auftragswert"],
};

const GERMAN_STATUS_LABELS: Readonly<Record<number, string>> = {
    1: "Offen", 2: "Aktiv", 3: "Wartend", 4: "Geschlossen", 5: "Nachbearbeitung", 6: "Gelöst", 7: "Geplant", [CUSTOM_STATUS.value]: CUSTOM_STATUS.german,
};

/** AttributeTypeCode and the descriptor's type name of each simulated kind. */
const TYPES: Readonly<Record<AttributeKind, readonly [number, string]>> = {
    text: [14, "string"],
    guid: [15, "uniqueidentifier"],
    choice: [11, "picklist"],
    multichoice: [17, "multiselectpicklist"],
    lookup: [6, "lookup"],
    boolean: [0, "boolean"],
    integer: [5, "integer"],
    datetime: [2, "datetime"],
    dateonly: [2, "datetime"],
    money: [8, "money"],
};

/** The standard columns whose type code is not their kind's: status and state, and the customer lookup. */
const TYPE_CODE_OF: Readonly<Record<string, number>> = { statuscode: 13, statecode: 12, msdyn_customer: 1 };

interface OptionMetadata {
    Value: number;
    Label: string;
    Color?: string;
    State?: number;
}

/** A choice's options in `languageId`: the standard ones in English and German only, the org's own in English elsewhere. */
function optionsOf(logicalName: string, languageId: number): OptionMetadata[] | undefined {
    const fromLabels = (labels: Readonly<Record<number, string>>) => Object.entries(labels).map(([value, label]) => ({ Value: Number(value), Label: label }));
    const german = languageId === GERMAN;
    if (logicalName === "new_priority") return fromLabels(PRIORITY_LABELS);
    if (!german && languageId !== ENGLISH) return logicalName === "statuscode" ? [{ Value: CUSTOM_STATUS.value, Label: CUSTOM_STATUS.label, State: 0 }] : undefined;
    switch (logicalName) {
        case "statuscode":
            return [
                ...STATUSES.map((status) => ({ Value: status.statuscode, Label: german ? GERMAN_STATUS_LABELS[status.statuscode] : status.label, State: status.statecode })),
                { Value: CUSTOM_STATUS.value, Label: german ? CUSTOM_STATUS.german : CUSTOM_STATUS.label, State: 0 },
            ];
        case "statecode":
            return [...new Map(STATUSES.map((status) => [status.statecode, status.stateLabel]))].map(([value, label]) => ({ Value: value, Label: label }));
        case "msdyn_channel":
            return fromLabels(CHANNEL_LABELS);
        case "msdyn_customersentimentlabel":
            return fromLabels(SENTIMENT_LABELS);
        default:
            return undefined;
    }
}

/** One attribute as the platform describes it: the Xrm fields, and the descriptor beside them. */
function attributeMetadata(logicalName: string, kind: AttributeKind, languageId: number): Record<string, unknown> {
    const [english, german] = LABELS[logicalName] ?? [logicalName];
    const displayName = languageId === GERMAN ? (german ?? english) : languageId === ENGLISH || isCustomised(logicalName) ? english : undefined;
    const [code, type] = TYPES[kind];
    const descriptor: Record<string, unknown> = { LogicalName: logicalName, Type: type };
    if (displayName !== undefined) descriptor.DisplayName = displayName;
    if (kind === "datetime" || kind === "dateonly") {
        descriptor.Behavior = kind === "dateonly" ? 2 : 1;
        descriptor.Format = kind === "dateonly" ? "date" : "datetime";
    }
    if (kind === "money") descriptor.Precision = 2;
    const options = optionsOf(logicalName, languageId);
    if (options) descriptor.OptionSet = options;
    return {
        LogicalName: logicalName,
        EntityLogicalName: TABLE_NAME,
        ...(displayName !== undefined && { DisplayName: displayName }),
        AttributeType: TYPE_CODE_OF[logicalName] ?? code,
        IsCustomAttribute: logicalName.startsWith("new_"),
        attributeDescriptor: descriptor,
    };
}

/** Xrm's item collection: `get`, `getAll`, `getByIndex`, `getLength`, `forEach`. */
function collection(items: readonly Record<string, unknown>[]): Record<string, unknown> {
    const byName = new Map(items.map((item) => [item.LogicalName as string, item]));
    return {
        get: (name: string) => byName.get(String(name).toLowerCase()) ?? null,
        getAll: () => [...items],
        getByIndex: (index: number) => items[index] ?? null,
        getLength: () => items.length,
        forEach: (callback: (item: Record<string, unknown>, index: number) => void) => items.forEach(callback),
    };
}

/** What the platform does with the call: answers, rejects (a failed metadata request), or never answers. */
export type MetadataBehaviour = "answers" | "rejects" | "hangs";

export interface SimulatedMetadataOptions {
    /** The user's language: German labels for 1031, the base language's for every other. */
    languageId?: number;
    /** Delay of every answer, through setTimeout (0: on the next microtask). */
    latencyMs?: number;
    behaviour?: MetadataBehaviour;
}

export interface MetadataCall {
    entityName: string;
    attributes: string[];
}

export class SimulatedMetadata {
    /** Every call received, in order. */
    public readonly calls: MetadataCall[] = [];
    readonly #options: SimulatedMetadataOptions;

    constructor(options: SimulatedMetadataOptions = {}) {
        this.#options = options;
    }

    /** The platform's method: one function for the life of the page, as the platform's is. */
    public readonly getEntityMetadata = (entityName: string, attributes?: string[]): Promise<unknown> => {
        const asked = Array.isArray(attributes) ? attributes.map((name) => String(name).toLowerCase()) : [];
        this.calls.push({ entityName, attributes: asked });
        const { behaviour = "answers", latencyMs = 0, languageId = ENGLISH } = this.#options;
        if (behaviour === "hangs") return new Promise(() => undefined);
        const answer = (): unknown => {
            if (behaviour === "rejects") throw new Error("Simulated platform: the metadata request failed");
            if (entityName !== TABLE_NAME) throw new Error(`Simulated platform: no table "${entityName}"`);
            const attributesMetadata = asked.filter((name) => name in ATTRIBUTE_KINDS).map((name) => attributeMetadata(name, ATTRIBUTE_KINDS[name], languageId));
            return {
                LogicalName: TABLE_NAME,
                EntitySetName: "msdyn_ocliveworkitems",
                DisplayName: languageId === GERMAN ? "Unterhaltung" : "Conversation",
                PrimaryIdAttribute: "activityid",
                PrimaryNameAttribute: "subject",
                IsActivity: true,
                Attributes: collection(attributesMetadata),
            };
        };
        if (latencyMs <= 0) return Promise.resolve().then(answer);
        return new Promise((resolve, reject) => {
            setTimeout(() => {
                try {
                    resolve(answer());
                } catch (error) {
                    reject(error instanceof Error ? error : new Error(String(error)));
                }
            }, latencyMs);
        });
    };
}
