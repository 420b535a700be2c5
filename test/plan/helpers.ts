import { readFileSync } from "node:fs";
import { PayscoreError } from "../../src/errors/index.js";
import type { Plan, PlanData } from "../../src/plan/index.js";

/** The shared fixture (test/fixtures/plan), fresh copies each call. */
export function fixturePlan(): Plan {
  return JSON.parse(readFileSync(new URL("../fixtures/plan/plan.json", import.meta.url), "utf8")) as Plan;
}

export function fixtureData(): PlanData {
  return JSON.parse(readFileSync(new URL("../fixtures/plan/data.json", import.meta.url), "utf8")) as PlanData;
}

/** The fixture plan without the 360 part (KPI score only). */
export function kpiOnlyPlan(): Plan {
  const { review360: _r, score: _s, ...rest } = fixturePlan();
  return rest as Plan;
}

/** Runs `run`, expects a PayscoreError, and returns its code, path and message. */
export function failure(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof PayscoreError) return { code: error.code, path: error.path, message: error.message };
    throw error;
  }
  throw new Error("expected a PayscoreError");
}

/**
 * What a run gives, as one comparable text: its JSON, or a PayscoreError's code and message (any
 * other throw fails the test). The engine and the oracle must give the same text.
 */
export function outcome(compute: () => unknown): string {
  try {
    return JSON.stringify(compute());
  } catch (error) {
    if (error instanceof PayscoreError) return `${error.code}: ${error.message}`;
    throw error;
  }
}
