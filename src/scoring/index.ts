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
