import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith } from "../errors/index.js";
import { Decimal, allocateDecimal, readDecimal } from "../numeric/index.js";

// The parts of a forced distribution shared by forcedDistribution and forcedDistributionColumns:
// reading the quotas and options, the seats, and grading exact integer scores. Internal.

/** The tie policy of a forced distribution. @internal */
export type TiePolicy = "share-grade" | "by-order";

const quotasSchema = z.array(z.object({ grade: z.string(), share: z.unknown() }));
const optionsSchema = z.object({ ties: z.enum(["share-grade", "by-order"]).optional() }).optional();
const SHARE_TOLERANCE = new Decimal("1e-12");

/**
 * Reads the `ties` option.
 *
 * @internal
 * @param options - the caller's options
 * @returns the tie policy (default `"share-grade"`)
 * @throws {PayscoreError} `INVALID_ARGUMENT`
 * @example
 * ```ts
 * readTies(undefined); // "share-grade"
 * ```
 */
export function readTies(options: unknown): TiePolicy {
  return parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"])?.ties ?? "share-grade";
}

/**
 * Reads and checks the quotas: names unique, shares ≥ 0 summing to 1 (within 1e-12).
 *
 * @internal
 * @param quotas - the caller's quotas
 * @returns the grade names and shares
 * @throws {PayscoreError} `INVALID_ARGUMENT`, `INVALID_NUMBER`, `INVALID_WEIGHTS`, `EMPTY_INPUT`
 * @example
 * ```ts
 * readQuotas([{ grade: "A", share: 1 }]).names; // ["A"]
 * ```
 */
export function readQuotas(quotas: unknown): { names: string[]; shares: Decimal[] } {
  const parsed = parseWith(quotasSchema, quotas, "INVALID_ARGUMENT", ["quotas"]);
  if (parsed.length === 0) {
    throw new PayscoreError("EMPTY_INPUT", "quotas must list at least one grade", { path: ["quotas"] });
  }
  const seen = new Map<string, number>();
  const names: string[] = [];
  const shares: Decimal[] = [];
  let sum = new Decimal(0);
  parsed.forEach((quota, i) => {
    const before = seen.get(quota.grade);
    if (before !== undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["quotas", i, "grade"])} repeats the grade ${describeValue(quota.grade)} of ${formatPath(["quotas", before])}`, {
        path: ["quotas", i, "grade"],
      });
    }
    seen.set(quota.grade, i);
    const share = readDecimal(quota.share, ["quotas", i, "share"]);
    if (share.isNegative()) {
      throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(["quotas", i, "share"])} must not be negative; got ${share.toString()}`, { path: ["quotas", i, "share"] });
    }
    names.push(quota.grade);
    shares.push(share);
    sum = sum.plus(share);
  });
  if (sum.minus(1).abs().gt(SHARE_TOLERANCE)) {
    throw new PayscoreError("INVALID_WEIGHTS", `the shares in quotas must sum to 1; they sum to ${sum.toString()}`, { path: ["quotas"] });
  }
  return { names, shares };
}

/**
 * The seats of each grade for `n` people: largest remainder over the shares.
 *
 * @internal
 * @param n - the number of people
 * @param shares - the checked shares
 * @returns whole seats summing to `n`
 * @example
 * ```ts
 * seatsFor(10, [new Decimal("0.2"), new Decimal("0.7"), new Decimal("0.1")]); // [2, 7, 1]
 * ```
 */
export function seatsFor(n: number, shares: readonly Decimal[]): number[] {
  // Stryker disable next-line ArrayDeclaration: readQuotas has already refused every share allocateDecimal could refuse, so this path is never shown
  return allocateDecimal(new Decimal(n), shares, 0, ["quotas"]).map((seat) => seat.toNumber());
}

/**
 * Grades people whose scores are exact integers (safe integers in one unit): orders them best
 * first (equal scores in index order), ranks them 1, 2, 2, 4 and hands out the seats with the
 * tie policy. Sorts one packed `Float64Array` key (score and index in one exact integer) when
 * that fits 2^53, otherwise indices with a comparator.
 *
 * @internal
 * @param units - the scores, exact safe integers (−0 counts as 0)
 * @param seats - the seats of each grade, summing to the number of people
 * @param ties - the tie policy
 * @returns grade indexes and ranks, by person
 * @example
 * ```ts
 * gradeUnits([95, 90, 90, 60], [1, 2, 1], "share-grade"); // grade [0, 1, 1, 2], rank [1, 2, 2, 4]
 * ```
 */
export function gradeUnits(units: ArrayLike<number>, seats: readonly number[], ties: TiePolicy): { grade: Int32Array; rank: Int32Array } {
  const n = units.length;
  const order = orderByScore(units);

  const rank = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: the extra step reads past the end (undefined), which equals no score, and writes nothing a caller sees
  for (let p = 0; p < n; p++) {
    const person = order[p] as number;
    rank[person] = p > 0 && units[person] === units[order[p - 1] as number] ? (rank[order[p - 1] as number] as number) : p + 1;
  }

  const grade = new Int32Array(n);
  let cursor = 0;
  let boundary = 0;
  // Stryker disable next-line EqualityOperator: the extra grade adds undefined to the boundary (NaN), and no comparison with NaN hands out a seat
  for (let g = 0; g < seats.length; g++) {
    boundary += seats[g] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut: at or past the boundary, the tie run from boundary - 1 ends at the cursor, so the loop below grades nobody
    if (cursor >= boundary) continue; // every seat of this grade went to an earlier tie
    let end = boundary;
    if (ties === "share-grade") {
      const last = units[order[boundary - 1] as number];
      while (end < n && units[order[end] as number] === last) end++;
    }
    for (; cursor < end; cursor++) grade[order[cursor] as number] = g;
  }
  return { grade, rank };
}

/** Indices best first, equal scores in index order. */
function orderByScore(units: ArrayLike<number>): Uint32Array | Float64Array {
  const n = units.length;
  // Stryker disable next-line UnaryOperator: with high = +Infinity the packed sort is never chosen; the comparator sort gives the same order, only slower
  let high = -Infinity;
  let low = Infinity;
  // Stryker disable next-line EqualityOperator: the extra step reads undefined, which is neither above high nor below low
  for (let i = 0; i < n; i++) {
    const u = units[i] as number;
    if (u > high) high = u;
    if (u < low) low = u;
  }
  if (n === 0 || (high - low + 1) * n <= Number.MAX_SAFE_INTEGER) {
    // key = (high − u)·n + i: ascending keys are descending scores, then ascending index.
    const keys = new Float64Array(n);
    // Stryker disable next-line EqualityOperator: a write past the end of a typed array is ignored
    for (let i = 0; i < n; i++) keys[i] = (high - (units[i] as number)) * n + i;
    keys.sort();
    // Stryker disable next-line EqualityOperator: a write past the end of a typed array is ignored
    for (let p = 0; p < n; p++) keys[p] = (keys[p] as number) % n;
    return keys;
  }
  const order = new Uint32Array(n);
  // Stryker disable next-line EqualityOperator: a write past the end of a typed array is ignored
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const ua = units[a] as number;
    const ub = units[b] as number;
    return ua === ub ? a - b : ua > ub ? -1 : 1;
  });
  return order;
}
