/**
 * Reference data for the simulated Customer Service host, copied from omnichannel.md:
 * statuscode, msdyn_channel (global choice msdyn_streamsource) and sentiment labels, plus the
 * simulated agents, queues and work streams. Development and test code only: never shipped.
 */

/** Present in every simulator bundle and absent from the production control bundle. */
export const OMNICHANNEL_SIMULATOR_MARKER = "OMNICHANNEL_SIMULATOR_MARKER";

/**
 * The pcf-start 1.51.1 harness supplies `context.userSettings.userId` as
 * "{00000000-0000-0000-0000-000000000000}" (braces included); normalized here.
 */
export const HARNESS_AGENT_ID = "00000000-0000-0000-0000-000000000000";
/** A second agent with a full work list of their own. */
export const ALEX_AGENT_ID = "5f3b1c2a-8d4e-4a71-9c0b-1e2f3a4b5c6d";
/** A third agent. */
export const PRIYA_AGENT_ID = "a7c9e1f3-2b4d-4f60-8a1c-3e5f7a9b0c2d";
/** A fourth agent with few conversations. */
export const MORGAN_AGENT_ID = "c2e4f6a8-1b3d-4e5f-9a7b-0c1d2e3f4a5b";
/** A supervisor-ish agent with very few conversations. */
export const SAM_AGENT_ID = "e8f0a2b4-6c8d-4a1e-b3c5-d7e9f1a3b5c7";
/** An agent id that exists nowhere in the data set. */
export const UNKNOWN_AGENT_ID = "11111111-2222-4333-8444-555555555555";

export interface SimulatedAgent {
    id: string;
    name: string;
    /** Relative share of the data set. */
    weight: number;
}

export const SIMULATED_AGENTS: readonly SimulatedAgent[] = [
    { id: HARNESS_AGENT_ID, name: "Harness User", weight: 30 },
    { id: ALEX_AGENT_ID, name: "Alex Rivera", weight: 25 },
    { id: PRIYA_AGENT_ID, name: "Priya Natarajan", weight: 25 },
    { id: MORGAN_AGENT_ID, name: "Morgan Lee", weight: 15 },
    { id: SAM_AGENT_ID, name: "Sam Okafor", weight: 5 },
];

/** The agent ids other than the harness user, for tests. */
export const OTHER_AGENT_IDS: readonly string[] = [ALEX_AGENT_ID, PRIYA_AGENT_ID, MORGAN_AGENT_ID, SAM_AGENT_ID];

export interface StatusInfo {
    statuscode: number;
    statecode: number;
    label: string;
    stateLabel: string;
}

/** statuscode (state) as omnichannel.md publishes it. */
export const STATUSES: readonly StatusInfo[] = [
    { statuscode: 1, statecode: 0, label: "Open", stateLabel: "Active" },
    { statuscode: 2, statecode: 0, label: "Active", stateLabel: "Active" },
    { statuscode: 3, statecode: 0, label: "Waiting", stateLabel: "Active" },
    { statuscode: 4, statecode: 1, label: "Closed", stateLabel: "Closed" },
    { statuscode: 5, statecode: 0, label: "Wrap-up", stateLabel: "Active" },
    { statuscode: 6, statecode: 2, label: "Resolved", stateLabel: "Resolved" },
    { statuscode: 7, statecode: 3, label: "Scheduled", stateLabel: "Scheduled" },
];

export const STATUS_LABELS: Readonly<Record<number, string>> = Object.fromEntries(STATUSES.map((s) => [s.statuscode, s.label]));

/** msdyn_channel values (global choice msdyn_streamsource) as omnichannel.md publishes them. */
export const CHANNELS = {
    teams: 19241000,
    whatsApp: 192300000,
    line: 192310000,
    weChat: 192320000,
    facebook: 192330000,
    sms: 192340000,
    entityRecords: 192350000,
    twitter: 192350001,
    custom: 192350002,
    liveChat: 192360000,
    voice: 192370000,
    video: 192380000,
    coBrowse: 192390000,
    screenSharing: 192400000,
    voiceCall: 192440000,
    appleMessages: 192450000,
    googleBusinessMessages: 192450001,
} as const;

export const CHANNEL_LABELS: Readonly<Record<number, string>> = {
    [CHANNELS.teams]: "Microsoft Teams",
    [CHANNELS.whatsApp]: "WhatsApp",
    [CHANNELS.line]: "LINE",
    [CHANNELS.weChat]: "WeChat",
    [CHANNELS.facebook]: "Facebook",
    [CHANNELS.sms]: "SMS",
    [CHANNELS.entityRecords]: "Entity records",
    [CHANNELS.twitter]: "Twitter",
    [CHANNELS.custom]: "Custom",
    [CHANNELS.liveChat]: "Live chat",
    [CHANNELS.voice]: "Voice",
    [CHANNELS.video]: "Video",
    [CHANNELS.coBrowse]: "Co-browse",
    [CHANNELS.screenSharing]: "Screen sharing",
    [CHANNELS.voiceCall]: "Voice call",
    [CHANNELS.appleMessages]: "Apple Messages for Business",
    [CHANNELS.googleBusinessMessages]: "Google's Business Messages",
};

/** Every channel value of the reference table, in table order. */
export const ALL_CHANNEL_VALUES: readonly number[] = Object.values(CHANNELS);

/** Channel combinations a single conversation can end up with (escalations within a session). */
export const MULTI_CHANNEL_COMBINATIONS: readonly (readonly number[])[] = [
    [CHANNELS.liveChat, CHANNELS.voice],
    [CHANNELS.liveChat, CHANNELS.coBrowse],
    [CHANNELS.liveChat, CHANNELS.screenSharing],
    [CHANNELS.liveChat, CHANNELS.voice, CHANNELS.video],
    [CHANNELS.voice, CHANNELS.video, CHANNELS.screenSharing],
    [CHANNELS.teams, CHANNELS.voiceCall],
];

/** msdyn_customersentimentlabel. */
export const SENTIMENT_LABELS: Readonly<Record<number, string>> = {
    0: "N/A",
    7: "Very negative",
    8: "Negative",
    9: "Slightly negative",
    10: "Neutral",
    11: "Slightly positive",
    12: "Positive",
    13: "Very positive",
};

/** new_priority, the org's custom choice (a custom option's value carries the publisher's prefix: 100000000 up). */
export const PRIORITY_LABELS: Readonly<Record<number, string>> = {
    100000000: "Low",
    100000001: "Normal",
    100000002: "High",
    100000003: "Urgent",
};

export interface NamedRecord {
    id: string;
    name: string;
}

export const QUEUES: readonly NamedRecord[] = [
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e01", name: "Default messaging queue" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e02", name: "Default entity queue" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e03", name: "Billing" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e04", name: "Technical support" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e05", name: "Returns and refunds" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e06", name: "VIP customers" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e07", name: "Voice - general" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e08", name: "Social media" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e09", name: "Soporte en español" },
];

/** Work stream per primary channel (a work stream serves one channel type). */
export const WORK_STREAMS: Readonly<Record<number, NamedRecord>> = Object.fromEntries(
    ALL_CHANNEL_VALUES.map((channel, index) => [
        channel,
        {
            id: `7b2e9c41-5a3d-4f8e-8c2b-${(0x6a0000000000 + index).toString(16).padStart(12, "0")}`,
            name: `${CHANNEL_LABELS[channel]} workstream`,
        },
    ]),
);

export const FIRST_NAMES: readonly string[] = [
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Lucas", "Mia", "Ethan", "Isabella", "Hiroshi",
    "Amara", "Chen", "Fatima", "Jonas", "Léa", "Rahul", "Zoë", "Diego", "Ingrid", "Kwame", "Sofía", "Yuki",
    "Nadia", "Tomasz", "Aisha", "Pedro", "Freya", "Omar",
];

export const LAST_NAMES: readonly string[] = [
    "Johnson", "García", "Müller", "Nguyen", "Smith", "Kowalski", "Okonkwo", "Rossi", "Tanaka", "Dubois",
    "Silva", "Andersson", "Patel", "O'Brien", "Kim", "Haddad", "Novak", "Fernández", "Larsen", "Mensah",
];

export const ACCOUNT_NAMES: readonly string[] = [
    "Contoso Ltd", "Fabrikam Inc", "Adventure Works", "Northwind Traders", "Tailspin Toys", "Wide World Importers",
    "Litware Inc", "Proseware Inc", "Coho Winery", "Alpine Ski House", "Fourth Coffee", "Woodgrove Bank",
    "Margie's Travel", "Trey Research", "Blue Yonder Airlines", "Lamna Healthcare", "Relecloud", "VanArsdel Ltd",
];

/** Title templates; `{n}` is replaced by a number. */
export const TITLE_TEMPLATES: readonly string[] = [
    "Refund for order #{n}",
    "Where is my order #{n}?",
    "Change delivery address for order #{n}",
    "Cannot sign in to the customer portal",
    "Password reset link expired",
    "Question about invoice INV-{n}",
    "Double charged on card ending {n}",
    "Upgrade to the premium plan",
    "Cancel subscription",
    "Router keeps disconnecting",
    "App crashes on start-up (v{n})",
    "Return label for order #{n}",
    "Warranty claim for serial SN{n}",
    "Book a technician visit",
    "Update payment method",
    "Loyalty points missing",
    "Damaged item received",
    "Account locked after failed logins",
    "Change of billing address",
    "Product availability in store {n}",
    "Complaint about delivery driver",
    "Wrong size delivered",
    "Request for a callback",
    "Data export request (GDPR)",
];
