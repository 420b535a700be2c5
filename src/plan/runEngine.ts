import { parseWith } from "../errors/index.js";
import { inPlanTermsOf } from "./planErrorMap.js";
import { runHeader } from "./runHeader.js";
import type { RunAudit } from "./runOptions.js";
import { planDataSchema, type Plan, type PlanData, type PlanDataStream, type PlanInput } from "./schema.js";
import { awardStage } from "./stages/awardStage.js";
import { collectionsStage } from "./stages/collectionsStage.js";
import { drawStage } from "./stages/drawStage.js";
import { trueUpStage } from "./stages/trueUpStage.js";
import { compositeStage } from "./stages/compositeStage.js";
import { conservationCheck } from "./stages/conservationCheck.js";
import { gradeStage } from "./stages/gradeStage.js";
import { kpiInputStage } from "./stages/kpiInputStage.js";
import { kpiStage } from "./stages/kpiStage.js";
import { listIndicatorStage } from "./stages/listIndicatorStage.js";
import { payStage } from "./stages/payStage.js";
import { poolStage } from "./stages/poolStage.js";
import { promotionStage } from "./stages/promotionStage.js";
import { readInputs } from "./stages/readInputs.js";
import { review360Stage } from "./stages/review360Stage.js";
import { runContext } from "./stages/RunContext.js";
import { scorecardKpiStage, scorecardRunPlan } from "./stages/scorecardStage.js";
import { statementStage } from "./stages/statementStage.js";
import { subPeriodStage } from "./stages/subPeriodStage.js";
import { teamStage } from "./stages/teamStage.js";
import type { LazyPayoutRun } from "./types.js";

/**
 * The run engine (核算引擎): one staged pipeline for every plan, each stage a column per person.
 *
 * 1. read inputs — data shape, roster (per person)
 * 2. indicators and targets (per person)
 * 3. KPI scores — exact integer columns (per person); with role scorecards, 2 and 3 run per
 *    scorecard over its people (scorecardStage.ts); the scored sub-periods, when the plan asks
 *    (per person, for the statements only)
 * 4. 360 review — ratings read once as a stream, then per person
 * 5. composite score (per person)
 * 6. rank and grade — global: needs every score
 * 7. pay — fixed, target incentive, commission (per person); commission on collections (one
 *    pass over the transactions) and the draw against the commission (per person)
 * 8. pools (global per pool) and awards
 * 9. promotion (per person)
 * 10. statements and traces — made one at a time, on request
 * 11. conservation check — pools, totals and each statement add up to the minor unit
 *
 * Per-person stages depend only on that person's row (and, for the 360, ratings); the global
 * stages are where a run split across workers would meet (see the guide's "Large runs").
 *
 * @internal
 * @param p - the parsed plan
 * @param plan - the plan as given (for its hash)
 * @param data - the data as given
 * @param trace - whether to build each statement's trace
 * @param shareLines - whether statements share their repeated KPI lines (for a caller that
 *   keeps every statement)
 * @param audit - the caller's input hashes and time stamp, for the header
 * @returns the lazy run
 * @throws {PayscoreError} for any fault in the data or in the plan as it meets the data
 *
 * @example
 * ```ts
 * const plan = parsePlan({ version: 1, currency: "CNY", period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
 *   kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }] });
 * runEngine(plan, plan, { rows: [{ id: "p01", sales: "120000" }] }, false, false).statementAt(0).score; // "120"
 * ```
 */
export function runEngine(p: Plan, plan: Plan | PlanInput, data: PlanData | PlanDataStream, trace: boolean, shareLines: boolean, audit: RunAudit = {}): LazyPayoutRun {
  // The history's period names are for the trace only; the other inputs go to stage 1 as given.
  const { historyPeriods, rest } = splitHistoryPeriods(data);
  const given = readInputs(p, rest);
  // Issue 21: with role scorecards, the later stages read the run's KPI list (every scorecard's ids).
  const ctx = runContext(scorecardRunPlan(p), given.people, trace);
  // Issue 21: the list indicators, each list read once; with scorecards, stages 2 and 3 per scorecard.
  const lists = { deals: given.deals, responses: given.responses, activities: given.activities, tickets: given.tickets };
  const byCard = p.scorecards === undefined ? undefined : scorecardKpiStage(ctx, p, lists, shareLines);
  const inputs = byCard?.inputs ?? kpiInputStage(ctx, listIndicatorStage(ctx, lists.deals, lists.responses, lists.activities, lists.tickets));
  const kpis = byCard?.kpis ?? kpiStage(ctx, inputs, shareLines);
  // Issue 21: the scored sub-periods (for the statements only).
  const subPeriods = subPeriodStage(ctx, inputs);
  // aggregate360 names its options `options.weights`; the plan calls them `review360.weights`.
  const review = inPlanTermsOf("options", ["review360"], () => review360Stage(ctx, given.ratings));
  const scores = compositeStage(ctx, kpis, review);
  const grades = gradeStage(ctx, scores);
  const pay = payStage(ctx, { inputs, kpis, scores, grades });
  // Issue 20: commission on collections, then the draw against the commission, then the true-up.
  const collections = collectionsStage(ctx, given.transactions);
  const earned = [...(pay.commission === undefined ? [] : [pay.commission]), ...collections.map((column) => column.amounts)];
  const drawn = [...collections, ...drawStage(ctx, earned)];
  const sofar = [...(pay.commission === undefined ? [] : [pay.commission]), ...drawn.map((column) => column.amounts)];
  const commissionLines = [...drawn, ...trueUpStage(ctx, sofar, given.paidToDate, given.forgivenToDate)];
  // Issue 21: team scores by rollUp, for the run's teams and two-level (byTeam) pools.
  const teams = teamStage(ctx, scores, inputs.target);
  const pools = poolStage(ctx, { kpis, scores, grades, teams });
  const awards = awardStage(ctx);
  const promotions = promotionStage(ctx, kpis, scores, given.history, historyPeriods);
  const statements = statementStage(ctx, { inputs, kpis, subPeriods, review, scores, grades, pay, pools, awards, promotions, commissionLines, scorecards: byCard?.scorecards }, shareLines);
  return conservationCheck({ ...runHeader(plan, p, ctx.scale, ctx.mode, audit), ...statements, pools: pools.reports, ...(teams === undefined ? {} : { teams: teams.results }), path: "columnar" }, p, ctx.scale, ctx.mode);
}

/**
 * The data without its `historyPeriods` (checked here: a list of names), and the names.
 *
 * @internal
 * @param data - the data as given
 * @returns the names and the rest of the data
 * @throws {PayscoreError} `INVALID_DATA` for names that are not a list of non-empty texts
 *
 * @example
 * ```ts
 * splitHistoryPeriods({ rows: [], history: {}, historyPeriods: ["2025-Q4"] }).historyPeriods; // ["2025-Q4"]
 * ```
 */
export function splitHistoryPeriods(data: PlanData | PlanDataStream): { historyPeriods: readonly string[] | undefined; rest: PlanData | PlanDataStream } {
  if (typeof data !== "object" || data === null || !Object.hasOwn(data, "historyPeriods")) return { historyPeriods: undefined, rest: data };
  const { historyPeriods, ...rest } = data;
  return { historyPeriods: parseWith(planDataSchema.shape.historyPeriods, historyPeriods, "INVALID_DATA", ["historyPeriods"]), rest };
}
