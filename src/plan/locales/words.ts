import type { PayLine } from "../types.js";

/** The formulas a run writes into its trace, by kind (see `traceText.ts`). @internal */
export type FormulaId =
  | "column"
  | "indicator"
  | "targetDecomposed"
  | "targetPerPerson"
  | "targetPlan"
  | "targetProrated"
  | "attainmentHigher"
  | "attainmentLower"
  | "pointsLinear"
  | "pointsLinearDifficulty"
  | "pointsCurve"
  | "pointsCurveDifficulty"
  | "contribution"
  | "kpiScore"
  | "review360"
  | "review360Scaled"
  | "scoreKpiOnly"
  | "scoreNo360"
  | "scoreCombined"
  | "gradeBands"
  | "gradeForced"
  | "measureScore"
  | "measureKpi"
  | "fixed"
  | "fixedProrated"
  | "payProrate"
  | "targetIncentiveProrated"
  | "targetIncentive"
  | "commission"
  | "pool"
  | "award"
  | "promotion"
  | "total"
  // Issue 20: commission on collections and draws.
  | "commissionRelease"
  | "commissionClawback"
  | "commissionForgiven"
  | "draw"
  | "ramp"
  | "trueUp"
  // Issue 21: 360 calibration, competencies, training needs, two-level team pools.
  | "calibration360"
  | "competencies360"
  | "trainingBelowWeakest"
  | "trainingBelow"
  | "trainingWeakest"
  | "poolByTeam"
  // Issue 21: a target decomposed down the org tree.
  | "targetOrg";

/** The parameters a formula carries (KPI id, column, decimal places, mode…). @internal */
export type FormulaParams = Readonly<Record<string, string>>;

/** What a trace step is about, read from its dotted name. @internal */
export type StepLabel =
  | { readonly kind: "kpi"; readonly kpi: string; readonly part: "actual" | "target" | "difficulty" | "attainment" | "points" | "contribution" | "ramp" }
  | { readonly kind: "scoreKpi" | "score360" | "score" | "grade" | "prorate" | "fixed" | "incentiveMeasure" | "incentive" | "commission" | "promotionMeasure" | "promotion" | "total" | "calibration360" | "competencies360" | "trainingNeeds" }
  // Issue 20: a release, clawback or forgiven reversal of commission on collections; a draw.
  | { readonly kind: "commissionRelease" | "commissionClawback" | "commissionForgiven" | "draw" | "trueUp" }
  | { readonly kind: "fundingInput" | "pool" | "award"; readonly id: string };

/** The words of the trace, one table per locale. @internal */
export interface TraceWords {
  /** The label of a step (`revenue · 实际值`). */
  readonly label: (label: StepLabel) => string;
  /** A formula in words; `indicator` gets the measure's formula already in words as `measure`. */
  readonly formulas: Readonly<Record<FormulaId, (p: FormulaParams) => string>>;
  /** The formula of each indicator (`collected / billed` → `已回款 ÷ 开票额`), by the formula's text. */
  readonly measures: Readonly<Record<string, string>>;
  /** Indicator names (`collection-rate` → `回款率`). */
  readonly indicators: Readonly<Record<string, string>>;
  /** The names of a step's inputs. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Words for values that are words: `missing`, `empty`, `none`, `true`, `false`, policies (`marginal`, `basePay-score`, `calendar-days`, …). */
  readonly values: Readonly<Record<string, string>>;
  /** A curve's flags (`step`, `below=zero`, `above=extrapolate`, …). */
  readonly curveFlags: Readonly<Record<string, string>>;
  /** Rater groups known by name (`manager` → `上级`); other groups are shown as given. */
  readonly groups: Readonly<Record<string, string>>;
  /** Why a 360 group was left out (`no-ratings`, `below-min-raters`, `weight 0`). */
  readonly exclusions: Readonly<Record<string, string>>;
  /** `excluded (reason)` of a 360 group in the trace. */
  readonly excluded: (reason: string) => string;
  /** A commission tier: from `from`, `rate`. */
  readonly tier: (from: string, rate: string) => string;
  /** The separator between a step's inputs. */
  readonly separator: string;
  /** The promotion result: eligible, current streak, longest streak. */
  readonly promotionResult: (eligible: boolean, current: string, longest: string) => string;
}

/** The words {@link explain} uses, one table per locale. @internal */
export interface ExplainWords {
  readonly title: (who: string) => string;
  readonly colon: string;
  readonly team: string;
  readonly region: string;
  readonly role: string;
  readonly active: (from: string, to: string) => string;
  readonly basePay: string;
  readonly kpis: string;
  /** Issue 21: the scorecard's label, and the name of the plan's kpis as a scorecard. */
  readonly scorecard: string;
  readonly defaultScorecard: string;
  readonly kpiLine: (p: { name: string; actual: string; target: string; attainment: string; points: string; weight: string; contribution: string; difficulty: string | null }) => string;
  readonly missing: string;
  readonly indicators: string;
  readonly kpiScore: string;
  /** Issue 21: the scored sub-periods' heading, each sub-period's line and each of its KPIs. */
  readonly subPeriods: string;
  readonly subPeriodLine: (p: { label: string; start: string; end: string; score: string | null }) => string;
  readonly subPeriodKpiLine: (p: { name: string; actual: string; target: string; attainment: string; points: string }) => string;
  readonly review360: string;
  readonly review360None: string;
  /** The per-competency 360 scores and the training needs (培训需求) of a statement. */
  readonly competencies: string;
  readonly trainingNeeds: string;
  readonly trainingNone: string;
  readonly listSeparator: string;
  readonly groupLine: (p: { group: string; raters: number; mean: string | null; weight: string; included: boolean; reason: string }) => string;
  readonly score: string;
  readonly rank: (rank: number) => string;
  readonly grade: string;
  readonly calibrated: (from: string, reason: string, by?: string | null | undefined, at?: string | null | undefined) => string;
  readonly pay: string;
  readonly components: Readonly<Record<PayLine["component"], string>>;
  /** Issue 20: the names of the commission lines other than the commission itself (`clawback`, `draw`, `drawRecovery`). */
  readonly commissionLines: Readonly<Record<string, string>>;
  readonly total: string;
  readonly promotion: string;
  readonly promotionLine: (eligible: boolean, current: number, longest: number) => string;
  readonly traceTitle: string;
  readonly trace: TraceWords;
}
