import type { LazyPayoutRun, PayoutRun, Statement } from "../plan/index.js";
/**
 * Neutralises a text cell a spreadsheet would read as a formula (OWASP "CSV injection"): text
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel,
 * LibreOffice and Google Sheets show it as text instead of running it. Only for text fields (ids,
 * names, teams, grades); a number such as `-12.00` is never passed here and stays a number.
 *
 * @param text - a text cell
 * @returns the cell, with `'` in front when it would start a formula
 *
 * @example
 * ```ts
 * neutraliseFormula('=HYPERLINK("http://x","y")'); // "'=HYPERLINK(\"http://x\",\"y\")"
 * neutraliseFormula("+cmd"); // "'+cmd"
 * neutraliseFormula("Wang Fang"); // "Wang Fang"
 * ```
 */
export function neutraliseFormula(text: string): string {
  const c = text.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d ? `'${text}` : text;
}

/**
 * The pay columns of a one-row-per-person table in their groups: `fixed`, `targetIncentive`,
 * `commission`, then every `pool:<id>`, then every `award:<id>`, each group in the order given.
 *
 * @param keys - the pay columns in the order they first appear
 * @returns the same columns, grouped
 *
 * @example
 * ```ts
 * groupPayColumns(["fixed", "pool:a", "award:x", "pool:b"]); // ["fixed", "pool:a", "pool:b", "award:x"]
 * ```
 */
export function groupPayColumns(keys: readonly string[]): string[] {
  const rank = (key: string): number => (key === "fixed" ? 0 : key === "targetIncentive" ? 1 : key === "commission" || key.startsWith("commission:") ? 2 : key.startsWith("pool:") ? 3 : key.startsWith("award:") ? 4 : 5);
  return keys.map((key, index) => ({ key, index, rank: rank(key) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((entry) => entry.key);
}

/**
 * Zero written at the currency's minor units (`0.00` for 2), for a pay column a person has no
 * line in: an amount is never blank.
 *
 * @param scale - decimal places of money
 * @returns `"0"`, `"0.00"`, …
 *
 * @example
 * ```ts
 * zeroAmount(2); // "0.00"
 * zeroAmount(0); // "0"
 * ```
 */
export function zeroAmount(scale: number): string {
  return Number.isInteger(scale) && scale > 0 ? `0.${"0".repeat(scale)}` : "0";
}

/**
 * A pay line's column: `fixed`, `targetIncentive`, `commission`, or `pool:<id>`, `award:<id>` and
 * `commission:<id>` for the commission lines other than the commission itself (clawback, draw).
 *
 * @param component - the line's component
 * @param id - the line's id
 * @returns the column's name
 *
 * @example
 * ```ts
 * payKey("pool", "bonus"); // "pool:bonus"
 * payKey("commission", "clawback"); // "commission:clawback"
 * payKey("fixed", "fixed"); // "fixed"
 * ```
 */
export function payKey(component: string, id: string): string {
  return component === "pool" || component === "award" || (component === "commission" && id !== "commission") ? `${component}:${id}` : component;
}

/**
 * The 360 columns a run's statements carry beyond the 360 points (issue 21): one
 * `review360.<competency>` column of points per competency, and `trainingNeeds` when the
 * statements list them.
 *
 * @param run - a run, or a lazy run (which names its competencies)
 * @returns the competencies in column order, and whether there is a training-needs column
 *
 * @example
 * ```ts
 * competencyColumns(run); // { competencies: ["focus", "teamwork"], trainingNeeds: true }
 * ```
 */
export function competencyColumns(run: PayoutRun | LazyPayoutRun): { competencies: string[]; trainingNeeds: boolean } {
  const lazy = "statementAt" in run;
  const size = lazy ? run.size : run.statements.length;
  const first = size === 0 ? undefined : lazy ? run.statementAt(0) : run.statements[0];
  const competencies = lazy ? [...(run.lineIds.competencies ?? [])] : [...new Set(run.statements.flatMap((st) => (st.review360?.competencies ?? []).map((c) => c.competency)))];
  return { competencies, trainingNeeds: first?.review360?.trainingNeeds !== undefined };
}

/** The scored sub-periods of a run's statements, as columns: each sub-period's label and the KPIs scored in it. */
export interface SubPeriodColumns {
  readonly label: string;
  readonly kpis: readonly string[];
}

/**
 * The columns a run's statements carry beyond the period's (issue 21): the scored sub-periods
 * (every statement has the same sub-periods and KPIs, so the first statement names them), and
 * whether there is a `scorecard` column — when any statement was scored by a role scorecard
 * (with `scorecards`, every statement names one: its role's, or `default`). A lazy run is asked
 * for its first statement only.
 *
 * @param run - a run, or a lazy run
 * @returns the sub-periods in column order, and whether there is a scorecard column
 *
 * @example
 * ```ts
 * subPeriodAndScorecardColumns(run);
 * // { subPeriods: [{ label: "2026-01", kpis: ["revenue"] }, …], scorecard: true }
 * ```
 */
export function subPeriodAndScorecardColumns(run: PayoutRun | LazyPayoutRun): { subPeriods: SubPeriodColumns[]; scorecard: boolean } {
  const lazy = "statementAt" in run;
  const size = lazy ? run.size : run.statements.length;
  const first = size === 0 ? undefined : lazy ? run.statementAt(0) : run.statements[0];
  const subPeriods = (first?.subPeriods ?? []).map((sub) => ({ label: sub.label, kpis: sub.kpis.map((line) => line.id) }));
  const scorecard = lazy ? first?.scorecard !== undefined : run.statements.some((s: Statement) => s.scorecard !== undefined);
  return { subPeriods, scorecard };
}
