import { PayscoreError, formatPath, isPayscoreError, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal } from "../numeric/index.js";
import * as D from "./domains.js";
import { isIsoDay, type ActivityRow, type DealRow, type Plan, type ResponseRow, type TicketRow } from "./schema.js";

type Kpi = Plan["kpis"][number];

/** Issue 21: a KPI actual measured from a list input (`{ indicator, from: "deals" | "responses", … }`). */
export type ListSource = Extract<Kpi["actual"], { from: string }>;

/** The list indicators' names. */
export const LIST_INDICATORS: ReadonlySet<string> = new Set(["pipeline-value", "stage-conversion", "csat", "cycle-days", "weighted-visits", "resolution-hours", "margin"]);

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
  /** Whether openedAt and closedAt are needed (a `cycle-days` KPI). */
  readonly cycle?: boolean | undefined;
  /** Whether amount and cost are needed (a `margin` KPI over the deals). */
  readonly margin?: boolean | undefined;
}

/** One deal as read: the person's position, and the fields the run needs. */
export interface ReadDeal {
  readonly j: number;
  readonly amount: Decimal | undefined;
  readonly probability: Decimal | undefined;
  readonly stage: string | undefined;
  /** The calendar days from openedAt to closedAt; `undefined` for an open deal (or when not needed). */
  readonly days?: number | undefined;
  /** The deal's cost (for a `margin` KPI); `undefined` when the cell is empty (no cost booked) or not needed. */
  readonly cost?: Decimal | undefined;
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
 * `stage-conversion`; whether it is in a KPI's funnel is checked by the KPI), `amount` ≥ 0 and,
 * when not empty, `cost` ≥ 0 (for `margin`: a deal with no cost booked is left out of it).
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
  if (needs.value || needs.margin === true) {
    amount = numberOf("deals", row.amount, i, "amount");
    if (amount.isNegative()) throw fault("deals", i, "amount", `a deal's amount must not be negative; got ${amount.toString()}`);
  }
  if (needs.value) {
    probability = numberOf("deals", row.probability, i, "probability");
    if (probability.isNegative() || probability.gt(1)) throw fault("deals", i, "probability", `must be from 0 to 1 (write 60 % as 0.6); got ${probability.toString()}`);
  }
  if (needs.stage) {
    stage = row.stage;
    if (stage === undefined || stage === "") throw fault("deals", i, "stage", "the stage is empty");
  }
  const deal: ReadDeal = needs.margin === true ? { j, amount, probability, stage, cost: costOf(row, i) } : { j, amount, probability, stage };
  if (needs.cycle !== true) return deal;
  return { ...deal, days: cycleDaysOf(row, i) };
}

/** A deal's cost for a `margin` KPI (issue 21), ≥ 0, or `undefined` when the cell is empty (no cost booked yet). */
function costOf(row: DealRow, i: number): Decimal | undefined {
  if (row.cost === undefined || row.cost === "") return undefined;
  const cost = numberOf("deals", row.cost, i, "cost");
  if (cost.isNegative()) throw fault("deals", i, "cost", `a deal's cost must not be negative; got ${cost.toString()}`);
  return cost;
}

/** A deal's cycle in days by `salesCycleDays` (issue 21), or `undefined` while it is open. */
function cycleDaysOf(row: DealRow, i: number): number | undefined {
  const openedAt = row.openedAt ?? "";
  const closedAt = row.closedAt ?? "";
  if (closedAt === "") return undefined; // still open: no cycle yet
  if (openedAt === "") throw fault("deals", i, "openedAt", "the openedAt is empty; a closed deal needs the day it was opened");
  const cycle = inListWords("deals", i, () => D.salesCycleDays([{ openedAt, closedAt }]), (column, code) => (code === "INVALID_DATA" && column === "closedAt" ? `${closedAt} is before the day the deal was opened (openedAt ${openedAt})` : undefined));
  return cycle.mean.toNumber();
}

/**
 * Calls a metric function on one event and turns its fault (path `[list, 0, field]`) into the
 * list's row and column: `INVALID_DATA` at `[list, i, field]`, with the metric's words or `own`
 * (the words for a fault of that field and code, when the list's words are plainer).
 */
function inListWords<R>(list: string, i: number, compute: () => R, own: (column: string, code: string) => string | undefined): R {
  try {
    return compute();
  } catch (error) {
    if (!isPayscoreError(error)) throw error;
    const column = String(error.path[error.path.length - 1] ?? "");
    const prefix = formatPath(error.path);
    const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length).trimStart() : error.message;
    throw fault(list, i, column, own(column, error.code) ?? text);
  }
}

/** One activity as read: the person's position, its type and tier, and how many it stands for. */
export interface ReadActivity {
  readonly j: number;
  readonly type: string;
  /** The customer's tier; `undefined` when the cell is empty or absent. */
  readonly tier: string | undefined;
  readonly count: number;
}

/**
 * Reads one activities row (issue 21): `person` on the roster, a non-empty `type`, `count` a
 * whole number ≥ 0 (default 1), and `date`, when given, a real `yyyy-MM-dd` day inside the plan's
 * period — an activity outside it is refused rather than silently counted or dropped, so a CRM
 * export of the wrong months is noticed. Whether the type and tier have weights is checked by
 * each KPI ({@link activityWeight}).
 *
 * @internal
 * @param row - the row
 * @param i - its index in `activities`
 * @param roster - person id → position
 * @param period - the plan's period (`start`, `end`, both inclusive)
 * @returns the activity
 * @throws {PayscoreError} `INVALID_DATA` with path `["activities", i, column]` for a bad cell
 *
 * @example
 * ```ts
 * readActivity({ person: "p01", type: "visit", tier: "key", count: "2" }, 0, new Map([["p01", 0]]), { start: "2026-01-01", end: "2026-03-31" });
 * // { j: 0, type: "visit", tier: "key", count: 2 }
 * ```
 */
export function readActivity(row: ActivityRow, i: number, roster: ReadonlyMap<string, number>, period: { readonly start: string; readonly end: string }): ReadActivity {
  const j = personOf("activities", row, i, roster);
  if (row.type === "") throw fault("activities", i, "type", "the type is empty");
  const date = row.date ?? "";
  if (date !== "") {
    if (!isIsoDay(date)) throw fault("activities", i, "date", `expected a day written yyyy-MM-dd such as "2026-03-31"; got ${JSON.stringify(date)}`);
    if (date < period.start || date > period.end) throw fault("activities", i, "date", `${date} is outside the plan's period ${period.start} to ${period.end}; give only the period's activities`);
  }
  let count = 1;
  if (row.count !== undefined && row.count !== "") {
    const value = numberOf("activities", row.count, i, "count");
    if (!value.isInteger() || value.isNegative() || value.gt(1_000_000_000)) throw fault("activities", i, "count", `expected a whole number of activities ≥ 0 such as 3; got ${JSON.stringify(row.count)}`);
    count = value.toNumber();
  }
  return { j, type: row.type, tier: row.tier === undefined || row.tier === "" ? undefined : row.tier, count };
}

/** A `weighted-visits` KPI's weights, checked and read once. */
export interface CompiledActivityWeights {
  readonly weights: D.ActivityWeights;
  readonly byType: ReadonlyMap<string, Decimal>;
  readonly byTier: ReadonlyMap<string, Decimal> | undefined;
  /** One activity's weight by type and tier (`type\u0000tier`), by `weightedActivity`, as met. */
  readonly unit: Map<string, Decimal>;
}

/**
 * The weight of one activity of a `weighted-visits` KPI, by `weightedActivity` on that activity
 * alone (`byType[type] · byTier[tier]`), remembered per type and tier.
 *
 * @internal
 * @param compiled - the KPI's weights
 * @param activity - the activity
 * @param i - its index in `activities`
 * @param kpi - the KPI's id
 * @returns the weight of one such activity
 * @throws {PayscoreError} `INVALID_DATA` at `["activities", i, "type" | "tier"]` for a type or tier the weights do not list, or no tier when they list tiers
 *
 * @example
 * ```ts
 * const weights = { byType: { visit: 3 }, byTier: { key: 2 } };
 * const compiled = { weights, byType: new Map([["visit", new Decimal(3)]]), byTier: new Map([["key", new Decimal(2)]]), unit: new Map() };
 * activityWeight(compiled, { j: 0, type: "visit", tier: "key", count: 1 }, 0, "visits").toString(); // "6" (3 · 2)
 * ```
 */
export function activityWeight(compiled: CompiledActivityWeights, activity: ReadActivity, i: number, kpi: string): Decimal {
  const key = activity.tier === undefined ? activity.type : `${activity.type}\u0000${activity.tier}`;
  const known = compiled.unit.get(key);
  if (known !== undefined) return known;
  if (!compiled.byType.has(activity.type)) {
    throw fault("activities", i, "type", `${JSON.stringify(activity.type)} has no weight in KPI "${kpi}"'s weights.byType (${names(compiled.byType)}); add it (0 to leave it out)`);
  }
  if (compiled.byTier !== undefined) {
    if (activity.tier === undefined) throw fault("activities", i, "tier", `the tier is empty; KPI "${kpi}" weighs activities by customer tier (${names(compiled.byTier)})`);
    if (!compiled.byTier.has(activity.tier)) throw fault("activities", i, "tier", `${JSON.stringify(activity.tier)} has no weight in KPI "${kpi}"'s weights.byTier (${names(compiled.byTier)})`);
  }
  const unit = D.weightedActivity([{ type: activity.type, ...(compiled.byTier === undefined || activity.tier === undefined ? {} : { tier: activity.tier }) }], compiled.weights);
  compiled.unit.set(key, unit);
  return unit;
}

function names(weights: ReadonlyMap<string, Decimal>): string {
  return [...weights.keys()].map((name) => JSON.stringify(name)).join(", ");
}

/**
 * Reads one tickets row (issue 21): `person` on the roster, `openedAt` and — for a resolved
 * ticket — `resolvedAt` ISO date-times with an offset, not before `openedAt`; the elapsed time
 * by `meanResolutionHours` on that ticket alone. A ticket without `resolvedAt` is still open: it
 * has no resolution time yet and is left out of the mean (its `openedAt` is still checked).
 *
 * @internal
 * @param row - the row
 * @param i - its index in `tickets`
 * @param roster - person id → position
 * @returns the person's position and the milliseconds from opened to resolved (`undefined` while open)
 * @throws {PayscoreError} `INVALID_DATA` with path `["tickets", i, column]` for a bad cell or a ticket resolved before it was opened
 *
 * @example
 * ```ts
 * readTicket({ person: "p01", openedAt: "2026-03-02T09:00+08:00", resolvedAt: "2026-03-02T13:30+08:00" }, 0, new Map([["p01", 0]]));
 * // { j: 0, ms: 16200000 } (4.5 hours)
 * ```
 */
export function readTicket(row: TicketRow, i: number, roster: ReadonlyMap<string, number>): { j: number; ms: number | undefined } {
  const j = personOf("tickets", row, i, roster);
  const openedAt = row.openedAt;
  const resolvedAt = row.resolvedAt ?? "";
  if (openedAt === "") throw fault("tickets", i, "openedAt", "the openedAt is empty");
  const open = resolvedAt === "";
  const hours = inListWords(
    "tickets",
    i,
    () => D.meanResolutionHours([{ openedAt, resolvedAt: open ? openedAt : resolvedAt }]),
    (column, code) => (code === "INVALID_DATA" && column === "resolvedAt" && !open ? `${resolvedAt} is before the ticket was opened (openedAt ${openedAt})` : undefined),
  );
  // Hours are ms / 3 600 000 to the library's 40 digits: × 3 600 000, rounded, is the exact ms.
  return { j, ms: open ? undefined : hours.times(MS_PER_HOUR).round().toNumber() };
}

const MS_PER_HOUR = 3_600_000;

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
      : source.indicator === "cycle-days"
        ? "no closed deals (with closedAt)"
        : source.indicator === "resolution-hours"
          ? "no resolved tickets (with resolvedAt)"
          : `no ${source.from}`;
  return new PayscoreError("INVALID_DATA", `${source.from}: person "${person}" has ${what}, so KPI "${kpi}" (${source.indicator}) has no value (or set score.missing)`, { path: [source.from] });
}

/**
 * Checks a list KPI against itself: a funnel's stages unique, `fromStage` and `toStage` in it
 * in that order; a CSAT scale with `min` < `max` and `satisfiedAtLeast` on it; activity weights
 * not negative; and a lower-is-better indicator (`cycle-days`, `resolution-hours`) on a KPI that
 * states its `direction` — left to the default `"higher"`, longer cycles and slower resolutions
 * would score more, so the plan must say `"lower"` (or `"higher"` on purpose).
 *
 * @internal
 * @param source - the KPI's actual
 * @param k - the KPI's index
 * @param direction - the KPI's `direction` as the plan gives it
 * @returns the CSAT scale (`undefined` for other indicators)
 * @throws {PayscoreError} `INVALID_PLAN` at `["kpis", k, "actual", field]` (or `["kpis", k, "direction"]`)
 *
 * @example
 * ```ts
 * checkListSource({ indicator: "csat", from: "responses" }, 0); // { min: 1, max: 5, satisfiedAtLeast: 4 }
 * ```
 */
export function checkListSource(source: ListSource, k: number, direction?: "higher" | "lower" | undefined): { min: number; max: number; satisfiedAtLeast: number } | undefined {
  const bad = (field: string | readonly string[], text: string): PayscoreError => {
    const path: ErrorPath = ["kpis", k, "actual", ...(typeof field === "string" ? [field] : field)];
    return new PayscoreError("INVALID_PLAN", `${formatPath(path)} ${text}`, { path });
  };
  if ((source.indicator === "cycle-days" || source.indicator === "resolution-hours") && direction === undefined) {
    const path: ErrorPath = ["kpis", k, "direction"];
    const what = source.indicator === "cycle-days" ? "a shorter sales cycle" : "a faster resolution";
    throw new PayscoreError("INVALID_PLAN", `${formatPath(path)} is missing: a ${source.indicator} KPI measures days or hours, where ${what} is better; set "direction": "lower" (or "higher" on purpose)`, { path });
  }
  if (source.indicator === "weighted-visits") {
    for (const key of ["byType", "byTier"] as const) {
      const weights = source.weights[key];
      if (weights === undefined) continue;
      for (const [name, weight] of Object.entries(weights)) {
        if (readDecimal(weight, ["kpis", k, "actual", "weights", key, name]).isNegative()) throw bad(["weights", key, name], `must not be negative; got ${String(weight)}`);
      }
    }
    return undefined;
  }
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
