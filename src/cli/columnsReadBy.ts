import type { Plan } from "../plan/index.js";

/** A data column a plan reads, and the place in the plan that names it. */
export interface ColumnUse {
  readonly column: string;
  readonly path: readonly (string | number)[];
}

/**
 * The data columns a plan needs in every row (KPI actuals and targets, incentive amounts,
 * commission bases), each with the first place in the plan that names it — so a missing column
 * is reported once, against the header, before anything is computed. Roster columns (`name`,
 * `team`, `basePay`, …) are optional and not listed.
 *
 * @param plan - a validated plan
 * @returns the columns, in the order the plan first names them
 *
 * @example
 * ```ts
 * columnsReadBy(plan); // [{ column: "revenue", path: ["kpis", 0, "actual"] }, …]
 * ```
 */
export function columnsReadBy(plan: Plan): ColumnUse[] {
  const uses = new Map<string, ColumnUse>();
  const add = (column: string, path: readonly (string | number)[]): void => {
    if (!uses.has(column)) uses.set(column, { column, path });
  };
  const addRef = (ref: unknown, path: readonly (string | number)[]): void => {
    if (typeof ref === "object" && ref !== null && "column" in ref && typeof ref.column === "string") add(ref.column, [...path, "column"]);
  };
  plan.kpis.forEach((kpi, i) => {
    const actual: unknown = kpi.actual;
    if (typeof actual === "string") add(actual, ["kpis", i, "actual"]);
    else if (typeof actual === "object" && actual !== null && "indicator" in actual && !("from" in actual)) {
      // (Issue 21: a list indicator, with "from", reads a list input — deals, responses — not the rows.)
      for (const [key, value] of Object.entries(actual)) {
        if (key !== "indicator" && typeof value === "string") add(value, ["kpis", i, "actual", key]);
      }
    } else addRef(actual, ["kpis", i, "actual"]);
    const target: unknown = kpi.target;
    addRef(target, ["kpis", i, "target"]);
    if (typeof target === "object" && target !== null && "weightColumn" in target && typeof target.weightColumn === "string") {
      add(target.weightColumn, ["kpis", i, "target", "weightColumn"]);
    }
  });
  const pay = plan.pay;
  if (pay?.targetIncentive !== undefined) addRef(pay.targetIncentive.amount, ["pay", "targetIncentive", "amount"]);
  if (pay?.commission !== undefined) addRef(pay.commission.base, ["pay", "commission", "base"]);
  // Issue 20: the draw and the balance owed from earlier draws.
  if (pay?.draw !== undefined) addRef(pay.draw.amount, ["pay", "draw", "amount"]);
  if (pay?.draw?.balance !== undefined) addRef(pay.draw.balance, ["pay", "draw", "balance"]);
  return [...uses.values()];
}
