import * as z from "zod";
import { Decimal, isNumeric, minorUnits } from "../numeric/index.js";
import { fiscalYear } from "../period/index.js";
import { normalizeWeights } from "../scoring/index.js";
import { checkPlanRules, percentWeightsHint } from "./planChecks.js";
import { expectedMessage, expecting, indicatorMessage, planErrorMap, planIssuesError } from "./planErrorMap.js";
import { guard } from "../errors/index.js";
import { describeFields } from "./planFieldDocs.js";
import { checkSubPeriods } from "./subPeriodChecks.js";

// ─── Building blocks ─────────────────────────────────────────────────────────────────────────

/** What a number field takes, in the words of every message about one. */
const NUMBER = 'a number or decimal string, e.g. "0.4"';
/** The description of every number field that has no description of its own. */
const NUMBER_DESCRIPTION = 'A JSON number or a plain decimal string such as "1200.50"';

/**
 * A number in a plan: a JSON number or a plain decimal string (`"1200000.50"`, `"0.3"`) — the
 * numeric module's `jsonNumericSchema`, with the plan's messages.
 */
const num = z
  .union([z.number(), z.string()], { error: expecting(NUMBER) })
  .refine((value) => isNumeric(value), { error: expecting(NUMBER) })
  .meta({ description: NUMBER_DESCRIPTION });

/** A non-empty text (an id, a column, a grade), described as `what` in messages. */
const text = (what: string) => z.string({ error: expecting(what) }).min(1, { error: expecting(what) });
const name = text("a non-empty text in quotes");
const column = text('a data column name, e.g. "revenue"');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE = 'an ISO date yyyy-MM-dd, e.g. "2026-03-31"';
const isoDate = z
  .string({ error: expecting(DATE) })
  .regex(ISO_DATE, { error: expecting(DATE) })
  .refine(isRealDate, { error: (issue) => expectedMessage(issue.path, issue.input, "a day that exists in the calendar") });

/**
 * Whether a text is a day of the calendar written `yyyy-MM-dd` (as the plan's dates must be);
 * for the data's date cells, which the schema does not read.
 *
 * @internal
 * @param text - the cell's text
 * @returns whether it is written `yyyy-MM-dd` and that day exists
 * @example
 * ```ts
 * isIsoDay("2028-02-29"); // true (a leap day)
 * isIsoDay("2026-02-30"); // false
 * isIsoDay("2026-13-01"); // false
 * isIsoDay("2026-3-1"); // false
 * ```
 */
export function isIsoDay(text: string): boolean {
  return ISO_DATE.test(text) && isRealDate(text);
}

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function compare(a: unknown, b: unknown): number {
  return new Decimal(String(a)).comparedTo(new Decimal(String(b)));
}

/** A period, both ends inclusive (`{ "start": "2026-01-01", "end": "2026-03-31", "label": "2026-Q1" }`). */
const datesPeriodSchema = z
  .strictObject({ start: isoDate, end: isoDate, label: name })
  .refine((p) => p.start <= p.end, { message: "period.end must not be before period.start", path: ["end"] })
  .meta({ description: "A period, ISO dates, both ends inclusive" });

/**
 * Issue 21: a fiscal year as the period (财年), `{ "fiscalYear": 2026, "startMonth": 4 }`, made
 * into `{ start, end, label }` by `fiscalYear` when the plan is read: 2026-04-01 to 2027-03-31,
 * labelled `FY2026` (the year named is the calendar year the fiscal year starts in). The parsed
 * plan (and so the run) carries the dates, as if they had been written out.
 */
const fiscalPeriodSchema = z
  .strictObject({
    fiscalYear: z.number().int().min(1).max(9999).describe("The calendar year the fiscal year starts in, e.g. 2026 (FY2026)"),
    startMonth: z.number().int().min(1).max(12).optional().describe("The month it starts in, 1–12 (default 1: the calendar year); 4 gives April to March"),
    label: name.optional().describe("The period's label (default FY<year>, e.g. FY2026)"),
  })
  .refine((fy) => fy.fiscalYear < 9999 || (fy.startMonth ?? 1) === 1, { message: "a fiscal year 9999 starting after January would end after 9999-12-31", path: ["startMonth"] })
  .transform((fy) => {
    const period = fiscalYear(fy.fiscalYear, fy.startMonth === undefined ? undefined : { startMonth: fy.startMonth });
    return { start: period.start, end: period.end, label: fy.label ?? period.label };
  })
  .describe("A fiscal year: { fiscalYear, startMonth?, label? }, read as its dates by fiscalYear");

/** The plan's period: its dates, or a fiscal year (issue 21). */
const periodSchema = z
  .union([datesPeriodSchema, fiscalPeriodSchema], { error: expecting('{ "start": …, "end": …, "label": … } or a fiscal year { "fiscalYear": 2026, "startMonth"?: 4, "label"?: … }, not both') })
  .describe('The period: { start, end, label } (ISO dates, both ends inclusive), or a fiscal year { fiscalYear, startMonth?, label? } such as { "fiscalYear": 2026, "startMonth": 4 }');

/**
 * A curve: points strictly increasing in `x`, linear between them (or tiers with `step: true`).
 * The same shape as `Curve` in the scoring module, with JSON numbers or decimal strings.
 */
export const planCurveSchema = z
  .strictObject({
    points: z.array(z.strictObject({ x: num, y: num })).min(1, { error: expecting('a list of at least one point { "x": …, "y": … }') }),
    below: z.enum(["zero", "clamp", "extrapolate"]).optional(),
    above: z.enum(["clamp", "extrapolate"]).optional(),
    step: z.boolean().optional(),
  })
  .superRefine((curve, ctx) => {
    for (let i = 1; i < curve.points.length; i++) {
      const previous = curve.points[i - 1]?.x;
      const current = curve.points[i]?.x;
      if (isNumeric(previous) && isNumeric(current) && compare(current, previous) <= 0) {
        ctx.addIssue({ code: "custom", path: ["points", i, "x"], message: "x must be strictly greater than the previous point's x" });
      }
    }
  })
  .meta({ description: "Points strictly increasing in x; linear between points, or tiers with step: true" });

/** Where a value for each person comes from: the data column of that name. */
const columnRef = z.strictObject({ column }).meta({ description: "The data column holding the value for each person" });

// ─── People ──────────────────────────────────────────────────────────────────────────────────

/** One person on the roster. */
export const planPersonSchema = z.strictObject({
  /** The person's id; data rows name the person in their `id` column. */
  id: name,
  name: z.string().optional(),
  team: z.string().optional(),
  region: z.string().optional(),
  role: z.string().optional(),
  /** Issue 21: the unit the person reports into (a manager's id, a branch), a level of an org target. */
  parent: z.string().optional(),
  /** First day active in the period (joined mid-period); default the period's start. */
  activeFrom: isoDate.optional(),
  /** Last day active (left mid-period); default the period's end. */
  activeTo: isoDate.optional(),
  /** Base pay for the period, in the plan's currency. */
  basePay: num.optional(),
});

// ─── Targets and KPIs ────────────────────────────────────────────────────────────────────────

/** Issue 21: the levels of the roster's tree an org target is decomposed over. */
export const ORG_LEVELS = ["region", "team", "parent"] as const;

/**
 * A KPI's target:
 * - a number: the same target for everyone;
 * - `{ column }`: each person's target from a data column;
 * - `{ perPerson: { id: target } }`: written in the plan, one per person;
 * - `{ total, weightColumn? }`: a team total decomposed over the people (equal shares, or in
 *   proportion to a data column) with `decomposeTarget`;
 * - `{ over, total | totals, weights?, weightColumn? }` (issue 21): a total, or given totals of
 *   the first level's units, decomposed down the roster's tree (`over`, top level first, e.g.
 *   `["region", "team"]`) with `decomposeTree`, then to the people (see `orgTargets`).
 */
export const planTargetSchema = z.union(
  [num, columnRef, z.strictObject({ perPerson: z.record(z.string(), num) }), z.strictObject({ total: num, weightColumn: column.optional() }), orgTargetSchema()],
  { error: expecting('a number, { "column": … }, { "perPerson": { id: target } }, { "total": …, "weightColumn"?: … } or { "over": […], "total" | "totals": …, "weights"?: …, "weightColumn"?: … }') },
).describe("A number for everyone, { column }, { perPerson: { id: target } }, { total, weightColumn? } decomposed over the people, or { over, total | totals, weights?, weightColumn? } decomposed down the org tree");

/** Issue 21: a target decomposed down the roster's tree (region → team → person). */
function orgTargetSchema() {
  const level = z.enum(ORG_LEVELS, { error: expecting('"region", "team" or "parent"') });
  const unitNumbers = (what: string) => z.record(z.string(), num).describe(what);
  return z
    .strictObject({
      over: z
        .array(level)
        .min(1)
        .max(ORG_LEVELS.length)
        .describe('The levels of the tree, top first, each once: "region", "team" (the roster\'s columns) or "parent" (the unit a person reports into), e.g. ["region", "team"]'),
      total: num.optional().describe("The total at the top, split over the first level's units (give total or totals, not both)"),
      totals: unitNumbers("Given totals of the first level's units, e.g. { North: 6000, South: 4000 }, instead of total; every unit of the roster listed").optional(),
      weights: z
        .strictObject({
          region: unitNumbers("Each region's weight ≥ 0, e.g. { North: 3, South: 2 }; every region of the roster listed").optional(),
          team: unitNumbers("Each team's weight ≥ 0; every team of the roster listed").optional(),
          parent: unitNumbers("Each parent unit's weight ≥ 0; every parent of the roster listed").optional(),
        })
        .optional()
        .describe("Weights of the units at a level (default: the sum of their people's weights, i.e. the headcount without a weightColumn)"),
      weightColumn: column.optional().describe("The data column whose values share a lowest unit's target between its people (default equal shares)"),
    })
    .describe("A target decomposed down the roster's tree over the levels of over, exactly at every level");
}

/** Each derived indicator of a KPI's actual and the columns it reads (for the messages). */
const PLAN_INDICATORS: Readonly<Record<string, readonly string[]>> = {
  "collection-rate": ["collected", "billed"],
  margin: ["revenue", "cost"],
  nps: ["promoters", "passives", "detractors"],
  growth: ["current", "previous"],
  "market-share": ["sales", "market"],
  "complaint-rate": ["complaints", "interactions"],
  // Issue 21: list indicators (their required fields).
  "pipeline-value": ["from"],
  "stage-conversion": ["from", "stages", "fromStage", "toStage"],
  csat: ["from"],
  "cycle-days": ["from"],
  "weighted-visits": ["from", "weights"],
  "resolution-hours": ["from"],
};

const stageName = text('a stage name, e.g. "quote"');

/**
 * Issue 21: the list indicators of a KPI's actual, measured per person from a list input
 * (`PlanData.deals`, `PlanData.responses`) rather than from the person's row.
 *
 * - `pipeline-value` (from `deals`): `Σ amount · probability` of the person's deals
 *   (`value: "total"`: `Σ amount`). A person with no deals has a pipeline of 0.
 * - `stage-conversion` (from `deals`): each deal row carries the furthest stage it reached, of
 *   the funnel `stages` (in order); the rate is the number of deals that reached `toStage` over
 *   the number that reached `fromStage`. A person with no deal reaching `fromStage` has no rate
 *   (missing: `score.missing` decides).
 * - `csat` (from `responses`): the share of the person's ratings ≥ `satisfiedAtLeast` (default
 *   `max − 1`) on the scale `min`–`max` (default 1–5); `value: "mean"`: the mean rating. A person
 *   with no responses has no CSAT (missing: `score.missing` decides).
 * - `cycle-days` (from `deals`): the mean (or `value: "median"`) calendar days from `openedAt` to
 *   `closedAt` of the person's closed deals (`salesCycleDays`); a deal without `closedAt` is
 *   still open and left out. A person with no closed deal has no value (missing). Lower is
 *   better: the KPI must say `direction` (`"lower"`).
 * - `weighted-visits` (from `activities`): `Σ count · weights.byType[type] · weights.byTier[tier]`
 *   of the person's activities (`weightedActivity`, the same weights). A person with no
 *   activities has 0.
 * - `resolution-hours` (from `tickets`): the mean hours from `openedAt` to `resolvedAt` of the
 *   person's resolved tickets (`meanResolutionHours`); a ticket without `resolvedAt` is still open
 *   and left out. A person with no resolved ticket has no value (missing). Lower is better: the
 *   KPI must say `direction` (`"lower"`).
 * - `margin` (from `deals`): the gross margin of the person's deals together (综合毛利率,
 *   `aggregateMargin`): `Σ(amount − cost) / Σamount`, each deal's `amount` its revenue. A deal
 *   with an empty `cost` has no cost booked yet (an open deal) and is left out. A person with no
 *   costed deal, or whose costed deals' amounts sum to 0, has no value (missing).
 */
export const listActualSchemas = [
  z
    .strictObject({
      indicator: z.literal("pipeline-value"),
      from: z.literal("deals").describe('The list input: "deals"'),
      value: z.enum(["weighted", "total"]).optional().describe('"weighted" (default): Σ amount · probability; "total": Σ amount'),
    })
    .describe("The person's pipeline from their deals (0 with no deals)"),
  z
    .strictObject({
      indicator: z.literal("stage-conversion"),
      from: z.literal("deals").describe('The list input: "deals"'),
      stages: z.array(stageName).min(2).describe("The funnel's stages in order; each deal's stage is the furthest it reached, one of these"),
      fromStage: stageName.describe("The stage converted from (one of stages)"),
      toStage: stageName.describe("The stage converted to (one of stages, after fromStage)"),
    })
    .describe("Deals that reached toStage / deals that reached fromStage (missing with none reaching fromStage)"),
  z
    .strictObject({
      indicator: z.literal("csat"),
      from: z.literal("responses").describe('The list input: "responses"'),
      value: z.enum(["satisfied", "mean"]).optional().describe('"satisfied" (default): the share of ratings ≥ satisfiedAtLeast; "mean": the mean rating'),
      min: z.number().int().optional().describe("The lowest rating (default 1)"),
      max: z.number().int().optional().describe("The highest rating (default 5)"),
      satisfiedAtLeast: z.number().int().optional().describe("The lowest rating that counts as satisfied (default max − 1)"),
    })
    .describe("The person's CSAT from their survey responses (missing with none)"),
  z
    .strictObject({
      indicator: z.literal("cycle-days"),
      from: z.literal("deals").describe('The list input: "deals", with openedAt and closedAt'),
      value: z.enum(["mean", "median"]).optional().describe('"mean" (default) or "median" of the closed deals\' calendar days from openedAt to closedAt'),
    })
    .describe('The person\'s sales cycle in calendar days from their closed deals (salesCycleDays; missing with none; lower is better: set direction "lower")'),
  z
    .strictObject({
      indicator: z.literal("weighted-visits"),
      from: z.literal("activities").describe('The list input: "activities"'),
      weights: z
        .strictObject({
          byType: z.record(z.string(), num).describe('The weight of one activity of each type, each ≥ 0, e.g. { "visit": 3, "demo": 2, "call": 1 }; an activity of a type not listed is refused (give it 0 to leave it out)'),
          byTier: z
            .record(z.string(), num)
            .optional()
            .describe('A multiplier per customer tier, each ≥ 0, e.g. { "key": 2, "A": 1.5, "B": 1 }; without it tiers are not weighed, with it every activity needs a listed tier'),
        })
        .describe("The weights of weightedActivity: byType, and optionally byTier"),
    })
    .describe("The person's activities weighted by type and customer tier: Σ count · byType[type] · byTier[tier] (0 with none)"),
  z
    .strictObject({
      indicator: z.literal("resolution-hours"),
      from: z.literal("tickets").describe('The list input: "tickets"'),
    })
    .describe('The mean hours from openedAt to resolvedAt of the person\'s resolved tickets (meanResolutionHours; missing with none; lower is better: set direction "lower")'),
  z
    .strictObject({
      indicator: z.literal("margin"),
      from: z.literal("deals").describe('The list input: "deals", with amount (the revenue) and cost'),
    })
    .describe("The gross margin of the person's deals together, Σ(amount − cost) / Σamount (aggregateMargin); a deal without a cost is left out; missing with none, or when their amounts sum to 0"),
] as const;

/**
 * Where a KPI's actual comes from: a column name (shorthand), `{ column }`, or a derived
 * indicator computed with the metrics module from other columns.
 */
export const planActualSchema = z.union(
  [
    column,
    columnRef,
    z.strictObject({ indicator: z.literal("collection-rate"), collected: column, billed: column }),
    z.strictObject({ indicator: z.literal("margin"), revenue: column, cost: column }),
    z.strictObject({ indicator: z.literal("nps"), promoters: column, passives: column, detractors: column }),
    z.strictObject({ indicator: z.literal("growth"), current: column, previous: column }),
    z.strictObject({ indicator: z.literal("market-share"), sales: column, market: column }),
    z.strictObject({ indicator: z.literal("complaint-rate"), complaints: column, interactions: column }),
    ...listActualSchemas,
  ],
  { error: (issue) => indicatorMessage(issue.path, issue.input, PLAN_INDICATORS) },
).describe("A data column name, { column }, or a derived indicator { indicator, …its input columns }");

/** One KPI line of the scorecard. */
export const planKpiSchema = z.strictObject({
  id: name,
  name: z.string().optional(),
  category: z.enum(["result", "quality", "process", "behaviour"]).optional(),
  /** `higher` (default) is better, or `lower` (cost, complaints, days). */
  direction: z.enum(["higher", "lower"]).optional(),
  /** For `lower`: `reflect` (default) max(0, 2 − actual/target), or `inverse` target/actual. */
  lowerFormula: z.enum(["reflect", "inverse"]).optional(),
  /** What a target of 0 scores: `error` (default, ZERO_DENOMINATOR), `zero` or `full` (attainment 1). */
  zeroTarget: z.enum(["error", "zero", "full"]).optional(),
  /** Weight in the KPI score; the KPI weights sum to 1. */
  weight: num,
  /** Clamp on attainment (e.g. 1.5 = 150 %). */
  cap: num.optional(),
  floor: num.optional(),
  /** Maps attainment to points; without one, points = 100 · attainment. */
  curve: planCurveSchema.optional(),
  /**
   * Difficulty coefficient (难度系数), default 1: points = curve(attainment × difficulty), or
   * 100 × attainment × difficulty. A number for everyone, or `{ column }`: each person's (or
   * territory's) coefficient from a data column (a number > 0; an empty cell is an error).
   */
  difficulty: z
    .union([num, columnRef], { error: expecting('a number or { "column": "<data column>" }') })
    .optional()
    .describe("Difficulty coefficient (难度系数), default 1: a number for everyone, or { column } for each person's or territory's coefficient"),
  actual: planActualSchema,
  target: planTargetSchema,
  /** Prorate the target for people active only part of the period; absent = no proration. */
  prorate: z.enum(["calendar-days", "business-days"]).optional(),
  /** Issue 20: a new hire's ramped target (`rampTarget`), by months of tenure from the roster's `activeFrom`. */
  ramp: z
    .strictObject({
      schedule: z.array(num).describe("The factor of each month of tenure from month 1 (the start month), each from 0 to 1: [0.25, 0.5, 0.75]; 1 after the schedule ends"),
    })
    .optional()
    .describe("A new hire's ramped target by months of tenure, counted from the roster's activeFrom (before the period, too); not with prorate"),
});

// ─── Score, 360, grading ─────────────────────────────────────────────────────────────────────

/** The composite score: weights of the KPI score and the 360 score (e.g. 0.7 + 0.3). */
export const planScoreSchema = z.strictObject({
  kpi: num,
  review360: num.optional(),
  /** What to do when KPI data is missing for a person: see scoreKpis (default "error"). */
  missing: z.enum(["error", "zero", "reweight"]).optional(),
});

/** The 360 review set-up (ratings come from `PlanData.ratings`). */
export const planReview360Schema = z.strictObject({
  /** Weight per rater group (`{ "manager": 50, "peer": 30, "subordinate": 20 }`). */
  weights: z.record(z.string(), num),
  minRaters: z.union([z.number().int().min(1), z.record(z.string(), z.number().int().min(1))], { error: expecting("a whole number ≥ 1, or { group: whole number ≥ 1 }") }).optional(),
  competencyWeights: z.record(z.string(), num).optional(),
  /** The rating scale; the 360 score is rescaled from it onto 0–100 before it is combined. */
  scale: z.strictObject({ min: num, max: num }).optional(),
  /**
   * Leniency calibration (评分宽严校准) by `calibrate360`, over every rating of the run before
   * any is aggregated: each rater's scores are moved by `strength × (center − that rater's mean)`,
   * then clamped into `scale`. `center` defaults to the mean of the raters' means, `strength` to
   * 1 (full centring), `minRatings` to 1 (a rater with fewer ratings is left as they are).
   */
  calibration: z
    .strictObject({
      strength: num.optional().describe("How much of the correction to apply, 0–1 (default 1)"),
      center: num.optional().describe("The centre every rater is moved to (default: the mean of the raters' means)"),
      minRatings: z.number().int().min(1).optional().describe("The fewest ratings a rater needs to be corrected (default 1)"),
    })
    .optional()
    .describe("Leniency calibration of the ratings by calibrate360 before they are aggregated"),
  /** Per-competency 360 scores in each statement (`review360.competencies`); implied by `trainingNeeds`. */
  byCompetency: z.boolean().optional().describe("List each competency's 360 score in the statement and a CSV column per competency"),
  /**
   * Training needs (培训需求): the competencies whose points are below `below`, or the `weakest`
   * N, or with both the weakest N of those below; weakest first.
   */
  trainingNeeds: z
    .strictObject({
      below: num.optional().describe("A competency whose points (0–100 with a scale) are below this is a training need"),
      weakest: z.number().int().min(1).optional().describe("The N competencies with the lowest points (of those below `below`, when both are given)"),
    })
    .refine((t) => t.below !== undefined || t.weakest !== undefined, { error: 'review360.trainingNeeds needs "below", "weakest" or both' })
    .optional()
    .describe("Training needs (培训需求): the competencies below a threshold, or the weakest N, per person"),
});

/** When a calibration decision was made: `yyyy-MM-dd`, or an ISO date-time with its offset. */
const WHEN = 'an ISO date or date-time, e.g. "2026-04-03" or "2026-04-03T10:30:00+08:00"';
const ISO_WHEN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** A calibration decision (校准): the person, the new grade, why and who decided (both required). */
const overrideSchema = z.strictObject({
  person: name,
  grade: name,
  reason: name,
  by: name,
  at: z
    .string({ error: expecting(WHEN) })
    .regex(ISO_WHEN, { error: expecting(WHEN) })
    .refine((when) => isRealDate(when.slice(0, 10)), { error: (issue) => expectedMessage(issue.path, issue.input, "a day that exists in the calendar") })
    .optional()
    .describe('When the decision was made: an ISO date or date-time, e.g. "2026-04-03" or "2026-04-03T10:30:00+08:00"; copied into the statement\'s grade'),
});

/**
 * Issue 21: a role's scorecard (岗位评分卡) — its own KPI list, weights summing to 1 as in
 * `kpis`, so every role's score is on the same 0..N scale and one ranking, one grading and one
 * pool can cover a mixed team.
 */
export const planScorecardSchema = z.strictObject({
  kpis: z.array(planKpiSchema).min(1, { error: expecting("a list of at least one KPI") }).describe("This role's KPIs; weights sum to 1, as in the plan's kpis"),
});

/** Grading by score bands, or by forced distribution; then calibration overrides. */
export const planGradingSchema = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("bands"),
    bands: z.array(z.strictObject({ grade: name, min: num })).min(1),
    overrides: z.array(overrideSchema).optional(),
  }),
  z.strictObject({
    method: z.literal("forced"),
    quotas: z.array(z.strictObject({ grade: name, share: num })).min(1),
    ties: z.enum(["share-grade", "by-order"]).optional(),
    /**
     * Over whom the quotas apply: everyone in the run (`all`, default), or each roster team or
     * role on its own (people without one form one group). Ranks stay over everyone.
     */
    per: z.enum(["all", "team", "role"]).optional().describe('Forced distribution over everyone ("all", default), or within each team or role'),
    overrides: z.array(overrideSchema).optional(),
  }),
]);

// ─── Pay ─────────────────────────────────────────────────────────────────────────────────────

/** What a payout component measures: the composite score as a ratio (score ÷ 100) or one KPI's attainment. */
const measureSchema = z.union([z.literal("score"), z.strictObject({ kpi: name })], { error: expecting('"score" or { "kpi": "<KPI id>" }') });

/** A per-person amount: a number, a data column, or a share of the person's base pay. */
const amountSchema = z.union([num, columnRef, z.strictObject({ shareOfBasePay: num })], { error: expecting('a number, { "column": … } or { "shareOfBasePay": … }') });

/** A bonus pool (奖金包): budget, optional funding curve, allocation weights and caps. */
export const planPoolSchema = z.strictObject({
  id: name,
  /** The budget before funding. */
  budget: num,
  /** Funding: `fundPool(budget, mean of the measure over the pool's people, curve)`, rounded once to the minor unit in the plan's rounding mode (`rounding.mode`). */
  funding: z.strictObject({ measure: measureSchema, curve: planCurveSchema }).optional(),
  /** A person's weight: `score` (default), `basePay-score` (base pay × score) or `equal`; times the grade multiplier when the plan has `gradeMultipliers`. */
  weightBy: z.enum(["score", "basePay-score", "equal"]).optional(),
  /** Cap per person: an amount or a multiple of base pay. */
  cap: z.union([num, z.strictObject({ multipleOfBasePay: num })], { error: expecting('a number or { "multipleOfBasePay": … }') }).optional(),
  /** A team pool: only the people of this team share it; default everyone. */
  team: z.string().optional(),
  /**
   * Issue 21: one sub-pool per roster team or role (people without one form one group, named
   * ""): the funded pool is divided between the groups by headcount (largest remainder, in whole
   * minor units, ties to the group first by name), then each group's part is shared over its
   * members by `weightBy` under their caps.
   */
  per: z
    .enum(["all", "team", "role"])
    .optional()
    .describe('One pool over all its members ("all", default), or a sub-pool per team or role, the funded budget divided between them by headcount'),
  /**
   * A two-level pool (两级分配, `allocateTeamPool`): the pool goes to the roster's teams by team
   * score (`score`, default) or team score × headcount (`score-headcount`), then to each team's
   * members by `weightBy` under their caps. People without a team take no part.
   */
  byTeam: z
    .strictObject({ weightBy: z.enum(["score", "score-headcount"]).optional().describe("A team's weight: its team score (default) or team score × headcount") })
    .optional()
    .describe("Two-level pool: to the teams by team score (rollUp), then to their members"),
});

/**
 * Issue 20: commission on cash collected (回款提成) — each person's base is their credited
 * collections in the period, from the data's `transactions`, by `commissionOnCollections` with
 * these options (the tiers and mode are the commission's own).
 */
export const collectionsBaseSchema = z
  .strictObject({
    collections: z
      .strictObject({
        release: z
          .enum(["pro-rata", "full-payment"])
          .optional()
          .describe('"pro-rata" (default): each payment releases commission on the cash it brings in; "full-payment": nothing until the invoice is paid in full'),
        clawbackWindowDays: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("A refund or credit note more than this many days after the invoice date claws nothing back (default: no limit)"),
        tolerance: num.optional().describe("How far from 1 an invoice's shares may sum (then normalised); default 0"),
      })
      .describe("Options of commissionOnCollections"),
  })
  .describe("Commission on each person's credited collections in the period, from the transactions");

/** Issue 20: a draw against the commission (`applyDraw`): recoverable (an advance) or non-recoverable (a guaranteed minimum). */
export const planDrawSchema = z
  .strictObject({
    type: z.enum(["recoverable", "non-recoverable"]).describe('"recoverable" (可追回: an advance, recovered from later earnings) or "non-recoverable" (保底: a guaranteed minimum)'),
    amount: z
      .union([num, z.strictObject({ column: column.describe("The data column holding each person's draw for the period (empty = 0)") })], { error: expecting('a number or { "column": … }') })
      .describe("The draw for the period: a number for everyone or { column }"),
    balance: z
      .strictObject({ column: column.describe("The data column holding each person's balance owed from earlier draws (empty = 0)") })
      .optional()
      .describe("Where each person's balance owed from earlier draws is (empty = 0); default 0 for everyone"),
    recoveryShare: num.optional().describe("The share (0, 1] of the earnings above the draw that may go to recovery in one period (default 1)"),
  })
  .describe("A draw against the commission (applyDraw): the person is paid at least the draw");

/**
 * Team scores (团队得分) by `rollUp`: each roster team's composite score, its members counted
 * equally (default), by a KPI's target (`by: "target"`, `kpi`) or by a data column
 * (`by: "weight"`, `weightColumn`); rounded to `rounding.score`, listed in the run's `teams`.
 */
export const planTeamScoresSchema = z
  .strictObject({
    by: z.enum(["equal", "target", "weight"]).optional().describe('How members count: "equal" (default), "target" (a KPI\'s target) or "weight" (a data column)'),
    kpi: name.optional().describe('With by "target": the KPI whose target weighs each member'),
    weightColumn: column.optional().describe('With by "weight": the data column of each member\'s weight'),
  })
  .superRefine((t, ctx) => {
    if (t.by === "target" && t.kpi === undefined) ctx.addIssue({ code: "custom", path: ["kpi"], message: 'teamScores.kpi is missing: by "target" weighs members by a KPI\'s target' });
    if (t.by === "weight" && t.weightColumn === undefined) ctx.addIssue({ code: "custom", path: ["weightColumn"], message: 'teamScores.weightColumn is missing: by "weight" weighs members by a data column' });
  });

/** The pay rules; every component is optional. */
export const planPaySchema = z.strictObject({
  /** Fixed pay = basePay × share (e.g. 0.7 of a 70/30 mix). */
  fixed: z.strictObject({ share: num }).optional(),
  /** Target incentive (`composeBonus`): round(amount × curve(measure)), then round(× grade multiplier). */
  targetIncentive: z.strictObject({ amount: amountSchema, measure: measureSchema, curve: planCurveSchema }).optional(),
  /** Multiplier per grade (`{ "A": 1.5, "B": 1, "C": 0.5 }`). */
  gradeMultipliers: z.record(z.string(), num).optional(),
  /** Commission on an amount (a data column or a KPI's actual) by tiers. */
  commission: z
    .strictObject({
      base: z.union([columnRef, z.strictObject({ kpi: name }), collectionsBaseSchema], {
        error: expecting('{ "column": "<data column>" }, { "kpi": "<KPI id>" } or { "collections": { … } }'),
      }),
      tiers: z.array(z.strictObject({ from: num, rate: num })).min(1),
      mode: z.enum(["marginal", "retroactive"]).optional(),
    })
    .optional(),
  /** Issue 20: a draw (提成预支 / 保底) against the commission, by `applyDraw`. */
  draw: planDrawSchema.optional(),
  /** Issue 20: a year-to-date true-up of the commission against what was paid to date (`trueUp`). */
  trueUp: z
    .strictObject({
      onNegative: z
        .enum(["clawback", "carry-forward", "forgive"])
        .describe('A negative result: "clawback" takes it back now (a negative line); "carry-forward" pays 0 and leaves it in the year-to-date figures; "forgive" pays 0 and writes it off'),
    })
    .optional()
    .describe("A year-to-date true-up: this run's commission (the period from the year's start) netted against the data's paidToDate"),
  pools: z.array(planPoolSchema).optional(),
  /**
   * Pay proration for joiners and leavers (按出勤天数折算): fixed pay and the target incentive of a
   * person active for part of the period are multiplied by activeDays / periodDays, counted as
   * calendar days or as business days (with the plan's `calendar`), rounded once. `none` (the
   * default) pays everyone in full, as before this option existed.
   */
  prorate: z
    .enum(["calendar-days", "business-days", "none"])
    .optional()
    .describe('Prorate fixed pay and the target incentive for people active part of the period: "calendar-days", "business-days" (with the plan\'s calendar) or "none" (default: full pay, as plans without this key always had)'),
  /** Fixed awards to named people (one-off prizes). */
  awards: z.array(z.strictObject({ id: name, name: z.string().optional(), amount: num, people: z.array(name).min(1) })).optional(),
});

/** Promotion rule: the measure ≥ threshold in the last `count` periods (history + this one). */
export const planPromotionSchema = z.strictObject({
  measure: measureSchema,
  threshold: num,
  count: z.number().int().min(1),
  /**
   * A person the history does not list (or a run with no history at all) when the rule needs
   * earlier periods (`count` > 1): `error` (default) refuses the run naming the person, as
   * missing ratings are; `not-eligible` counts only this period, so they are not eligible.
   */
  missingHistory: z
    .enum(["error", "not-eligible"])
    .optional()
    .describe('A person missing from the history when count > 1: "error" (default) refuses the run naming them; "not-eligible" counts this period only'),
});

/**
 * The input files a plan names for the command line (`payscore run plan.json` with no flags):
 * paths relative to the plan file's folder, which they must not leave.
 */
export const planInputsSchema = z.strictObject({
  data: text('a file name in the plan\'s folder, e.g. "data.csv"').optional().describe("The period's data (CSV or JSON), one row per person"),
  ratings: text('a file name in the plan\'s folder, e.g. "ratings.csv"').optional().describe("The 360 ratings (CSV or JSON)"),
  history: text('a file name in the plan\'s folder, e.g. "history.csv"').optional().describe("Earlier periods' values of the promotion measure (CSV or JSON)"),
  transactions: text('a file name in the plan\'s folder, e.g. "transactions.csv"')
    .optional()
    .describe("Invoices, payments and credit notes for commission on collections (CSV or JSON)"),
  deals: text('a file name in the plan\'s folder, e.g. "deals.csv"').optional().describe("Deals (person, amount, probability, stage) for the list indicators pipeline-value and stage-conversion (CSV or JSON)"),
  responses: text('a file name in the plan\'s folder, e.g. "responses.csv"').optional().describe("Survey responses (person, score) for the list indicator csat (CSV or JSON)"),
  activities: text('a file name in the plan\'s folder, e.g. "activities.csv"')
    .optional()
    .describe("Sales activities (person, type, tier, date, count) for the list indicator weighted-visits (CSV or JSON)"),
  tickets: text('a file name in the plan\'s folder, e.g. "tickets.csv"').optional().describe("Tickets (person, openedAt, resolvedAt) for the list indicator resolution-hours (CSV or JSON)"),
});

/**
 * The plan's working calendar (工作日历): public holidays that fall on weekdays, and weekend days
 * that are worked (调休上班日). Business-day proration — of targets (`kpis[].prorate`) and of pay
 * (`pay.prorate`) — counts with it; weekends are Saturday and Sunday.
 */
export const planCalendarSchema = z.strictObject({
  holidays: z.array(isoDate).optional().describe('Days off, yyyy-MM-dd (e.g. "2026-10-01"); a holiday on a weekend changes nothing'),
  workdays: z.array(isoDate).optional().describe('Weekend days that are worked (调休), yyyy-MM-dd (e.g. "2026-09-27"); each must be a Saturday or Sunday'),
});

/** The sub-period units of `splitPeriod`. */
const periodUnit = z.enum(["half", "quarter", "month", "week"]);

/**
 * Issue 21: sub-periods (分期). The string form (`"month"`) only lists the sub-periods in the
 * run's header, as it always did. The object form also scores them: each chosen KPI's target
 * (the person's period target, after proration or ramp) is decomposed over the sub-periods by
 * `decomposeOverPeriods` — `"equal"` (default), `"business-days"` (with the plan's `calendar`),
 * `"calendar-days"`, or `{ profile }`, one seasonal weight per sub-period — exactly to
 * `10^-scale`; each sub-period's actual comes from the data column `<actual column>@<label>`
 * (`revenue@2026-01`); and each sub-period is scored like the period (attainment, points, a
 * score over the chosen KPIs, their weights rescaled to sum 1). The period's score and pay are
 * unchanged: they come from the period's own actuals and targets. See docs/plan-format.md.
 */
export const planSubPeriodsSchema = z.union(
  [
    periodUnit.describe('The sub-period listed in the run (labels only): "half", "quarter", "month" or "week"'),
    z
      .strictObject({
        by: periodUnit.describe('The sub-period: "half", "quarter", "month" or "week" (splitPeriod: 2026-01, 2026-Q1 after the period\'s label, 2026-W09)'),
        split: z
          .union(
            [
              z.enum(["equal", "business-days", "calendar-days"]),
              z.strictObject({
                profile: z.array(num).min(1).describe("A seasonal profile: one weight ≥ 0 per sub-period, in order (e.g. [3, 3, 4] for a quarter's months); not all 0"),
              }),
            ],
            { error: expecting('"equal", "business-days", "calendar-days" or { "profile": [weights…] }') },
          )
          .optional()
          .describe('How each target is decomposed over the sub-periods: "equal" (default), "business-days" (with the plan\'s calendar), "calendar-days", or { profile: [weights…] }'),
        kpis: z.array(name).min(1).optional().describe("The KPIs scored per sub-period (default: every KPI whose actual is a data column); a derived or list indicator cannot be split"),
        actuals: z
          .enum(["columns", "none"])
          .optional()
          .describe('Where the sub-period actuals come from: "columns" (default), the data columns <actual column>@<sub-period label> such as revenue@2026-01; "none": targets only'),
        missing: z
          .enum(["error", "empty"])
          .optional()
          .describe('A sub-period actual column that is absent or an empty cell: "error" (default, INVALID_DATA with its path) or "empty" (that sub-period is not scored)'),
        scale: z.number().int().min(0).max(10).optional().describe("Decimal places of the sub-period targets (default: the currency's minor units)"),
      })
      .describe("Sub-periods scored: each KPI's target decomposed over them, each scored from its own actual; the period's score and pay are unchanged"),
  ],
  { error: expecting('"half", "quarter", "month", "week" or { "by": …, "split"?: … }') },
);

// ─── The plan ────────────────────────────────────────────────────────────────────────────────

/**
 * The plan: a whole performance and pay scheme as one JSON document. Objects are strict (an
 * unknown key is an error). Numbers are JSON numbers or decimal strings.
 *
 * Top-level keys: `version` (1), `name?`, `currency` (ISO 4217), `rounding?` (`{ mode,
 * indicator, attainment, points, score }`: the mode, default half-even, rounds money to the
 * currency's minor units and every rounding point to its decimal places — indicator 4,
 * attainment 4, points 2, score 2 by default), `period`,
 * `subPeriods?` (half/quarter/month/week, listed in the run; or `{ by, split?, kpis?, … }`, scored), `people?` (the roster; when absent,
 * people come from the data rows — see `PlanData`), `kpis`, `score?` (composition; default
 * KPI score only), `review360?`, `grading?`, `pay?`, `promotion?`, `inputs?` (the input files
 * for the command line, relative to the plan file's folder), `calendar?` (holidays and make-up
 * working days for business-day proration).
 */
/** Decimal places of a rounding point: a whole number from 0 to 10. */
const roundingPlaces = z.number().int().min(0).max(10);

const planObject = z.strictObject({
  // Issue 22: an editor's `"$schema"` key (the JSON Schema the file follows) is accepted and ignored.
  $schema: z.string().optional().describe("The JSON Schema this plan follows, for editors (ignored by payscore)"),
  version: z.literal(1).describe("The plan format's version: 1"),
  name: z.string().optional().describe("A name for the plan, copied into the run"),
  currency: z
    .string()
    .refine(isCurrency, { error: expecting('an ISO 4217 currency code such as "CNY"') })
    .describe("ISO 4217 code; money is rounded to its minor units (CNY 2, JPY 0)"),
  rounding: z
    .strictObject({
      mode: z
        .enum(["half-even", "half-up", "half-down", "up", "down", "ceil", "floor"])
        .optional()
        .describe("The rounding mode of money and of every rounding point below (default half-even)"),
      indicator: roundingPlaces.optional().describe("Decimal places of a derived indicator's value (default 4)"),
      attainment: roundingPlaces.optional().describe("Decimal places of a KPI's attainment (default 4: 0.01 %)"),
      points: roundingPlaces.optional().describe("Decimal places of a KPI's points and of the 360 points (default 2)"),
      score: roundingPlaces.optional().describe("Decimal places of the KPI score and of the composite score (default 2)"),
    })
    .optional()
    .describe("How money and the rounding points are rounded: mode (default half-even) and decimal places indicator 4, attainment 4, points 2, score 2"),
  period: periodSchema,
  /** Sub-periods (half/quarter/month/week) listed in the run, from `splitPeriod`; the object form also scores them (issue 21). */
  subPeriods: planSubPeriodsSchema.optional().describe('Sub-periods listed in the run ("month"), or scored: { by, split?, kpis?, actuals?, missing?, scale? }'),
  people: z.array(planPersonSchema).optional().describe("The roster; when absent, people come from the data rows"),
  kpis: z.array(planKpiSchema).min(1, { error: expecting("a list of at least one KPI") }).describe('The scorecard; weights sum to 1 (or any weights ≥ 0 with kpiWeights "normalize")'),
  kpiWeights: z
    .enum(["exact", "normalize"])
    .optional()
    .describe('How the KPI weights are read: "exact" (default), they must sum to 1; "normalize": any weights ≥ 0, not all 0 (40/30/30, 3/1), rescaled to sum 1 by normalizeWeights in kpis and in each scorecard'),
  scorecards: z
    .record(name, planScorecardSchema)
    .optional()
    .describe("Issue 21: a scorecard per role (rep, manager …), chosen by the roster's role; people without a role use kpis; a role with no scorecard is an error unless scorecardFallback is \"kpis\""),
  scorecardFallback: z
    .enum(["error", "kpis"])
    .optional()
    .describe('With scorecards: a person whose role has no scorecard is an error ("error", default) or is scored by the top-level kpis ("kpis")'),
  score: planScoreSchema.optional().describe("The composite score: KPI and 360 weights summing to 1 (default: KPI score only)"),
  review360: planReview360Schema.optional().describe("The 360 review set-up; ratings come with the data"),
  grading: planGradingSchema.optional().describe("Grades by score bands or forced distribution, then calibration overrides"),
  pay: planPaySchema.optional().describe("Pay components: fixed, target incentive, commission, pools, awards"),
  promotion: planPromotionSchema.optional().describe("Promotion rule: the measure ≥ threshold in the last count periods"),
  teamScores: planTeamScoresSchema.optional().describe("Team scores by rollUp, listed in the run's teams (团队得分)"),
  inputs: planInputsSchema.optional().describe("The input files, read from the plan file's folder by the command line; its flags override each"),
  calendar: planCalendarSchema.optional().describe("Holidays and make-up working days (调休) that business-day proration counts with"),
});

/**
 * The plan: see {@link Plan}. A zod schema; use {@link parsePlan} for a `PayscoreError`. It reads
 * the plan as {@link parsePlan} does: a fiscal-year period becomes its dates, and with
 * `kpiWeights: "normalize"` the KPI weights are rescaled to sum 1.
 *
 * @example
 * ```ts
 * planSchema.safeParse({ version: 1, currency: "CNY", period: { fiscalYear: 2026, startMonth: 4 },
 *   kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }] }).data?.period;
 * // { start: "2026-04-01", end: "2027-03-31", label: "FY2026" }
 * planSchema.safeParse({ version: 2 }).success; // false
 * ```
 */
export const planSchema = planObject
  .superRefine(checkPlanConsistency)
  .transform(normalizeKpiWeights)
  .meta({ title: "payscore plan", description: "A performance and pay scheme (payscore plan format, version 1)" });

/** A validated plan (the output of {@link parsePlan}). */
export type Plan = z.output<typeof planObject>;

/**
 * A plan as written, for code that builds one (the input side of {@link planSchema}): editors
 * complete its fields, and `parsePlan` takes it.
 */
export type PlanInput = z.input<typeof planSchema>;

function isCurrency(code: string): boolean {
  try {
    minorUnits(code);
    return true;
  } catch {
    return false;
  }
}

type RawPlan = z.output<typeof planObject>;

/**
 * Issue 21: `kpiWeights: "normalize"` — the weights of `kpis` and of each scorecard rescaled to
 * sum 1 by `normalizeWeights` (`wᵢ / Σw`; 3/1 → 0.75/0.25), once the plan has passed its checks.
 * The parsed plan carries the rescaled weights (as decimal strings) and no `kpiWeights`, so it
 * reads as a plan whose weights were written summing to 1: statements show the weights used.
 */
function normalizeKpiWeights(plan: RawPlan): RawPlan {
  if (plan.kpiWeights !== "normalize") return plan;
  const rescale = (kpis: RawPlan["kpis"]): RawPlan["kpis"] => {
    const weights = normalizeWeights(kpis.map((kpi) => kpi.weight));
    return kpis.map((kpi, i) => ({ ...kpi, weight: (weights[i] as Decimal).toString() }));
  };
  const { kpiWeights: _normalized, scorecards, ...rest } = plan;
  const cards = scorecards === undefined ? undefined : Object.fromEntries(Object.entries(scorecards).map(([role, card]) => [role, { ...card, kpis: rescale(card.kpis) }]));
  return { ...rest, kpis: rescale(plan.kpis), ...(cards === undefined ? {} : { scorecards: cards }) };
}

/** The weights of a KPI list under `kpiWeights: "normalize"`: each ≥ 0, not all 0 (then `normalizeWeights` rescales them). */
function checkRelativeWeights(weights: readonly unknown[], at: readonly (string | number)[], ctx: z.core.$RefinementCtx<RawPlan>): void {
  weights.forEach((w, i) => {
    if (isNumeric(w) && compare(w, 0) < 0) ctx.addIssue({ code: "custom", path: [...at, i, "weight"], message: `a KPI weight must not be negative; got ${String(w)}` });
  });
  if (weights.length > 0 && weights.every((w) => isNumeric(w) && compare(w, 0) === 0)) {
    ctx.addIssue({ code: "custom", path: [...at], message: `${at.join(".")}: the KPI weights are all 0; kpiWeights "normalize" rescales them to sum 1, so at least one must be greater than 0` });
  }
}

/** A KPI list's own checks (the plan's `kpis`, or a scorecard's at `["scorecards", role, "kpis"]`); its ids. */
function checkKpiList(kpis: RawPlan["kpis"], at: readonly (string | number)[], ctx: z.core.$RefinementCtx<RawPlan>): Set<string> {
  const kpiIds = new Set<string>();
  kpis.forEach((kpi, i) => {
    // Issue 20: a ramp already gives the months before the start 0; prorating too would count them twice.
    if (kpi.ramp !== undefined && kpi.prorate !== undefined) ctx.addIssue({ code: "custom", path: [...at, i, "ramp"], message: "a KPI has either ramp or prorate, not both: the ramp already gives the months before the start date 0" });
    kpi.ramp?.schedule.forEach((factor, f) => {
      if (isNumeric(factor) && (compare(factor, 0) < 0 || compare(factor, 1) > 0)) ctx.addIssue({ code: "custom", path: [...at, i, "ramp", "schedule", f], message: `a ramp factor must be from 0 to 1 (100 % is 1); got ${String(factor)}` });
    });
    if (kpiIds.has(kpi.id)) ctx.addIssue({ code: "custom", path: [...at, i, "id"], message: `duplicate KPI id "${kpi.id}"` });
    kpiIds.add(kpi.id);
  });
  const weights = kpis.map((k) => k.weight);
  if (ctx.value.kpiWeights === "normalize") {
    checkRelativeWeights(weights, at, ctx);
  } else if (weights.every(isNumeric)) {
    const sum = weights.reduce<Decimal>((s, w) => s.plus(String(w)), new Decimal(0));
    if (sum.minus(1).abs().greaterThan("1e-12")) {
      // Issue 21: percentages (60/25/15) can also be kept as written, rescaled by kpiWeights "normalize".
      const normalize = sum.eq(100) ? ', or keep them and set "kpiWeights": "normalize"' : "";
      ctx.addIssue({ code: "custom", path: [...at], message: `${at.join(".")}: the KPI weights must sum to 1; they sum to ${sum.toString()}${percentWeightsHint(weights, sum)}${normalize}` });
    }
  }
  return kpiIds;
}

function checkPlanConsistency(plan: RawPlan, ctx: z.core.$RefinementCtx<RawPlan>): void {
  const kpiIds = checkKpiList(plan.kpis, ["kpis"], ctx);
  // Issue 21: each scorecard checked as kpis is; a KPI named elsewhere must be in every one.
  const scorecardIds = Object.entries(plan.scorecards ?? {}).map(([role, card]) => ({ role, ids: checkKpiList(card.kpis, ["scorecards", role, "kpis"], ctx) }));
  if (plan.scorecardFallback !== undefined && plan.scorecards === undefined) {
    ctx.addIssue({ code: "custom", path: ["scorecardFallback"], message: "scorecardFallback says what a role without a scorecard gets: it needs scorecards" });
  }
  if (plan.scorecards !== undefined && Object.hasOwn(plan.scorecards, "default")) {
    ctx.addIssue({ code: "custom", path: ["scorecards", "default"], message: 'scorecards.default: "default" names the plan\'s kpis in statements (the scorecard of people without a role); give the role another name' });
  }
  const personIds = new Set<string>();
  plan.people?.forEach((person, i) => {
    if (personIds.has(person.id)) ctx.addIssue({ code: "custom", path: ["people", i, "id"], message: `duplicate person id "${person.id}"` });
    personIds.add(person.id);
    if (person.activeFrom !== undefined && person.activeTo !== undefined && person.activeFrom > person.activeTo) {
      ctx.addIssue({ code: "custom", path: ["people", i, "activeTo"], message: "activeTo must not be before activeFrom" });
    }
  });
  const checkKpiRef = (ref: unknown, path: (string | number)[]): void => {
    if (typeof ref === "object" && ref !== null && "kpi" in ref && typeof ref.kpi === "string" && !kpiIds.has(ref.kpi)) {
      ctx.addIssue({ code: "custom", path: [...path, "kpi"], message: `no KPI with id "${ref.kpi}"` });
    } else if (typeof ref === "object" && ref !== null && "kpi" in ref && typeof ref.kpi === "string") {
      const lacking = scorecardIds.find((card) => !card.ids.has(ref.kpi as string));
      if (lacking !== undefined) ctx.addIssue({ code: "custom", path: [...path, "kpi"], message: `KPI "${ref.kpi}" is not in scorecard "${lacking.role}": a KPI that pay, a pool, promotion or team scores name must be in kpis and in every scorecard` });
    }
  };
  if (plan.review360 !== undefined && plan.score?.review360 === undefined) {
    ctx.addIssue({ code: "custom", path: ["score", "review360"], message: "review360 is set up but has no weight in score" });
  }
  const parts = [plan.score?.kpi, plan.score?.review360].filter((w) => w !== undefined);
  if (plan.score !== undefined && parts.every(isNumeric)) {
    const sum = parts.reduce<Decimal>((s, w) => s.plus(String(w)), new Decimal(0));
    if (!sum.eq(1)) ctx.addIssue({ code: "custom", path: ["score"], message: `score: the weights kpi + review360 must sum to 1; they sum to ${sum.toString()}${percentWeightsHint(parts, sum)}` });
  }
  if (plan.score?.review360 !== undefined && plan.review360 === undefined) {
    ctx.addIssue({ code: "custom", path: ["review360"], message: "score gives the 360 review a weight but review360 is not set up" });
  }
  const grades = plan.grading === undefined ? undefined : new Set(plan.grading.method === "bands" ? plan.grading.bands.map((b) => b.grade) : plan.grading.quotas.map((q) => q.grade));
  plan.grading?.overrides?.forEach((o, i) => {
    if (grades !== undefined && !grades.has(o.grade)) ctx.addIssue({ code: "custom", path: ["grading", "overrides", i, "grade"], message: `no grade "${o.grade}" in grading` });
  });
  const pay = plan.pay;
  if (pay !== undefined) {
    if (pay.targetIncentive !== undefined) checkKpiRef(pay.targetIncentive.measure, ["pay", "targetIncentive", "measure"]);
    if (pay.commission !== undefined) checkKpiRef(pay.commission.base, ["pay", "commission", "base"]);
    if (pay.trueUp !== undefined && pay.commission === undefined) ctx.addIssue({ code: "custom", path: ["pay", "trueUp"], message: "a true-up nets the commission: pay.trueUp needs pay.commission" });
    if (pay.draw !== undefined && pay.commission === undefined) ctx.addIssue({ code: "custom", path: ["pay", "draw"], message: "a draw is against the commission: pay.draw needs pay.commission" });
    if (pay.gradeMultipliers !== undefined && grades === undefined) {
      ctx.addIssue({ code: "custom", path: ["pay", "gradeMultipliers"], message: "grade multipliers need a grading section" });
    }
    if (pay.gradeMultipliers !== undefined && grades !== undefined) {
      for (const grade of grades) {
        if (!(grade in pay.gradeMultipliers)) ctx.addIssue({ code: "custom", path: ["pay", "gradeMultipliers"], message: `no multiplier for grade "${grade}"` });
      }
    }
    const poolIds = new Set<string>();
    pay.pools?.forEach((pool, i) => {
      if (poolIds.has(pool.id)) ctx.addIssue({ code: "custom", path: ["pay", "pools", i, "id"], message: `duplicate pool id "${pool.id}"` });
      poolIds.add(pool.id);
      if (pool.funding !== undefined) checkKpiRef(pool.funding.measure, ["pay", "pools", i, "funding", "measure"]);
      if (pool.byTeam !== undefined && (pool.per ?? "all") !== "all") ctx.addIssue({ code: "custom", path: ["pay", "pools", i, "per"], message: `pool "${pool.id}": byTeam already shares the pool by team; per "${pool.per ?? ""}" cannot split it again` });
      if (pool.byTeam !== undefined && pool.team !== undefined) ctx.addIssue({ code: "custom", path: ["pay", "pools", i, "byTeam"], message: `pool "${pool.id}": byTeam shares the pool over every team; it cannot be the pool of one team ("${pool.team}")` });
    });
  }
  if (plan.promotion !== undefined) checkKpiRef(plan.promotion.measure, ["promotion", "measure"]);
  if (plan.calendar !== undefined) checkCalendar(plan.calendar, (path, message) => ctx.addIssue({ code: "custom", path: [...path], message }));
  if (plan.teamScores?.kpi !== undefined) checkKpiRef({ kpi: plan.teamScores.kpi }, ["teamScores"]);
  // The domain's own checks read well-formed values only: they wait for the shapes to be right.
  if (ctx.issues.length === 0) checkPlanRules(plan, (path, message) => ctx.addIssue({ code: "custom", path: [...path], message }));
  // Issue 21: the scored sub-periods against the period and the KPIs.
  if (ctx.issues.length === 0) checkSubPeriods(plan, (path, message) => ctx.addIssue({ code: "custom", path: [...path], message }));
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** A make-up working day must be a weekend day, and no day can be both a holiday and a working day. */
function checkCalendar(calendar: NonNullable<RawPlan["calendar"]>, report: (path: readonly (string | number)[], message: string) => void): void {
  const holidays = new Set(calendar.holidays ?? []);
  calendar.workdays?.forEach((day, i) => {
    const path = ["calendar", "workdays", i];
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (holidays.has(day)) {
      report(path, `calendar.workdays[${i}] ${JSON.stringify(day)} is also in calendar.holidays; a day is either a holiday or a working day`);
    } else if (weekday !== 0 && weekday !== 6) {
      report(path, `calendar.workdays[${i}] ${JSON.stringify(day)} is a ${WEEKDAYS[weekday] as string}, already a working day; list only the Saturdays and Sundays that are worked (调休)`);
    }
  });
}

/**
 * Validates a plan (parsed JSON) and returns it typed. Every problem is reported at once.
 *
 * @category Plans and runs
 * @param input - the plan: a {@link PlanInput} built in code (typed, so editors complete its
 *   fields), or anything, e.g. `JSON.parse(fs.readFileSync("plan.json", "utf8"))`
 * @returns the plan
 * @throws {PayscoreError} `INVALID_PLAN` whose `issues` list every problem with its JSON path
 *   (`kpis[1].weight: expected a finite number…`) and whose `path` is the first one's
 *
 * @example
 * ```ts
 * parsePlan({ version: 1, currency: "CNY", period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
 *   kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }] }).currency; // "CNY"
 * parsePlan({ version: 2 }); // throws INVALID_PLAN: version: …; currency: …; period: …; kpis: …
 * ```
 */
export function parsePlan(input: PlanInput): Plan;
export function parsePlan(input: unknown): Plan;
export function parsePlan(input: PlanInput | unknown): Plan {
  return guard(computeParsePlan, [input]);
}

function computeParsePlan(input: unknown): Plan {
  const result = planSchema.safeParse(input, { error: planErrorMap });
  if (!result.success) throw planIssuesError(result.error.issues);
  return result.data;
}

/**
 * The JSON Schema (draft 2020-12) of a plan file, for editors and other programs. Consistency
 * rules (weights summing to 1, ids unique, curve points increasing) are checked by
 * {@link parsePlan} only.
 *
 * @category Plans and runs
 * @returns a JSON Schema object
 *
 * @example
 * ```ts
 * (planJsonSchema() as { required: string[] }).required; // ["version", "currency", "period", "kpis"]
 * ```
 */
export function planJsonSchema(): Record<string, unknown> {
  return guard(computePlanJsonSchema, []);
}

function computePlanJsonSchema(): Record<string, unknown> {
  // Issue 22: an `$id` and the format version, so a plan can name the schema it follows.
  const schema = z.toJSONSchema(planSchema, { io: "input" }) as Record<string, unknown>;
  // Every field described: from the schema where it says what the field is, else from the table.
  describeFields(schema, [NUMBER_DESCRIPTION]);
  return { ...schema, $id: PLAN_SCHEMA_ID, "x-payscore-format-version": 1 };
}

/** Where the plan format's JSON Schema (version 1) is published. */
const PLAN_SCHEMA_ID = "https://github.com/payscore/payscore/blob/main/docs/plan.schema.json";

// ─── Data ────────────────────────────────────────────────────────────────────────────────────

/** One data row: column → cell. Column `id` names the person. A CSV gives strings ("" = empty). */
export type DataRow = Readonly<Record<string, string | number | null>>;

/** One 360 rating of a person by a rater in a group (`manager`, `peer`, …). */
export interface RatingRow {
  readonly person: string;
  readonly rater: string;
  readonly group: string;
  readonly score: string | number;
  readonly competency?: string | undefined;
}

/**
 * Issue 20: one transaction for commission on collections, as a CSV row gives it (strings;
 * `amount` may be a JSON number). Other keys are ignored. See {@link PlanData}.
 */
export const transactionRowSchema = z.object({
  invoice: z.string(),
  date: z.string(),
  kind: z.string(),
  amount: z.union([z.string(), z.number()]),
  reps: z.string().optional(),
  shares: z.string().optional(),
  id: z.string().optional(),
});

/** The rows of `PlanData.transactions`: see {@link PlanData}. */
export interface TransactionRow {
  readonly invoice: string;
  readonly date: string;
  readonly kind: string;
  readonly amount: string | number;
  readonly reps?: string | undefined;
  readonly shares?: string | undefined;
  readonly id?: string | undefined;
}

/** Issue 21: one deal of `PlanData.deals`, as a CSV row gives it. Other keys are ignored. */
export const dealRowSchema = z.object({
  person: z.string(),
  amount: z.union([z.string(), z.number()]).optional(),
  probability: z.union([z.string(), z.number()]).optional(),
  stage: z.string().optional(),
  openedAt: z.string().optional(),
  closedAt: z.string().optional(),
  cost: z.union([z.string(), z.number()]).optional(),
});

/** The rows of `PlanData.deals`: see {@link PlanData}. */
export interface DealRow {
  readonly person: string;
  readonly amount?: string | number | undefined;
  readonly probability?: string | number | undefined;
  readonly stage?: string | undefined;
  /** The day the deal was opened, `yyyy-MM-dd` (for `cycle-days`). */
  readonly openedAt?: string | undefined;
  /** The day it closed, `yyyy-MM-dd`; empty or absent while it is open (for `cycle-days`). */
  readonly closedAt?: string | undefined;
  /** The deal's cost, ≥ 0 (for `margin` over the deals; its `amount` is the revenue); empty or absent: no cost booked, left out of the margin. */
  readonly cost?: string | number | undefined;
}

/** Issue 21: one sales activity of `PlanData.activities`, as a CSV row gives it. Other keys are ignored. */
export const activityRowSchema = z.object({
  person: z.string(),
  type: z.string(),
  tier: z.string().optional(),
  date: z.string().optional(),
  count: z.union([z.string(), z.number()]).optional(),
});

/** The rows of `PlanData.activities`: see {@link PlanData}. */
export interface ActivityRow {
  readonly person: string;
  /** The kind of activity (`visit`, `call`, `demo`…): a key of the KPI's `weights.byType`. */
  readonly type: string;
  /** The customer's tier (`key`, `A`, `B`…): a key of `weights.byTier` when the KPI has one. */
  readonly tier?: string | undefined;
  /** The day, `yyyy-MM-dd`, inside the plan's period; empty or absent: not checked. */
  readonly date?: string | undefined;
  /** How many such activities the row stands for, a whole number ≥ 0 (default 1). */
  readonly count?: string | number | undefined;
}

/** Issue 21: one ticket (or complaint) of `PlanData.tickets`, as a CSV row gives it. Other keys are ignored. */
export const ticketRowSchema = z.object({
  person: z.string(),
  openedAt: z.string(),
  resolvedAt: z.string().optional(),
});

/** The rows of `PlanData.tickets`: see {@link PlanData}. */
export interface TicketRow {
  readonly person: string;
  /** When it was opened: ISO 8601 with an offset, `2026-03-02T09:30:00+08:00`. */
  readonly openedAt: string;
  /** When it was resolved, not before `openedAt`; empty or absent while it is open. */
  readonly resolvedAt?: string | undefined;
}

/** Issue 21: one survey response of `PlanData.responses`, as a CSV row gives it. Other keys are ignored. */
export const responseRowSchema = z.object({
  person: z.string(),
  score: z.union([z.string(), z.number()]),
});

/** The rows of `PlanData.responses`: see {@link PlanData}. */
export interface ResponseRow {
  readonly person: string;
  readonly score: string | number;
}

/**
 * The data a plan runs on.
 *
 * - `rows`: one row per person. Column `id` (required) names the person; the other columns are
 *   what the plan's KPI `actual`/`target` sources, `commission.base` and `targetIncentive.amount`
 *   name. A cell is a JSON number or a plain decimal string read strictly (`"1200.50"`; no
 *   thousands separators, currency signs or spaces); `""` and `null` mean empty (missing).
 *   When the plan has no `people`, the roster comes from the rows and the optional columns
 *   `name`, `team`, `region`, `role`, `activeFrom`, `activeTo` (ISO dates) and `basePay` describe
 *   each person; when the plan lists `people`, those columns are ignored, every row must name a
 *   listed person and every listed person must have a row.
 * - `ratings`: 360 ratings (needed when the plan has `review360`).
 * - `history`: earlier periods' values of the promotion measure per person, oldest first
 *   (`{ "p01": [1.02, 0.97] }`), for `promotion`; a person it does not list is an error when the
 *   rule needs earlier periods, unless `promotion.missingHistory` is `"not-eligible"`.
 * - `historyPeriods`: the earlier periods' names, oldest first, for the trace.
 * - `transactions`: invoices, payments and credit notes, for `pay.commission.base.collections`
 *   (issue 20): `{ invoice, date, kind, amount, reps?, shares?, id? }`, where `kind` is
 *   `invoice`, `payment` (a negative amount is a refund) or `credit-note` (the amount the invoice
 *   is reduced by, either sign); an invoice row names its reps `"S1;S2"` and their shares
 *   `"0.6;0.4"` (empty for a single rep: all of it); `id` names a payment or credit note
 *   (default `#n`, its position in the list, from 1). See docs/plan-format.md.
 * - `paidToDate`, `forgivenToDate`: commission paid so far this year and deficits forgiven at
 *   earlier true-ups, by person (`{ "S1": "5000" }`), for `pay.trueUp` (issue 20).
 * - `deals`: one row per deal `{ person, amount?, probability?, stage? }`, for the list
 *   indicators `pipeline-value` (needs amount and probability), `stage-conversion` (needs
 *   stage) and `margin` (amount and `cost`; a deal with an empty cost is left out) (issue 21).
 * - `responses`: one row per survey response `{ person, score }` (a whole-number rating), for
 *   the list indicator `csat` (issue 21).
 * - `deals` may also carry `openedAt` and `closedAt` (`yyyy-MM-dd`) for the list indicator
 *   `cycle-days`; `activities`: one row per activity `{ person, type, tier?, date?, count? }`
 *   for `weighted-visits`; `tickets`: one row per ticket `{ person, openedAt, resolvedAt? }`
 *   (ISO date-times with an offset) for `resolution-hours` (issue 21).
 *
 * Errors: `INVALID_DATA` with path `["rows", index, column]` for a bad or missing cell,
 * `["rows", index, "id"]` for a missing or duplicate id, `["ratings", index, field]` for a bad
 * rating, `["history", person, index]` for a bad history value.
 *
 * @example
 * ```ts
 * planDataSchema.safeParse({ rows: [{ id: "p01", sales: "120000" }], deals: [{ person: "p01", amount: "500", cost: "300" }] }).success; // true
 * planDataSchema.safeParse({ rows: [], extra: 1 }).success; // false (an unknown key)
 * ```
 */
export const planDataSchema = z.strictObject({
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  ratings: z
    .array(
      z.strictObject({
        person: z.string(),
        rater: z.string(),
        group: z.string(),
        score: z.union([z.string(), z.number()]),
        competency: z.string().optional(),
      }),
    )
    .optional(),
  history: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
  historyPeriods: z.array(z.string().min(1)).optional(),
  transactions: z.array(transactionRowSchema).optional(),
  paidToDate: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  forgivenToDate: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  deals: z.array(dealRowSchema).optional(),
  responses: z.array(responseRowSchema).optional(),
  activities: z.array(activityRowSchema).optional(),
  tickets: z.array(ticketRowSchema).optional(),
});

/** See {@link planDataSchema}. */
export interface PlanData {
  readonly rows: readonly DataRow[];
  readonly ratings?: readonly RatingRow[] | undefined;
  readonly history?: Readonly<Record<string, readonly (string | number)[]>> | undefined;
  /**
   * The names of the earlier periods in `history`, oldest first (the history CSV's column
   * headers, `["2025-Q3", "2025-Q4"]`), which label them in the promotion trace. A person with
   * fewer values (an empty cell) has them labelled by the latest names. Optional.
   */
  readonly historyPeriods?: readonly string[] | undefined;
  /** Issue 20: invoices, payments and credit notes for commission on collections (rows `{ invoice, date, kind, amount, reps?, shares?, id? }`; see docs/plan-format.md). */
  readonly transactions?: readonly TransactionRow[] | undefined;
  /** Issue 20: commission paid to date this year, by person (for `pay.trueUp`; a person not listed was paid 0). */
  readonly paidToDate?: Readonly<Record<string, string | number>> | undefined;
  /** Issue 20: deficits forgiven at earlier true-ups this year, by person (for `pay.trueUp`). */
  readonly forgivenToDate?: Readonly<Record<string, string | number>> | undefined;
  /** Issue 21: deals, one row each `{ person, amount?, probability?, stage? }`, for the list indicators `pipeline-value` and `stage-conversion`. */
  readonly deals?: readonly DealRow[] | undefined;
  /** Issue 21: survey responses, one row each `{ person, score }`, for the list indicator `csat`. */
  readonly responses?: readonly ResponseRow[] | undefined;
  /** Issue 21: sales activities, one row each `{ person, type, tier?, date?, count? }`, for the list indicator `weighted-visits`. */
  readonly activities?: readonly ActivityRow[] | undefined;
  /** Issue 21: tickets, one row each `{ person, openedAt, resolvedAt? }`, for the list indicator `resolution-hours`. */
  readonly tickets?: readonly TicketRow[] | undefined;
}

/**
 * {@link PlanData} whose ratings are any iterable, read once as the run goes — a generator over
 * a ratings file, say — so millions of ratings never need to be a list of objects. `runPlan`
 * and `runPlanLazy` take either.
 */
export interface PlanDataStream extends Omit<PlanData, "ratings"> {
  readonly ratings?: Iterable<RatingRow> | undefined;
}
