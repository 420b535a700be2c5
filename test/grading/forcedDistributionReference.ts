// Reference for the property tests: the original Decimal implementation of forcedDistribution.
import { z } from "zod";
import { PayscoreError, describeValue, formatPath, parseWith } from "../../src/errors/index.js";
import { Decimal, allocateDecimal, readDecimal, type Numeric } from "../../src/numeric/index.js";

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

const quotasSchema = z.array(z.object({ grade: z.string(), share: z.unknown() }));
const optionsSchema = z.object({ ties: z.enum(["share-grade", "by-order"]).optional() }).optional();
const SHARE_TOLERANCE = new Decimal("1e-12");

/**
 * The Decimal implementation of forcedDistribution as it stood before the fast paths (frozen
 * here as the reference the property tests compare against).
 */
export function forcedDistributionReference(
  entries: readonly ScoredEntry[],
  quotas: readonly GradeQuota[],
  options?: ForcedDistributionOptions | undefined,
): GradeAssignment[] {
  const ties = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"])?.ties ?? "share-grade";
  const grades = readQuotas(quotas);
  const { ids, scores, keys, exact } = readEntries(entries);
  // A number score is exactly its double, so it needs a Decimal only when compared with one that is not.
  const exactScore = (i: number): Decimal => scores[i] ?? new Decimal(keys[i] as number);
  const n = ids.length;

  const seats = allocateDecimal(new Decimal(n), grades.shares, 0, ["quotas"]).map((seat) => seat.toNumber());

  // Order best first; equal scores keep input order. Doubles order almost every pair (rounding
  // to a double is monotone); equal doubles are equal scores when both scores are exactly their
  // double's shortest text, and are compared as Decimals otherwise.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const ka = keys[a] as number;
    const kb = keys[b] as number;
    if (ka !== kb) return ka > kb ? -1 : 1;
    if (exact[a] === 1 && exact[b] === 1) return a - b;
    return exactScore(b).cmp(exactScore(a)) || a - b;
  });
  const sameScore = (a: number, b: number): boolean =>
    keys[a] === keys[b] && ((exact[a] === 1 && exact[b] === 1) || exactScore(a).eq(exactScore(b)));

  const rank = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    const person = order[p] as number;
    rank[person] = p > 0 && sameScore(person, order[p - 1] as number) ? (rank[order[p - 1] as number] as number) : p + 1;
  }

  const gradeOf = new Uint32Array(n);
  let cursor = 0;
  let boundary = 0;
  for (let g = 0; g < seats.length; g++) {
    boundary += seats[g] as number;
    if (cursor >= boundary) continue; // every seat of this grade went to an earlier tie
    let end = boundary;
    if (ties === "share-grade") {
      const last = order[boundary - 1] as number;
      while (end < n && sameScore(order[end] as number, last)) end++;
    }
    for (; cursor < end; cursor++) gradeOf[order[cursor] as number] = g;
  }

  const result: GradeAssignment[] = new Array<GradeAssignment>(n);
  for (let i = 0; i < n; i++) {
    result[i] = { id: ids[i] as string, grade: grades.names[gradeOf[i] as number] as string, rank: rank[i] as number };
  }
  return result;
}

function readQuotas(quotas: readonly GradeQuota[]): { names: string[]; shares: Decimal[] } {
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

function readEntries(entries: readonly ScoredEntry[]): { ids: string[]; scores: (Decimal | undefined)[]; keys: Float64Array; exact: Uint8Array } {
  if (!Array.isArray(entries)) {
    throw new PayscoreError("INVALID_ARGUMENT", `entries must be an array of { id, score }; got ${describeValue(entries)}`, { path: ["entries"] });
  }
  const n = entries.length;
  const ids: string[] = new Array<string>(n);
  const scores: (Decimal | undefined)[] = new Array<Decimal | undefined>(n);
  const keys = new Float64Array(n);
  const exact = new Uint8Array(n);
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const entry: unknown = entries[i];
    if (typeof entry !== "object" || entry === null) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["entries", i])} must be an object { id, score }; got ${describeValue(entry)}`, { path: ["entries", i] });
    }
    const { id, score } = entry as { id?: unknown; score?: unknown };
    if (typeof id !== "string") {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["entries", i, "id"])} must be a string; got ${describeValue(id)}`, { path: ["entries", i, "id"] });
    }
    const before = seen.get(id);
    if (before !== undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["entries", i, "id"])} repeats the id ${describeValue(id)} of ${formatPath(["entries", before])}; ids must be unique`, {
        path: ["entries", i, "id"],
      });
    }
    seen.set(id, i);
    ids[i] = id;
    if (typeof score === "number" && Number.isFinite(score)) {
      // A finite number reads as its shortest round-trip text, which is exactly its double.
      keys[i] = score === 0 ? 0 : score;
      exact[i] = 1;
      continue;
    }
    const value = readScore(score, i);
    scores[i] = value;
    const key = value.toNumber();
    keys[i] = key === 0 ? 0 : key;
    // Other input is exactly its double when it reads as the double's shortest text.
    exact[i] = value.toString() === String(key) ? 1 : 0;
  }
  return { ids, scores, keys, exact };
}

const NO_PATH: readonly (string | number)[] = [];

// readDecimal with the path built only when the score is at fault (cheap over a million people).
function readScore(score: unknown, index: number): Decimal {
  try {
    return readDecimal(score, NO_PATH);
  } catch {
    return readDecimal(score, ["entries", index, "score"]);
  }
}
