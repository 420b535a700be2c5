import { guard, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal, type Numeric } from "../numeric/index.js";
import { fault, nonNegative, pathTo, plain, readChoice, readOptions } from "./internal.js";

/** Options for {@link attainment}. */
export interface AttainmentOptions {
  /**
   * `"higher"` (the default) when more is better (sales, collection); `"lower"` when less is
   * better (cost, complaints, days to close).
   */
  readonly direction?: "higher" | "lower" | undefined;
  /**
   * The formula for `direction: "lower"`: `"reflect"` (the default) `max(0, 2 − actual / target)`,
   * or `"inverse"` `target / actual`. Ignored for `"higher"` (but still checked).
   */
  readonly lowerFormula?: "reflect" | "inverse" | undefined;
  /** The greatest result (e.g. `1.5` to stop at 150 %). Applied last. */
  readonly cap?: Numeric | undefined;
  /** The least result (e.g. `0`). Applied last; must not exceed `cap`. */
  readonly floor?: Numeric | undefined;
  /**
   * What a target of 0 scores: `"error"` (the default) throws `ZERO_DENOMINATOR`, `"zero"`
   * gives 0, `"full"` gives 1; `cap` and `floor` apply after.
   */
  readonly zeroTarget?: "error" | "zero" | "full" | undefined;
}

/**
 * {@link AttainmentOptions} after checking.
 *
 * @internal
 */
export interface AttainmentSettings {
  readonly direction: "higher" | "lower";
  readonly lowerFormula: "reflect" | "inverse";
  readonly cap: Decimal | undefined;
  readonly floor: Decimal | undefined;
  readonly zeroTarget: "error" | "zero" | "full";
}

const DEFAULT_SETTINGS: AttainmentSettings = Object.freeze({
  direction: "higher",
  lowerFormula: "reflect",
  cap: undefined,
  floor: undefined,
  zeroTarget: "error",
});

const TWO = new Decimal(2);
const DIRECTIONS = ["higher", "lower"] as const;
const LOWER_FORMULAS = ["reflect", "inverse"] as const;
const ZERO_TARGETS = ["error", "zero", "full"] as const;

/**
 * The attainment of a target (达成率, 完成率): how much of the target was reached, as a ratio
 * (1 = 100 %).
 *
 * - higher is better: `actual / target`;
 * - lower is better (cost, complaints, days), `lowerFormula: "reflect"` (default):
 *   `max(0, 2 − actual / target)` — 10 % under target scores 1.1, double the target scores 0;
 * - lower is better, `lowerFormula: "inverse"`: `target / actual` — an actual of 0 scores `cap`
 *   (it is unbounded, so without a cap it throws `ZERO_DENOMINATOR`);
 * - then `result = min(max(result, floor), cap)` for whichever of `floor`, `cap` is given.
 *
 * A target of 0 scores by `zeroTarget` (`"error"` by default), whatever the direction. A negative
 * `actual` is allowed for `"higher"` (a net loss gives a negative attainment unless `floor`
 * stops it) and for `"reflect"`, and refused for `"inverse"`. The result is exact to the
 * library's precision (40 significant digits), not rounded.
 *
 * @category Metrics
 * @param actual - what was achieved
 * @param target - the target, ≥ 0
 * @param options - `direction`, `lowerFormula`, `cap`, `floor`, `zeroTarget`
 * @returns the attainment ratio (never `-0`)
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative target, a negative actual with `"inverse"`, `floor` above `cap` or an unknown option value; `ZERO_DENOMINATOR` for a target of 0 with `zeroTarget: "error"`, or an actual of 0 with `"inverse"` and no `cap`
 *
 * @example
 * ```ts
 * attainment(1_150_000, 1_000_000).toString(); // "1.15"
 * attainment(1_150_000, 1_000_000, { cap: 1.2 }).toString(); // "1.15"
 * attainment(1_300_000, 1_000_000, { cap: 1.2 }).toString(); // "1.2"
 * attainment(90, 100, { direction: "lower" }).toString(); // "1.1"   (2 − 90/100)
 * attainment(80, 100, { direction: "lower", lowerFormula: "inverse" }).toString(); // "1.25"  (100/80)
 * attainment(5, 0, { zeroTarget: "full" }).toString(); // "1"
 * ```
 */
export function attainment(actual: Numeric, target: Numeric, options?: AttainmentOptions | undefined): Decimal {
  return guard(computeAttainment, [actual, target, options]);
}

function computeAttainment(actual: Numeric, target: Numeric, options?: AttainmentOptions | undefined): Decimal {
  const a = readDecimal(actual, ["actual"]);
  const t = readDecimal(target, ["target"]);
  return attainmentOf(a, t, readAttainmentOptions(options, ["options"]), []);
}

/**
 * Checks {@link AttainmentOptions}.
 *
 * @internal
 * @param options - the caller's options (anything: it is checked)
 * @param path - where they sit
 * @returns the settings with defaults filled in
 * @throws {PayscoreError} `INVALID_ARGUMENT`, `INVALID_NUMBER`
 */
export function readAttainmentOptions(options: unknown, path: ErrorPath): AttainmentSettings {
  const o = readOptions(options, path);
  if (o === undefined) return DEFAULT_SETTINGS;
  const direction = readChoice(o["direction"], path, "direction", DIRECTIONS, "higher");
  const lowerFormula = readChoice(o["lowerFormula"], path, "lowerFormula", LOWER_FORMULAS, "reflect");
  const zeroTarget = readChoice(o["zeroTarget"], path, "zeroTarget", ZERO_TARGETS, "error");
  const cap = o["cap"] === undefined ? undefined : readDecimal(o["cap"], pathTo(path, "cap"));
  const floor = o["floor"] === undefined ? undefined : readDecimal(o["floor"], pathTo(path, "floor"));
  if (cap !== undefined && floor !== undefined && floor.gt(cap)) {
    throw fault("INVALID_ARGUMENT", pathTo(path, "floor"), `must not be greater than cap; got floor ${floor.toString()} and cap ${cap.toString()}`);
  }
  return { direction, lowerFormula, cap, floor, zeroTarget };
}

/**
 * {@link attainment} on checked values.
 *
 * @internal
 * @param actual - what was achieved
 * @param target - the target
 * @param s - checked settings
 * @param base - where `actual` and `target` sit in the caller's input (`[]` for arguments)
 * @returns the attainment
 * @throws {PayscoreError} as {@link attainment}
 */
export function attainmentOf(actual: Decimal, target: Decimal, s: AttainmentSettings, base: ErrorPath): Decimal {
  nonNegative(target, base, "target");
  const inverse = s.direction === "lower" && s.lowerFormula === "inverse";
  if (inverse && actual.isNegative()) {
    throw fault("INVALID_ARGUMENT", pathTo(base, "actual"), `must not be negative with lowerFormula "inverse" (target / actual); got ${actual.toString()}`);
  }
  let result: Decimal;
  if (target.isZero()) {
    if (s.zeroTarget === "error") {
      throw fault(
        "ZERO_DENOMINATOR",
        pathTo(base, "target"),
        `is 0, so attainment is undefined (division by zero); set zeroTarget to "zero" or "full" to score a zero target`,
      );
    }
    result = new Decimal(s.zeroTarget === "zero" ? 0 : 1);
  } else if (s.direction === "higher") {
    result = actual.div(target);
  } else if (!inverse) {
    result = TWO.minus(actual.div(target));
    if (result.isNegative()) result = new Decimal(0);
  } else if (actual.isZero()) {
    // target / 0 grows without bound: the cap is the natural limit.
    if (s.cap === undefined) {
      throw fault(
        "ZERO_DENOMINATOR",
        pathTo(base, "actual"),
        `is 0, so target / actual is undefined (division by zero); set a cap to score an actual of 0`,
      );
    }
    return s.cap;
  } else {
    result = target.div(actual);
  }
  if (s.floor !== undefined && result.lt(s.floor)) result = s.floor;
  if (s.cap !== undefined && result.gt(s.cap)) result = s.cap;
  return plain(result);
}

/**
 * The formula {@link attainmentOf} applied, in plain notation, for traces.
 *
 * @internal
 * @param s - checked settings
 * @param targetIsZero - whether the target was 0
 * @param actualIsZero - whether the actual was 0
 * @returns e.g. `"min(actual / target, cap)"`
 */
export function attainmentFormula(s: AttainmentSettings, targetIsZero: boolean, actualIsZero: boolean): string {
  let core: string;
  if (targetIsZero) core = s.zeroTarget === "zero" ? "0 (target is 0)" : "1 (target is 0)";
  else if (s.direction === "higher") core = "actual / target";
  else if (s.lowerFormula === "reflect") core = "max(0, 2 - actual / target)";
  else if (actualIsZero) return "cap (actual is 0)";
  else core = "target / actual";
  if (s.floor !== undefined) core = `max(${core}, floor)`;
  if (s.cap !== undefined) core = `min(${core}, cap)`;
  return core;
}
