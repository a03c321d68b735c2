/**
 * The seeded data set: a few thousand realistic Conversation (msdyn_ocliveworkitem) records for
 * several agents, deterministic for a given seed and "now". Development and test code only.
 */
import {
    ACCOUNT_NAMES,
    ALL_CHANNEL_VALUES,
    CHANNELS,
    FIRST_NAMES,
    HARNESS_AGENT_ID,
    LAST_NAMES,
    MULTI_CHANNEL_COMBINATIONS,
    PRIORITY_LABELS,
    QUEUES,
    SIMULATED_AGENTS,
    STATUSES,
    TITLE_TEMPLATES,
    WORK_STREAMS,
    type NamedRecord,
} from "./catalog";
import { SeededRandom } from "./random";

/** A lookup as the simulator stores it; rendered as a GUID or `_x_value` form on the way out. */
export interface LookupValue {
    readonly id: string;
    readonly name: string;
    readonly logicalName: string;
}

/** One conversation in its canonical (stored) form. Dates are ISO-8601 UTC strings, whole seconds. */
export interface SimulatedConversation {
    readonly activityid: string;
    readonly msdyn_ocliveworkitemid: string;
    readonly subject: string;
    readonly msdyn_title: string;
    readonly statuscode: number;
    readonly statecode: number;
    /** One value, or several for a conversation that escalated (chat to voice, and so on). */
    readonly msdyn_channel: readonly number[];
    readonly msdyn_activeagentid: LookupValue | null;
    readonly msdyn_customer: LookupValue | null;
    /** Unified routing's queue (to `queue`): what current organisations fill. */
    readonly msdyn_cdsqueueid: LookupValue | null;
    /** The legacy Omnichannel queue (to `msdyn_omnichannelqueue`): empty in most current organisations. */
    readonly msdyn_queueid: LookupValue | null;
    readonly msdyn_liveworkstreamid: LookupValue;
    readonly msdyn_lastsessionid: LookupValue;
    readonly msdyn_issueid: LookupValue | null;
    readonly msdyn_isoutbound: boolean;
    readonly msdyn_customersentimentlabel: number;
    readonly msdyn_conversationfirstwaittimeinseconds: number;
    readonly msdyn_firstwaitstartedon: string;
    readonly msdyn_transfercount: number;
    readonly msdyn_escalationcount: number;
    readonly createdon: string;
    readonly modifiedon: string;
    readonly msdyn_closedon: string | null;
    readonly msdyn_statusupdatedon: string;
    /** The org's own columns (custom, `new_` prefix): a choice, a date-only date and a money amount. */
    readonly new_priority: number | null;
    /** Date only: a calendar date, `yyyy-MM-dd`, that no time zone moves. */
    readonly new_followupdate: string | null;
    readonly new_ordervalue: number | null;
}

export const DEFAULT_SEED = 20240501;
export const DEFAULT_COUNT = 3000;
/** Creation times spread over this many days before "now". */
export const DATA_SET_DAYS = 90;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function toIsoSeconds(time: number): string {
    return new Date(Math.floor(time / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

const SINGLE_CHANNEL_WEIGHTS: readonly (readonly [number, number])[] = [
    [CHANNELS.liveChat, 30],
    [CHANNELS.voice, 10],
    [CHANNELS.voiceCall, 4],
    [CHANNELS.whatsApp, 9],
    [CHANNELS.sms, 6],
    [CHANNELS.entityRecords, 6],
    [CHANNELS.teams, 5],
    [CHANNELS.facebook, 4],
    [CHANNELS.twitter, 2],
    [CHANNELS.line, 2],
    [CHANNELS.weChat, 2],
    [CHANNELS.custom, 2],
    [CHANNELS.appleMessages, 2],
    [CHANNELS.googleBusinessMessages, 2],
    [CHANNELS.video, 1],
    [CHANNELS.coBrowse, 1],
    [CHANNELS.screenSharing, 1],
];

/** Status by age: new work is active, older work is mostly closed. */
const STATUS_WEIGHTS_6H: readonly (readonly [number, number])[] = [[2, 35], [5, 12], [3, 15], [1, 8], [4, 30]];
const STATUS_WEIGHTS_3D: readonly (readonly [number, number])[] = [[3, 20], [2, 3], [4, 70], [1, 2], [6, 3], [7, 2]];
const STATUS_WEIGHTS_30D: readonly (readonly [number, number])[] = [[3, 5], [4, 88], [6, 4], [7, 3]];
const STATUS_WEIGHTS_OLD: readonly (readonly [number, number])[] = [[4, 95], [6, 5]];
const SENTIMENT_WEIGHTS: readonly (readonly [number, number])[] = [[0, 10], [7, 3], [8, 6], [9, 10], [10, 35], [11, 16], [12, 14], [13, 6]];
const TRANSFER_WEIGHTS: readonly (readonly [number, number])[] = [[0, 85], [1, 11], [2, 3], [3, 1]];
const ESCALATION_WEIGHTS: readonly (readonly [number, number])[] = [[0, 95], [1, 5]];

function pickStatus(random: SeededRandom, ageDays: number): number {
    if (ageDays < 0.25) return random.weighted(STATUS_WEIGHTS_6H);
    if (ageDays < 3) return random.weighted(STATUS_WEIGHTS_3D);
    if (ageDays < 30) return random.weighted(STATUS_WEIGHTS_30D);
    return random.weighted(STATUS_WEIGHTS_OLD);
}

const byName = (name: string): NamedRecord => QUEUES.find((q) => q.name === name) ?? QUEUES[0];
const MESSAGING_QUEUE_WEIGHTS: readonly (readonly [NamedRecord, number])[] = [
    [byName("Default messaging queue"), 30],
    [byName("Billing"), 20],
    [byName("Technical support"), 25],
    [byName("Returns and refunds"), 15],
    [byName("VIP customers"), 5],
    [byName("Soporte en español"), 5],
];

function queueFor(random: SeededRandom, primaryChannel: number): NamedRecord {
    switch (primaryChannel) {
        case CHANNELS.voice:
        case CHANNELS.voiceCall:
            return random.chance(0.8) ? byName("Voice - general") : byName("VIP customers");
        case CHANNELS.entityRecords:
            return byName("Default entity queue");
        case CHANNELS.facebook:
        case CHANNELS.twitter:
            return byName("Social media");
        default:
            return random.weighted(MESSAGING_QUEUE_WEIGHTS);
    }
}

interface Draft {
    agentId: string | null;
    status: number;
    channels: readonly number[];
    ageMinutes: number;
}

/**
 * Builds the seeded data set. Fast (a few thousand records in a few milliseconds) and pure.
 * `backlog` adds that many Waiting conversations of the harness user after the `count` others
 * (which stay the same): an agent whose asynchronous work piled up past the host's 5,000-row limit.
 */
export function generateConversations(seed: number = DEFAULT_SEED, now: Date = new Date(), count: number = DEFAULT_COUNT, backlog = 0): SimulatedConversation[] {
    const random = new SeededRandom(seed);
    const nowTime = now.getTime();
    const agentsById = new Map(SIMULATED_AGENTS.map((a) => [a.id, a]));

    const contacts: LookupValue[] = [];
    for (let i = 0; i < 160; i++) {
        contacts.push({ id: random.guid(), name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, logicalName: "contact" });
    }
    const accounts: LookupValue[] = ACCOUNT_NAMES.map((name) => ({ id: random.guid(), name, logicalName: "account" }));

    // Pinned drafts first: the harness agent's own work list covers every channel, every
    // multi-channel combination and every status, whatever the seed.
    const drafts: Draft[] = [];
    const openStatuses = [2, 3, 5];
    ALL_CHANNEL_VALUES.forEach((channel, index) => {
        drafts.push({ agentId: HARNESS_AGENT_ID, status: openStatuses[index % 3], channels: [channel], ageMinutes: 7 + index * 53 });
    });
    MULTI_CHANNEL_COMBINATIONS.forEach((channels, index) => {
        drafts.push({ agentId: HARNESS_AGENT_ID, status: openStatuses[index % 3], channels, ageMinutes: 31 + index * 97 });
    });
    for (const status of [1, 4, 6, 7]) {
        drafts.push({ agentId: HARNESS_AGENT_ID, status, channels: [CHANNELS.liveChat], ageMinutes: 200 + status * 311 });
    }

    const agentWeights = SIMULATED_AGENTS.map((a) => [a.id, a.weight] as const);
    while (drafts.length < count) {
        const ageDays = random.chance(0.35) ? random.next() * 7 : random.next() * DATA_SET_DAYS;
        const status = pickStatus(random, ageDays);
        // Open means "in a queue, not assigned": most have no agent; a few keep the last one.
        const agentId = status === 1 && random.chance(0.75) ? null : random.weighted(agentWeights);
        const channels = random.chance(0.08) ? random.pick(MULTI_CHANNEL_COMBINATIONS) : [random.weighted(SINGLE_CHANNEL_WEIGHTS)];
        drafts.push({ agentId, status, channels, ageMinutes: Math.max(1, Math.floor(ageDays * 24 * 60)) });
    }

    /** The custom columns, from the id's last hex digits: the seeded sequence of the standard ones stays as it was. */
    const customColumns = (id: string, createdTime: number) => {
        const bits = parseInt(id.slice(-6), 16);
        const priorities = Object.keys(PRIORITY_LABELS).map(Number);
        // A follow-up day 1 to 14 days after creation, as the calendar date of that day in UTC.
        const followUp = toIsoSeconds(createdTime + (1 + (bits % 14)) * DAY).slice(0, 10);
        return {
            new_priority: bits % 5 === 0 ? null : priorities[bits % priorities.length],
            new_followupdate: bits % 3 === 0 ? null : followUp,
            new_ordervalue: bits % 4 === 0 ? null : Math.round((bits % 250_000) * 1.37) / 100,
        };
    };

    const backlogChannels = [[CHANNELS.entityRecords], [CHANNELS.whatsApp], [CHANNELS.liveChat]] as const;
    const all = drafts.slice(0, count);
    for (let i = 0; i < backlog; i++) {
        all.push({ agentId: HARNESS_AGENT_ID, status: 3, channels: backlogChannels[i % 3], ageMinutes: 60 + ((i * 37) % (30 * 24 * 60)) });
    }
    const records: SimulatedConversation[] = all.map((draft) => {
        const id = random.guid();
        const createdTime = nowTime - draft.ageMinutes * MINUTE - random.int(0, 59) * 1000;
        const primary = draft.channels[0];
        const queue = queueFor(random, primary);
        const statusInfo = STATUSES.find((s) => s.statuscode === draft.status) ?? STATUSES[1];
        const customerRoll = random.next();
        const customer = customerRoll < 0.8 ? random.pick(contacts) : customerRoll < 0.95 ? random.pick(accounts) : null;
        const template = random.pick(TITLE_TEMPLATES);
        const title = template.replace("{n}", String(template.includes("(v") ? `${random.int(2, 9)}.${random.int(0, 12)}` : template.includes("card") ? random.int(1000, 9999) : template.includes("store") ? random.int(100, 999) : random.int(10000, 99999)));
        const waitSeconds = Math.min(3600, Math.round(-Math.log(1 - random.next()) * 75));
        const ended = draft.status === 4 || draft.status === 6;
        const durationMinutes = random.int(3, 55);
        const endTime = Math.min(nowTime, createdTime + durationMinutes * MINUTE);
        const statusTime = ended || draft.status === 5 ? endTime : Math.min(nowTime, createdTime + waitSeconds * 1000);
        const sentiment = random.weighted(SENTIMENT_WEIGHTS);
        const agent = draft.agentId ? agentsById.get(draft.agentId) : undefined;
        const workStream = WORK_STREAMS[primary];
        return {
            activityid: id,
            msdyn_ocliveworkitemid: id,
            subject: title,
            msdyn_title: title,
            statuscode: draft.status,
            statecode: statusInfo.statecode,
            msdyn_channel: draft.channels,
            msdyn_activeagentid: agent ? { id: agent.id, name: agent.name, logicalName: "systemuser" } : null,
            msdyn_customer: customer,
            msdyn_cdsqueueid: { id: queue.id, name: queue.name, logicalName: "queue" },
            // About one in sixteen keeps a legacy queue; derived from the id so the seeded sequence stays as it was.
            msdyn_queueid: id.endsWith("0") ? { id: queue.id, name: queue.name, logicalName: "msdyn_omnichannelqueue" } : null,
            msdyn_liveworkstreamid: { id: workStream.id, name: workStream.name, logicalName: "msdyn_liveworkstream" },
            msdyn_lastsessionid: { id: random.guid(), name: "Session", logicalName: "msdyn_ocsession" },
            msdyn_issueid: random.chance(0.2) ? { id: random.guid(), name: `CAS-${random.int(10000, 99999)}-${title.slice(0, 20)}`, logicalName: "incident" } : null,
            msdyn_isoutbound: (primary === CHANNELS.voice || primary === CHANNELS.voiceCall) && random.chance(0.15),
            msdyn_customersentimentlabel: sentiment,
            msdyn_conversationfirstwaittimeinseconds: waitSeconds,
            msdyn_firstwaitstartedon: toIsoSeconds(createdTime + 2000),
            msdyn_transfercount: random.weighted(TRANSFER_WEIGHTS),
            msdyn_escalationcount: draft.channels.length > 1 ? draft.channels.length - 1 : random.weighted(ESCALATION_WEIGHTS),
            createdon: toIsoSeconds(createdTime),
            modifiedon: toIsoSeconds(Math.max(statusTime, endTime)),
            msdyn_closedon: ended ? toIsoSeconds(endTime) : null,
            msdyn_statusupdatedon: toIsoSeconds(statusTime),
            ...customColumns(id, createdTime),
        };
    });

    // Stored ("natural") order: oldest first, as a table scan would return them.
    records.sort((a, b) => (a.createdon < b.createdon ? -1 : a.createdon > b.createdon ? 1 : a.activityid < b.activityid ? -1 : 1));
    return records;
}

export { DAY };
