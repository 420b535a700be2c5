/**
 * What each field of a plan means, in one sentence, for the plan's JSON Schema (an editor shows
 * it on hover). Fields whose zod schema carries a description (`.describe()` / `.meta()`) keep
 * it; these fill the rest. Keys are a field's path with `[]` for "each item" (`kpis[].id`), or a
 * suffix after `*.` that applies wherever the field appears (`*.curve.points`). A test checks
 * that every property of the exported schema has a description and that every key here names
 * one.
 *
 * @internal
 */
export const PLAN_FIELD_DOCS: Readonly<Record<string, string>> = {
  "period.start": "The period's first day, yyyy-MM-dd",
  "period.end": "The period's last day (inclusive), yyyy-MM-dd, not before start",
  "period.label": 'The period\'s name in statements and history, e.g. "2026-Q1" (required)',

  "people[].id": "The person's id; data rows name the person in their id column",
  "people[].name": "The person's name, as statements show it",
  "people[].team": "The person's team (team pools and per-team grading use it)",
  "people[].region": "The person's region",
  "people[].role": "The person's role (rep, supervisor, manager …)",
  "people[].parent": "The unit the person reports into (a manager's id, a branch): the parent level of an org target's over",
  "people[].activeFrom": "First day active in the period (joined mid-period), yyyy-MM-dd; default the period's start",
  "people[].basePay": "Base pay for the period, in the plan's currency",
  "people[].activeTo": "Last day active in the period (left mid-period), yyyy-MM-dd; default the period's end",

  "kpis[].weight": "The KPI's weight in the KPI score, a ratio; the KPI weights sum to 1 (0.4, not 40)",
  "kpis[].cap": "The most the attainment counts, e.g. 1.5 = 150 %",
  "kpis[].floor": "The least the attainment counts",
  "kpis[].difficulty.column": "The data column holding each person's (or territory's) difficulty coefficient",
  "kpis[].target.total": "A team total, decomposed over the people exactly to the unit",
  "kpis[].id": "The KPI's id: unique, used by data columns, measures and the statement",
  "kpis[].name": "The KPI's name, as statements show it",
  "kpis[].category": "The indicator's kind: result, quality, process or behaviour",
  "kpis[].direction": '"higher" (default: more is better) or "lower" (fewer complaints, a shorter cycle)',
  "kpis[].lowerFormula": 'For a lower-is-better KPI: "reflect" (max(0, 2 − actual / target), default) or "inverse" (target / actual)',
  "kpis[].zeroTarget": 'What a target of 0 scores: "error" (default), "zero", or "full" (attainment 1)',
  "kpis[].prorate": 'Prorate the target for people active only part of the period, by "calendar-days" or "business-days"; absent = no proration',
  "kpis[].actual.column": "The data column holding each person's actual",
  "kpis[].actual.indicator": "A derived indicator computed from other columns (collection-rate, margin, nps, growth, market-share, complaint-rate), or a list indicator measured from a list input (pipeline-value, stage-conversion, csat, cycle-days, weighted-visits, resolution-hours)",
  "kpis[].actual.collected": "collection-rate: the column of cash collected (回款)",
  "kpis[].actual.billed": "collection-rate: the column of the amount billed (应收)",
  "kpis[].actual.revenue": "margin: the column of revenue",
  "kpis[].actual.cost": "margin: the column of cost",
  "kpis[].actual.promoters": "nps: the column counting promoters (9–10)",
  "kpis[].actual.passives": "nps: the column counting passives (7–8)",
  "kpis[].actual.detractors": "nps: the column counting detractors (0–6)",
  "kpis[].actual.current": "growth: the column of this period's value",
  "kpis[].actual.previous": "growth: the column of the previous period's value",
  "kpis[].actual.sales": "market-share: the column of the person's (or team's) sales",
  "kpis[].actual.market": "market-share: the column of the market's total sales",
  "kpis[].actual.complaints": "complaint-rate: the column counting complaints",
  "kpis[].actual.interactions": "complaint-rate: the column counting orders or interactions",
  "kpis[].target.column": "The data column holding each person's target",
  "kpis[].target.perPerson": "Each person's target, by person id",
  "kpis[].target.weightColumn": "The data column whose values share the total between the people (default equal shares)",

  "*.curve.points[].x": "The point's x: the attainment or measure (1 = 100 %)",
  "*.curve.points[].y": "The point's y: the points, rate or ratio at x",
  "*.curve.points": "The curve's points { x, y }, x strictly increasing",
  "*.curve.below": 'Below the first point: "zero", "clamp" (the first y, default) or "extrapolate"',
  "*.curve.above": 'Above the last point: "clamp" (the last y, default) or "extrapolate"',
  "*.curve.step": "true: tiers (the y of the last point at or below x), not a line between points",

  "score.kpi": "The KPI score's weight in the composite score (e.g. 0.7)",
  "score.review360": "The 360 score's weight in the composite score (e.g. 0.3); with score.kpi it sums to 1",
  "score.missing": 'A KPI without an actual: "error" (default), "zero" (scores 0) or "reweight" (the other KPIs\' weights are rescaled)',

  "review360.scale.min": "The lowest rating (default 1)",
  "review360.scale.max": "The highest rating (default 5)",
  "review360.weights": "Each rater group's weight (manager, peer, subordinate, customer, self …), summing to 1",
  "review360.minRaters": "The fewest raters a group needs to count (default 1; a smaller group is left out, keeping raters anonymous): a whole number for every group, or { group: number }",
  "review360.competencyWeights": "Each competency's weight in a rater's score, summing to 1 (default equal)",
  "review360.scale": "The rating scale { min, max } (default 1–5), rescaled to 0–100",

  "grading.method": '"bands" (grade by score thresholds) or "forced" (a forced distribution, e.g. 20/70/10)',
  "grading.bands": "Score bands { grade, min }: a person gets the grade of the highest min their score reaches, e.g. 优秀 from 90",
  "grading.bands[].min": "The lowest score that gets the grade",
  "grading.bands[].grade": "The grade's name, e.g. 优秀 or A",
  "grading.quotas": "The share of people in each grade, from the top, summing to 1",
  "grading.quotas[].share": "The share of people in the grade, a ratio (0.2 = 20 %)",
  "grading.quotas[].grade": "The grade's name, e.g. A",
  "grading.ties": 'Scores tied with the last seat of a grade: "share-grade" (all of them get that grade, default) or "by-order" (input order decides, so each grade gets exactly its seats)',
  "grading.overrides": "Grades changed after review or appeal (one per person), each with a reason and who decided",
  "grading.overrides[].person": "The person whose grade is changed",
  "grading.overrides[].grade": "The grade they get",
  "grading.overrides[].reason": "Why (an appeal, a calibration meeting), kept in the statement",
  "grading.overrides[].by": "Who decided, kept in the statement",

  "pay.fixed": "Fixed pay = base pay × share (e.g. 0.7 of a 70/30 mix), whatever the score",
  "pay.fixed.share": "The share of base pay paid as fixed pay, a ratio (0.7 = 70 %)",
  "pay.targetIncentive.amount.shareOfBasePay": "The incentive at target as a share of the person's base pay",
  "pay.targetIncentive": "A target incentive: an amount at 100 %, paid by a curve of a measure and the grade multiplier",
  "pay.targetIncentive.amount": "The incentive at target: a number for everyone, { column } per person, or { shareOfBasePay }",
  "pay.targetIncentive.amount.column": "The data column holding each person's incentive at target",
  "pay.targetIncentive.measure": '"score" (score / 100) or { kpi } (the KPI\'s attainment)',
  "pay.targetIncentive.measure.kpi": "The KPI whose attainment is the measure",
  "pay.commission": "Commission on tiered rates of a base (sales, margin or collections)",
  "pay.commission.base": "What the commission is paid on: { column } or { kpi } (the KPI's actual)",
  "pay.commission.base.kpi": "The KPI whose actual is the base",
  "pay.commission.base.column": "The data column holding the base",
  "pay.commission.mode": '"marginal" (超额累进, each slice at its tier\'s rate, default) or "retroactive" (全额累进, all at the highest rate reached)',
  "pay.commission.tiers[].from": "Where the tier starts (the first at 0)",
  "pay.commission.tiers[].rate": "The tier's rate, a ratio (0.05 = 5 %)",
  "pay.commission.tiers": "The tiers { from, rate }: the first from 0, each next higher, rates ≥ 0",
  "pay.gradeMultipliers": "Each grade's multiplier of the incentive and of pool weights, e.g. { A: 1.5, B: 1, C: 0.5 }",
  "pay.pools": "Bonus pools with a budget, shared by weight and capped, to the minor unit",
  "pay.pools[].budget": "The pool's budget before funding, in the plan's currency",
  "pay.pools[].cap.multipleOfBasePay": "The cap as a multiple of the person's base pay",
  "pay.pools[].id": "The pool's id, as statements show it",
  "pay.pools[].cap": "The most one person may get from the pool: an amount, or { multipleOfBasePay }; what caps leave is reported as unallocated",
  "pay.pools[].funding": "Funding by results: budget × curve(mean of the measure over the pool's people)",
  "pay.pools[].funding.measure": '"score" (score / 100) or { kpi } (the KPI\'s attainment)',
  "pay.pools[].funding.measure.kpi": "The KPI whose attainment is the measure",
  "pay.pools[].team": "Only this team shares the pool (default everyone)",
  "pay.pools[].weightBy": '"score" (default), "basePay-score" (base pay × score) or "equal"; times the grade multiplier',
  "pay.awards": "Fixed awards (a sales champion prize, say) to named people",
  "pay.awards[].id": "The award's id",
  "pay.awards[].name": "The award's name, as statements show it",
  "pay.awards[].amount": "The award's amount, per person who gets it",
  "pay.awards[].people": "Who gets it (a person listed twice gets it twice)",

  "promotion.threshold": "The least value of the measure a period must reach (1 = 100 % of target)",
  "promotion.count": "How many consecutive periods, ending with this one, must meet the threshold (N consecutive quarters over target)",
  "promotion.measure": '"score" (score / 100) or { kpi } (the KPI\'s attainment)',
  "promotion.measure.kpi": "The KPI whose attainment is the measure",
};

/**
 * Gives every property of a JSON Schema without a description one from {@link PLAN_FIELD_DOCS}.
 *
 * @internal
 * @param schema - the JSON Schema zod wrote (changed in place; a fresh object each call)
 * @param generic - descriptions that say only what kind of value a field takes (a number field's),
 *   replaced by the field's own where the table has one
 * @returns the keys of `PLAN_FIELD_DOCS` that were used
 *
 * @example
 * ```ts
 * const schema = z.toJSONSchema(planSchema, { io: "input" });
 * describeFields(schema);
 * ```
 */
export function describeFields(schema: Record<string, unknown>, generic: readonly string[] = []): Set<string> {
  const used = new Set<string>();
  const defs = (schema["$defs"] ?? {}) as Record<string, Record<string, unknown>>;
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, unknown>;
    const properties = n["properties"] as Record<string, Record<string, unknown>> | undefined;
    if (properties !== undefined) {
      for (const [key, child] of Object.entries(properties)) {
        const childPath = path === "" ? key : `${path}.${key}`;
        const own = child["description"];
        if ((own === undefined || generic.includes(own as string)) && !hasReferencedDescription(child, defs, generic)) {
          const doc = docFor(childPath);
          if (doc !== undefined) {
            child["description"] = doc.text;
            used.add(doc.key);
          }
        }
        visit(child, childPath);
      }
    }
    if (n["items"] !== undefined) visit(n["items"], `${path}[]`);
    if (typeof n["additionalProperties"] === "object") visit(n["additionalProperties"], path);
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      const list = n[key];
      if (Array.isArray(list)) for (const item of list) visit(item, path);
    }
  };
  visit(schema, "");
  return used;
}

function hasReferencedDescription(node: Record<string, unknown>, defs: Record<string, Record<string, unknown>>, generic: readonly string[]): boolean {
  const ref = node["$ref"];
  if (typeof ref !== "string") return false;
  const description = defs[ref.split("/").pop() ?? ""]?.["description"];
  return description !== undefined && !generic.includes(description as string);
}

function docFor(path: string): { key: string; text: string } | undefined {
  // Issue 21: a scorecard's KPI is described as a KPI of the plan's kpis.
  if (path.startsWith("scorecards.kpis[].")) return docFor(path.slice("scorecards.".length));
  const exact = PLAN_FIELD_DOCS[path];
  if (exact !== undefined) return { key: path, text: exact };
  const parts = path.split(".");
  for (let from = 1; from < parts.length; from++) {
    const key = `*.${parts.slice(from).join(".")}`;
    const text = PLAN_FIELD_DOCS[key];
    if (text !== undefined) return { key, text };
  }
  return undefined;
}
