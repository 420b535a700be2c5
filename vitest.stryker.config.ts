import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// Mutation testing runs only the tests of the folders whose code is mutated (numeric,
// compensation, grading, scoring): the rest of the suite kills no extra mutants there and would
// triple the run time. Property tests run at most MUTATION_FC_RUNS (default 25) cases each
// under mutation (test/mutation/fastCheckCapped.ts): thousands of mutant runs times hundreds of
// cases do not fit four folders into an hour, and a mutant that survives 25 random cases is
// reported, not hidden. CI's gate sets MUTATION_FC_RUNS to 300.
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
