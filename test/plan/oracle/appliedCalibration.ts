import { Decimal, readDecimal } from "../../../src/numeric/index.js";
import type { Plan } from "../../../src/plan/schema.js";
import type { AppliedCalibration } from "../../../src/plan/stages/review360Extras.js";

type Setup = NonNullable<Plan["review360"]>;

/**
 * The centre, strength and least ratings the calibration applied: the plan's, or the defaults
 * (the centre: the mean of the raters' means, as `calibrate360` takes it).
 *
 * The oracle's own reading, object by object; the engine works it on its columns.
 * @param setup - the plan's 360 set-up
 * @param list - every rating of the run
 * @returns the calibration applied
 *
 * @example
 * ```ts
 * appliedCalibration(setup, ratings).center; // "4"
 * ```
 */
export function appliedCalibration(setup: Setup, list: readonly { rater: string; group: string; score: string | number | Decimal }[]): AppliedCalibration {
  const c = setup.calibration ?? {};
  const strength = c.strength === undefined ? "1" : readDecimal(c.strength, ["review360", "calibration", "strength"]).toString();
  const center = c.center === undefined ? defaultCenter(list) : readDecimal(c.center, ["review360", "calibration", "center"]);
  return { center: center.toString(), strength, minRatings: c.minRatings ?? 1 };
}

/**
 * The mean of the raters' means (each rater once), calibrate360's default centre, by its own
 * arithmetic: raters in code-unit order of their key, each one's scores summed in ascending order.
 */
function defaultCenter(list: readonly { rater: string; group: string; score: string | number | Decimal }[]): Decimal {
  const byRater = new Map<string, Decimal[]>();
  for (const r of list) {
    const key = JSON.stringify([r.group, r.rater]);
    const own = byRater.get(key);
    const score = new Decimal(String(r.score));
    if (own === undefined) byRater.set(key, [score]);
    else own.push(score);
  }
  const mean = (values: readonly Decimal[]): Decimal => {
    let sum = new Decimal(0);
    for (const v of values) sum = sum.plus(v);
    const m = sum.div(values.length);
    return m.isZero() ? new Decimal(0) : m;
  };
  const keys = [...byRater.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return new Decimal(0);
  return mean(keys.map((key) => mean([...(byRater.get(key) as Decimal[])].sort((a, b) => a.comparedTo(b)))));
}

