import type { RunInputs } from "./runOptions.js";

/**
 * One step of a statement's arithmetic, all values as decimal strings, so a person can redo it
 * by hand: `{ step: "kpi.sales.attainment", formula: "actual / target", inputs: { actual:
 * "115000", target: "100000" }, result: "1.15" }`.
 */
export interface TraceStep {
  /** A dotted name: `kpi.<id>.actual`, `kpi.<id>.target`, `score.kpi`, `pay.fixed`, … */
  readonly step: string;
  /** The formula in plain notation, with the input names. */
  readonly formula: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly result: string;
}

/** A person as the run saw them (from the plan's `people` or the data row). */
export interface StatementPerson {
  readonly id: string;
  readonly name: string | null;
  readonly team: string | null;
  readonly region: string | null;
  readonly role: string | null;
  /** First and last day active within the period (the period's ends when not given). */
  readonly activeFrom: string;
  readonly activeTo: string;
  readonly basePay: string | null;
}

/** A derived indicator (collection rate, margin, NPS…) computed for a KPI's actual. */
export interface IndicatorLine {
  readonly kpi: string;
  readonly indicator: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly value: string;
}

/** One KPI of a person's scorecard. Ratios are plain (1.15 = 115 %); `null` = missing. */
export interface StatementKpiLine {
  readonly id: string;
  readonly name: string | null;
  readonly category: string | null;
  readonly actual: string | null;
  readonly target: string | null;
  readonly attainment: string | null;
  readonly points: string;
  readonly weight: string;
  readonly difficulty: string;
  /** weight · points (the difficulty is already in the points: curve(attainment × difficulty)) */
  readonly contribution: string;
}

/**
 * One KPI of a sub-period (issue 21): its share of the period's target (`decomposeOverPeriods`),
 * the sub-period's actual (the data column `<actual column>@<label>`), and the attainment and
 * points as the period's are computed. `null` = none (no actual, or a sub-period the person was
 * not active in).
 */
export interface StatementSubPeriodKpiLine {
  readonly id: string;
  readonly target: string | null;
  readonly actual: string | null;
  readonly attainment: string | null;
  readonly points: string | null;
  /** The KPI's weight in the sub-period score (rescaled to sum 1 over the KPIs scored in it). */
  readonly weight: string | null;
  /** weight · points */
  readonly contribution: string | null;
}

/**
 * A sub-period's results in a statement (issue 21), when the plan's `subPeriods` is the object
 * form: for transparency only — the period's score and pay come from the period's totals.
 */
export interface StatementSubPeriod {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** The KPIs scored per sub-period, in plan order. */
  readonly kpis: readonly StatementSubPeriodKpiLine[];
  /** round(Σ contribution, rounding.score) over the KPIs with an attainment; `null` when none has one. */
  readonly score: string | null;
}

/** The 360 review part of a statement. */
export interface Review360Line {
  /** The aggregated score on the rating scale, or null when no group qualified. */
  readonly score: string | null;
  /** The score on 0–100 (rescaled from the plan's scale; equal to `score` without a scale). */
  readonly points: string | null;
  readonly groups: readonly {
    readonly group: string;
    readonly raters: number;
    readonly mean: string | null;
    readonly weight: string;
    readonly included: boolean;
    readonly reason?: string | undefined;
  }[];
  /**
   * Each competency's 360 score, when the plan's `review360` has `byCompetency` or
   * `trainingNeeds`: the competency's ratings alone, aggregated by group as the score is
   * (`score` on the rating scale, `points` on 0–100 with a scale, rounded), `null` when no group
   * had enough raters of it.
   */
  readonly competencies?: readonly Review360CompetencyLine[] | undefined;
  /** The training needs (培训需求), weakest first, when the plan's `review360` has `trainingNeeds`. */
  readonly trainingNeeds?: readonly string[] | undefined;
}

/** One competency's 360 score in a statement. */
export interface Review360CompetencyLine {
  readonly competency: string;
  readonly score: string | null;
  readonly points: string | null;
}

/** One pay component, rounded to the currency's minor units. */
export interface PayLine {
  /** `fixed`, `targetIncentive`, `commission`, `pool`, `award`. */
  readonly component: "fixed" | "targetIncentive" | "commission" | "pool" | "award";
  /** The component's id: the pool or award id; the component name otherwise. */
  readonly id: string;
  readonly amount: string;
}

/** One person's results: every indicator, score, grade and payout, and the trace. */
export interface Statement {
  readonly person: StatementPerson;
  readonly indicators: readonly IndicatorLine[];
  readonly kpis: readonly StatementKpiLine[];
  /** Σ contribution of the KPI lines. */
  readonly kpiScore: string;
  /** Issue 21: each sub-period's targets, actuals and score, only when the plan's `subPeriods` is the object form. */
  readonly subPeriods?: readonly StatementSubPeriod[] | undefined;
  /**
   * Issue 21: the scorecard that scored the person — their role's, or `"default"` (the plan's
   * `kpis`) — present only when the plan has `scorecards`.
   */
  readonly scorecard?: string | undefined;
  readonly review360: Review360Line | null;
  /** The composite score (KPI score alone when the plan has no 360 part). */
  readonly score: string;
  /** Rank by score among everyone in the run, 1 = best; equal scores share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /**
   * The grade before calibration, the final grade and the override's reason; null without
   * grading. A calibrated grade also carries who decided (`by`) and when (`at`, `null` when the
   * plan's override does not say) — the audit record of the decision.
   */
  readonly grade: {
    readonly initial: string;
    readonly final: string;
    readonly reason: string | null;
    readonly by?: string | undefined;
    readonly at?: string | null | undefined;
  } | null;
  readonly pay: readonly PayLine[];
  /** Σ pay amounts. */
  readonly totalPayout: string;
  readonly promotion: { readonly eligible: boolean; readonly longest: number; readonly current: number } | null;
  /** The arithmetic step by step; empty when the run was made with `{ trace: false }`. */
  readonly trace: readonly TraceStep[];
}

/** A pool's report: budget, funding, what was allocated and what was left. */
export interface PoolReport {
  readonly id: string;
  readonly team: string | null;
  readonly budget: string;
  /** The funding ratio applied to the budget (1 without funding). */
  readonly fundingRatio: string;
  /** budget × fundingRatio, rounded to the currency's minor units: the amount allocated. */
  readonly funded: string;
  readonly allocated: string;
  /** funded − allocated (non-zero only when every eligible person is at their cap). */
  readonly unallocated: string;
  readonly allocations: readonly { readonly person: string; readonly amount: string; readonly capped: boolean }[];
  /** A two-level pool's (`byTeam`) first level: each team's weight and amount, teams by name. */
  readonly teams?: readonly { readonly team: string; readonly weight: string; readonly amount: string; readonly capped: boolean }[] | undefined;
  /**
   * Issue 21: a pool `per` team or role — each group (by name; "" for people without one), its
   * headcount, its part of the funded pool (by headcount) and what its members were allocated.
   */
  readonly groups?: readonly { readonly group: string; readonly people: number; readonly amount: string; readonly allocated: string; readonly unallocated: string }[] | undefined;
}

/** A team's result (团队得分): its members and its score by `rollUp`, rounded to `rounding.score`. */
export interface TeamResult {
  readonly team: string;
  /** The number of people on the team. */
  readonly people: number;
  readonly score: string;
}

/** Sums over all statements, per component. */
export interface RunTotals {
  readonly people: number;
  readonly fixed: string;
  readonly targetIncentive: string;
  readonly commission: string;
  readonly pool: string;
  readonly award: string;
  readonly payout: string;
}

/**
 * The result of {@link runPlan}: a JSON-ready report. Every amount and ratio is an exact decimal
 * string (`"12345.67"`), so `JSON.stringify(run)` round-trips and {@link diffRuns} can compare a
 * run read back from a file. Statements are sorted by person id (code-unit order).
 */
export interface PayoutRun {
  /** The payscore library version that made the run. */
  readonly version: string;
  /** `sha256:` + the SHA-256 of the plan's canonical JSON (keys sorted, no spaces). */
  readonly planHash: string;
  readonly planName: string | null;
  readonly currency: string;
  /** Decimal places of money (the currency's minor units) and the rounding mode. */
  readonly scale: number;
  readonly rounding: string;
  readonly period: { readonly start: string; readonly end: string; readonly label: string };
  /** The period split by the plan's `subPeriods` (`splitPeriod`); empty when the plan has none. */
  readonly subPeriods: readonly { readonly start: string; readonly end: string; readonly label: string }[];
  /**
   * The audit record of the input files, when the caller gives it (`runPlan`'s `inputs` option;
   * `payscore run` always does): each file's SHA-256 and name. Absent otherwise.
   */
  readonly inputs?: RunInputs | undefined;
  /** When the run was made (ISO 8601), only when the caller asks (`runAt`; `payscore run --stamp`). */
  readonly runAt?: string | undefined;
  readonly statements: readonly Statement[];
  readonly totals: RunTotals;
  readonly pools: readonly PoolReport[];
  /** Each roster team's score, teams by name (issue 21), when the plan has `teamScores` or a `byTeam` pool. */
  readonly teams?: readonly TeamResult[] | undefined;
}

/**
 * The result of {@link runPlanLazy}: a {@link PayoutRun} whose statements are made one at a
 * time, on request, from the run's columnar results — so a run of a million people never holds
 * a million statement objects. `statementAt(i)` equals `runPlan(…).statements[i]`.
 */
export interface LazyPayoutRun extends Omit<PayoutRun, "statements"> {
  /** The number of statements (people). */
  readonly size: number;
  /** The `i`-th statement (by person id, as in `PayoutRun.statements`), made on each call. */
  readonly statementAt: (index: number) => Statement;
  /**
   * Every KPI id and pay line (`component`, `id`) some statement carries, each in the order of
   * its first appearance over the statements: the columns of a one-row-per-person table.
   */
  readonly lineIds: {
    /** The competencies of the 360 statements' `competencies`, in order (issue 21); absent without them. */
    readonly competencies?: readonly string[] | undefined;
    readonly kpis: readonly string[];
    readonly pay: readonly { readonly component: PayLine["component"]; readonly id: string }[];
  };
  /**
   * How the run was computed: always `"columnar"` now that every plan runs on one engine.
   *
   * @deprecated kept for callers that read it; it no longer varies.
   */
  readonly path: "columnar";
}
