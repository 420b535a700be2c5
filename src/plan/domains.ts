// The domain functions runPlan calls, in one place. Each is imported through its folder's
// index.ts; the plan never re-implements a domain's arithmetic.
import { PayscoreError } from "../errors/index.js";
import type { Decimal, Numeric } from "../numeric/index.js";
export { gradeByScore, forcedDistribution, applyOverrides } from "../grading/index.js";
export { decomposeTarget, prorateTarget } from "../targets/index.js";
export { measure } from "../metrics/index.js";
export type { MeasurableIndicator } from "../metrics/index.js";
export { evaluateCurve, scoreKpis } from "../scoring/index.js";
export type { KpiSpec } from "../scoring/index.js";
export { tieredCommission, allocatePool, meetsStreak, composeBonus, fundPool, gradeMultiplier } from "../compensation/index.js";

/** The curve shape the plan passes on (the scoring module's `Curve`). */
export interface CurveInput {
  readonly points: readonly { readonly x: Numeric; readonly y: Numeric }[];
  readonly below?: "zero" | "clamp" | "extrapolate" | undefined;
  readonly above?: "clamp" | "extrapolate" | undefined;
  readonly step?: boolean | undefined;
}

function notYet(name: string): never {
  throw new PayscoreError("INVALID_ARGUMENT", `${name} is not wired into runPlan yet`);
}

// TODO(plan): replace each stub below with the import from its folder's index.ts once it lands.

export const combineScores = (_parts: readonly { id: string; score: Numeric; weight: Numeric }[]): Decimal => notYet("combineScores");
export const rescale = (_value: Numeric, _from: { min: Numeric; max: Numeric }, _to: { min: Numeric; max: Numeric }): Decimal => notYet("rescale");

export interface Review360Result {
  readonly score: Decimal | null;
  readonly groups: readonly { group: string; raters: number; mean: Decimal | null; weight: Decimal; included: boolean; reason?: "no-ratings" | "below-min-raters" }[];
}
export const aggregate360 = (
  _ratings: readonly { rater: string; group: string; score: Numeric; competency?: string }[],
  _options: { weights: Readonly<Record<string, Numeric>>; minRaters?: number | Readonly<Record<string, number>>; competencyWeights?: Readonly<Record<string, Numeric>> },
): Review360Result => notYet("aggregate360");


