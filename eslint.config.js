import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "docs/api/**", "coverage/**", "reports/**", ".stryker-tmp/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-globals": ["error", "isNaN", "isFinite"],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**"],
    rules: {
      // The library is pure: no I/O, no clock, no randomness outside src/cli/.
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "process"] }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "No clock in the library." },
        { object: "Math", property: "random", message: "No randomness in the library." },
      ],
      "no-console": "error",
    },
  },
  {
    files: ["bench/**", "examples/**", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
