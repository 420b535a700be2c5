import { readRunAudit, readRunOptions, type RunPlanOptions } from "./runOptions.js";
import { runEngine } from "./runEngine.js";
import { parsePlan, type Plan, type PlanData, type PlanDataStream, type PlanInput } from "./schema.js";
import type { LazyPayoutRun, Statement } from "./types.js";
import { PayscoreError, describeValue, guard, guardFunction } from "../errors/index.js";

/**
 * Runs a plan like `runPlan` but makes the statements on request (按需生成结算单): returns the
 * run's header, totals and pool report, `size`, and `statementAt(i)`, which builds the `i`-th
 * statement (by person id) from the run's columnar results each time it is called — so a run
 * of a million people does not hold a million statements, and a writer can stream them.
 * `statementAt(i)` is identical to `runPlan(plan, data, options).statements[i]`.
 *
 * Every plan runs on one **engine**, a pipeline of named stages over columns (one entry per
 * person, in id order): read inputs → indicators and targets → KPI scores → 360 → composite
 * score → rank and grade → pay → pools and awards → promotion → statements. KPIs are scored
 * with exact integers (`compileRoundedScorecard`; a row whose values leave that domain on its
 * Decimal path), ranked and graded with `forcedDistributionColumns` (bands: `gradeByScore` once
 * per distinct score), and pools shared with `allocatePoolColumns` in integer minor units
 * (`allocatePool` where weights leave the integer domain). Ratings may be any iterable: they
 * are read once, as they come, and kept as numbers, not objects. A fault in the data or the
 * plan is reported with its path. `path` is always `"columnar"`.
 *
 * Statements share the parts that are equal for many people, and those parts are
 * frozen, so no statement can change another's: the empty `indicators` and `trace` lists, one
 * `grade` object per grade, and with a single pool one `pay` list per amount (`runPlan` also
 * shares a KPI line between people with the same actual and target). Each statement has its own
 * `person`, `kpis` list and KPI lines. A statement is still plain JSON-ready data, deep-equal to
 * the reference's.
 *
 * @category Plans and runs
 * @param plan - the plan (validated here)
 * @param data - the rows (one per person), 360 ratings and history; see `PlanData`
 * @param options - `trace` (default true), `inputs` and `runAt` (see `runPlan`)
 * @returns `{ …header, totals, pools, size, statementAt, lineIds, path }`
 * @throws {PayscoreError} as `runPlan`; `statementAt` throws `OUT_OF_RANGE` for an index outside 0…size − 1
 *
 * @example
 * ```ts
 * const run = runPlanLazy(
 *   { version: 1, currency: "CNY", period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
 *     kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
 *     pay: { pools: [{ id: "bonus", budget: 3000 }] } },
 *   { rows: [{ id: "p02", sales: "90000" }, { id: "p01", sales: "120000" }] },
 *   { trace: false },
 * );
 * run.path; // "columnar"
 * run.size; // 2
 * run.statementAt(0).score; // "120"  (p01: 100 · 120000 / 100000)
 * run.statementAt(0).totalPayout; // "1714.29"  (3000 · 120 / 210)
 * ```
 */
export function runPlanLazy(plan: Plan | PlanInput, data: PlanData | PlanDataStream, options?: RunPlanOptions | undefined): LazyPayoutRun {
  return guard(computeRunPlanLazy, [plan, data, options]);
}

function computeRunPlanLazy(plan: Plan | PlanInput, data: PlanData | PlanDataStream, options?: RunPlanOptions | undefined): LazyPayoutRun {
  const p = parsePlan(plan);
  const run = runEngine(p, plan, data, readRunOptions(options), false, readRunAudit(options));
  // statementAt is called by the caller, with the caller's index: it is an export too.
  const statementAt = (index: number): Statement => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= run.size) {
      throw new PayscoreError("OUT_OF_RANGE", `index must be a whole number from 0 to ${run.size - 1}; got ${describeValue(index)}`, { path: ["index"] });
    }
    return run.statementAt(index);
  };
  return { ...run, statementAt: guardFunction(statementAt) };
}
