import { PayscoreError, describeValue, formatPath } from "../../errors/index.js";
import { readDecimal, scaledInteger, type Decimal } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import type { Statement } from "../types.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { KpiScores } from "./kpiStage.js";
import { measureWithText } from "./measureOf.js";

type Promotion = NonNullable<Statement["promotion"]>;

/**
 * Stage 9, promotion (per person, independent): whether the last `count` values of the measure
 * — the earlier periods from the history, oldest first, then this period — are all at least
 * the threshold ("N consecutive quarters over target"). When the rule needs earlier periods
 * (`count` > 1), a person the history does not list — or a run without history — is an error
 * (`promotion.missingHistory: "error"`, the default), or counts this period only
 * (`"not-eligible"`). When the history's periods have names (`historyPeriods`), the trace labels
 * each value by its period (`periods`: the latest names for a shorter list, then this period's
 * label).
 *
 * @internal
 * @param ctx - the run
 * @param kpis - stage 3's scores
 * @param scores - stage 5's scores
 * @param history - earlier values per person id
 * @param historyPeriods - the earlier periods' names, oldest first
 * @returns each person's result, `null` without a promotion rule
 * @throws {PayscoreError} `INVALID_DATA` for a history value that is not a number (path
 *   `["history", id, i]`), a person missing from the history (`["history", id]`) or no history
 *   (`["history"]`) when the rule needs it
 *
 * @example
 * ```ts
 * promotionStage(ctx, kpis, ["104"], { p01: ["1.02", "1.1"] }, ["2025-Q3", "2025-Q4"])?.[0]; // { eligible: true, longest: 3, current: 3 } with count 3, threshold 1
 * ```
 */
export function promotionStage(
  ctx: RunContext,
  kpis: KpiScores,
  scores: readonly string[],
  history: Readonly<Record<string, readonly (string | number)[]>> | undefined,
  historyPeriods?: readonly string[] | undefined,
): Promotion[] | null {
  const rule = ctx.p.promotion;
  if (rule === undefined) return null;
  const required = rule.count > 1 && (rule.missingHistory ?? "error") === "error";
  if (required && history === undefined && ctx.people.length > 0) {
    throw new PayscoreError("INVALID_DATA", missingHistoryMessage(rule.count), { path: ["history"] });
  }
  const results = new Array<Promotion>(ctx.people.length);
  // The streak depends only on which values reach the threshold: each pattern of them is worked
  // out once (shared, frozen), so a million people cost a million short keys, not a million
  // streaks. Without a readable threshold the key is the values as written (meetsStreak words the fault).
  const threshold = readableThreshold(rule.threshold);
  const known = new Map<string, Promotion>();
  ctx.people.forEach((person, j) => {
    const listed = history !== undefined && Object.hasOwn(history, person.id);
    if (required && !listed) {
      const path = ["history", person.id];
      throw new PayscoreError("INVALID_DATA", missingPersonMessage(person.id, rule.count), { path });
    }
    const given = listed ? (history as Record<string, readonly (string | number)[]>)[person.id] : undefined;
    const now = measureWithText(ctx, kpis, scores, j, rule.measure, "promotion.measure");
    const key = threshold === undefined ? (given === undefined || given.length === 0 ? now.text : historyKey(given, now.text)) : streakKey(person.id, given ?? [], now.value, threshold);
    let streak = known.get(key);
    if (streak === undefined) {
      const values = [...readHistory(person.id, given ?? []), now.value];
      const result = within(["promotion"], `person "${person.id}", promotion`, () => D.meetsStreak(values, { threshold: rule.threshold, count: rule.count }));
      streak = Object.freeze({ eligible: result.eligible, longest: result.longest, current: result.current });
      if (known.size >= 1 << 16) known.clear();
      known.set(key, streak);
    }
    const { eligible, current, longest } = streak;
    tracerOf(ctx, j).add(
      "promotion",
      "eligible when the last `count` values (history, then this period) are all ≥ threshold",
      () => ({
        history: [...readHistory(person.id, given ?? []).map((x) => x.toString()), now.text].join(", "),
        ...periodsInput(given?.length ?? 0, historyPeriods, ctx.p.period.label),
        threshold: String(rule.threshold),
        count: String(rule.count),
      }),
      `eligible=${String(eligible)}, current=${current}, longest=${longest}`,
    );
    results[j] = streak;
  });
  return results;
}

/**
 * A key that tells any two lists of values apart (the count, then each value's type and text,
 * NUL-separated: a text with a NUL is no number, and the count keeps it from passing for two).
 */
/** The threshold as a Decimal and as integer millionths (when it has at most 6 decimals); `undefined` when unreadable. */
function readableThreshold(threshold: number | string): { value: Decimal; units: number | undefined } | undefined {
  try {
    return { value: readDecimal(threshold, ["promotion", "threshold"]), units: scaledInteger(threshold, 6) };
  } catch {
    return undefined;
  }
}

/**
 * Which of the values — the history as given, then this period's — reach the threshold, as "1"
 * and "0" in order: all a streak depends on. A history value is compared as integer millionths
 * when it is a plain number of at most 6 decimals, else read as `readHistory` reads it (and
 * refused with its words).
 */
function streakKey(id: string, given: readonly (string | number)[], now: Decimal, threshold: { value: Decimal; units: number | undefined }): string {
  let key = "";
  for (let i = 0; i < given.length; i++) {
    const value = given[i] as string | number;
    const units = threshold.units === undefined ? undefined : scaledInteger(value, 6);
    const reaches = units !== undefined ? units >= (threshold.units as number) : (readHistory(id, [value], i)[0] as Decimal).gte(threshold.value);
    key += reaches ? "1" : "0";
  }
  return key + (now.gte(threshold.value) ? "1" : "0");
}

function historyKey(given: readonly (string | number)[], now: string): string {
  let key = `${given.length}`;
  for (const value of given) key += typeof value === "number" ? `\u0000n${value}` : `\u0000s${value}`;
  return `${key}\u0000${now}`;
}

/** A person's earlier values, read as decimals (a bad one refused with its place in the history). */
function readHistory(id: string, given: readonly (string | number)[], first = 0): Decimal[] {
  return given.map((value, i): Decimal => {
    const path = ["history", id, first + i];
    try {
      return readDecimal(value, path);
    } catch (error) {
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)} must be a plain decimal number; got ${describeValue(value)}`, { path, cause: error });
    }
  });
}

/**
 * The trace's `periods` input: the period of each value — the last `n` of the history's period
 * names (the latest periods, for a list shorter than the names), then this period's label — or
 * nothing when the history's periods have no names (or too few).
 *
 * @internal
 * @param n - how many earlier values the person has
 * @param names - the history's period names, oldest first
 * @param current - this period's label
 * @returns `{ periods }`, or `{}`
 *
 * @example
 * ```ts
 * periodsInput(2, ["2025-Q2", "2025-Q3", "2025-Q4"], "2026-Q1"); // { periods: "2025-Q3, 2025-Q4, 2026-Q1" }
 * periodsInput(2, undefined, "2026-Q1"); // {}
 * ```
 */
export function periodsInput(n: number, names: readonly string[] | undefined, current: string): { periods?: string } {
  if (names === undefined || names.length < n) return {};
  return { periods: [...names.slice(names.length - n), current].join(", ") };
}

/**
 * The fault of a run without history whose promotion rule needs earlier periods.
 *
 * @internal
 * @param count - the rule's `count`
 * @returns the message
 *
 * @example
 * ```ts
 * missingHistoryMessage(3); // "history is missing: the promotion rule counts the last 3 periods, …"
 * ```
 */
export function missingHistoryMessage(count: number): string {
  return `history is missing: the promotion rule counts the last ${count} periods, so it needs each person's earlier ${count - 1 === 1 ? "period" : `${count - 1} periods`}; give the history, or set promotion.missingHistory to "not-eligible"`;
}

/**
 * The fault of a person the history does not list.
 *
 * @internal
 * @param id - the person
 * @param count - the rule's `count`
 * @returns the message
 *
 * @example
 * ```ts
 * missingPersonMessage("R05", 3); // "history.R05 is missing: person \"R05\" has no earlier periods …"
 * ```
 */
export function missingPersonMessage(id: string, count: number): string {
  return `${formatPath(["history", id])} is missing: person ${JSON.stringify(id)} has no earlier periods in the history, which the promotion rule needs (it counts the last ${count}); add them, or set promotion.missingHistory to "not-eligible"`;
}
