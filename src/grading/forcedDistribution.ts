import { PayscoreError, describeValue, formatPath, guardReadingDense } from "../errors/index.js";
import { Decimal, readDecimal, type Numeric, claimId, idTable, splitDecimal, splitNumber, truncatedDouble, unitsAt, type Digits } from "../numeric/index.js";
import { gradeUnits, readQuotas, readTies, seatsFor, type TiePolicy } from "./forcedCurve.js";

/** One person to grade on a forced curve. */
export interface ScoredEntry {
  /** The person's id; unique in the list. */
  readonly id: string;
  /** The person's score; higher is better. */
  readonly score: Numeric;
}

/** One grade of a forced curve and the share of people it takes. */
export interface GradeQuota {
  /** The grade's name. */
  readonly grade: string;
  /** The share of people (0.2 = 20 %); the shares of a curve sum to 1. */
  readonly share: Numeric;
}

/** Options for {@link forcedDistribution}. */
export interface ForcedDistributionOptions {
  /**
   * How people tied on the last seat of a grade are graded:
   * - `"share-grade"` (default): everyone tied with the last seat of a grade gets that grade;
   *   the grades after it shrink by as many seats;
   * - `"by-order"`: the tie is broken by input order (earlier first), so every grade gets
   *   exactly its seats.
   */
  readonly ties?: "share-grade" | "by-order" | undefined;
}

/** One person's place on a forced curve. */
export interface GradeAssignment {
  readonly id: string;
  readonly grade: string;
  /** Standard competition rank by score, 1 = best; equal scores share a rank (1, 2, 2, 4). */
  readonly rank: number;
}


/**
 * Grades people on a forced curve (强制分布, e.g. 20/70/10 — 优秀 20 %, 合格 70 %, 待改进 10 %).
 *
 * - seats: `seatsₖ = allocate(n, shares, { scale: 0 })ₖ` (largest remainder, so the seats sum to
 *   `n` and ties between remainders go to the better grade);
 * - ranks: people are ordered by score, best first; `rank = 1 + #{people with a higher score}`
 *   (standard competition ranking 1, 2, 2, 4);
 * - grades: the first `seats₁` people get the first grade, the next `seats₂` the second, …;
 *   with `ties: "share-grade"` (default) everyone tied with the last seat of a grade also gets
 *   that grade and the later grades shrink (a grade whose seats were all taken gets nobody);
 *   with `ties: "by-order"` equal scores keep their input order, so each grade gets exactly its
 *   seats.
 *
 * Shares must be ≥ 0 and sum to 1 (within 1e-12, so thirds written to 12 places pass). Scores
 * are compared exactly. Sorting is O(n log n) and runs once. Scores of at most 15 significant
 * digits (numbers, and Decimals read from their digits without creating new ones) are graded
 * as exact integers by the engine of `forcedDistributionColumns`; any other score sends the
 * call to an exact Decimal comparison. The results are the same either way.
 *
 * @category Grading
 * @param entries - the people: `{ id, score }`, ids unique
 * @param quotas - the grades, best first, with their shares
 * @param options - `ties`: `"share-grade"` (default) or `"by-order"`
 * @returns one `{ id, grade, rank }` per entry, in input order
 * @throws {PayscoreError} `INVALID_ARGUMENT` for malformed entries or quotas, a repeated id or grade, or an unknown `ties`; `INVALID_NUMBER` for a malformed score or share; `INVALID_WEIGHTS` for a negative share or shares not summing to 1; `EMPTY_INPUT` for no quotas
 *
 * @example
 * ```ts
 * // 10 people on 20/70/10: seats 2, 7, 1
 * forcedDistribution(
 *   [
 *     { id: "a", score: 95 }, { id: "b", score: 90 }, { id: "c", score: 90 }, { id: "d", score: 85 },
 *     { id: "e", score: 80 }, { id: "f", score: 78 }, { id: "g", score: 75 }, { id: "h", score: 70 },
 *     { id: "i", score: 65 }, { id: "j", score: 60 },
 *   ],
 *   [{ grade: "A", share: 0.2 }, { grade: "B", share: 0.7 }, { grade: "C", share: 0.1 }],
 * ).map((p) => `${p.id}:${p.grade}:${p.rank}`);
 * // ["a:A:1", "b:A:2", "c:A:2", "d:B:4", "e:B:5", "f:B:6", "g:B:7", "h:B:8", "i:B:9", "j:C:10"]
 * // b and c tie on A's last seat: both get A and B shrinks to 6 seats.
 * ```
 */
export function forcedDistribution(
  entries: readonly ScoredEntry[],
  quotas: readonly GradeQuota[],
  options?: ForcedDistributionOptions | undefined,
): GradeAssignment[] {
  // Called on whole teams, often right after scoring them: the input is walked only after a
  // throw (see guardReadingDense), not before, which would read every score's digits once more.
  return guardReadingDense(computeForcedDistribution, [entries, quotas, options]);
}

function computeForcedDistribution(
  entries: readonly ScoredEntry[],
  quotas: readonly GradeQuota[],
  options?: ForcedDistributionOptions | undefined,
): GradeAssignment[] {
  const ties = readTies(options);
  const grades = readQuotas(quotas);
  const read = readEntries(entries);
  const n = read.ids.length;
  const seats = seatsFor(n, grades.shares);
  // Stryker disable next-line ConditionalExpression: the exact path gives the same grades, only slower
  const { grade, rank } = read.units === null ? gradeExactly(read.scores, seats, ties) : gradeUnits(read.units, seats, ties);

  // Stryker disable next-line ArrayDeclaration: pre-sized for speed; every slot is written before it is read
  const result: GradeAssignment[] = new Array<GradeAssignment>(n);
  for (let i = 0; i < n; i++) {
    result[i] = { id: read.ids[i] as string, grade: grades.names[grade[i] as number] as string, rank: rank[i] as number };
  }
  return result;
}

/** The entries read: ids, and the scores as integers at one scale when every score allows it. */
interface ReadEntries {
  readonly ids: string[];
  /** Each score in units of 10^-scale (exact), or `null` when some score needs the Decimal path. */
  readonly units: Float64Array | null;
  /** The scores (numbers as they are, everything else as Decimals). */
  readonly scores: (Decimal | number)[];
}

function readEntries(entries: readonly ScoredEntry[]): ReadEntries {
  if (!Array.isArray(entries)) {
    throw new PayscoreError("INVALID_ARGUMENT", `entries must be an array of { id, score }; got ${describeValue(entries)}`, { path: ["entries"] });
  }
  const n = entries.length;
  // Stryker disable next-line ArrayDeclaration: pre-sized for speed; every slot is written before it is read
  const ids: string[] = new Array<string>(n);
  // Stryker disable next-line ArrayDeclaration: pre-sized for speed; every slot is written before it is read
  const scores: (Decimal | number)[] = new Array<Decimal | number>(n);
  const mantissas = new Float64Array(n);
  const exponents = new Int32Array(n);
  // Stryker disable next-line ObjectLiteral: the split functions write both fields before they are read; the literal only fixes the object's shape
  const digits: Digits = { mantissa: 0, exponent: 0 };
  let split = true;
  let scale = 0;
  const seen = idTable(n);
  for (let i = 0; i < n; i++) {
    const entry: unknown = entries[i];
    if (typeof entry !== "object" || entry === null) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["entries", i])} must be an object { id, score }; got ${describeValue(entry)}`, { path: ["entries", i] });
    }
    const { id, score } = entry as { id?: unknown; score?: unknown };
    if (typeof id !== "string") {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["entries", i, "id"])} must be a string; got ${describeValue(id)}`, { path: ["entries", i, "id"] });
    }
    ids[i] = id;
    const before = claimId(seen, ids, i);
    if (before !== -1) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["entries", i, "id"])} repeats the id ${describeValue(id)} of ${formatPath(["entries", before])}; ids must be unique`, {
        path: ["entries", i, "id"],
      });
    }
    let value: Decimal | number;
    if (typeof score === "number" && Number.isFinite(score)) {
      value = score;
      if (split) split = splitNumber(score, digits);
    } else if (split && score instanceof Decimal && splitDecimal(score, digits)) {
      value = score; // finite, and within any exponent bound with 15 significant digits
    } else {
      value = readScore(score, i);
      if (split) split = splitDecimal(value, digits);
    }
    scores[i] = value;
    // Stryker disable next-line ConditionalExpression: once split is false the digits are never used (units is null)
    if (split) {
      mantissas[i] = digits.mantissa;
      exponents[i] = digits.exponent;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: the scale only picks the engine: at any scale unitsAt gives exact units or undefined, and undefined sends the call to the exact path (same grades)
      if (-digits.exponent > scale) scale = -digits.exponent;
    }
  }
  return { ids, units: split ? toUnits(mantissas, exponents, scale) : null, scores };
}

/** The scores as integers at `scale` (in place), or `null` when one of them is not a safe integer there. */
function toUnits(mantissas: Float64Array, exponents: Int32Array, scale: number): Float64Array | null {
  const n = mantissas.length;
  // Stryker disable next-line EqualityOperator,UpdateOperator: an index outside the scores makes unitsAt undefined, which sends the call to the exact path (same grades)
  for (let i = 0; i < n; i++) {
    const units = unitsAt(mantissas[i] as number, exponents[i] as number, scale);
    if (units === undefined) return null;
    mantissas[i] = units;
  }
  return mantissas;
}

/**
 * The Decimal path, for a score beyond 15 significant digits or scores that are not safe
 * integers at one scale: orders by doubles and compares equal doubles as Decimals.
 */
function gradeExactly(scores: readonly (Decimal | number)[], seats: readonly number[], ties: TiePolicy): { grade: Int32Array; rank: Int32Array } {
  const n = scores.length;
  const keys = new Float64Array(n);
  const exact = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const score = scores[i] as Decimal | number;
    if (typeof score === "number") {
      // A finite number reads as its shortest round-trip text, which is exactly its double.
      // Stryker disable next-line ConditionalExpression: the keys are compared with === and !==, for which -0 and 0 are equal
      keys[i] = score === 0 ? 0 : score;
      exact[i] = 1;
      continue;
    }
    // The value cut to 15 digits, as a double: ordered as the scores are. A score of at most 15
    // significant digits within the normal range of doubles is exactly its own double's shortest
    // text, so equal keys of two such scores are equal scores; any other tie (scores past 1e308,
    // which all become ±Infinity, or below 2.2e-308, which lose digits or become 0) is compared
    // as Decimals below.
    const key = truncatedDouble(score);
    // Stryker disable next-line ConditionalExpression: the keys are compared with === and !==, for which -0 and 0 are equal
    keys[i] = key === 0 ? 0 : key;
    exact[i] = splitDecimal(score, SCRATCH) && (key === 0 ? score.isZero() : isNormalDouble(key)) ? 1 : 0;
  }
  // A number score is exactly its double, so it needs a Decimal only when compared with one that is not.
  const exactScore = (i: number): Decimal => {
    const score = scores[i] as Decimal | number;
    // Stryker disable next-line ConditionalExpression: new Decimal of a Decimal is an equal Decimal
    return typeof score === "number" ? new Decimal(score) : score;
  };

  // Order best first; equal scores keep input order. Doubles order almost every pair (rounding
  // to a double is monotone); equal doubles are equal scores when both scores are exactly their
  // double's shortest text, and are compared as Decimals otherwise.
  const order = orderByKeys(keys, (a, b) => {
    const ka = keys[a] as number;
    const kb = keys[b] as number;
    // Stryker disable next-line EqualityOperator: ka and kb differ here, so > and >= agree
    if (ka !== kb) return ka > kb ? -1 : 1;
    if (exact[a] === 1 && exact[b] === 1) return a - b;
    return exactScore(b).cmp(exactScore(a)) || a - b;
  }, exact);
  const sameScore = (a: number, b: number): boolean =>
    keys[a] === keys[b] && ((exact[a] === 1 && exact[b] === 1) || exactScore(a).eq(exactScore(b)));

  const rank = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: the extra step reads past the end (undefined), which equals no score, and writes nothing a caller sees
  for (let p = 0; p < n; p++) {
    const person = order[p] as number;
    rank[person] = p > 0 && sameScore(person, order[p - 1] as number) ? (rank[order[p - 1] as number] as number) : p + 1;
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
      const last = order[boundary - 1] as number;
      while (end < n && sameScore(order[end] as number, last)) end++;
    }
    for (; cursor < end; cursor++) grade[order[cursor] as number] = g;
  }
  return { grade, rank };
}

/**
 * Indices in the order `before` sorts them — keys descending, equal keys in index order, and
 * equal keys with an inexact score (`exact[i] === 0`) by `before`'s exact comparison — without
 * calling `before` for each of the n·log n comparisons of a sort: the keys are sorted natively
 * (a Float64Array sorts without a comparator), each index is placed at the count of keys above
 * its own (a binary search) plus the indexes before it with the same key, and only runs of
 * equal keys holding an inexact score are sorted with `before`. `before` must be that order
 * (a total one), so the result is the order a sort with `before` gives.
 */
function orderByKeys(keys: Float64Array, before: (a: number, b: number) => number, exact: Uint8Array): Uint32Array {
  const n = keys.length;
  const ascending = keys.slice().sort();
  const placed = new Int32Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    // The first place holding a key above this one, ascending: n − (the count of keys above).
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ascending[mid] as number) <= key) lo = mid + 1;
      else hi = mid;
    }
    const start = n - lo;
    order[start + (placed[start] as number)] = i;
    placed[start] = (placed[start] as number) + 1;
  }
  for (let start = 0; start < n; ) {
    const key = keys[order[start] as number] as number;
    let end = start + 1;
    let inexact = exact[order[start] as number] === 0;
    while (end < n && keys[order[end] as number] === key) {
      if (exact[order[end] as number] === 0) inexact = true;
      end++;
    }
    if (inexact && end - start > 1) order.subarray(start, end).sort(before);
    start = end;
  }
  return order;
}

const NO_PATH: readonly (string | number)[] = [];
const SCRATCH: Digits = { mantissa: 0, exponent: 0 };
/** The smallest positive normal double (2^-1022). */
const MIN_NORMAL_DOUBLE = 2.2250738585072014e-308;

/** Whether a double is finite and not subnormal: there a 15-digit decimal and its double determine each other. */
function isNormalDouble(x: number): boolean {
  const size = Math.abs(x);
  return size >= MIN_NORMAL_DOUBLE && size !== Infinity;
}

// readDecimal with the path built only when the score is at fault (cheap over a million people).
function readScore(score: unknown, index: number): Decimal {
  try {
    return readDecimal(score, NO_PATH);
  } catch {
    return readDecimal(score, ["entries", index, "score"]);
  }
}
