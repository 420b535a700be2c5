import { PayscoreError, formatPath, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal } from "../numeric/index.js";
import type { DealRow, Plan, ResponseRow } from "./schema.js";

type Kpi = Plan["kpis"][number];

/** Issue 21: a KPI actual measured from a list input (`{ indicator, from: "deals" | "responses", … }`). */
export type ListSource = Extract<Kpi["actual"], { from: string }>;

/** The list indicators' names. */
export const LIST_INDICATORS: ReadonlySet<string> = new Set(["pipeline-value", "stage-conversion", "csat"]);

/**
 * Whether a KPI's actual is a list indicator.
 *
 * @internal
 * @param source - the KPI's actual
 * @returns whether it reads a list input
 *
 * @example
 * ```ts
 * isListSource({ indicator: "csat", from: "responses" }); // true
 * ```
 */
export function isListSource(source: Kpi["actual"]): source is ListSource {
  return typeof source === "object" && "from" in source;
}

/** What a run reads from the deals rows: the fields its list KPIs need. */
export interface DealNeeds {
  /** Whether amount and probability are needed (a `pipeline-value` KPI). */
  readonly value: boolean;
  /** Whether the stage is needed (a `stage-conversion` KPI). */
  readonly stage: boolean;
}

/** One deal as read: the person's position, and the fields the run needs. */
export interface ReadDeal {
  readonly j: number;
  readonly amount: Decimal | undefined;
  readonly probability: Decimal | undefined;
  readonly stage: string | undefined;
}

function fault(list: string, i: number, column: string, text: string): PayscoreError {
  const path: ErrorPath = [list, i, column];
  return new PayscoreError("INVALID_DATA", `${formatPath(path)}: ${text}`, { path });
}

function personOf(list: string, row: { readonly person: string }, i: number, roster: ReadonlyMap<string, number>): number {
  if (row.person === "") throw fault(list, i, "person", "the person id is empty");
  const j = roster.get(row.person);
  if (j === undefined) throw fault(list, i, "person", `${JSON.stringify(row.person)} is not on the roster`);
  return j;
}

function numberOf(list: string, value: string | number | undefined, i: number, column: string): Decimal {
  if (value === undefined || value === "") throw fault(list, i, column, `the ${column} is empty`);
  try {
    return readDecimal(value, [list, i, column]);
  } catch {
    throw fault(list, i, column, `expected a plain number such as "1200.50"; got ${JSON.stringify(value)}`);
  }
}

/**
 * Reads one deals row, checking the cells the run needs: `person` on the roster, `amount` ≥ 0
 * and `probability` from 0 to 1 (for `pipeline-value`), a non-empty `stage` (for
 * `stage-conversion`; whether it is in a KPI's funnel is checked by the KPI).
 *
 * @internal
 * @param row - the row
 * @param i - its index in `deals`
 * @param roster - person id → position
 * @param needs - what the run's KPIs read
 * @returns the deal
 * @throws {PayscoreError} `INVALID_DATA` with path `["deals", i, column]` for a bad cell
 *
 * @example
 * ```ts
 * readDeal({ person: "p01", amount: "500", probability: "0.6" }, 0, new Map([["p01", 0]]), { value: true, stage: false }).amount?.toString(); // "500"
 * ```
 */
export function readDeal(row: DealRow, i: number, roster: ReadonlyMap<string, number>, needs: DealNeeds): ReadDeal {
  const j = personOf("deals", row, i, roster);
  let amount: Decimal | undefined;
  let probability: Decimal | undefined;
  let stage: string | undefined;
  if (needs.value) {
    amount = numberOf("deals", row.amount, i, "amount");
    if (amount.isNegative()) throw fault("deals", i, "amount", `a deal's amount must not be negative; got ${amount.toString()}`);
    probability = numberOf("deals", row.probability, i, "probability");
    if (probability.isNegative() || probability.gt(1)) throw fault("deals", i, "probability", `must be from 0 to 1 (write 60 % as 0.6); got ${probability.toString()}`);
  }
  if (needs.stage) {
    stage = row.stage;
    if (stage === undefined || stage === "") throw fault("deals", i, "stage", "the stage is empty");
  }
  return { j, amount, probability, stage };
}

/**
 * The position of a deal's stage in a `stage-conversion` KPI's funnel.
 *
 * @internal
 * @param stages - the funnel
 * @param stage - the deal's stage
 * @param i - the deal's index
 * @param kpi - the KPI's id
 * @returns the position
 * @throws {PayscoreError} `INVALID_DATA` at `["deals", i, "stage"]` for a stage not in the funnel
 *
 * @example
 * ```ts
 * stageIndex(["lead", "quote", "won"], "quote", 0, "conversion"); // 1
 * ```
 */
export function stageIndex(stages: readonly string[], stage: string, i: number, kpi: string): number {
  const at = stages.indexOf(stage);
  if (at < 0) throw fault("deals", i, "stage", `${JSON.stringify(stage)} is not a stage of KPI "${kpi}" (its stages are ${stages.map((s) => JSON.stringify(s)).join(", ")})`);
  return at;
}

/**
 * Reads one responses row: `person` on the roster and `score` a whole number (the scale is
 * checked by each `csat` KPI).
 *
 * @internal
 * @param row - the row
 * @param i - its index in `responses`
 * @param roster - person id → position
 * @returns the person's position and the rating
 * @throws {PayscoreError} `INVALID_DATA` with path `["responses", i, column]` for a bad cell
 *
 * @example
 * ```ts
 * readResponse({ person: "p01", score: "5" }, 0, new Map([["p01", 0]])); // { j: 0, score: 5 }
 * ```
 */
export function readResponse(row: ResponseRow, i: number, roster: ReadonlyMap<string, number>): { j: number; score: number } {
  const j = personOf("responses", row, i, roster);
  const value = numberOf("responses", row.score, i, "score");
  if (!value.isInteger() || value.abs().gt(1_000_000)) throw fault("responses", i, "score", `expected a whole-number rating such as 4; got ${JSON.stringify(row.score)}`);
  return { j, score: value.isZero() ? 0 : value.toNumber() };
}

/**
 * A rating outside a `csat` KPI's scale.
 *
 * @internal
 * @param i - the response's index
 * @param score - the rating
 * @param min - the scale's lowest rating
 * @param max - its highest
 * @param kpi - the KPI's id
 * @returns the error to throw
 *
 * @example
 * ```ts
 * throw offScale(3, 9, 1, 5, "satisfaction");
 * ```
 */
export function offScale(i: number, score: number, min: number, max: number, kpi: string): PayscoreError {
  return fault("responses", i, "score", `${score} is off the scale of KPI "${kpi}" (${min} to ${max})`);
}

/**
 * The error for a person with no events where the indicator needs some, when `score.missing`
 * is `error`.
 *
 * @internal
 * @param source - the KPI's actual
 * @param kpi - the KPI's id
 * @param person - the person's id
 * @returns the error to throw
 *
 * @example
 * ```ts
 * noEvents({ indicator: "csat", from: "responses" }, "satisfaction", "p01").path; // ["responses"]
 * ```
 */
export function noEvents(source: ListSource, kpi: string, person: string): PayscoreError {
  const what =
    source.indicator === "stage-conversion"
      ? `no deals that reached the stage ${JSON.stringify(source.fromStage)}`
      : `no ${source.from}`;
  return new PayscoreError("INVALID_DATA", `${source.from}: person "${person}" has ${what}, so KPI "${kpi}" (${source.indicator}) has no value (or set score.missing)`, { path: [source.from] });
}

/**
 * Checks a list KPI against itself: a funnel's stages unique, `fromStage` and `toStage` in it
 * in that order; a CSAT scale with `min` < `max` and `satisfiedAtLeast` on it.
 *
 * @internal
 * @param source - the KPI's actual
 * @param k - the KPI's index
 * @returns the CSAT scale (`undefined` for other indicators)
 * @throws {PayscoreError} `INVALID_PLAN` at `["kpis", k, "actual", field]`
 *
 * @example
 * ```ts
 * checkListSource({ indicator: "csat", from: "responses" }, 0); // { min: 1, max: 5, satisfiedAtLeast: 4 }
 * ```
 */
export function checkListSource(source: ListSource, k: number): { min: number; max: number; satisfiedAtLeast: number } | undefined {
  const bad = (field: string, text: string): PayscoreError => {
    const path: ErrorPath = ["kpis", k, "actual", field];
    return new PayscoreError("INVALID_PLAN", `${formatPath(path)} ${text}`, { path });
  };
  if (source.indicator === "stage-conversion") {
    const seen = new Set<string>();
    for (const stage of source.stages) {
      if (seen.has(stage)) throw bad("stages", `repeats the stage ${JSON.stringify(stage)}; each stage appears once`);
      seen.add(stage);
    }
    const from = source.stages.indexOf(source.fromStage);
    if (from < 0) throw bad("fromStage", `is ${JSON.stringify(source.fromStage)}, which is not one of the stages`);
    const to = source.stages.indexOf(source.toStage);
    if (to < 0) throw bad("toStage", `is ${JSON.stringify(source.toStage)}, which is not one of the stages`);
    if (to <= from) throw bad("toStage", `is ${JSON.stringify(source.toStage)}, which must come after fromStage ${JSON.stringify(source.fromStage)} in the stages`);
    return undefined;
  }
  if (source.indicator === "csat") {
    const min = source.min ?? 1;
    const max = source.max ?? 5;
    if (min >= max) throw bad("max", `must be greater than min; got min ${min} and max ${max}`);
    const satisfiedAtLeast = source.satisfiedAtLeast ?? max - 1;
    if (satisfiedAtLeast < min || satisfiedAtLeast > max) throw bad("satisfiedAtLeast", `must be from ${min} to ${max}; got ${satisfiedAtLeast}`);
    return { min, max, satisfiedAtLeast };
  }
  return undefined;
}
