import { defineConfig } from "vitest/config";

// Mutation testing runs only the tests of the folders whose code is mutated (numeric,
// compensation, grading, scoring): the rest of the suite kills no extra mutants there and would
// triple the run time.
export default defineConfig({
  test: {
    include: ["test/{numeric,compensation,grading,scoring}/**/*.test.ts"],
  },
});
