import { describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal, isNumeric } from "../numeric/index.js";
import type { AddPlanIssue } from "./planChecks.js";

/** An org target as the schema reads it (kept structural to avoid a cycle with the schema). */
interface OrgTargetShape {
  readonly over: readonly string[];
  readonly total?: unknown;
  readonly totals?: Readonly<Record<string, unknown>> | undefined;
  readonly weights?: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> | undefined;
}

/**
 * Issue 21: the checks of an org target (`{ over, total | totals, weights? }`) that need no
 * data: exactly one of `total` and `totals`, each level of `over` once, weights only for the
 * levels of `over`, and no negative total, unit total or weight. Which units exist is known only
 * with the roster; the run checks the names (see `orgTargets`).
 *
 * @internal
 * @param target - the KPI's target, when it is an org target (anything else is left alone)
 * @param base - the target's path, `["kpis", k, "target"]`
 * @param add - records a problem
 * @returns whether `target` was an org target
 *
 * @example
 * ```ts
 * checkOrgTarget({ over: ["region"], total: 100, weights: { team: { A: 1 } } }, ["kpis", 0, "target"], add);
 * // "kpis[0].target.weights.team: weights are given for team, but over has no team level (over: region)"
 * ```
 */
export function checkOrgTarget(target: unknown, base: ErrorPath, add: AddPlanIssue): boolean {
  if (typeof target !== "object" || target === null || !("over" in target)) return false;
  const org = target as OrgTargetShape;
  if ((org.total === undefined) === (org.totals === undefined)) {
    const both = org.total !== undefined;
    add(base, `${formatPath(base)} must have exactly one of total (the top's target) or totals (the first level's units' targets); got ${both ? "both" : "neither"}`);
  }
  org.over.forEach((level, i) => {
    if (org.over.indexOf(level) !== i) add([...base, "over", i], `${formatPath([...base, "over", i])} is ${JSON.stringify(level)} again: each level of the tree may appear once`);
  });
  notNegative(add, [...base, "total"], org.total, "a total target");
  for (const [unit, value] of Object.entries(org.totals ?? {})) notNegative(add, [...base, "totals", unit], value, "a unit's target");
  for (const [level, weights] of Object.entries(org.weights ?? {})) {
    if (weights === undefined) continue;
    if (!org.over.includes(level)) {
      add([...base, "weights", level], `${formatPath([...base, "weights", level])}: weights are given for ${level}, but over has no ${level} level (over: ${org.over.join(" → ")})`);
    }
    if (level === org.over[0] && org.totals !== undefined) {
      add([...base, "weights", level], `${formatPath([...base, "weights", level])}: the ${level} units have given totals; weights would not be used`);
    }
    for (const [unit, value] of Object.entries(weights)) notNegative(add, [...base, "weights", level, unit], value, "a weight");
  }
  return true;
}

function notNegative(add: AddPlanIssue, path: ErrorPath, value: unknown, what: string): void {
  if (isNumeric(value) && new Decimal(String(value)).isNegative()) add(path, `${formatPath(path)} is ${describeValue(value)}: ${what} must not be negative`);
}
