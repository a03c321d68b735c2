/**
 * Reads the platform's column definitions (`context.utils.getEntityMetadata`, port.ts): the org's
 * label, type, date behaviour and choice labels of each column. The PCF typings, the harness and
 * the platform disagree on the shape (docs/host.md), so every part is read tolerantly.
 */

/** What a column holds, as its Dataverse attribute type says (whole numbers, decimals and floats are all numbers). */
export type ValueType = "text" | "choice" | "multiChoice" | "lookup" | "number" | "money" | "boolean" | "dateTime";

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

/**
 * By AttributeTypeCode, and by the type's name in the same order (as a descriptor's `Type` may give it):
 * 0 Boolean, 1 Customer, 2 DateTime, 3 Decimal, 4 Double, 5 Integer, 6 Lookup, 7 Memo, 8 Money, 9 Owner,
 * 11 Picklist, 12 State, 13 Status, 14 String, 15 Uniqueidentifier, 17 Virtual, 18 BigInt.
 */
const TYPES: readonly (ValueType | undefined)[] = [
    "boolean", "lookup", "dateTime", "number", "number", "number", "lookup", "text", "money", "lookup",
    undefined, "choice", "choice", "choice", "text", "text", undefined, undefined, "number",
];
const TYPE_NAMES = "boolean customer datetime decimal double integer lookup memo money owner - picklist state status string uniqueidentifier - virtual bigint".split(" ");
const VIRTUAL = 17;
const BEHAVIORS: readonly (DateBehavior | undefined)[] = [undefined, "userLocal", "dateOnly", "timeZoneIndependent"];

/** A label as a string, or Xrm's `{ UserLocalizedLabel: { Label } }`. */
function labelOf(value: unknown): string | undefined {
    const label = isBag(value) && isBag(value.UserLocalizedLabel) ? value.UserLocalizedLabel.Label : value;
    return typeof label === "string" && label.trim() !== "" ? label : undefined;
}

/** The type by code or name; Virtual is a multi-select choice when it has options, else says nothing. */
function typeOf(attribute: Bag, descriptor: Bag, options: ReadonlyMap<number, string> | undefined): ValueType | undefined {
    const given = attribute.AttributeType ?? descriptor.Type;
    const name = typeof given === "string" ? given.toLowerCase() : undefined;
    if (name === "multiselectpicklist") return "multiChoice";
    const code = name === undefined ? given : TYPE_NAMES.indexOf(name);
    if (code === VIRTUAL) return options ? "multiChoice" : undefined;
    return typeof code === "number" ? TYPES[code] : undefined;
}

/** Options as the descriptor's `[{ Value, Label }]` or Xrm's `{ Options: [{ Value, Label: { UserLocalizedLabel } }] }`. */
function optionsOf(attribute: Bag, descriptor: Bag): ReadonlyMap<number, string> | undefined {
    for (const set of [descriptor.OptionSet, attribute.OptionSet]) {
        const list: unknown = isBag(set) && !Array.isArray(set) ? set.Options : set;
        const options = new Map<number, string>();
        for (const option of Array.isArray(list) ? (list as unknown[]) : []) {
            const label = isBag(option) && typeof option.Value === "number" ? labelOf(option.Label) : undefined;
            if (label !== undefined) options.set((option as Bag).Value as number, label);
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
        // DateTimeFieldBehavior 1 user local, 2 date only, 3 time zone independent; the `date` format shows no time.
        const behavior = BEHAVIORS[Number(descriptor.Behavior ?? attribute.Behavior)];
        const format = descriptor.Format ?? attribute.Format;
        if (behavior) definition.dateBehavior = behavior;
        if (typeof format === "string") definition.dateOnlyFormat = /^date(only)?$/i.test(format);
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
