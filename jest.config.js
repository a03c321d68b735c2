/** Two jest projects: the control's own tests in jsdom, and the solution-zip tests in node. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.test.json" }];

/** @type {import('jest').Config} */
module.exports = {
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
    ],
};
