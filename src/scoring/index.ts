// Public API of src/scoring/ — re-exports only (CONTRACT §5 plus documented extensions).

// Curves
export { evaluateCurve, curveSchema } from "./curve.js";
export type { Curve, CurvePoint } from "./curve.js";
export { compileCurve } from "./compileCurve.js";
export type { CurveEvaluator } from "./compileCurve.js";

// Scorecards
export { scoreKpis } from "./scoreKpis.js";
export { compileScorecard } from "./compileScorecard.js";
export type { KpiSpec, KpiValue, KpiLine, KpiScorecard, ScoreKpisOptions, Scorecard, ScorecardCallOptions } from "./compileScorecard.js";

// Rounded scoring and bulk runs
export { scoreRounded } from "./scoreRounded.js";
export type { RoundingPoints, ScoreRoundedOptions } from "./scoreRounded.js";
export { compileRoundedScorecard } from "./compileRoundedScorecard.js";
export type {
  DecimalRow,
  KpiColumns,
  NumericColumn,
  RoundedKpiColumns,
  RoundedScales,
  RoundedScorecard,
  RoundedScores,
  ScorecardColumns,
} from "./compileRoundedScorecard.js";

// Weights, composites, scales, teams
export { normalizeWeights } from "./normalizeWeights.js";
export { combineScores } from "./combineScores.js";
export type { ScorePart } from "./combineScores.js";
export { rescale } from "./rescale.js";
export type { ScaleRange } from "./rescale.js";
export { rollUp } from "./rollUp.js";
export type { RollUpOptions, TeamMember, TeamMemberShare, TeamScore } from "./rollUp.js";
