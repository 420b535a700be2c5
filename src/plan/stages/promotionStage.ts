import { PayscoreError, describeValue, formatPath } from "../../errors/index.js";
import { readDecimal, type Decimal } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import type { Statement } from "../types.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { KpiScores } from "./kpiStage.js";
import { measureOf } from "./measureOf.js";

type Promotion = NonNullable<Statement["promotion"]>;

/**
 * Stage 9, promotion (per person, independent): whether the last `count` values of the measure
 * — the earlier periods from the history, oldest first, then this period — are all at least
 * the threshold ("N consecutive quarters over target").
 *
 * @internal
 * @param ctx - the run
 * @param kpis - stage 3's scores
 * @param scores - stage 5's scores
 * @param history - earlier values per person id
 * @returns each person's result, `null` without a promotion rule
 * @throws {PayscoreError} `INVALID_DATA` for a history value that is not a number (path `["history", id, i]`)
 *
 * @example
 * ```ts
 * promotionStage(ctx, kpis, ["104"], { p01: ["1.02", "1.1"] })?.[0]; // { eligible: true, longest: 3, current: 3 } with count 3, threshold 1
 * ```
 */
export function promotionStage(ctx: RunContext, kpis: KpiScores, scores: readonly string[], history: Readonly<Record<string, readonly (string | number)[]>> | undefined): Promotion[] | null {
  const rule = ctx.p.promotion;
  if (rule === undefined) return null;
  const results = new Array<Promotion>(ctx.people.length);
  // The streak is a function of the values: each distinct list is worked out once (shared, frozen).
  const known = new Map<string, Promotion>();
  ctx.people.forEach((person, j) => {
    const given = history !== undefined && Object.hasOwn(history, person.id) ? history[person.id] : undefined;
    const earlier = (given ?? []).map((value, i): Decimal => {
      const path = ["history", person.id, i];
      try {
        return readDecimal(value, path);
      } catch (error) {
        throw new PayscoreError("INVALID_DATA", `${formatPath(path)} must be a plain decimal number; got ${describeValue(value)}`, { path, cause: error });
      }
    });
    const now = measureOf(ctx, kpis, scores, j, rule.measure, "promotion.measure");
    const values = [...earlier, now];
    const key = values.join(" ");
    let streak = known.get(key);
    if (streak === undefined) {
      const result = within(["promotion"], `person "${person.id}", promotion`, () => D.meetsStreak(values, { threshold: rule.threshold, count: rule.count }));
      streak = Object.freeze({ eligible: result.eligible, longest: result.longest, current: result.current });
      if (known.size >= 1 << 16) known.clear();
      known.set(key, streak);
    }
    const { eligible, current, longest } = streak;
    tracerOf(ctx, j).add(
      "promotion",
      "eligible when the last `count` values (history, then this period) are all ≥ threshold",
      () => ({ history: values.map((x) => x.toString()).join(", "), threshold: String(rule.threshold), count: String(rule.count) }),
      `eligible=${String(eligible)}, current=${current}, longest=${longest}`,
    );
    results[j] = streak;
  });
  return results;
}
