/* OMNICHANNEL_SIMULATOR_MARKER: simulated Microsoft.Omnichannel for the pcf-start harness; development only */
"use strict";
(() => {
  // simulator/catalog.ts
  var OMNICHANNEL_SIMULATOR_MARKER = "OMNICHANNEL_SIMULATOR_MARKER";
  var HARNESS_AGENT_ID = "00000000-0000-0000-0000-000000000000";
  var ALEX_AGENT_ID = "5f3b1c2a-8d4e-4a71-9c0b-1e2f3a4b5c6d";
  var PRIYA_AGENT_ID = "a7c9e1f3-2b4d-4f60-8a1c-3e5f7a9b0c2d";
  var MORGAN_AGENT_ID = "c2e4f6a8-1b3d-4e5f-9a7b-0c1d2e3f4a5b";
  var SAM_AGENT_ID = "e8f0a2b4-6c8d-4a1e-b3c5-d7e9f1a3b5c7";
  var SIMULATED_AGENTS = [
    { id: HARNESS_AGENT_ID, name: "Harness User", weight: 30 },
    { id: ALEX_AGENT_ID, name: "Alex Rivera", weight: 25 },
    { id: PRIYA_AGENT_ID, name: "Priya Natarajan", weight: 25 },
    { id: MORGAN_AGENT_ID, name: "Morgan Lee", weight: 15 },
    { id: SAM_AGENT_ID, name: "Sam Okafor", weight: 5 }
  ];
  var STATUSES = [
    { statuscode: 1, statecode: 0, label: "Open", stateLabel: "Active" },
    { statuscode: 2, statecode: 0, label: "Active", stateLabel: "Active" },
    { statuscode: 3, statecode: 0, label: "Waiting", stateLabel: "Active" },
    { statuscode: 4, statecode: 1, label: "Closed", stateLabel: "Closed" },
    { statuscode: 5, statecode: 0, label: "Wrap-up", stateLabel: "Active" },
    { statuscode: 6, statecode: 2, label: "Resolved", stateLabel: "Resolved" },
    { statuscode: 7, statecode: 3, label: "Scheduled", stateLabel: "Scheduled" }
  ];
  var STATUS_LABELS = Object.fromEntries(STATUSES.map((s) => [s.statuscode, s.label]));
  var CHANNELS = {
    teams: 19241e3,
    whatsApp: 1923e5,
    line: 19231e4,
    weChat: 19232e4,
    facebook: 19233e4,
    sms: 19234e4,
    entityRecords: 19235e4,
    twitter: 192350001,
    custom: 192350002,
    liveChat: 19236e4,
    voice: 19237e4,
    video: 19238e4,
    coBrowse: 19239e4,
    screenSharing: 1924e5,
    voiceCall: 19244e4,
    appleMessages: 19245e4,
    googleBusinessMessages: 192450001
  };
  var CHANNEL_LABELS = {
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
    [CHANNELS.googleBusinessMessages]: "Google's Business Messages"
  };
  var ALL_CHANNEL_VALUES = Object.values(CHANNELS);
  var MULTI_CHANNEL_COMBINATIONS = [
    [CHANNELS.liveChat, CHANNELS.voice],
    [CHANNELS.liveChat, CHANNELS.coBrowse],
    [CHANNELS.liveChat, CHANNELS.screenSharing],
    [CHANNELS.liveChat, CHANNELS.voice, CHANNELS.video],
    [CHANNELS.voice, CHANNELS.video, CHANNELS.screenSharing],
    [CHANNELS.teams, CHANNELS.voiceCall]
  ];
  var SENTIMENT_LABELS = {
    0: "N/A",
    7: "Very negative",
    8: "Negative",
    9: "Slightly negative",
    10: "Neutral",
    11: "Slightly positive",
    12: "Positive",
    13: "Very positive"
  };
  var QUEUES = [
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e01", name: "Default messaging queue" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e02", name: "Default entity queue" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e03", name: "Billing" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e04", name: "Technical support" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e05", name: "Returns and refunds" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e06", name: "VIP customers" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e07", name: "Voice - general" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e08", name: "Social media" },
    { id: "3d1f0a52-7c1e-4b8a-9e61-0a1b2c3d4e09", name: "Soporte en espa\xF1ol" }
  ];
  var WORK_STREAMS = Object.fromEntries(
    ALL_CHANNEL_VALUES.map((channel, index) => [
      channel,
      {
        id: `7b2e9c41-5a3d-4f8e-8c2b-${(116548232544256 + index).toString(16).padStart(12, "0")}`,
        name: `${CHANNEL_LABELS[channel]} workstream`
      }
    ])
  );
  var FIRST_NAMES = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Mateo",
    "Sophia",
    "Lucas",
    "Mia",
    "Ethan",
    "Isabella",
    "Hiroshi",
    "Amara",
    "Chen",
    "Fatima",
    "Jonas",
    "L\xE9a",
    "Rahul",
    "Zo\xEB",
    "Diego",
    "Ingrid",
    "Kwame",
    "Sof\xEDa",
    "Yuki",
    "Nadia",
    "Tomasz",
    "Aisha",
    "Pedro",
    "Freya",
    "Omar"
  ];
  var LAST_NAMES = [
    "Johnson",
    "Garc\xEDa",
    "M\xFCller",
    "Nguyen",
    "Smith",
    "Kowalski",
    "Okonkwo",
    "Rossi",
    "Tanaka",
    "Dubois",
    "Silva",
    "Andersson",
    "Patel",
    "O'Brien",
    "Kim",
    "Haddad",
    "Novak",
    "Fern\xE1ndez",
    "Larsen",
    "Mensah"
  ];
  var ACCOUNT_NAMES = [
    "Contoso Ltd",
    "Fabrikam Inc",
    "Adventure Works",
    "Northwind Traders",
    "Tailspin Toys",
    "Wide World Importers",
    "Litware Inc",
    "Proseware Inc",
    "Coho Winery",
    "Alpine Ski House",
    "Fourth Coffee",
    "Woodgrove Bank",
    "Margie's Travel",
    "Trey Research",
    "Blue Yonder Airlines",
    "Lamna Healthcare",
    "Relecloud",
    "VanArsdel Ltd"
  ];
  var TITLE_TEMPLATES = [
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
    "Data export request (GDPR)"
  ];

  // simulator/random.ts
  var SeededRandom = class {
    constructor(seed) {
      this.state = seed >>> 0;
    }
    /** A float in [0, 1). */
    next() {
      this.state = this.state + 1831565813 >>> 0;
      let t = this.state;
      t = Math.imul(t ^ t >>> 15, t | 1);
      t ^= t + Math.imul(t ^ t >>> 7, t | 61);
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    }
    /** An integer in [min, max]. */
    int(min, max) {
      return min + Math.floor(this.next() * (max - min + 1));
    }
    chance(probability) {
      return this.next() < probability;
    }
    pick(items) {
      return items[Math.floor(this.next() * items.length)];
    }
    /** Picks a key by relative weight. */
    weighted(entries) {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let roll = this.next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1][0];
    }
    /** An unsigned 32-bit integer. */
    uint32() {
      return Math.floor(this.next() * 4294967296) >>> 0;
    }
    /** A version-4 shaped GUID, lowercase, no braces. */
    guid() {
      const h = (n, width) => n.toString(16).padStart(width, "0");
      const a = this.uint32();
      const b = this.uint32();
      const c = this.uint32();
      const d = this.uint32();
      const time = h(b >>> 16, 4);
      const version = h(16384 | b & 4095, 4);
      const variant = h(32768 | c >>> 16 & 16383, 4);
      return `${h(a, 8)}-${time}-${version}-${variant}-${h(c & 65535, 4)}${h(d, 8)}`;
    }
  };

  // simulator/dataset.ts
  var DEFAULT_SEED = 20240501;
  var DEFAULT_COUNT = 3e3;
  var DATA_SET_DAYS = 90;
  var MINUTE = 6e4;
  var DAY = 24 * 60 * MINUTE;
  function toIsoSeconds(time) {
    return new Date(Math.floor(time / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
  }
  var SINGLE_CHANNEL_WEIGHTS = [
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
    [CHANNELS.screenSharing, 1]
  ];
  var STATUS_WEIGHTS_6H = [[2, 35], [5, 12], [3, 15], [1, 8], [4, 30]];
  var STATUS_WEIGHTS_3D = [[3, 20], [2, 3], [4, 70], [1, 2], [6, 3], [7, 2]];
  var STATUS_WEIGHTS_30D = [[3, 5], [4, 88], [6, 4], [7, 3]];
  var STATUS_WEIGHTS_OLD = [[4, 95], [6, 5]];
  var SENTIMENT_WEIGHTS = [[0, 10], [7, 3], [8, 6], [9, 10], [10, 35], [11, 16], [12, 14], [13, 6]];
  var TRANSFER_WEIGHTS = [[0, 85], [1, 11], [2, 3], [3, 1]];
  var ESCALATION_WEIGHTS = [[0, 95], [1, 5]];
  function pickStatus(random, ageDays) {
    if (ageDays < 0.25) return random.weighted(STATUS_WEIGHTS_6H);
    if (ageDays < 3) return random.weighted(STATUS_WEIGHTS_3D);
    if (ageDays < 30) return random.weighted(STATUS_WEIGHTS_30D);
    return random.weighted(STATUS_WEIGHTS_OLD);
  }
  var byName = (name) => {
    var _a;
    return (_a = QUEUES.find((q) => q.name === name)) != null ? _a : QUEUES[0];
  };
  var MESSAGING_QUEUE_WEIGHTS = [
    [byName("Default messaging queue"), 30],
    [byName("Billing"), 20],
    [byName("Technical support"), 25],
    [byName("Returns and refunds"), 15],
    [byName("VIP customers"), 5],
    [byName("Soporte en espa\xF1ol"), 5]
  ];
  function queueFor(random, primaryChannel) {
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
  function generateConversations(seed = DEFAULT_SEED, now = /* @__PURE__ */ new Date(), count = DEFAULT_COUNT) {
    const random = new SeededRandom(seed);
    const nowTime = now.getTime();
    const agentsById = new Map(SIMULATED_AGENTS.map((a) => [a.id, a]));
    const contacts = [];
    for (let i = 0; i < 160; i++) {
      contacts.push({ id: random.guid(), name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, logicalName: "contact" });
    }
    const accounts = ACCOUNT_NAMES.map((name) => ({ id: random.guid(), name, logicalName: "account" }));
    const drafts = [];
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
    const agentWeights = SIMULATED_AGENTS.map((a) => [a.id, a.weight]);
    while (drafts.length < count) {
      const ageDays = random.chance(0.35) ? random.next() * 7 : random.next() * DATA_SET_DAYS;
      const status = pickStatus(random, ageDays);
      const agentId = status === 1 && random.chance(0.75) ? null : random.weighted(agentWeights);
      const channels = random.chance(0.08) ? random.pick(MULTI_CHANNEL_COMBINATIONS) : [random.weighted(SINGLE_CHANNEL_WEIGHTS)];
      drafts.push({ agentId, status, channels, ageMinutes: Math.max(1, Math.floor(ageDays * 24 * 60)) });
    }
    const records = drafts.slice(0, count).map((draft) => {
      var _a;
      const id = random.guid();
      const createdTime = nowTime - draft.ageMinutes * MINUTE - random.int(0, 59) * 1e3;
      const primary = draft.channels[0];
      const queue = queueFor(random, primary);
      const statusInfo = (_a = STATUSES.find((s) => s.statuscode === draft.status)) != null ? _a : STATUSES[1];
      const customerRoll = random.next();
      const customer = customerRoll < 0.8 ? random.pick(contacts) : customerRoll < 0.95 ? random.pick(accounts) : null;
      const template = random.pick(TITLE_TEMPLATES);
      const title = template.replace("{n}", String(template.includes("(v") ? `${random.int(2, 9)}.${random.int(0, 12)}` : template.includes("card") ? random.int(1e3, 9999) : template.includes("store") ? random.int(100, 999) : random.int(1e4, 99999)));
      const waitSeconds = Math.min(3600, Math.round(-Math.log(1 - random.next()) * 75));
      const ended = draft.status === 4 || draft.status === 6;
      const durationMinutes = random.int(3, 55);
      const endTime = Math.min(nowTime, createdTime + durationMinutes * MINUTE);
      const statusTime = ended || draft.status === 5 ? endTime : Math.min(nowTime, createdTime + waitSeconds * 1e3);
      const sentiment = random.weighted(SENTIMENT_WEIGHTS);
      const agent = draft.agentId ? agentsById.get(draft.agentId) : void 0;
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
        msdyn_queueid: { id: queue.id, name: queue.name, logicalName: "queue" },
        msdyn_liveworkstreamid: { id: workStream.id, name: workStream.name, logicalName: "msdyn_liveworkstream" },
        msdyn_lastsessionid: { id: random.guid(), name: "Session", logicalName: "msdyn_ocsession" },
        msdyn_issueid: random.chance(0.2) ? { id: random.guid(), name: `CAS-${random.int(1e4, 99999)}-${title.slice(0, 20)}`, logicalName: "incident" } : null,
        msdyn_isoutbound: (primary === CHANNELS.voice || primary === CHANNELS.voiceCall) && random.chance(0.15),
        msdyn_customersentimentlabel: sentiment,
        msdyn_conversationfirstwaittimeinseconds: waitSeconds,
        msdyn_firstwaitstartedon: toIsoSeconds(createdTime + 2e3),
        msdyn_transfercount: random.weighted(TRANSFER_WEIGHTS),
        msdyn_escalationcount: draft.channels.length > 1 ? draft.channels.length - 1 : random.weighted(ESCALATION_WEIGHTS),
        createdon: toIsoSeconds(createdTime),
        modifiedon: toIsoSeconds(Math.max(statusTime, endTime)),
        msdyn_closedon: ended ? toIsoSeconds(endTime) : null,
        msdyn_statusupdatedon: toIsoSeconds(statusTime)
      };
    });
    records.sort((a, b) => a.createdon < b.createdon ? -1 : a.createdon > b.createdon ? 1 : a.activityid < b.activityid ? -1 : 1);
    return records;
  }

  // host/port.ts
  var ALWAYS_RETURNED_ATTRIBUTES = [
    "msdyn_ocliveworkitemid",
    "msdyn_liveworkstreamid",
    "msdyn_lastsessionid",
    "statuscode",
    "createdon"
  ];

  // simulator/query.ts
  var FORMATTED_VALUE = "@OData.Community.Display.V1.FormattedValue";
  var LOOKUP_LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";
  var ATTRIBUTE_KINDS = {
    activityid: "guid",
    msdyn_ocliveworkitemid: "text",
    subject: "text",
    msdyn_title: "text",
    statuscode: "choice",
    statecode: "choice",
    msdyn_channel: "multichoice",
    msdyn_activeagentid: "lookup",
    msdyn_customer: "lookup",
    msdyn_queueid: "lookup",
    msdyn_liveworkstreamid: "lookup",
    msdyn_lastsessionid: "lookup",
    msdyn_issueid: "lookup",
    msdyn_isoutbound: "boolean",
    msdyn_customersentimentlabel: "choice",
    msdyn_conversationfirstwaittimeinseconds: "integer",
    msdyn_firstwaitstartedon: "datetime",
    msdyn_transfercount: "integer",
    msdyn_escalationcount: "integer",
    createdon: "datetime",
    modifiedon: "datetime",
    msdyn_closedon: "datetime",
    msdyn_statusupdatedon: "datetime"
  };
  function normalizeGuid(value) {
    return (typeof value === "string" ? value : "").trim().replace(/^\{|\}$/g, "").toLowerCase();
  }
  function normalizeAttributeName(name) {
    const lower = String(name).trim().toLowerCase();
    const match = /^_(.+)_value$/.exec(lower);
    return match ? match[1] : lower;
  }
  var pad = (n) => String(n).padStart(2, "0");
  function formatDateTime(iso) {
    const d = new Date(iso);
    const hours = d.getUTCHours();
    const hour12 = hours % 12 === 0 ? 12 : hours % 12;
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour12}:${pad(d.getUTCMinutes())} ${hours < 12 ? "AM" : "PM"}`;
  }
  function choiceLabel(attribute, value) {
    var _a, _b, _c, _d;
    if (attribute === "statuscode") return (_a = STATUS_LABELS[value]) != null ? _a : String(value);
    if (attribute === "statecode") return (_c = (_b = STATUSES.find((s) => s.statecode === value)) == null ? void 0 : _b.stateLabel) != null ? _c : String(value);
    if (attribute === "msdyn_customersentimentlabel") return (_d = SENTIMENT_LABELS[value]) != null ? _d : String(value);
    return String(value);
  }
  function channelLabels(values) {
    return values.map((v) => {
      var _a;
      return (_a = CHANNEL_LABELS[v]) != null ? _a : String(v);
    });
  }
  function sortValue(record, attribute) {
    const kind = ATTRIBUTE_KINDS[attribute];
    const raw = record[attribute];
    if (raw === null || raw === void 0) return null;
    switch (kind) {
      case "choice":
        return choiceLabel(attribute, raw).toLowerCase();
      case "multichoice":
        return channelLabels(raw).join("; ").toLowerCase();
      case "lookup":
        return raw.name.toLowerCase();
      case "boolean":
        return raw ? 1 : 0;
      case "integer":
        return raw;
      default:
        return typeof raw === "string" ? raw.toLowerCase() : null;
    }
  }
  function compareValues(a, b) {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "en");
  }
  function sortConversations(records, orderBy) {
    const given = Array.isArray(orderBy) ? orderBy : [];
    const keys = given.filter((k) => !!k && typeof k.attributeName === "string").map((k) => ({ attribute: normalizeAttributeName(k.attributeName), descending: k.descending === true })).filter((k) => k.attribute in ATTRIBUTE_KINDS);
    if (keys.length === 0) return [...records];
    const decorated = records.map((record) => ({ record, values: keys.map((k) => sortValue(record, k.attribute)) }));
    decorated.sort((x, y) => {
      for (let i = 0; i < keys.length; i++) {
        const result = compareValues(x.values[i], y.values[i]);
        if (result !== 0) return keys[i].descending ? -result : result;
      }
      return x.record.activityid < y.record.activityid ? -1 : 1;
    });
    return decorated.map((d) => d.record);
  }
  function filterConversations(records, input, options) {
    const agent = normalizeGuid(input.agentId);
    const statuses = Array.isArray(input.status) && input.status.length > 0 ? new Set(input.status.map((s) => Number(s))) : void 0;
    const days = input.createdBeforeDays;
    const since = typeof days === "number" && Number.isFinite(days) && days > 0 ? options.now.getTime() - days * 864e5 : void 0;
    return records.filter((r) => {
      if (!r.msdyn_activeagentid || r.msdyn_activeagentid.id !== agent) return false;
      if (statuses && !statuses.has(r.statuscode)) return false;
      if (since !== void 0 && Date.parse(r.createdon) < since) return false;
      return true;
    });
  }
  function projectedAttributes(attributes) {
    const out = [...ALWAYS_RETURNED_ATTRIBUTES];
    for (const name of Array.isArray(attributes) ? attributes : []) {
      if (typeof name !== "string") continue;
      const normalized = normalizeAttributeName(name);
      if (normalized in ATTRIBUTE_KINDS && !out.includes(normalized)) out.push(normalized);
    }
    return out;
  }
  function projectConversation(record, attributes, style, index) {
    const out = {};
    if (style.lookups === "webApi") out["@odata.etag"] = `W/"${1e6 + index}"`;
    const annotate = (key, value) => {
      if (style.formattedValues) out[key + FORMATTED_VALUE] = value;
    };
    for (const attribute of attributes) {
      const raw = record[attribute];
      switch (ATTRIBUTE_KINDS[attribute]) {
        case "lookup": {
          const lookup = raw;
          const key = style.lookups === "webApi" ? `_${attribute}_value` : attribute;
          out[key] = lookup ? lookup.id : null;
          if (lookup) {
            annotate(key, lookup.name);
            if (style.lookups === "webApi") out[key + LOOKUP_LOGICAL_NAME] = lookup.logicalName;
          }
          break;
        }
        case "choice":
          out[attribute] = raw;
          annotate(attribute, choiceLabel(attribute, raw));
          break;
        case "multichoice": {
          const values = raw;
          if (style.lookups === "webApi") {
            out[attribute] = values.join(",");
          } else if (values.length === 1) {
            out[attribute] = values[0];
          } else {
            out[attribute] = index % 2 === 0 ? [...values] : values.join(",");
          }
          annotate(attribute, channelLabels(values).join("; "));
          break;
        }
        case "boolean":
          out[attribute] = raw;
          annotate(attribute, raw ? "Yes" : "No");
          break;
        case "integer":
          out[attribute] = raw;
          annotate(attribute, raw.toLocaleString("en-US"));
          break;
        case "datetime":
          out[attribute] = raw;
          if (raw) annotate(attribute, formatDateTime(raw));
          break;
        default:
          out[attribute] = raw;
      }
    }
    return out;
  }

  // simulator/OmnichannelSimulator.ts
  var SCENARIOS = [
    "happy",
    "plainGuids",
    "webApiLookups",
    "empty",
    "slow",
    "reject",
    "statusFalse",
    "hang",
    "malformed",
    "failOnce",
    "openReject"
  ];
  function isScenarioName(value) {
    return typeof value === "string" && SCENARIOS.includes(value);
  }
  var NEVER = () => new Promise(() => void 0);
  function deepFreeze(value) {
    if (value && typeof value === "object" && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const child of Object.values(value)) deepFreeze(child);
    }
    return value;
  }
  function snapshot(value) {
    if (value === void 0) return value;
    try {
      return JSON.parse(JSON.stringify(value));
    } catch {
      return value;
    }
  }
  var OmnichannelSimulator = class {
    constructor(options = {}) {
      /** Every call received, in order; cleared by `reset()`. */
      this.calls = { getConversations: [], openConversation: [], getConversationId: 0 };
      this.storedIndex = /* @__PURE__ */ new Map();
      this.failOnceUsed = false;
      this.focusedConversationId = "";
      var _a, _b, _c, _d, _e, _f;
      this.seed = (_a = options.seed) != null ? _a : DEFAULT_SEED;
      this.now = (_b = options.now) != null ? _b : (() => /* @__PURE__ */ new Date());
      this.currentScenario = (_c = options.scenario) != null ? _c : "happy";
      this.latencyMs = Math.max(0, (_d = options.latencyMs) != null ? _d : 0);
      this.slowLatencyMs = Math.max(0, (_e = options.slowLatencyMs) != null ? _e : 3e3);
      this.conversations = deepFreeze(generateConversations(this.seed, this.now(), (_f = options.count) != null ? _f : DEFAULT_COUNT));
      this.conversations.forEach((c, i) => this.storedIndex.set(c.msdyn_ocliveworkitemid, i));
    }
    get scenario() {
      return this.currentScenario;
    }
    setScenario(name) {
      if (!isScenarioName(name)) throw new Error(`Unknown simulator scenario "${String(name)}"; expected one of ${SCENARIOS.join(", ")}`);
      this.currentScenario = name;
      this.failOnceUsed = false;
    }
    setLatency(ms) {
      this.latencyMs = Math.max(0, ms);
    }
    /** Clears the recorded calls and the focused conversation. */
    reset() {
      this.calls.getConversations.length = 0;
      this.calls.openConversation.length = 0;
      this.calls.getConversationId = 0;
      this.focusedConversationId = "";
    }
    findConversation(conversationId) {
      const index = this.storedIndex.get(String(conversationId != null ? conversationId : "").trim().replace(/^\{|\}$/g, "").toLowerCase());
      return index === void 0 ? void 0 : this.conversations[index];
    }
    /** What `getConversations` would answer in the happy path (no latency, no recording). */
    query(input, style = { lookups: "plain", formattedValues: true }) {
      const filtered = filterConversations(this.conversations, input, { now: this.now() });
      const sorted = sortConversations(filtered, input.orderBy);
      const attributes = projectedAttributes(input.attributes);
      return sorted.map((record) => {
        var _a;
        return projectConversation(record, attributes, style, (_a = this.storedIndex.get(record.activityid)) != null ? _a : 0);
      });
    }
    getConversations(input, correlationId) {
      this.calls.getConversations.push({ input: snapshot(input), correlationId });
      const scenario = this.currentScenario;
      if (scenario === "hang") return NEVER();
      if (scenario === "reject" || scenario === "failOnce" && !this.failOnceUsed) {
        this.failOnceUsed = true;
        return this.later(() => {
          throw new Error("Simulated host failure: getConversations rejected");
        });
      }
      if (scenario === "statusFalse") {
        return this.later(() => ({
          error: { errorCode: 500, message: "Simulated host failure: getConversations resolved with status false" },
          status: false
        }));
      }
      if (scenario === "malformed") {
        return this.later(() => ({ status: true, result: { values: "<html>Service Unavailable</html>" }, value: 42 }));
      }
      return this.later(
        () => {
          const parsed = this.parseInput(input);
          if (scenario === "empty") return { result: { values: [] }, status: true };
          const style = scenario === "webApiLookups" ? { lookups: "webApi", formattedValues: true } : scenario === "plainGuids" ? { lookups: "plain", formattedValues: false } : { lookups: "plain", formattedValues: true };
          return { result: { values: this.query(parsed, style) }, status: true };
        },
        scenario === "slow" ? this.slowLatencyMs : this.latencyMs
      );
    }
    openConversation(conversationId, lastsessionId, liveworkstreamId) {
      this.calls.openConversation.push({ conversationId, lastsessionId, liveworkstreamId });
      const scenario = this.currentScenario;
      return this.later(
        () => {
          if (scenario === "openReject") throw new Error("Simulated host failure: openConversation rejected");
          const record = typeof conversationId === "string" ? this.findConversation(conversationId) : void 0;
          if (!record) throw new Error(`Simulated host: no conversation with id "${String(conversationId)}"`);
          this.focusedConversationId = record.msdyn_ocliveworkitemid;
          return { status: true, result: { conversationId: record.msdyn_ocliveworkitemid } };
        },
        scenario === "slow" ? this.slowLatencyMs : this.latencyMs
      );
    }
    /** The conversation of the focused session: the last one opened, or "" when none. */
    getConversationId() {
      this.calls.getConversationId++;
      return this.later(() => this.focusedConversationId);
    }
    /** A plain object with the three methods, to install as `window.Microsoft.Omnichannel`. */
    asGlobal() {
      return {
        getConversations: (input, correlationId) => this.getConversations(input, correlationId),
        openConversation: (conversationId, lastsessionId, liveworkstreamId) => this.openConversation(conversationId, lastsessionId, liveworkstreamId),
        getConversationId: () => this.getConversationId(),
        simulator: this
      };
    }
    parseInput(input) {
      const parsed = typeof input === "string" ? JSON.parse(input) : input;
      if (!parsed || typeof parsed !== "object") throw new Error("Simulated host: input must be an object");
      const agentId = parsed.agentId;
      if (typeof agentId !== "string" || agentId.trim() === "") throw new Error("Simulated host: agentId is required");
      return parsed;
    }
    /** Runs `produce` after the latency: through setTimeout when > 0, else on a microtask. */
    later(produce, delayMs = this.latencyMs) {
      if (delayMs <= 0) return Promise.resolve().then(produce);
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          try {
            resolve(produce());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }, delayMs);
      });
    }
  };
  /** Present in every bundle that contains the simulator. */
  OmnichannelSimulator.marker = OMNICHANNEL_SIMULATOR_MARKER;

  // simulator/harness.ts
  function numberOrUndefined(value) {
    if (value === null || value === void 0 || value === "") return void 0;
    const n = Number(value);
    return Number.isFinite(n) ? n : void 0;
  }
  function showBadge(simulator) {
    const badge = document.createElement("div");
    badge.setAttribute("data-testid", "simulator-badge");
    badge.style.cssText = "position:fixed;left:8px;bottom:8px;z-index:2147483647;font:12px 'Segoe UI',sans-serif;background:#fff8e1;border:1px solid #c8a600;border-radius:4px;padding:4px 8px;box-shadow:0 1px 3px rgba(0,0,0,.2)";
    const label = document.createElement("label");
    label.textContent = "Simulated Omnichannel host, scenario: ";
    const select = document.createElement("select");
    select.setAttribute("aria-label", "Simulator scenario");
    for (const name of SCENARIOS) {
      const option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      option.selected = name === simulator.scenario;
      select.appendChild(option);
    }
    select.addEventListener("change", () => {
      const url = new URL(window.location.href);
      url.searchParams.set("scenario", select.value);
      window.location.assign(url.toString());
    });
    label.appendChild(select);
    badge.appendChild(label);
    document.body.appendChild(badge);
  }
  function install() {
    var _a, _b, _c, _d, _e, _f, _g, _h;
    const w = window;
    const defaults = (_a = w.__OMNICHANNEL_SIMULATOR_DEFAULTS__) != null ? _a : {};
    const params = new URLSearchParams(window.location.search);
    w.__omnichannelSimulatorMarker = OMNICHANNEL_SIMULATOR_MARKER;
    if (params.get("simulator") === "off" || defaults.enabled === false && params.get("simulator") !== "on") {
      console.info("[omnichannel-simulator] off: window.Microsoft.Omnichannel is not installed");
      return;
    }
    const requested = (_c = (_b = params.get("scenario")) != null ? _b : defaults.scenario) != null ? _c : "happy";
    let scenario = "happy";
    if (isScenarioName(requested)) scenario = requested;
    else console.warn(`[omnichannel-simulator] unknown scenario "${requested}", using "happy"; known: ${SCENARIOS.join(", ")}`);
    const fixedNow = (_d = params.get("now")) != null ? _d : defaults.now;
    const fixedTime = fixedNow ? Date.parse(fixedNow) : NaN;
    const simulator = new OmnichannelSimulator({
      scenario,
      seed: (_e = numberOrUndefined(params.get("seed"))) != null ? _e : defaults.seed,
      latencyMs: (_g = (_f = numberOrUndefined(params.get("latency"))) != null ? _f : defaults.latencyMs) != null ? _g : 150,
      now: Number.isNaN(fixedTime) ? void 0 : () => new Date(fixedTime)
    });
    w.Microsoft = (_h = w.Microsoft) != null ? _h : {};
    w.Microsoft.Omnichannel = simulator.asGlobal();
    w.__omnichannelSimulator = simulator;
    console.info(`[omnichannel-simulator] installed window.Microsoft.Omnichannel, scenario "${scenario}", ${simulator.conversations.length} conversations`);
    if (defaults.badge !== false && params.get("badge") !== "off") {
      if (document.body) showBadge(simulator);
      else document.addEventListener("DOMContentLoaded", () => showBadge(simulator));
    }
  }
  install();
})();
//# sourceMappingURL=simulator.js.map
