/**
 * Reads the platform's column definitions (`context.utils.getEntityMetadata`, port.ts): the org's
 * label, type, date behaviour and choice labels of each column. The PCF typings, the harness and
 * the platform disagree on the shape (docs/host.md), so every part is read tolerantly.
 */

/** What a column holds, as its Dataverse attribute type says. */
export type ValueType = "text" | "choice" | "multiChoice" | "lookup" | "wholeNumber" | "decimal" | "money" | "yesNo" | "dateTime";

/** How a date and time column stores its value (DateTimeFieldBehavior). */
export type DateBehavior = "userLocal" | "dateOnly" | "timeZoneIndependent";

/** One column as the organisation defines it; anything metadata did not say is left out. */
export interface ColumnDefinition {
    /** The org's label, in the user's language. */
    displayName?: string;
    type?: ValueType;
    /** Date and time columns only. */
    dateBehavior?: DateBehavior;
    /** A date and time column whose format shows no time. */
    dateOnlyFormat?: boolean;
    /** Choice labels by value, in the user's language. */
    options?: ReadonlyMap<number, string>;
}

/**
 * The definitions of the columns asked for. `answered`: the platform described the table, so a
 * column missing from `columns` is not a column of the table.
 */
export interface ColumnDefinitions {
    readonly answered: boolean;
    readonly columns: ReadonlyMap<string, ColumnDefinition>;
}

/** No metadata: every header and type falls back to the control's own. */
export const NO_DEFINITIONS: ColumnDefinitions = { answered: false, columns: new Map() };

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === "object" && value !== null;

/** AttributeTypeCode; 17 (Virtual) is a multi-select choice when it has options. */
const TYPE_CODES: Readonly<Record<number, ValueType>> = {
    0: "yesNo", 1: "lookup", 2: "dateTime", 3: "decimal", 4: "decimal", 5: "wholeNumber", 6: "lookup", 7: "text",
    8: "money", 9: "lookup", 11: "choice", 12: "choice", 13: "choice", 14: "text", 15: "text", 18: "wholeNumber",
};

/** The same types by name, as the Xrm API and the descriptor's `Type` spell them. */
const TYPE_NAMES: Readonly<Record<string, ValueType>> = {
    boolean: "yesNo", customer: "lookup", datetime: "dateTime", date: "dateTime", decimal: "decimal", double: "decimal",
    integer: "wholeNumber", bigint: "wholeNumber", lookup: "lookup", memo: "text", money: "money", owner: "lookup",
    picklist: "choice", optionset: "choice", state: "choice", status: "choice", string: "text", uniqueidentifier: "text",
    multiselectpicklist: "multiChoice", multiselectoptionset: "multiChoice",
};

const BEHAVIOR_CODES: Readonly<Record<number, DateBehavior>> = { 1: "userLocal", 2: "dateOnly", 3: "timeZoneIndependent" };
const BEHAVIOR_NAMES: Readonly<Record<string, DateBehavior>> = { userlocal: "userLocal", dateonly: "dateOnly", timezoneindependent: "timeZoneIndependent" };

/** A label as a string, or Xrm's `{ UserLocalizedLabel: { Label } }`. */
function labelOf(value: unknown): string | undefined {
    if (typeof value === "string") return value.trim() === "" ? undefined : value;
    if (!isBag(value)) return undefined;
    const localized = isBag(value.UserLocalizedLabel) ? value.UserLocalizedLabel.Label : undefined;
    return typeof localized === "string" && localized.trim() !== "" ? localized : undefined;
}

/** A code, a name, or Xrm's `{ Value: name }`; lower-cased names without a trailing "Type". */
function nameOf(value: unknown): string | undefined {
    const name = isBag(value) ? value.Value : value;
    return typeof name === "string" ? name.toLowerCase().replace(/type$/, "") : undefined;
}

function typeOf(attribute: Bag, descriptor: Bag, options: ReadonlyMap<number, string> | undefined): ValueType | undefined {
    const name = nameOf(attribute.AttributeTypeName);
    if (name && TYPE_NAMES[name]) return TYPE_NAMES[name];
    const code = attribute.AttributeType ?? descriptor.Type;
    if (typeof code === "number") return code === 17 ? (options ? "multiChoice" : undefined) : TYPE_CODES[code];
    const typeName = nameOf(code);
    return typeName === "virtual" ? (options ? "multiChoice" : undefined) : typeName ? TYPE_NAMES[typeName] : undefined;
}

function behaviorOf(attribute: Bag, descriptor: Bag): DateBehavior | undefined {
    for (const value of [descriptor.Behavior, attribute.DateTimeBehavior, attribute.Behavior]) {
        if (typeof value === "number" && BEHAVIOR_CODES[value]) return BEHAVIOR_CODES[value];
        const name = nameOf(value);
        if (name && BEHAVIOR_NAMES[name]) return BEHAVIOR_NAMES[name];
    }
    return undefined;
}

/** `date` (the descriptor) or `DateOnly` (Xrm's DateTimeFormat); 1 is DateOnly in the format enumeration. */
function dateOnlyFormatOf(attribute: Bag, descriptor: Bag): boolean | undefined {
    for (const value of [descriptor.Format, attribute.Format]) {
        const name = typeof value === "number" ? (value === 1 ? "dateonly" : "datetime") : nameOf(value);
        if (name === "date" || name === "dateonly") return true;
        if (name === "datetime" || name === "dateandtime") return false;
    }
    return undefined;
}

/** Options as the descriptor's `[{ Value, Label }]` or Xrm's `{ Options: [{ Value, Label: { UserLocalizedLabel } }] }`. */
function optionsOf(attribute: Bag, descriptor: Bag): ReadonlyMap<number, string> | undefined {
    for (const set of [descriptor.OptionSet, attribute.OptionSet]) {
        const list: unknown = Array.isArray(set) ? set : isBag(set) ? set.Options : undefined;
        if (!Array.isArray(list)) continue;
        const options = new Map<number, string>();
        for (const option of list) {
            if (!isBag(option) || typeof option.Value !== "number") continue;
            const label = labelOf(option.Label);
            if (label !== undefined) options.set(option.Value, label);
        }
        if (options.size > 0) return options;
    }
    return undefined;
}

function definitionOf(attribute: Bag): ColumnDefinition {
    const descriptor = isBag(attribute.attributeDescriptor) ? attribute.attributeDescriptor : {};
    const options = optionsOf(attribute, descriptor);
    const type = typeOf(attribute, descriptor, options);
    const definition: ColumnDefinition = {};
    const displayName = labelOf(attribute.DisplayName) ?? labelOf(descriptor.DisplayName);
    if (displayName !== undefined) definition.displayName = displayName;
    if (type !== undefined) definition.type = type;
    if (options) definition.options = options;
    if (type === "dateTime") {
        const behavior = behaviorOf(attribute, descriptor);
        const dateOnlyFormat = dateOnlyFormatOf(attribute, descriptor);
        if (behavior) definition.dateBehavior = behavior;
        if (dateOnlyFormat !== undefined) definition.dateOnlyFormat = dateOnlyFormat;
    }
    return definition;
}

/** One attribute of the collection: Xrm's `get(name)`, an index by name, or an array entry with that LogicalName. */
function attributeOf(attributes: unknown, name: string): Bag | undefined {
    let found: unknown;
    if (Array.isArray(attributes)) {
        found = attributes.find((item) => isBag(item) && typeof item.LogicalName === "string" && item.LogicalName.toLowerCase() === name);
    } else if (isBag(attributes)) {
        if (typeof attributes.get === "function") {
            try {
                found = (attributes.get as (key: string) => unknown).call(attributes, name);
            } catch {
                found = undefined;
            }
        }
        found ??= attributes[name];
    }
    return isBag(found) ? found : undefined;
}

/**
 * The definitions of `asked` in what `getEntityMetadata` resolved with. It counts as an answer about
 * the table only when it describes at least one asked column: a table without a readable
 * attribute collection says nothing about which columns exist.
 */
export function readColumnDefinitions(answer: unknown, asked: readonly string[]): ColumnDefinitions {
    if (!isBag(answer)) return NO_DEFINITIONS;
    const columns = new Map<string, ColumnDefinition>();
    for (const name of asked) {
        const attribute = attributeOf(answer.Attributes, name);
        if (attribute) columns.set(name, definitionOf(attribute));
    }
    return columns.size === 0 ? NO_DEFINITIONS : { answered: true, columns };
}
