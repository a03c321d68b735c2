import { HOST_MESSAGE_MAX_LENGTH, hostErrorOf, isBusy } from "../../host/errors";

describe("hostErrorOf", () => {
    it("reads only the code and message of the script's rejection", () => {
        expect(hostErrorOf({ status: false, error: { code: "0x80040216", message: "Bad fetch", records: [{ msdyn_title: "secret" }] } })).toStrictEqual({ code: "0x80040216", message: "Bad fetch" });
        expect(hostErrorOf(new Error("secret customer data"))).toBeUndefined();
        expect(hostErrorOf({ status: true, error: { message: "x" } })).toBeUndefined();
    });

    it("cuts a long message, so that it stays readable under Details", () => {
        const long = "x".repeat(HOST_MESSAGE_MAX_LENGTH + 50);
        expect(hostErrorOf({ status: false, error: { message: long } })?.message).toBe(`${"x".repeat(HOST_MESSAGE_MAX_LENGTH - 1)}…`);
        const exact = "y".repeat(HOST_MESSAGE_MAX_LENGTH);
        expect(hostErrorOf({ status: false, error: { message: exact } })?.message).toBe(exact);
    });

    it("keeps a numeric code as the decimal the host gave, from `code` or Xrm's `errorCode`", () => {
        expect(hostErrorOf({ status: false, error: { code: -2147015902, message: "m" } })).toStrictEqual({ code: "-2147015902", message: "m" });
        expect(hostErrorOf({ status: false, error: { errorCode: -2147015898 } })).toStrictEqual({ code: "-2147015898" });
        expect(hostErrorOf({ status: false, error: { code: 1.5, errorCode: "n/a" } })).toStrictEqual({ code: "n/a" });
    });

    it("reads the HTTP status and Retry-After (in seconds) where the error carries them, and ignores nonsense", () => {
        expect(hostErrorOf({ status: false, error: { status: 429, retryAfter: 120 } })).toStrictEqual({ status: 429, retryAfterMs: 120_000 });
        expect(hostErrorOf({ status: false, error: { httpStatusCode: 429, "Retry-After": " 7 " } })).toStrictEqual({ status: 429, retryAfterMs: 7_000 });
        for (const retryAfter of [-5, 0, "soon", "Sun, 06 Dec 2026 09:10:00 GMT", "1e3", 10 ** 9, NaN, null, {}]) {
            expect(hostErrorOf({ status: false, error: { retryAfter, status: "429" } })).toStrictEqual({});
        }
    });
});

describe("isBusy", () => {
    it("recognises Dataverse's three service protection codes, in hex (any case) or signed decimal", () => {
        const written = [
            ["0x80072322", "-2147015902", "0X80072322"],
            ["0x80072321", "-2147015903"],
            ["0x80072326", "-2147015898"],
        ];
        for (const code of written.flat()) expect([code, isBusy({ code })]).toEqual([code, true]);
        expect(isBusy(hostErrorOf({ status: false, error: { errorCode: -2147015898 } })!)).toBe(true);
    });

    it("recognises HTTP 429 whatever the code, and nothing else", () => {
        expect(isBusy({ status: 429 })).toBe(true);
        expect(isBusy({ code: "0x80040216", status: 429 })).toBe(true);
        // Neighbours of the busy codes, other failures and codes that only look numeric are not busy.
        for (const code of ["0x80072323", "0x80040216", "-2147015901", "0x80041103", "80072322", "0x180072322", "0x80072322 ", "2147951394", "", "busy"]) {
            expect([code, isBusy({ code })]).toEqual([code, false]);
        }
        expect(isBusy({ status: 503 })).toBe(false);
        expect(isBusy({})).toBe(false);
    });
});
