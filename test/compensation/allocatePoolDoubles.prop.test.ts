import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePool, type PoolEntry, type PoolResult } from "../../src/compensation/index.js";
import { shareByNearDoubles, type LongWeightEntries } from "../../src/compensation/allocatePoolDoubles.js";
import { PayscoreError } from "../../src/errors/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { allocatePoolReference } from "./allocatePoolReference.js";

// allocatePool shares long weights (40-digit scores, as scoreKpis gives them) with no cap,
// minimum or threshold in doubles, certified against a bound on their error, and hands anything
// doubles cannot decide to the exact BigInt path. Both must give the reference's allocations:
// the same amounts (digit words), flags and leftover.

/** 40-digit scores like scoreKpis's, a few of them over and over (ties), and ones a last digit apart. */
const scores = [1, 2, 3, 7].map((k) => new Decimal(100 * k).div(7));
const longWeight = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 3, max: 999 })).map(([a, b]) => new Decimal(a).div(b)) },
  { weight: 3, arbitrary: fc.constantFrom(...scores) },
  { weight: 1, arbitrary: fc.constantFrom(...scores).map((s) => s.plus("1e-37")) },
  { weight: 1, arbitrary: fc.constantFrom(new Decimal(1).div(3), new Decimal(2).div(3), new Decimal("1e-30").div(3), new Decimal("1e30").div(7)) },
);
const weight = fc.oneof(
  { weight: 8, arbitrary: longWeight },
  { weight: 2, arbitrary: fc.oneof(fc.constantFrom(0, 1, 5, 10), fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_000 }).map((c) => String(c / 8)) },
);
const pool = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_000 }).map((fen) => new Decimal(fen).div(100)),
  fc.constantFrom(0, "0.01", "0.03", 1, 7, 1000, "90071992547409.91"),
);

function entriesOf(weights: readonly unknown[]): PoolEntry[] {
  return weights.map((w, i) => ({ id: `p${i}`, weight: w }) as PoolEntry);
}

function outcome(run: () => PoolResult): unknown {
  try {
    const r = run();
    return {
      allocations: r.allocations.map((a) => ({ id: a.id, s: a.amount.s, e: a.amount.e, d: a.amount.d, capped: a.capped, eligible: a.eligible })),
      unallocated: r.unallocated.toString(),
    };
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    return { code: error.code, path: error.path, message: error.message };
  }
}

describe("allocatePool with long weights and nothing to bound anyone", () => {
  it("gives the reference's allocations, digit for digit", () => {
    fc.assert(
      fc.property(pool, fc.array(weight, { minLength: 1, maxLength: 60 }), fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), (p, weights, scale) => {
        const entries = entriesOf(weights);
        const options = scale === undefined ? undefined : { scale };
        // (a pool that is not a whole number of steps at the scale is refused by both alike)
        expect(outcome(() => allocatePool(p, entries, options))).toEqual(outcome(() => allocatePoolReference(p, entries, options)));
      }),
      { seed: 20261207, numRuns: 600 },
    );
  }, 60_000);

  it("decides in doubles only what doubles can decide, and then exactly as the reference", () => {
    let decided = 0;
    let cases = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.array(longWeight, { minLength: 1, maxLength: 80 }), (steps, weights) => {
        cases++;
        const read: LongWeightEntries = { ids: weights.map((_, i) => `p${i}`), mantissas: new Float64Array(weights.length), exponents: new Int32Array(weights.length), longs: weights };
        const quick = shareByNearDoubles(steps, read, 2);
        if (quick === undefined) return;
        decided++;
        expect(outcome(() => quick)).toEqual(outcome(() => allocatePoolReference(new Decimal(steps).div(100), entriesOf(weights))));
      }),
      { seed: 20261208, numRuns: 600 },
    );
    // Most cases are decided in doubles (mutation testing runs fewer cases: a share, not a count).
    expect(decided).toBeGreaterThan(cases / 2);
  }, 60_000);

  it("leaves to BigInt what doubles cannot rank, and still gets it right", () => {
    const third = new Decimal(1).div(3);
    const near = third.plus("1e-40");
    // a third each of 2 steps: 0.666… each; the one step left goes to the larger remainder,
    // which differs only in the 40th digit: doubles see a tie between different weights.
    const read: LongWeightEntries = { ids: ["a", "b", "c"], mantissas: new Float64Array(3), exponents: new Int32Array(3), longs: [third, near, third] };
    expect(shareByNearDoubles(2, read, 2)).toBeUndefined();
    const entries = entriesOf([third, near, third]);
    expect(outcome(() => allocatePool("0.02", entries))).toEqual(outcome(() => allocatePoolReference("0.02", entries)));
    expect(allocatePool("0.02", entries).allocations.map((a) => a.amount.toString())).toEqual(["0.01", "0.01", "0"]);
    // Equal weights tied on the last step: the earlier ones get it, decided in doubles.
    const tied: LongWeightEntries = { ids: ["a", "b", "c"], mantissas: new Float64Array(3), exponents: new Int32Array(3), longs: [third, third, third] };
    expect(shareByNearDoubles(2, tied, 2)?.allocations.map((a) => a.amount.toString())).toEqual(["0.01", "0.01", "0"]);
    // A share that is a whole number (no remainder to compare in doubles): BigInt.
    const halves: LongWeightEntries = { ids: ["a", "b"], mantissas: new Float64Array(2), exponents: new Int32Array(2), longs: [third, third] };
    expect(shareByNearDoubles(2, halves, 2)).toBeUndefined();
    expect(allocatePool("0.02", entriesOf([third, third])).allocations.map((a) => a.amount.toString())).toEqual(["0.01", "0.01"]);
  });

  it("declines weights outside the range of doubles and a pool without weight", () => {
    const read = (longs: Decimal[]): LongWeightEntries => ({ ids: longs.map((_, i) => `p${i}`), mantissas: new Float64Array(longs.length), exponents: new Int32Array(longs.length), longs });
    expect(shareByNearDoubles(100, read([new Decimal("1e-300").div(3)]), 2)).toBeUndefined();
    expect(shareByNearDoubles(100, read([new Decimal("1e300").div(3)]), 2)).toBeUndefined();
    expect(shareByNearDoubles(100, { ids: ["a"], mantissas: new Float64Array(1), exponents: new Int32Array(1), longs: [undefined] }, 2)).toBeUndefined();
    // A short weight past 10^44 and under 10^-44 (no two exact powers of ten to scale by)
    expect(shareByNearDoubles(100, { ids: ["a", "b"], mantissas: Float64Array.of(3, 1), exponents: Int32Array.of(50, 0), longs: [new Decimal(1).div(3), undefined] }, 2)).toBeUndefined();
    expect(shareByNearDoubles(100, { ids: ["a", "b"], mantissas: Float64Array.of(3, 1), exponents: Int32Array.of(-50, 0), longs: [new Decimal(1).div(3), undefined] }, 2)).toBeUndefined();
    // The example of the doc block: 1001 steps over 1/3, 1/3, 2/3 → 250.25, 250.25, 500.5
    const third = new Decimal(1).div(3);
    const example = shareByNearDoubles(1001, { ids: ["a", "b", "c"], mantissas: new Float64Array(3), exponents: new Int32Array(3), longs: [third, third, new Decimal(2).div(3)] }, 2);
    expect(example?.allocations.map((a) => a.amount.toString())).toEqual(["2.5", "2.5", "5.01"]);
    for (const w of [new Decimal("1e-300").div(3), new Decimal("1e300").div(3)]) {
      const entries = entriesOf([w, new Decimal(1).div(7)]);
      expect(outcome(() => allocatePool(100, entries))).toEqual(outcome(() => allocatePoolReference(100, entries)));
    }
  });
});

describe("allocatePool with long weights: equal amounts sharing one Decimal", () => {
  const longs = (weights: readonly Decimal[]): LongWeightEntries => ({
    ids: weights.map((_, i) => `p${i}`),
    mantissas: new Float64Array(weights.length),
    exponents: new Int32Array(weights.length),
    longs: weights,
  });

  it("shares equal amounts while they repeat, and stops sharing (same amounts) once 4096 distinct ones have not", () => {
    // 6000 distinct 40-digit weights: amounts mostly distinct, so sharing stops after 4096 of them.
    const distinct = Array.from({ length: 6000 }, (_, i) => new Decimal(1_000_003 + 7919 * i).div(7));
    const fast = shareByNearDoubles(600_000_000, longs(distinct), 2);
    expect(fast).toBeDefined();
    expect(outcome(() => fast as PoolResult)).toEqual(outcome(() => allocatePoolReference("6000000.00", entriesOf(distinct))));
    // 6000 weights of three values: every equal amount is one Decimal, past 4096 entries too.
    const repeated = Array.from({ length: 6000 }, (_, i) => scores[i % 3] as Decimal);
    const shared = shareByNearDoubles(60_000_001, longs(repeated), 2);
    expect(shared).toBeDefined();
    const { allocations } = shared as PoolResult;
    expect(outcome(() => shared as PoolResult)).toEqual(outcome(() => allocatePoolReference("600000.01", entriesOf(repeated))));
    const first = new Map<string, Decimal>();
    for (const a of allocations) {
      const key = a.amount.toString();
      const seen = first.get(key) ?? a.amount;
      expect(a.amount).toBe(seen);
      first.set(key, seen);
    }
    expect(first.size).toBeLessThanOrEqual(6);
  });
});

describe("allocatePool with long weights and caps", () => {
  /** A cap per entry: none, far above any share, or near the entry's share (reached or not). */
  const capsFor = (steps: number, weights: readonly Decimal[]) =>
    fc.array(fc.oneof(fc.constant(undefined), fc.constant("1e9"), fc.double({ min: 0.5, max: 1.5, noNaN: true })), { minLength: weights.length, maxLength: weights.length }).map((picks) => {
      const total = weights.reduce((sum, w) => sum.plus(w), new Decimal(0));
      return picks.map((pick, i) => {
        if (typeof pick !== "number") return pick;
        // Near the exact share (in yuan at scale 2), rounded to a whole step.
        const share = new Decimal(steps).times(weights[i] as Decimal).div(total.isZero() ? 1 : total).div(100);
        return share.times(pick).toDecimalPlaces(2, Decimal.ROUND_FLOOR).toString();
      });
    });
  const problem = fc.tuple(fc.integer({ min: 0, max: 1_000_000_000 }), fc.array(longWeight, { minLength: 1, maxLength: 60 })).chain(([steps, weights]) => capsFor(steps, weights).map((caps) => ({ steps, weights, caps })));

  it("gives the reference's allocations and capped flags, digit for digit, whether or not a cap is reached", () => {
    fc.assert(
      fc.property(problem, fc.boolean(), ({ steps, weights, caps }, share) => {
        // A share of the entries at exactly the cap their share comes to (reached, just).
        const entries = weights.map((w, i) => ({ id: `p${i}`, weight: w, ...(caps[i] === undefined || (share && i % 3 === 0) ? {} : { cap: caps[i] }) }) as PoolEntry);
        const pool = new Decimal(steps).div(100);
        expect(outcome(() => allocatePool(pool, entries))).toEqual(outcome(() => allocatePoolReference(pool, entries)));
      }),
      { seed: 20261209, numRuns: 400 },
    );
  }, 60_000);

  it("decides in doubles only when no cap is reached, and then exactly as the reference", () => {
    let decided = 0;
    fc.assert(
      fc.property(problem, ({ steps, weights, caps }) => {
        const highs = Float64Array.from(caps, (c) => (c === undefined ? Infinity : Math.round(Number(c) * 100)));
        const read: LongWeightEntries = { ids: weights.map((_, i) => `p${i}`), mantissas: new Float64Array(weights.length), exponents: new Int32Array(weights.length), longs: weights, highs };
        const quick = shareByNearDoubles(steps, read, 2);
        if (quick === undefined) return;
        decided++;
        const entries = weights.map((w, i) => ({ id: `p${i}`, weight: w, ...(caps[i] === undefined ? {} : { cap: caps[i] }) }) as PoolEntry);
        expect(outcome(() => quick)).toEqual(outcome(() => allocatePoolReference(new Decimal(steps).div(100), entries)));
        expect(quick.allocations.every((a, i) => Number(a.amount.times(100)) < (highs[i] as number) || (a.capped && Number(a.amount.times(100)) === highs[i]))).toBe(true);
      }),
      { seed: 20261210, numRuns: 400 },
    );
    expect(decided).toBeGreaterThan(0);
  }, 60_000);

  it("a cap far above every share is decided in doubles; one the share reaches goes to BigInt", () => {
    const third = new Decimal(1).div(3);
    const far: LongWeightEntries = { ids: ["a", "b", "c"], mantissas: new Float64Array(3), exponents: new Int32Array(3), longs: [third, third, new Decimal(2).div(3)], highs: Float64Array.of(1e9, Infinity, 1e9) };
    expect(shareByNearDoubles(1001, far, 2)?.allocations.map((a) => [a.amount.toString(), a.capped])).toEqual([["2.5", false], ["2.5", false], ["5.01", false]]);
    const reached: LongWeightEntries = { ...far, highs: Float64Array.of(1e9, Infinity, 500) };
    expect(shareByNearDoubles(1001, reached, 2)).toBeUndefined();
    // 5.01 exactly at a cap of 501 steps: the share 500.5 is below it, the amount comes to it.
    const exact: LongWeightEntries = { ...far, highs: Float64Array.of(1e9, Infinity, 501) };
    expect(shareByNearDoubles(1001, exact, 2)?.allocations.map((a) => a.capped)).toEqual([false, false, true]);
    expect(allocatePool("10.01", [{ id: "a", weight: third }, { id: "b", weight: third }, { id: "c", weight: new Decimal(2).div(3), cap: "5.01" }]).allocations.map((a) => a.capped)).toEqual([false, false, true]);
  });
});
