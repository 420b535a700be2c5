import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// Mutation testing runs only the tests of the folders whose code is mutated (numeric,
// compensation, grading, scoring): the rest of the suite kills no extra mutants there and would
// triple the run time. Under mutation each property runs at most MUTATION_FC_RUNS (default 50)
// cases and stops at its first failure (test/mutation/fastCheckCapped.ts): some properties run
// 300–1,000 cases in the everyday suite, which times thousands of mutant runs would not fit in
// CI's time. A mutant that survives 50 random cases is reported as surviving, not hidden.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^fast-check$/, replacement: fileURLToPath(new URL("./test/mutation/fastCheckCapped.ts", import.meta.url)) },
      { find: /^fast-check-real$/, replacement: require.resolve("fast-check") },
    ],
  },
  test: {
    include: ["test/{numeric,compensation,grading,scoring}/**/*.test.ts"],
    // One module graph for all test files: without isolation a mutant run imports the library
    // once instead of once per test file (2 s instead of 16 s for the four folders). Safe here
    // because the library is pure and keeps no module state, and static mutants are ignored
    // (ignoreStatic), so every mutant is switched on at run time, not at import.
    isolate: false,
  },
});
