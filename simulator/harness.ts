/**
 * Browser entry of the simulator for the pcf-start harness page (bundled by
 * scripts/harness/build.mjs into out/<user>/simulator.js, never into the control's bundle.js).
 * Installs `window.Microsoft.Omnichannel` and `window.Microsoft.Apm` before the harness loads the control,
 * and the platform's `getEntityMetadata` (window.__HARNESS_ENTITY_METADATA__, which the patched harness.js
 * calls; null: the platform has none).
 *
 * Page query parameters (they win over the defaults the harness server injects from env vars):
 *   ?scenario=<name>   one of SCENARIOS (default "happy")
 *   ?latency=<ms>      delay of every answer (default 150)
 *   ?hostDelay=<ms>    how late the "lateHost" scenario defines the global (default 6000)
 *   ?seed=<n>          data set seed
 *   ?now=<ISO date>    fixed clock, for reproducible screenshots
 *   ?simulator=off     install nothing: the page behaves like a form outside the workspace
 *   ?theme=dark|brand  the workspace's Fluent theme (context.fluentDesignLanguage): dark, or light with a brand colour
 */
import { OMNICHANNEL_SIMULATOR_MARKER } from "./catalog";
import { OmnichannelSimulator } from "./OmnichannelSimulator";
import { isScenarioName, SCENARIOS, type ScenarioName } from "./scenarios";
import { SimulatedApm, type SessionEventName } from "./apm";
import { designFor, THEMES } from "./theme";
import { SimulatedMetadata } from "./metadata";

interface HarnessDefaults {
    scenario?: string;
    latencyMs?: number;
    seed?: number;
    now?: string;
    enabled?: boolean;
    badge?: boolean;
}

interface SimulatorWindow {
    Microsoft?: { Omnichannel?: unknown; [key: string]: unknown };
    __OMNICHANNEL_SIMULATOR_DEFAULTS__?: HarnessDefaults;
    __omnichannelSimulator?: OmnichannelSimulator;
    __apmSimulator?: SimulatedApm;
    __HARNESS_FLUENT_DESIGN__?: unknown;
    __omnichannelSimulatorMarker?: string;
    __HARNESS_USER_SETTINGS__?: { languageId?: number };
    __HARNESS_ENTITY_METADATA__?: SimulatedMetadata["getEntityMetadata"] | null;
    __metadataSimulator?: SimulatedMetadata;
}

function numberOrUndefined(value: string | null | undefined | number): number | undefined {
    if (value === null || value === undefined || value === "") return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}

/** The workspace's session events, as buttons on the badge. */
const SESSION_BUTTONS: readonly (readonly [SessionEventName, string])[] = [
    ["ON_SESSION_SWITCH", "Switch session"],
    ["ON_SESSION_CLOSED", "Close session"],
    ["ON_TAB_SWITCH", "Switch tab"],
];

/** A labelled drop-down that reloads the page with `?<param>=<choice>`. */
function pagePicker(text: string, ariaLabel: string, param: string, names: readonly string[], current: string): HTMLLabelElement {
    const label = document.createElement("label");
    label.textContent = text;
    const select = document.createElement("select");
    select.setAttribute("aria-label", ariaLabel);
    for (const name of names) {
        const option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        option.selected = name === current;
        select.appendChild(option);
    }
    select.addEventListener("change", () => {
        const url = new URL(window.location.href);
        url.searchParams.set(param, select.value);
        window.location.assign(url.toString());
    });
    label.appendChild(select);
    return label;
}

function showBadge(simulator: OmnichannelSimulator, apm: SimulatedApm): void {
    const badge = document.createElement("div");
    badge.setAttribute("data-testid", "simulator-badge");
    badge.style.cssText =
        "position:fixed;left:8px;bottom:8px;z-index:2147483647;font:12px 'Segoe UI',sans-serif;background:#fff8e1;" +
        "border:1px solid #c8a600;border-radius:4px;padding:4px 8px;box-shadow:0 1px 3px rgba(0,0,0,.2)";
    badge.appendChild(pagePicker("Simulated Omnichannel host, scenario: ", "Simulator scenario", "scenario", SCENARIOS, simulator.scenario));
    badge.appendChild(pagePicker(" theme: ", "Workspace theme", "theme", THEMES, new URLSearchParams(window.location.search).get("theme") ?? "light"));
    for (const [eventName, text] of SESSION_BUTTONS) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = text;
        button.title = `Raises ${eventName} on its Microsoft.Apm topic`;
        button.style.marginInlineStart = "6px";
        button.addEventListener("click", () => {
            // Switching or closing leads back to the Home session, which holds no conversation.
            if (eventName !== "ON_TAB_SWITCH") simulator.focusHome();
            apm.publish(eventName);
        });
        badge.appendChild(button);
    }
    document.body.appendChild(badge);
}

function install(): void {
    const w = window as unknown as SimulatorWindow;
    const defaults = w.__OMNICHANNEL_SIMULATOR_DEFAULTS__ ?? {};
    const params = new URLSearchParams(window.location.search);
    w.__omnichannelSimulatorMarker = OMNICHANNEL_SIMULATOR_MARKER;
    if (params.get("simulator") === "off" || (defaults.enabled === false && params.get("simulator") !== "on")) {
        console.info("[omnichannel-simulator] off: window.Microsoft.Omnichannel is not installed");
        return;
    }
    const requested = params.get("scenario") ?? defaults.scenario ?? "happy";
    let scenario: ScenarioName = "happy";
    if (isScenarioName(requested)) scenario = requested;
    else console.warn(`[omnichannel-simulator] unknown scenario "${requested}", using "happy"; known: ${SCENARIOS.join(", ")}`);
    const fixedNow = params.get("now") ?? defaults.now;
    const fixedTime = fixedNow ? Date.parse(fixedNow) : NaN;
    const simulator = new OmnichannelSimulator({
        scenario,
        seed: numberOrUndefined(params.get("seed")) ?? defaults.seed,
        latencyMs: numberOrUndefined(params.get("latency")) ?? defaults.latencyMs ?? 150,
        now: Number.isNaN(fixedTime) ? undefined : () => new Date(fixedTime),
        lateHostDelayMs: numberOrUndefined(params.get("hostDelay")),
    });
    if (scenario === "metadataMissing") w.__HARNESS_ENTITY_METADATA__ = null;
    else if (scenario !== "metadataRejects") {
        // A model-driven app answers from its client cache: a few milliseconds.
        const metadata = new SimulatedMetadata({ languageId: w.__HARNESS_USER_SETTINGS__?.languageId, latencyMs: 20 });
        w.__HARNESS_ENTITY_METADATA__ = metadata.getEntityMetadata;
        w.__metadataSimulator = metadata;
    }
    const apm = new SimulatedApm();
    const design = designFor(params.get("theme"));
    if (design) w.__HARNESS_FLUENT_DESIGN__ = design;
    w.Microsoft = { ...w.Microsoft, Apm: apm.asGlobal() };
    simulator.installOn(w);
    w.__omnichannelSimulator = simulator;
    w.__apmSimulator = apm;
    // The workspace focuses the session it opened, and says so as a session switch.
    window.addEventListener("OpenConversationAsSession", () => apm.publish("ON_SESSION_SWITCH"));
    console.info(`[omnichannel-simulator] installed window.Microsoft.Omnichannel, scenario "${scenario}", ${simulator.conversations.length} conversations`);
    if (defaults.badge !== false && params.get("badge") !== "off") {
        if (document.body) showBadge(simulator, apm);
        else document.addEventListener("DOMContentLoaded", () => showBadge(simulator, apm));
    }
}

install();
