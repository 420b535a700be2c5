import { readRunAudit, readRunOptions, type RunPlanOptions } from "./runOptions.js";
import { runEngine } from "./runEngine.js";
import { parsePlan, type Plan, type PlanData, type PlanDataStream, type PlanInput } from "./schema.js";
import type { PayoutRun, Statement } from "./types.js";
import { guard } from "../errors/index.js";

export type { RunInputFile, RunInputs, RunPlanOptions } from "./runOptions.js";

/**
 * Runs a plan on a period's data: scores every person, grades, funds and allocates pools, pays,
 * and writes one {@link Statement} per person with a trace of every step.
 *
 * Order of work: roster → KPI actuals (a column or a derived indicator) and targets (a value, a
 * column, per person, or a decomposed total; prorated when the plan says so) → `scoreRounded`
 * (per-KPI difficulty: points = curve(attainment × difficulty)) →
 * `aggregate360` (rescaled onto 0–100 when the plan gives the rating scale) → `combineScores` → rank → grade
 * (`gradeByScore` or `forcedDistribution`, then `applyOverrides`) → pay → pools → awards →
 * promotion.
 *
 * Scores are rounded at the plan's rounding points (`plan.rounding`, each in decimal places,
 * with the plan's mode, default half-even), so a statement can be redone by hand:
 * - a derived indicator's value: `round(indicator, rounding.indicator)` (default 4);
 * - KPIs through `scoreRounded`: `a = round(attainment, rounding.attainment)` (default 4) →
 *   `points = round(curve(a × difficulty) or 100 × a × difficulty, rounding.points)` (default 2)
 *   → `contribution = weight × points` (exact) → `kpiScore = round(Σ contribution, rounding.score)`
 *   (default 2);
 * - the 360 points (the aggregate, rescaled onto 0–100 when the plan gives a scale):
 *   `round(·, rounding.points)`;
 * - the composite score: `round(kpiWeight × kpiScore + review360Weight × review360Points, rounding.score)`.
 *
 * Money is rounded to the currency's minor units, with the plan's rounding mode (default
 * half-even) unless said otherwise, at these points only:
 * - fixed pay: `round(basePay × share)`; with `pay.prorate` (`"calendar-days"` or
 *   `"business-days"`, counted with the plan's `calendar`), a person active part of the period
 *   gets `round(basePay × share × activeDays / periodDays)`, exact and rounded once (the default
 *   `"none"` pays everyone in full, as plans always were);
 * - target incentive (`composeBonus`): `incentive = round(targetAmount × curve(measure))` (×
 *   activeDays / periodDays inside the rounding under `pay.prorate`), then
 *   `amount = round(incentive × gradeMultiplier)` — two roundings, so each line can be redone
 *   by hand from the one above;
 * - commission: `round(tieredCommission(base, tiers))`;
 * - pool funding: `fundPool(budget, mean measure of the pool's people, curve)`, rounded down
 *   (never more than the curve funds); without funding the budget is rounded; then
 *   `allocatePool` shares it in exact minor-unit steps (caps rounded down), so
 *   `Σ allocations + unallocated = funded` exactly;
 * - awards: `round(amount)`.
 * The total payout is the exact sum of the rounded components. A `"score"` measure is the
 * composite score as a ratio (score ÷ 100); a `{ kpi }` measure is that KPI's attainment (0 when
 * missing). Decomposed and prorated targets are rounded (half-even, the targets module's rule) to
 * the currency's minor units. A person with no usable 360 score is scored on KPIs alone.
 *
 * Every plan runs on one engine (see {@link runPlanLazy}): a staged pipeline over columns, exact
 * integers where the values allow and Decimals where they do not, the same statements digit for
 * digit either way. With `{ trace: false }` parts equal for many people are shared and frozen,
 * KPI lines too: two people with the same actual and target of a KPI share its frozen line.
 *
 * Deterministic: statements are sorted by person id (code-unit order), and everything that
 * depends on order (decomposition and pool remainders, forced-distribution ties "by-order")
 * uses that order, so the same plan and data give byte-identical `JSON.stringify(run)` whatever
 * the order of the data rows.
 *
 * 绩效核算：一人一张结算单，附逐步计算过程。
 *
 * @category Plans and runs
 * @param plan - the plan (validated again here): a parsed {@link Plan} or a {@link PlanInput} as written (a fiscal-year period, say)
 * @param data - the rows (one per person), 360 ratings and history; see `PlanData`
 * @param options - `trace` (default true); `inputs`, the SHA-256 of each input file the caller
 *   read (`{ data: { file: "data.csv", sha256: "…" } }`), and `runAt`, an ISO date-time: both
 *   copied into the header as the run's audit record, absent unless given (no clock is read)
 * @returns the run: statements, totals, the pool report, the plan hash and the library version
 * @throws {PayscoreError} `INVALID_PLAN` for a plan that does not match the schema or names an unknown person;
 *   `INVALID_DATA` for bad data (path `["rows", index, column]`, `["ratings", index, field]`, `["history", person, index]`);
 *   a domain's own code (`ZERO_DENOMINATOR`, `INVALID_WEIGHTS`, `OUT_OF_RANGE`…) prefixed with the person and step
 *
 * @example
 * ```ts
 * const run = runPlan(
 *   { version: 1, currency: "CNY", period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
 *     kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
 *     pay: { commission: { base: { kpi: "sales" }, tiers: [{ from: 0, rate: 0.03 }, { from: 100000, rate: 0.05 }] } } },
 *   { rows: [{ id: "p01", sales: "120000" }] },
 * );
 * run.statements[0]?.score; // "120"  (100 · 120000 / 100000)
 * run.statements[0]?.totalPayout; // "4000.00"  (100000 · 3 % + 20000 · 5 %)
 * ```
 */
export function runPlan(plan: Plan | PlanInput, data: PlanData | PlanDataStream, options?: RunPlanOptions | undefined): PayoutRun {
  return guard(computeRunPlan, [plan, data, options]);
}

function computeRunPlan(plan: Plan | PlanInput, data: PlanData | PlanDataStream, options?: RunPlanOptions | undefined): PayoutRun {
  const p = parsePlan(plan);
  const trace = readRunOptions(options);
  const run = runEngine(p, plan, data, trace, !trace, readRunAudit(options));
  const statements = new Array<Statement>(run.size);
  for (let i = 0; i < run.size; i++) statements[i] = run.statementAt(i);
  return {
    version: run.version,
    planHash: run.planHash,
    planName: run.planName,
    currency: run.currency,
    scale: run.scale,
    rounding: run.rounding,
    period: run.period,
    subPeriods: run.subPeriods,
    ...(run.inputs === undefined ? {} : { inputs: run.inputs }),
    ...(run.runAt === undefined ? {} : { runAt: run.runAt }),
    statements,
    totals: run.totals,
    pools: run.pools,
    ...(run.teams === undefined ? {} : { teams: run.teams }),
  };
}
