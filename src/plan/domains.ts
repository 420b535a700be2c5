// The domain functions runPlan calls, in one place, each imported through its folder's
// index.ts: the plan never re-implements a domain's arithmetic.
import type { Numeric } from "../numeric/index.js";

export { splitPeriod } from "../period/index.js";
export { businessDays, calendarDays } from "../period/index.js";
export { gradeByScore, forcedDistribution, forcedDistributionColumns, applyOverrides } from "../grading/index.js";
export { decomposeTarget, prorateTarget } from "../targets/index.js";
// Issue 21: targets decomposed down the org tree.
export { decomposeTree } from "../targets/index.js";
export type { TargetNode, TargetTreeResult } from "../targets/index.js";
// Issue 21: targets per sub-period.
export { decomposeOverPeriods } from "../targets/index.js";
export { measure, INDICATOR_INPUTS } from "../metrics/index.js";
export type { MeasurableIndicator, Measured } from "../metrics/index.js";
// Issue 21: the list indicators.
export { pipelineValue, stageConversion, csat, salesCycleDays, weightedActivity, meanResolutionHours, aggregateMargin } from "../metrics/index.js";
export type { Activity, ActivityWeights, ResolvedComplaint } from "../metrics/index.js";
export { evaluateCurve, compileCurve, compileScorecard, compileRoundedScorecard, scoreRounded, combineScores, rescale, rollUp } from "../scoring/index.js";
export type { DecimalRow, KpiScorecard, NumericColumn, RoundedKpiColumns, RoundedScales, RoundedScores } from "../scoring/index.js";
export type { KpiSpec, ScoreRoundedOptions } from "../scoring/index.js";
export { aggregate360, calibrate360, compileAggregate360 } from "../review360/index.js";
export type { Calibrate360Options } from "../review360/index.js";
// The 360 rules' steps are internal to the domain (not in its index): the plan's 360 stage drives them.
export { Review360Rules } from "../review360/review360Rules.js";
export type { GroupPart, Keyed } from "../review360/review360Rules.js";
export type { Aggregate360Options, Rating360, Review360Result } from "../review360/index.js";
export { tieredCommission, allocatePool, allocatePoolColumns, allocateTeamPool, meetsStreak, composeBonus, fundPool, gradeMultiplier } from "../compensation/index.js";
// Issue 20: cash collected, draws, ramps and true-ups.
export { commissionOnCollections, applyDraw, rampTarget, trueUp } from "../compensation/index.js";
export type { CollectionEvent, CollectionInvoice, CollectionsResult, CollectionLine, DrawResult } from "../compensation/index.js";

/** The curve shape the plan passes on (the scoring module's `Curve`). */
export interface CurveInput {
  readonly points: readonly { readonly x: Numeric; readonly y: Numeric }[];
  readonly below?: "zero" | "clamp" | "extrapolate" | undefined;
  readonly above?: "clamp" | "extrapolate" | undefined;
  readonly step?: boolean | undefined;
}
