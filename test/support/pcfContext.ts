import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import type { IInputs } from "../../generated/ManifestTypes";
import type { WholeNumberSetting } from "../../conversations/request";
import { loadResx, REPO_ROOT } from "./resx";
import { SimulatedMetadata } from "../../simulator/metadata";

/** Raw property values, named as in the manifest. */
export interface ParameterValues {
    agent: unknown;
    agentFallback: string | null;
    statuses: string | null;
    columns: string | null;
    orderBy: string | null;
    /** Whole numbers arrive as "" when cleared in the test harness. */
    createdWithinDays: WholeNumberSetting;
    createdAtLeastDaysAgo: WholeNumberSetting;
    refreshMinutes: WholeNumberSetting;
    waitingAlertMinutes: WholeNumberSetting;
}

export interface ContextOptions {
    parameters?: Partial<ParameterValues>;
    userId?: string;
    languageId?: number;
    /** context.userSettings.isRTL; the platform sets it for right-to-left languages (1025, 1037...). */
    isRTL?: boolean;
    timeZoneOffsetMinutes?: number;
    allocatedWidth?: number;
    allocatedHeight?: number;
    /** What `context.mode.setControlState` stored before a form reload; handed to init. */
    savedState?: Record<string, unknown>;
    /**
     * The platform's `context.utils.getEntityMetadata`: a simulated model-driven app (a new one when not
     * given), or null for a platform without it (custom pages, canvas apps).
     */
    metadata?: SimulatedMetadata | null;
    /** The bound agent column as the platform describes it: a lookup's tables, and whether column security lets the user read it. */
    agentColumn?: { targets?: string[]; readable?: boolean };
}

export const DEFAULT_USER_ID = "{7F3E2A10-4B5C-4D6E-8F90-A1B2C3D4E5F6}";

/** The manifest's own default values, so tests see what a maker who changed nothing sees. */
export function manifestDefaults(): ParameterValues {
    const xml = fs.readFileSync(path.join(REPO_ROOT, "ControlManifest.Input.xml"), "utf8");
    const manifest = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "property" }).parse(xml) as {
        manifest: { control: { property: { "@_name": string; "@_of-type"?: string; "@_default-value"?: string }[] } };
    };
    const defaults: Record<string, unknown> = {};
    for (const property of manifest.manifest.control.property) {
        const value = property["@_default-value"];
        defaults[property["@_name"]] = value === undefined ? null : property["@_of-type"] === "Whole.None" ? Number(value) : value;
    }
    return { ...(defaults as unknown as ParameterValues), agent: null };
}

const resxByLanguage = new Map<number, Map<string, string>>();
function stringsFor(languageId: number): Map<string, string> {
    if (!resxByLanguage.has(languageId)) resxByLanguage.set(languageId, loadResx(languageId));
    return resxByLanguage.get(languageId) as Map<string, string>;
}

/**
 * The one PCF context mock the tests share: the parts of ComponentFramework.Context the control
 * reads, with the manifest's defaults and the real resx of the user's language.
 */
export function createContext(options: ContextOptions = {}): ComponentFramework.Context<IInputs> {
    const values: ParameterValues = { ...manifestDefaults(), ...options.parameters };
    const parameters: Record<string, Record<string, unknown>> = Object.fromEntries(
        Object.entries(values).map(([name, raw]: [string, unknown]) => [name, { raw, formatted: typeof raw === "string" || typeof raw === "number" ? String(raw) : "" }]),
    );
    const { targets, readable } = options.agentColumn ?? {};
    if (targets) parameters.agent.attributes = { Targets: targets };
    // The platform hides a secured column's value: null, whatever the record holds.
    if (readable !== undefined) Object.assign(parameters.agent, { security: { readable, editable: readable, secured: true }, ...(!readable && { raw: null }) });
    const context = {
        parameters,
        userSettings: {
            userId: options.userId ?? DEFAULT_USER_ID,
            languageId: options.languageId ?? 1033,
            isRTL: options.isRTL ?? false,
            userName: "Test Agent",
            getTimeZoneOffsetMinutes: () => options.timeZoneOffsetMinutes ?? 0,
        },
        mode: {
            allocatedWidth: options.allocatedWidth ?? 900,
            allocatedHeight: options.allocatedHeight ?? 500,
            trackContainerResize: jest.fn(),
            isControlDisabled: false,
            isVisible: true,
            setControlState: jest.fn(() => true),
        },
        resources: { getString: (key: string) => stringsFor(options.languageId ?? 1033).get(key) ?? key },
        utils: options.metadata === null ? {} : { getEntityMetadata: (options.metadata ?? new SimulatedMetadata({ languageId: options.languageId })).getEntityMetadata },
        factory: { requestRender: jest.fn() },
        updatedProperties: [],
    };
    return context as unknown as ComponentFramework.Context<IInputs>;
}
