import { Decimal, isNumeric } from "../numeric/index.js";
import * as D from "./domains.js";
import type { AddPlanIssue } from "./planChecks.js";

/** The object form of a plan's `subPeriods` (issue 21), as the schema gives it. @internal */
export interface ScoredSubPeriods {
  readonly by: "half" | "quarter" | "month" | "week";
  readonly split?: "equal" | "business-days" | "calendar-days" | { readonly profile: readonly (string | number)[] } | undefined;
  readonly kpis?: readonly string[] | undefined;
  readonly actuals?: "columns" | "none" | undefined;
  readonly missing?: "error" | "empty" | undefined;
  readonly scale?: number | undefined;
}

/** The parts of a parsed plan the sub-period checks read (structural, to avoid a cycle with the schema). */
interface SubPeriodPlan {
  readonly period: { readonly start: string; readonly end: string; readonly label: string };
  readonly subPeriods?: ScoredSubPeriods["by"] | ScoredSubPeriods | undefined;
  readonly kpis: readonly { readonly id: string; readonly actual: unknown }[];
}

/**
 * The plan's scored sub-periods: the object form of `subPeriods`, or `undefined` for none or
 * for the string form (labels only).
 *
 * @internal
 * @param plan - the parsed plan
 * @returns the object form, or `undefined`
 *
 * @example
 * ```ts
 * scoredSubPeriods({ …plan, subPeriods: "month" }); // undefined
 * scoredSubPeriods({ …plan, subPeriods: { by: "month" } }); // { by: "month" }
 * ```
 */
export function scoredSubPeriods(plan: Pick<SubPeriodPlan, "subPeriods">): ScoredSubPeriods | undefined {
  return typeof plan.subPeriods === "object" ? plan.subPeriods : undefined;
}

/**
 * Whether a KPI's actual is a data column (`"revenue"` or `{ column }`): only such a KPI is an
 * amount that adds up over the sub-periods, so only it can be split.
 *
 * @internal
 * @param actual - the KPI's `actual`
 * @returns the column, or `undefined` for a derived or list indicator
 *
 * @example
 * ```ts
 * actualColumnOf("revenue"); // "revenue"
 * actualColumnOf({ indicator: "margin", revenue: "revenue", cost: "cost" }); // undefined
 * ```
 */
export function actualColumnOf(actual: unknown): string | undefined {
  if (typeof actual === "string") return actual;
  if (typeof actual === "object" && actual !== null && "column" in actual && !("indicator" in actual)) {
    const column = (actual as { readonly column: unknown }).column;
    return typeof column === "string" ? column : undefined;
  }
  return undefined;
}

/**
 * The positions of the KPIs scored per sub-period, in plan order: those `subPeriods.kpis`
 * names, or every KPI whose actual is a data column.
 *
 * @internal
 * @param plan - the parsed plan (with the object form of `subPeriods`)
 * @param sub - its `subPeriods`
 * @returns the KPI positions
 *
 * @example
 * ```ts
 * subPeriodKpiIndices(plan, { by: "month" }); // [0, 5] — revenue and visits of examples/sales-org
 * ```
 */
export function subPeriodKpiIndices(plan: Pick<SubPeriodPlan, "kpis">, sub: ScoredSubPeriods): number[] {
  const named = sub.kpis === undefined ? undefined : new Set(sub.kpis);
  const out: number[] = [];
  plan.kpis.forEach((kpi, k) => {
    if (named === undefined ? actualColumnOf(kpi.actual) !== undefined : named.has(kpi.id)) out.push(k);
  });
  return out;
}

/**
 * Checks the object form of `subPeriods` against the period and the KPIs (run by `parsePlan`
 * once the shapes are right): a profile has one weight ≥ 0 per sub-period, not all 0; every KPI
 * named exists, once, and has a data column as its actual; some KPI is scored.
 *
 * @internal
 * @param plan - the parsed plan
 * @param report - records a problem with its path
 * @returns nothing; problems go to `report`
 *
 * @example
 * ```ts
 * checkSubPeriods({ period: q1, kpis, subPeriods: { by: "month", split: { profile: [1, 1] } } }, report);
 * // report(["subPeriods", "split", "profile"], "subPeriods.split.profile has 2 weights, but 2026-Q1 splits into 3 months …")
 * ```
 */
export function checkSubPeriods(plan: SubPeriodPlan, report: AddPlanIssue): void {
  const sub = scoredSubPeriods(plan);
  if (sub === undefined) return;
  const split = sub.split;
  if (typeof split === "object") {
    const path = ["subPeriods", "split", "profile"];
    const count = D.splitPeriod(plan.period, sub.by).length;
    if (split.profile.length !== count) {
      const unit = count === 1 ? sub.by : PLURAL[sub.by];
      report(path, `subPeriods.split.profile has ${split.profile.length} weight${split.profile.length === 1 ? "" : "s"}, but the period ${plan.period.label} splits into ${count} ${unit}; give one weight per ${sub.by}`);
    }
    let positive = false;
    split.profile.forEach((weight, i) => {
      if (!isNumeric(weight)) return;
      const w = new Decimal(String(weight));
      if (w.isNegative()) report([...path, i], `subPeriods.split.profile[${i}] must be 0 or more (a share of the period's target); got ${String(weight)}`);
      if (w.greaterThan(0)) positive = true;
    });
    if (!positive && split.profile.length === count) report(path, "subPeriods.split.profile must have at least one weight greater than 0");
  }
  const ids = new Map(plan.kpis.map((kpi, k) => [kpi.id, k]));
  const seen = new Set<string>();
  sub.kpis?.forEach((id, i) => {
    const path = ["subPeriods", "kpis", i];
    const k = ids.get(id);
    if (seen.has(id)) report(path, `subPeriods.kpis[${i}]: "${id}" is listed twice`);
    seen.add(id);
    if (k === undefined) report(path, `subPeriods.kpis[${i}]: no KPI with id "${id}"`);
    else if (actualColumnOf(plan.kpis[k]?.actual) === undefined) {
      report(path, `subPeriods.kpis[${i}]: KPI "${id}" is a derived or list indicator (a ratio or count of events, not an amount that adds up over the sub-periods); only a KPI whose actual is a data column can be split`);
    }
  });
  if (sub.kpis === undefined && subPeriodKpiIndices(plan, sub).length === 0) {
    report(["subPeriods"], "subPeriods: no KPI can be scored per sub-period; only a KPI whose actual is a data column can be split (or use the string form, labels only)");
  }
}

const PLURAL: Readonly<Record<ScoredSubPeriods["by"], string>> = { half: "halves", quarter: "quarters", month: "months", week: "weeks" };
