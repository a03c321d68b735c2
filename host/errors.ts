import { isObject } from "./answer";
import type { GetConversationsInput } from "./port";

/**
 * What the host says when it refuses: the script's rejection `{ status: false, error }`, where `error`
 * is Dataverse's OData error (`{ code, message }`), an Xrm-style one (`errorCode`, a number) or an Error.
 */

/** What the host said when it refused a request: shown as text, never as markup. */
export interface HostError {
    /** As the host gave it: hex text ("0x80072322"), or a number as decimal text ("-2147015902"). */
    code?: string;
    message?: string;
    /** The HTTP status, where the error carries one. */
    status?: number;
    /** How long the server asked to be left alone (its Retry-After), where the error carries it. */
    retryAfterMs?: number;
}

/** A message longer than this is cut: it is shown to the agent, and an admin needs only its start. */
export const HOST_MESSAGE_MAX_LENGTH = 400;

const capped = (text: string): string => (text.length > HOST_MESSAGE_MAX_LENGTH ? `${text.slice(0, HOST_MESSAGE_MAX_LENGTH - 1)}…` : text);

/** A Retry-After longer than a day is nonsense, not advice. */
const MAX_RETRY_AFTER_S = 24 * 60 * 60;

/** Retry-After in seconds, as Dataverse sends it (number or text); the header's other form, a date, is not read. */
function retryAfterOf(value: unknown): number | undefined {
    const seconds = typeof value === "number" || (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value)) ? Number(value) : 0;
    return seconds > 0 && seconds <= MAX_RETRY_AFTER_S ? seconds * 1000 : undefined;
}

const codeOf = (code: unknown): string | undefined =>
    typeof code === "string" && code.trim() !== "" ? code.trim() : typeof code === "number" && Number.isSafeInteger(code) ? String(code) : undefined;

/**
 * The host's code, message, HTTP status and Retry-After from the script's rejection; nothing else is
 * read (the rest may carry record content). Undefined when the reason is not the script's rejection.
 */
export function hostErrorOf(reason: unknown): HostError | undefined {
    if (!isObject(reason) || reason.status !== false || !isObject(reason.error)) return undefined;
    const { error } = reason;
    const found: HostError = {};
    const code = codeOf(error.code) ?? codeOf(error.errorCode);
    if (code !== undefined) found.code = code;
    if (typeof error.message === "string") found.message = capped(error.message);
    const status = error.status ?? error.httpStatusCode;
    if (typeof status === "number" && Number.isInteger(status)) found.status = status;
    const retryAfterMs = retryAfterOf(error.retryAfter ?? error["Retry-After"]);
    if (retryAfterMs !== undefined) found.retryAfterMs = retryAfterMs;
    return found;
}

/**
 * Dataverse's service protection limits, per user over 5 minutes: requests (0x80072322), execution time
 * (0x80072321) and concurrent requests (0x80072326), in hex or as signed decimals.
 */
const BUSY_CODE = /^(0x8007232[126]|-214701590[23]|-2147015898)$/i;

/**
 * Dataverse is busy (its service protection limits, HTTP 429), not out of order: the request was
 * fine and will be answered once the user's 5-minute window has room again.
 */
export function isBusy(error: HostError): boolean {
    return error.status === 429 || BUSY_CODE.test(error.code ?? "");
}

/** Dataverse's code for a query naming a column the table does not have. */
export const UNKNOWN_ATTRIBUTE_CODE = "0x80041103";

/** The property that sent a column the table lacks, and the column. */
export interface UnknownColumn {
    setting: "columns" | "orderBy";
    column: string;
}

/**
 * Reads Dataverse's "entity doesn't contain attribute with Name = 'x'" refusal: which column, and
 * whether Columns or Order sent it. Undefined when the refusal is another, or names a column the
 * request did not send.
 */
export function unknownColumnOf(error: HostError, input: GetConversationsInput): UnknownColumn | undefined {
    if (error.code?.toLowerCase() !== UNKNOWN_ATTRIBUTE_CODE) return undefined;
    const column = /attribute with Name = '([^']+)'/i.exec(error.message ?? "")?.[1]?.toLowerCase();
    if (!column) return undefined;
    if (input.attributes?.some((name) => name.toLowerCase() === column)) return { setting: "columns", column };
    if (input.orderBy?.some((key) => key.attributeName.toLowerCase() === column)) return { setting: "orderBy", column };
    return undefined;
}
