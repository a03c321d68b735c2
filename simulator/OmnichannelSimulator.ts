/**
 * A simulated `Microsoft.Omnichannel` for development and tests: implements the control's host
 * port (host/port.ts) following omnichannel.md, over a seeded data set, with
 * switchable scenarios for the undocumented parts. Never imported by the shipped control.
 */
import type { GetConversationsInput, OmnichannelHost } from "../host/port";
import { OMNICHANNEL_SIMULATOR_MARKER } from "./catalog";
import { isScenarioName, SCENARIOS, type ScenarioName } from "./scenarios";
import { DEFAULT_COUNT, DEFAULT_SEED, generateConversations, type SimulatedConversation } from "./dataset";
import { filterConversations, projectConversation, projectedAttributes, sortConversations, TABLE_NAME, unknownAttributeOf, withDocsPageIds, type OutputStyle } from "./query";

export interface OmnichannelSimulatorOptions {
    /** Seed of the data set; the same seed and `now` give the same records. */
    seed?: number;
    /** The clock: read once to build the data set and at every query for the age window. */
    now?: () => Date;
    scenario?: ScenarioName;
    /** Delay before every answer, through setTimeout (0: answer on the next microtask, no timer). */
    latencyMs?: number;
    /** Delay of the "slow" scenario (default 3000). */
    slowLatencyMs?: number;
    /** Number of records (default 3000). */
    count?: number;
    /** Delay of openConversation's answer in the "openLate" scenario (default 31000). */
    openLateMs?: number;
    /** How long after `installOn` the "lateHost" scenario defines the global (default 6000). */
    lateHostDelayMs?: number;
}

export interface GetConversationsCall {
    input: GetConversationsInput;
    correlationId: string | undefined;
}

export interface OpenConversationCall {
    conversationId: string;
    lastsessionId: string | undefined;
    liveworkstreamId: string | undefined;
}

export interface SimulatorCalls {
    getConversations: GetConversationsCall[];
    openConversation: OpenConversationCall[];
    getConversationId: number;
}

/** The script's unpaged Web API query stops here. */
export const WEB_API_ROW_LIMIT = 5000;
/** Waiting conversations the "backlog" scenario adds, enough to pass the limit with the default statuses. */
export const BACKLOG_SIZE = 5200;

/** One data set with its id index. */
interface DataSet {
    records: readonly SimulatedConversation[];
    index: Map<string, number>;
}

function dataSet(records: SimulatedConversation[]): DataSet {
    const index = new Map<string, number>();
    records.forEach((c, i) => index.set(c.msdyn_ocliveworkitemid, i));
    return { records: deepFreeze(records), index };
}

/** The success shape: the script's OData envelope in `result.value`, or the older page's `result.values`. */
export interface ConversationsResult {
    result: { value: Record<string, unknown>[] } | { values: Record<string, unknown>[] };
    status: true;
}

/** The script's only failure: a rejection with an OData or input error (or an Xrm.WebApi-style one, `errorCode`). */
export class ConversationsRejection {
    public readonly status = false;
    public constructor(public readonly error: { code?: string; errorCode?: number; message: string }) {}
}

/** Dataverse's service protection refusals, with its own messages (5-minute window, default limits). */
export const BUSY_ERRORS: Partial<Record<ScenarioName, ConversationsRejection["error"]>> = {
    busyRequests: { code: "0x80072322", message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds." },
    busyExecutionTime: {
        errorCode: -2147015903,
        message:
            "Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.",
    },
    busyConcurrency: { code: "0x80072326", message: "Number of concurrent requests exceeded the limit of 52." },
};

/** The documented failure shape. */
export interface ConversationsFailure {
    error: { errorCode: number; message: string };
    status: false;
}

const NEVER = (): Promise<never> => new Promise<never>(() => undefined);

function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
    }
    return value;
}

/** A copy detached from the caller's object, so later mutation does not rewrite the record. */
function snapshot<T>(value: T): T {
    if (value === undefined) return value;
    try {
        return JSON.parse(JSON.stringify(value)) as T;
    } catch {
        return value;
    }
}

export class OmnichannelSimulator implements OmnichannelHost {
    /** Present in every bundle that contains the simulator. */
    public static readonly marker = OMNICHANNEL_SIMULATOR_MARKER;

    /** Every call received, in order; cleared by `reset()`. */
    public readonly calls: SimulatorCalls = { getConversations: [], openConversation: [], getConversationId: 0 };
    public readonly seed: number;

    private currentScenario: ScenarioName;
    private latencyMs: number;
    private readonly slowLatencyMs: number;
    private readonly openLateMs: number;
    private readonly now: () => Date;
    private readonly count: number;
    private readonly base: DataSet;
    private backlogSet: DataSet | undefined;
    private failOnceUsed = false;
    /** getConversations calls since the scenario was set, for "outOfOrder". */
    private callsInScenario = 0;
    private readonly lateHostDelayMs: number;
    private focusedConversationId = "";

    constructor(options: OmnichannelSimulatorOptions = {}) {
        this.seed = options.seed ?? DEFAULT_SEED;
        this.now = options.now ?? (() => new Date());
        this.currentScenario = options.scenario ?? "happy";
        this.latencyMs = Math.max(0, options.latencyMs ?? 0);
        this.slowLatencyMs = Math.max(0, options.slowLatencyMs ?? 3000);
        this.openLateMs = Math.max(0, options.openLateMs ?? 31_000);
        this.count = options.count ?? DEFAULT_COUNT;
        this.lateHostDelayMs = Math.max(0, options.lateHostDelayMs ?? 6000);
        this.base = dataSet(generateConversations(this.seed, this.now(), this.count));
    }

    /** The seeded records of the current scenario in stored order (oldest first), frozen. */
    public get conversations(): readonly SimulatedConversation[] {
        return this.data.records;
    }

    private get data(): DataSet {
        if (this.currentScenario !== "backlog") return this.base;
        return (this.backlogSet ??= dataSet(generateConversations(this.seed, this.now(), this.count, BACKLOG_SIZE)));
    }

    public get scenario(): ScenarioName {
        return this.currentScenario;
    }

    public setScenario(name: ScenarioName): void {
        if (!isScenarioName(name)) throw new Error(`Unknown simulator scenario "${String(name)}"; expected one of ${SCENARIOS.join(", ")}`);
        this.currentScenario = name;
        this.failOnceUsed = false;
        this.callsInScenario = 0;
    }

    public setLatency(ms: number): void {
        this.latencyMs = Math.max(0, ms);
    }

    /** Clears the recorded calls and the focused conversation. */
    public reset(): void {
        this.calls.getConversations.length = 0;
        this.calls.openConversation.length = 0;
        this.calls.getConversationId = 0;
        this.focusedConversationId = "";
    }

    public findConversation(conversationId: string): SimulatedConversation | undefined {
        const { records, index } = this.data;
        const at = index.get(String(conversationId ?? "").trim().replace(/^\{|\}$/g, "").toLowerCase());
        return at === undefined ? undefined : records[at];
    }

    /** What `getConversations` would answer in the happy path (no latency, no recording). */
    public query(input: GetConversationsInput, style: OutputStyle = { lookups: "plain", formattedValues: true }): Record<string, unknown>[] {
        const { records, index } = this.data;
        const filtered = filterConversations(records, input, { now: this.now() });
        const sorted = sortConversations(filtered, input.orderBy);
        const attributes = projectedAttributes(input.attributes);
        return sorted.map((record) => projectConversation(record, attributes, style, index.get(record.activityid) ?? 0));
    }

    public getConversations(input: GetConversationsInput | string, correlationId?: string): Promise<unknown> {
        this.calls.getConversations.push({ input: snapshot(input) as GetConversationsInput, correlationId });
        const scenario = this.currentScenario;
        this.callsInScenario++;
        if (scenario === "hang") return NEVER();
        if (scenario === "reject" || (scenario === "failOnce" && !this.failOnceUsed)) {
            this.failOnceUsed = true;
            return this.later(() => {
                // The script rejects a plain `{ status: false, error }`, not an Error.
                // eslint-disable-next-line @typescript-eslint/only-throw-error
                throw new ConversationsRejection({ code: "0x80040216", message: "Simulated host failure: getConversations rejected" });
            });
        }
        const busy = BUSY_ERRORS[scenario];
        if (busy) {
            return this.later(() => {
                // eslint-disable-next-line @typescript-eslint/only-throw-error -- the script's rejection is a plain object
                throw new ConversationsRejection({ ...busy });
            });
        }
        if (scenario === "statusFalse") {
            return this.later<ConversationsFailure>(() => ({
                error: { errorCode: 500, message: "Simulated host failure: getConversations resolved with status false" },
                status: false,
            }));
        }
        if (scenario === "malformed") {
            return this.later(() => ({ status: true, result: { values: "<html>Service Unavailable</html>" }, value: 42 }));
        }
        return this.later<ConversationsResult>(
            () => {
                const parsed = this.parseInput(input);
                const unknown = unknownAttributeOf(parsed);
                if (unknown !== undefined) {
                    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the script's rejection is a plain object
                    throw new ConversationsRejection({
                        code: "0x80041103",
                        message: `'${TABLE_NAME}' entity doesn't contain attribute with Name = '${unknown}' and NameMapping = 'Logical'.`,
                    });
                }
                if (scenario === "empty") return { result: { values: [] }, status: true };
                if (scenario === "docsValues") return { result: { values: this.query(parsed) }, status: true };
                if (scenario === "plainGuids") return { result: { values: this.query(parsed, { lookups: "plain", formattedValues: false }) }, status: true };
                const projected = this.query(parsed, { lookups: "webApi", formattedValues: true });
                const rows = scenario === "upperCaseIds" ? projected.map(withDocsPageIds) : projected;
                const envelope: Record<string, unknown> = {
                    "@odata.context": "$metadata#msdyn_ocliveworkitems",
                    value: rows.slice(0, WEB_API_ROW_LIMIT),
                };
                if (rows.length > WEB_API_ROW_LIMIT) {
                    envelope["@Microsoft.Dynamics.CRM.fetchxmlpagingcookie"] = '<cookie pagenumber="2" pagingcookie="%253ccookie%2520page%253d%25221%2522%253e%253c%252fcookie%253e" istracking="False" />';
                    envelope["@Microsoft.Dynamics.CRM.morerecords"] = true;
                }
                return { status: true, result: envelope as { value: Record<string, unknown>[] } };
            },
            scenario === "slow" || (scenario === "outOfOrder" && this.callsInScenario % 2 === 1) ? this.slowLatencyMs : this.latencyMs,
        );
    }

    /**
     * As the script: rejects at once without an id; reads the record, compares the given session
     * and work stream ids with `!=` (case and braces matter), asks the workspace to open the session
     * and resolves at once, without waiting for the session to open.
     */
    public openConversation(conversationId: string, lastsessionId?: string, liveworkstreamId?: string): Promise<unknown> {
        this.calls.openConversation.push({ conversationId, lastsessionId, liveworkstreamId });
        if (!conversationId) return Promise.reject(new Error("liveWorkItemId is required"));
        const scenario = this.currentScenario;
        return this.later(
            () => {
                if (scenario === "openReject") throw new Error("Simulated host failure: openConversation rejected");
                const record = typeof conversationId === "string" ? this.findConversation(conversationId) : undefined;
                if (!record) throw new Error(`Simulated host: no conversation with id "${String(conversationId)}"`);
                if ((lastsessionId && lastsessionId !== record.msdyn_lastsessionid.id) || (liveworkstreamId && liveworkstreamId !== record.msdyn_liveworkstreamid.id)) {
                    throw new Error("Record not found for Session Id provided!");
                }
                this.focusedConversationId = record.msdyn_ocliveworkitemid;
                // The script raises this on window.top; the harness page is the top window.
                if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent("OpenConversationAsSession", { detail: { conversationId } }));
                return { status: true, result: { conversationId: record.msdyn_ocliveworkitemid } };
            },
            // The record read is the script's only wait; "slow" stretches it, the ordinary latency does not apply.
            scenario === "slow" ? this.slowLatencyMs : scenario === "openLate" ? this.openLateMs : 0,
        );
    }

    /**
     * The conversation of the focused session: the last one opened. Like the script, which reads the
     * session's context in the browser (no Dataverse query), it rejects in the Home session.
     */
    public getConversationId(): Promise<unknown> {
        this.calls.getConversationId++;
        return this.later(() => {
            if (this.focusedConversationId === "") throw new Error("No conversation in the focused session");
            return this.focusedConversationId;
        });
    }

    /** The agent went back to the Home session (switched or closed the conversation's). */
    public focusHome(): void {
        this.focusedConversationId = "";
    }

    /** A plain object with the three methods, to install as `window.Microsoft.Omnichannel`. */
    public asGlobal(): Pick<OmnichannelHost, "getConversations" | "openConversation" | "getConversationId"> & { readonly simulator: OmnichannelSimulator } {
        return {
            getConversations: (input, correlationId) => this.getConversations(input, correlationId),
            openConversation: (conversationId, lastsessionId, liveworkstreamId) => this.openConversation(conversationId, lastsessionId, liveworkstreamId),
            getConversationId: () => this.getConversationId(),
            simulator: this,
        };
    }

    /**
     * Defines `Microsoft.Omnichannel` on `target` (a window, or a stand-in in unit tests): at once, or
     * in the "lateHost" scenario after `lateHostDelayMs`, through setTimeout so fake timers drive it.
     */
    public installOn(target: { Microsoft?: Record<string, unknown> }): void {
        const define = (): void => {
            target.Microsoft = { ...target.Microsoft, Omnichannel: this.asGlobal() };
        };
        if (this.currentScenario === "lateHost") setTimeout(define, this.lateHostDelayMs);
        else define();
    }

    private parseInput(input: GetConversationsInput | string): GetConversationsInput {
        // The docs type `input` as a JSON string, but the script reads `params.agentId`: a string has none.
        const parsed: unknown = input;
        // The script's first check: `if (!params.agentId)` rejects `{ status: false, error }`.
        const agentId = parsed && typeof parsed === "object" ? (parsed as { agentId?: unknown }).agentId : undefined;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the script's rejection is a plain object
        if (!agentId) throw new ConversationsRejection({ message: 'Missing key "agentId" in input object' });
        return parsed as GetConversationsInput;
    }

    /** Runs `produce` after the latency: through setTimeout when > 0, else on a microtask. */
    private later<T>(produce: () => T, delayMs: number = this.latencyMs): Promise<T> {
        if (delayMs <= 0) return Promise.resolve().then(produce);
        return new Promise<T>((resolve, reject) => {
            setTimeout(() => {
                try {
                    resolve(produce());
                } catch (error) {
                    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the script's plain rejection on
                    reject(error instanceof Error || error instanceof ConversationsRejection ? error : new Error(String(error)));
                }
            }, delayMs);
        });
    }
}
