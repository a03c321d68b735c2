import js from "@eslint/js";
import tseslint from "typescript-eslint";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import promise from "eslint-plugin-promise";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
    { ignores: ["node_modules/**", "out/**", "generated/**", "obj/**", "bin/**", "coverage/**", "test-results/**", "Solutions/**/bin/**", "Solutions/**/obj/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            globals: { ...globals.browser, ComponentFramework: "readonly" },
            parserOptions: { project: "./tsconfig.test.json", tsconfigRootDir: import.meta.dirname },
        },
        plugins: {
            "@microsoft/power-apps": powerApps,
            promise,
            "react-hooks": reactHooks,
        },
        rules: {
            ...powerApps.configs.paCheckerHosted.rules,
            ...promise.configs.recommended.rules,
            ...reactHooks.configs.recommended.rules,
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
            eqeqeq: ["error", "smart"],
            "no-console": ["error", { allow: ["warn", "error"] }],
        },
    },
    {
        files: ["test/**/*.ts", "test/**/*.tsx", "simulator/**/*.ts", "scripts/**/*.ts"],
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: {
            "no-console": "off",
            "@typescript-eslint/unbound-method": "off",
        },
    },
);
