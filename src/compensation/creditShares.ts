// Credit splits between reps, read and applied: shared by splitCredit and commissionOnCollections.
// Internal to src/compensation/: not exported from the package root.
import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal, apportion, readDecimal, type RoundingMode, divideRounded } from "../numeric/index.js";
import { fractionOf } from "./cashInput.js";
import { fromSteps } from "./steps.js";

/** Splits read and checked. @internal */
export interface ReadCredit {
  readonly ids: string[];
  /** The shares as integers over `unit`: share = weight / unit. */
  readonly weights: bigint[];
  readonly unit: bigint;
  /** Overlay credit: each rep gets amount × share, with no rule on the sum. */
  readonly overlay: boolean;
  /** The shares applied: `shareᵢ / Σ share` in a split, the share itself in an overlay. */
  readonly shares: Decimal[];
}

/**
 * Reads `{ id, share }[]` splits: ids non-empty and unique, shares from 0 to 1; in a split (not
 * an overlay) the shares must sum to 1 or, when `tolerance` > 0, to within `tolerance` of 1.
 *
 * @internal
 * @param value - the caller's splits
 * @param path - where they sit
 * @param overlay - overlay credit (no rule on the sum)
 * @param tolerance - how far from 1 the sum may be (0: exactly 1)
 * @returns the splits
 * @throws {PayscoreError} `INVALID_ARGUMENT` for malformed splits or a repeated id; `EMPTY_INPUT` for none; `INVALID_NUMBER` for a malformed share; `INVALID_WEIGHTS` for a negative share or a sum that is not 1; `OUT_OF_RANGE` for a share above 1
 * @example
 * ```ts
 * readCredit([{ id: "a", share: "0.5" }, { id: "b", share: "0.5" }], ["splits"], false, new Decimal(0)).weights; // [5n, 5n]
 * ```
 */
export function readCredit(value: unknown, path: ErrorPath, overlay: boolean, tolerance: Decimal): ReadCredit {
  if (!Array.isArray(value)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be an array of { id, share }; got ${describeValue(value)}`, { path });
  }
  const list: readonly unknown[] = value;
  if (list.length === 0) throw new PayscoreError("EMPTY_INPUT", `${formatPath(path)} must name at least one rep`, { path });
  const ids: string[] = [];
  const raw: Decimal[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const at = [...path, i];
    const split: unknown = list[i];
    if (typeof split !== "object" || split === null || Array.isArray(split)) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(at)} must be an object { id, share }; got ${describeValue(split)}`, { path: at });
    }
    const { id, share } = split as { id?: unknown; share?: unknown };
    if (typeof id !== "string" || id === "") {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...at, "id"])} must be a non-empty string; got ${describeValue(id)}`, { path: [...at, "id"] });
    }
    const before = seen.get(id);
    if (before !== undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...at, "id"])} repeats the id ${describeValue(id)} of ${formatPath([...path, before])}; ids must be unique`, {
        path: [...at, "id"],
      });
    }
    seen.set(id, i);
    const s = readDecimal(share, [...at, "share"]);
    if (s.isNegative()) {
      throw new PayscoreError("INVALID_WEIGHTS", `${formatPath([...at, "share"])} must not be negative; got ${s.toString()}`, { path: [...at, "share"] });
    }
    if (s.gt(1)) {
      throw new PayscoreError("OUT_OF_RANGE", `${formatPath([...at, "share"])} must be at most 1 (100 % is 1); got ${s.toString()}`, { path: [...at, "share"] });
    }
    ids.push(id);
    raw.push(s);
  }
  let places = 0;
  for (const s of raw) places = Math.max(places, s.decimalPlaces());
  const unit = 10n ** BigInt(places);
  const weights = raw.map((s) => {
    const { num, den } = fractionOf(s);
    return num * (unit / den);
  });
  if (overlay) return { ids, weights, unit, overlay, shares: raw };
  let sum = 0n;
  for (const w of weights) sum += w;
  // Exactly, in BigInt: |Σ share − 1| ≤ tolerance  ⇔  |sum − unit| · den ≤ num · unit.
  const off = sum > unit ? sum - unit : unit - sum;
  const allowed = fractionOf(tolerance);
  if (off !== 0n && (allowed.num === 0n || off * allowed.den > allowed.num * unit)) {
    const total = fromSteps(sum, places).toString();
    const hint = allowed.num === 0n
      ? "give options.tolerance to accept a small rounding difference and normalise the shares"
      : `${fromSteps(off, places).toString()} away from 1, beyond the tolerance ${tolerance.toString()}`;
    throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(path)}: the shares must sum to 1; they sum to ${total} (${hint})`, { path });
  }
  const sumDecimal = new Decimal(sum.toString());
  return { ids, weights, unit, overlay, shares: weights.map((w) => (w === 0n ? new Decimal(0) : new Decimal(w.toString()).div(sumDecimal))) };
}

/**
 * Each rep's credit in an amount of `steps` whole steps: by largest remainder in a split (the
 * parts sum to `steps` exactly, ties to the earlier rep), `round(steps · share)` in an overlay.
 *
 * @internal
 * @param steps - the amount in steps, any sign
 * @param credit - the splits
 * @param mode - how an overlay share is rounded
 * @returns one amount in steps per rep
 * @example
 * ```ts
 * creditSteps(10001n, { ids: ["a", "b"], weights: [1n, 1n], unit: 2n, overlay: false, shares: [] }, "half-even"); // [5001n, 5000n]
 * ```
 */
export function creditSteps(steps: bigint, credit: ReadCredit, mode: RoundingMode): bigint[] {
  if (credit.overlay) return credit.weights.map((w) => divideRounded(steps * w, credit.unit, mode));
  const parts = apportion(steps < 0n ? -steps : steps, credit.weights);
  return steps < 0n ? parts.map((p) => -p) : parts;
}

/**
 * Reads a share tolerance: 0 when absent, else from 0 to below 1.
 *
 * @internal
 * @param value - the option's value
 * @param path - where it sits
 * @returns the tolerance
 * @throws {PayscoreError} `INVALID_NUMBER` / `OUT_OF_RANGE`
 * @example
 * ```ts
 * readTolerance("0.001", ["options", "tolerance"]).toString(); // "0.001"
 * ```
 */
export function readTolerance(value: unknown, path: ErrorPath): Decimal {
  if (value === undefined) return new Decimal(0);
  const tolerance = readDecimal(value, path);
  if (tolerance.isNegative() || tolerance.gte(1)) {
    throw new PayscoreError("OUT_OF_RANGE", `${formatPath(path)} must be from 0 to below 1; got ${tolerance.toString()}`, { path });
  }
  return tolerance;
}
