import { normalizeGuid } from "../../conversations/guid";

describe("normalizeGuid", () => {
    it("lower-cases and strips braces", () => {
        expect(normalizeGuid(" {7F3E2A10-4B5C-4D6E-8F90-A1B2C3D4E5F6} ")).toBe("7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6");
    });

    it("refuses what is not a GUID", () => {
        for (const text of ["", "7f3e2a10", "7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5fz", "{7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6", "x7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6"]) {
            expect(normalizeGuid(text)).toBeUndefined();
        }
    });
});
