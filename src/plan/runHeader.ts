import type { RoundingMode } from "../numeric/index.js";
import * as D from "./domains.js";
import { planHash } from "./planHash.js";
import type { RunAudit } from "./runOptions.js";
import type { Plan } from "./schema.js";
import { PAYSCORE_VERSION } from "./version.js";

/**
 * The fields that open every run, whichever path computed it, in the order a run's JSON lists
 * them (both paths spread this first, so their JSON stays byte-identical).
 *
 * @internal
 * @param plan - the plan as the caller gave it (hashed as given)
 * @param p - the validated plan
 * @param scale - the currency's minor units
 * @param mode - the plan's rounding mode
 * @param audit - the caller's `inputs` and `runAt`, added last when given (issue 18)
 * @returns version, planHash, planName, currency, scale, rounding, period, subPeriods, then inputs and runAt when given
 * @example
 * ```ts
 * runHeader(plan, parsePlan(plan), 2, "half-even").currency; // "CNY"
 * ```
 */
export function runHeader(plan: unknown, p: Plan, scale: number, mode: RoundingMode, audit: RunAudit = {}) {
  return {
    version: PAYSCORE_VERSION,
    planHash: planHash(plan),
    planName: p.name ?? null,
    currency: p.currency.toUpperCase(),
    scale,
    rounding: mode,
    period: { start: p.period.start, end: p.period.end, label: p.period.label },
    // Issue 21: the object form (scored sub-periods) lists the same sub-periods as its `by`.
    subPeriods: p.subPeriods === undefined ? [] : D.splitPeriod(p.period, typeof p.subPeriods === "string" ? p.subPeriods : p.subPeriods.by).map((sub) => ({ start: sub.start, end: sub.end, label: sub.label })),
    ...(audit.inputs === undefined ? {} : { inputs: audit.inputs }),
    ...(audit.runAt === undefined ? {} : { runAt: audit.runAt }),
  };
}
