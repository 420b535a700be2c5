import { PayscoreError } from "../errors/index.js";
import { bulkRun } from "./bulkRun.js";
import { readRunOptions, runPerPerson, type RunPlanOptions } from "./perPersonRun.js";
import { parsePlan, type Plan, type PlanData } from "./schema.js";
import type { LazyPayoutRun, PayLine, PayoutRun } from "./types.js";

/**
 * Runs a plan like `runPlan` but makes the statements on request (按需生成结算单): returns the
 * run's header, totals and pool report, `size`, and `statementAt(i)`, which builds the `i`-th
 * statement (by person id) from the run's columnar results each time it is called — so a run
 * of a million people does not hold a million statements, and a writer can stream them.
 * `statementAt(i)` is identical to `runPlan(plan, data, options).statements[i]`.
 *
 * With `{ trace: false }` the run takes the **columnar path** when the plan allows it: each
 * column is read once, KPIs are scored with exact integers (`compileRoundedScorecard`), ranked
 * and graded on a forced curve with `forcedDistributionColumns` (bands: `gradeByScore` once per
 * distinct score), and pools are shared with `allocatePool` in integer minor units. It applies
 * to plans whose KPIs read their actual from a column and their target from the plan or a
 * column, without a roster (`people`), prorated targets, a 360 review, calibration overrides,
 * fixed pay, a target incentive, commission, team pools, pools weighted or capped by base pay,
 * awards or promotion, and to data of plain rows without ratings or history. Everything else —
 * traces, those features, and any fault in the data — runs the **per-person path** (Decimals,
 * one person at a time), which is the reference: both give the same statements, digit for
 * digit, and the per-person path reports faults with their paths. `path` tells which ran.
 *
 * Columnar statements share the parts that are equal for many people, and those parts are
 * frozen, so no statement can change another's: the empty `indicators` and `trace` lists, one
 * `grade` object per grade, and with a single pool one `pay` list per amount (`runPlan` also
 * shares a KPI line between people with the same actual and target). Each statement has its own
 * `person`, `kpis` list and KPI lines. A statement is still plain JSON-ready data, deep-equal to
 * the per-person path's.
 *
 * @param plan - the plan (validated here)
 * @param data - the rows (one per person), 360 ratings and history; see `PlanData`
 * @param options - `trace` (default true)
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
export function runPlanLazy(plan: Plan, data: PlanData, options?: RunPlanOptions | undefined): LazyPayoutRun {
  const p = parsePlan(plan);
  const trace = readRunOptions(options);
  if (!trace) {
    const bulk = bulkRun(p, plan, data);
    if (bulk !== undefined) return bulk;
  }
  return lazyOf(runPerPerson(p, plan, data, trace));
}

/** A materialized run as a lazy one. */
function lazyOf(run: PayoutRun): LazyPayoutRun {
  const { statements, ...header } = run;
  const kpis: string[] = [];
  const pay: { component: PayLine["component"]; id: string }[] = [];
  const seenKpis = new Set<string>();
  const seenPay = new Set<string>();
  for (const statement of statements) {
    for (const line of statement.kpis) {
      if (!seenKpis.has(line.id)) {
        seenKpis.add(line.id);
        kpis.push(line.id);
      }
    }
    for (const line of statement.pay) {
      const key = `${line.component}\u0000${line.id}`;
      if (!seenPay.has(key)) {
        seenPay.add(key);
        pay.push({ component: line.component, id: line.id });
      }
    }
  }
  const size = statements.length;
  return {
    ...header,
    size,
    statementAt: (index) => {
      const statement = Number.isInteger(index) ? statements[index] : undefined;
      if (statement === undefined) {
        throw new PayscoreError("OUT_OF_RANGE", `statementAt: index must be a whole number from 0 to ${size - 1}; got ${String(index)}`, { path: ["index"] });
      }
      return statement;
    },
    lineIds: { kpis, pay },
    path: "per-person",
  };
}
