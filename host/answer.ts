import type { ConversationRecord } from "./port";

export type AnswerFailure = "hostReportedFailure" | "unrecognisedAnswer";

/** `moreRecords`: the host's unpaged Web API query stopped at its 5,000-row limit. */
export type ConversationsAnswer = { ok: true; records: ConversationRecord[]; moreRecords: boolean } | { ok: false; failure: AnswerFailure };

const MORE_RECORDS = "@Microsoft.Dynamics.CRM.morerecords";

export const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads what `getConversations` resolved with. The workspace's script resolves
 * `{ status: true, result: <raw Web API JSON> }`, so the records are in `result.value`; an earlier
 * revision of the docs page says `result.values`, so that is read too. A missing `status` is accepted
 * (the current page says only "resolved"); anything else is unrecognised. The input is typed as a JSON string in the docs, so a JSON string
 * answer is accepted as well.
 */
export function readConversationsAnswer(answer: unknown): ConversationsAnswer {
    let parsed = answer;
    if (typeof answer === "string") {
        try {
            parsed = JSON.parse(answer) as unknown;
        } catch {
            return { ok: false, failure: "unrecognisedAnswer" };
        }
    }
    if (!isObject(parsed)) return { ok: false, failure: "unrecognisedAnswer" };
    if (parsed.status === false) return { ok: false, failure: "hostReportedFailure" };
    const result = isObject(parsed.result) ? parsed.result : undefined;
    const values = Array.isArray(result?.value) ? result.value : result?.values;
    if (!result || !Array.isArray(values) || (parsed.status !== true && parsed.status !== undefined)) {
        return { ok: false, failure: "unrecognisedAnswer" };
    }
    return { ok: true, records: values.filter(isObject), moreRecords: result[MORE_RECORDS] === true };
}
