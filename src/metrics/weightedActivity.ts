import { describeValue, guard } from "../errors/index.js";
import { Decimal, readDecimal, type Numeric } from "../numeric/index.js";
import { fault, readCount, readEntry, readList, readName, readRecord } from "./internal.js";

/** One logged sales activity (or a batch of the same kind) for {@link weightedActivity}. */
export interface Activity {
  /** The kind of activity: `"visit"`, `"call"`, `"demo"`… — a key of `weights.byType`. */
  readonly type: string;
  /** The customer's tier (`"key"`, `"A"`, `"B"`…) — a key of `weights.byTier` when that is given. */
  readonly tier?: string | undefined;
  /** How many such activities this entry stands for: a whole number ≥ 0 (default 1). */
  readonly count?: number | undefined;
}

/** The weights of {@link weightedActivity}: each a number ≥ 0. */
export interface ActivityWeights {
  /** The weight of one activity of each type, e.g. `{ visit: 3, demo: 2, call: 1 }`. */
  readonly byType: Readonly<Record<string, Numeric>>;
  /**
   * A multiplier per customer tier, e.g. `{ key: 2, A: 1.5, B: 1 }`. Without it, tiers are not
   * weighed (every tier counts 1).
   */
  readonly byTier?: Readonly<Record<string, Numeric>> | undefined;
}

/**
 * Sales activity counted by its worth (加权拜访量 / 活动量): visits, calls and demos, each weighed
 * by its type and by the tier of the customer it was for, so a visit to a key account counts for
 * more than a call to a small one.
 *
 * `Σ count · byType[type] · byTier[tier]` (`byTier[tier]` is 1 when `byTier` is not given).
 *
 * An activity whose type (or, with `byTier`, whose tier) has no weight is refused rather than
 * silently counted as 0: give it weight 0 to ignore it on purpose. No activity at all is worth 0.
 * Exact, not rounded.
 *
 * @category Metrics
 * @param activities - the activities logged (may be empty)
 * @param weights - `byType`, and optionally `byTier`
 * @returns the weighted activity count
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an activity whose type or tier has no weight, a missing tier when `byTier` is given, a count that is not a whole number, or arguments of the wrong shape; `OUT_OF_RANGE` for a negative count; `INVALID_WEIGHTS` for a negative weight; `INVALID_NUMBER` for a malformed weight
 *
 * @example
 * ```ts
 * weightedActivity(
 *   [
 *     { type: "visit", tier: "key" },           // 3 · 2   = 6
 *     { type: "call", tier: "B", count: 10 },   // 10 · 1 · 1 = 10
 *     { type: "demo", tier: "A", count: 2 },    // 2 · 2 · 1.5 = 6
 *   ],
 *   { byType: { visit: 3, demo: 2, call: 1 }, byTier: { key: 2, A: 1.5, B: 1 } },
 * ).toString(); // "22"
 * ```
 */
export function weightedActivity(activities: readonly Activity[], weights: ActivityWeights): Decimal {
  return guard(computeWeightedActivity, [activities, weights]);
}

function computeWeightedActivity(activities: readonly Activity[], weights: ActivityWeights): Decimal {
  const w = readRecord(weights, ["weights"]);
  const byType = readWeights(w["byType"], "byType");
  const byTier = w["byTier"] === undefined ? undefined : readWeights(w["byTier"], "byTier");
  const list = readList(activities, ["activities"]);
  let sum = new Decimal(0);
  for (let i = 0; i < list.length; i++) {
    const activity = readEntry(list[i], "activities", i);
    const type = readName(activity["type"], ["activities", i, "type"]);
    const typeWeight = byType.get(type);
    if (typeWeight === undefined) {
      throw fault("INVALID_ARGUMENT", ["activities", i, "type"], `(${JSON.stringify(type)}) has no weight in weights.byType; add it (weight 0 to ignore it)`);
    }
    const count = activity["count"] === undefined ? 1 : readCount(activity["count"], ["activities", i, "count"]);
    let value = typeWeight.times(count);
    if (byTier !== undefined) {
      const tier = activity["tier"];
      if (tier === undefined) {
        throw fault("INVALID_ARGUMENT", ["activities", i, "tier"], "is missing; every activity needs a customer tier when weights.byTier is given");
      }
      const tierWeight = byTier.get(readName(tier, ["activities", i, "tier"]));
      if (tierWeight === undefined) {
        throw fault("INVALID_ARGUMENT", ["activities", i, "tier"], `(${describeValue(tier)}) has no weight in weights.byTier; add it`);
      }
      value = value.times(tierWeight);
    }
    sum = sum.plus(value);
  }
  return sum.isZero() ? new Decimal(0) : sum;
}

function readWeights(value: unknown, key: "byType" | "byTier"): Map<string, Decimal> {
  const record = readRecord(value, ["weights", key]);
  const weights = new Map<string, Decimal>();
  for (const name of Object.keys(record)) {
    const weight = readDecimal(record[name], ["weights", key, name]);
    if (weight.isNegative()) throw fault("INVALID_WEIGHTS", ["weights", key, name], `must not be negative; got ${weight.toString()}`);
    weights.set(name, weight);
  }
  return weights;
}
