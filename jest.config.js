/** Three jest projects: the control's own tests in jsdom, the solution-zip tests and the docs' commands in node. */
// Transpile only (isolatedModules): the typecheck step checks the types once, so jest need not per file.
const tsJest = ["ts-jest", { tsconfig: "tsconfig.jest.json" }];

/** @type {import('jest').Config} */
module.exports = {
    // npm test runs jest beside the browser suite on two cores: a rendering test may wait its turn for seconds.
    testTimeout: 30_000,
    projects: [
        {
            displayName: "unit",
            testEnvironment: "jsdom",
            roots: ["<rootDir>/test"],
            testMatch: ["<rootDir>/test/{unit,components,lifecycle,simulator}/**/*.test.ts?(x)"],
            setupFilesAfterEnv: ["<rootDir>/test/support/setup.ts"],
            transform: { "^.+\\.tsx?$": tsJest },
        },
        {
            displayName: "solution",
            testEnvironment: "node",
            roots: ["<rootDir>/test"],
            testMatch: ["<rootDir>/test/solution/**/*.test.ts"],
            transform: { "^.+\\.tsx?$": tsJest },
        },
        {
            displayName: "docs",
            testEnvironment: "node",
            roots: ["<rootDir>/test"],
            testMatch: ["<rootDir>/test/docs/**/*.test.ts"],
            transform: { "^.+\\.tsx?$": tsJest },
        },
    ],
};
