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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A Retry-After longer than a day is nonsense, not advice. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** Retry-After as HTTP sends it: whole seconds, or a date; text or number. */
function retryAfterOf(value: unknown, now: number): number | undefined {
    if (typeof value !== "number" && typeof value !== "string") return undefined;
    const text = String(value).trim();
    const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
    return Number.isFinite(ms) && ms > 0 && ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
}

const codeOf = (code: unknown): string | undefined =>
    typeof code === "string" && code.trim() !== "" ? code.trim() : typeof code === "number" && Number.isSafeInteger(code) ? String(code) : undefined;

/**
 * The host's code, message, HTTP status and Retry-After from the script's rejection; nothing else is
 * read (the rest may carry record content). Undefined when the reason is not the script's rejection.
 */
export function hostErrorOf(reason: unknown, now = Date.now()): HostError | undefined {
    if (!isObject(reason) || reason.status !== false || !isObject(reason.error)) return undefined;
    const { error } = reason;
    const found: HostError = {};
    const code = codeOf(error.code) ?? codeOf(error.errorCode);
    if (code !== undefined) found.code = code;
    if (typeof error.message === "string") found.message = capped(error.message);
    const status = [error.status, error.httpStatusCode, error.statusCode].find((value) => Number.isInteger(value));
    if (typeof status === "number") found.status = status;
    const retryAfterMs = retryAfterOf(error.retryAfter ?? error["Retry-After"], now);
    if (retryAfterMs !== undefined) found.retryAfterMs = retryAfterMs;
    return found;
}

/** Dataverse's service protection limits, per user over 5 minutes: requests, execution time, concurrent requests. */
export const BUSY_CODES: readonly number[] = [0x80072322, 0x80072321, 0x80072326];

/** A code as an unsigned 32-bit number, whether the host wrote it in hex or as a signed or unsigned decimal. */
function codeNumber(code: string): number | undefined {
    const value = /^0x[0-9a-f]{1,8}$/i.test(code) ? parseInt(code.slice(2), 16) : /^-?\d{1,10}$/.test(code) ? Number(code) : NaN;
    return Number.isSafeInteger(value) && value >= -(2 ** 31) && value < 2 ** 32 ? value >>> 0 : undefined;
}

/**
 * Dataverse is busy (its service protection limits, HTTP 429), not out of order: the request was
 * fine and will be answered once the user's 5-minute window has room again.
 */
export function isBusy(error: HostError): boolean {
    if (error.status === 429) return true;
    const code = error.code === undefined ? undefined : codeNumber(error.code);
    return code !== undefined && BUSY_CODES.includes(code);
}
