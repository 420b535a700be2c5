import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocatePool, type AllocatePoolOptions, type PoolEntry, type PoolResult } from "../../src/compensation/index.js";
import { PayscoreError } from "../../src/errors/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { allocatePoolReference } from "./allocatePoolReference.js";

// Weights that tie, are zero, have different scales, or pass 2^53 once scaled.
const weightArb = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 5, 10),
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 100000 }).map((n) => new Decimal(n).div(1000)),
  fc.integer({ min: 0, max: 100000 }).map((n) => (n / 100).toString()),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map((n) => new Decimal(n.toString()).div(1000)),
  fc.constantFrom("9007199254740993", "0.000000000000000001", "123456789012345.678"),
);
const capArb = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 300000 }).map((fen) => new Decimal(fen).div(100).toFixed(2)),
    fc.integer({ min: 0, max: 3000 }),
    fc.integer({ min: 0, max: 3000000 }).map((x) => new Decimal(x).div(1000)),
    fc.constantFrom("0", "0.00", "100.009", "1e3"),
  ),
  { nil: undefined },
);
const entriesArb = fc.array(fc.record({ weight: weightArb, cap: capArb, score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }) }), { maxLength: 40 });
const poolArb = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((fen) => new Decimal(fen).div(100)),
  fc.constantFrom("0", "0.01", "1", "100000000000000.00", "90071992547409.93"),
);
const optionsArb = fc.record(
  {
    minimum: fc.oneof(fc.integer({ min: 0, max: 5000 }).map((fen) => new Decimal(fen).div(100)), fc.constantFrom("0.005", "1")),
    threshold: fc.integer({ min: 0, max: 100 }),
  },
  { requiredKeys: [] },
);

function build(raw: { weight: unknown; cap: unknown; score: number | undefined }[]): PoolEntry[] {
  return raw.map((e, i) => {
    const entry: Record<string, unknown> = { id: `p${i}`, weight: e.weight };
    if (e.cap !== undefined) entry["cap"] = e.cap;
    if (e.score !== undefined) entry["score"] = e.score;
    return entry as unknown as PoolEntry;
  });
}

function outcome(run: () => PoolResult): unknown {
  try {
    const result = run();
    return {
      allocations: result.allocations.map((a) => ({ id: a.id, amount: a.amount.toString(), d: a.amount.d, e: a.amount.e, capped: a.capped, eligible: a.eligible })),
      unallocated: result.unallocated.toString(),
    };
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    return { code: error.code, path: error.path, message: error.message };
  }
}

function same(pool: unknown, entries: PoolEntry[], options?: AllocatePoolOptions): void {
  expect(outcome(() => allocatePool(pool as Decimal, entries, options))).toEqual(outcome(() => allocatePoolReference(pool as Decimal, entries, options)));
}

describe("allocatePool fast path properties", () => {
  it("gives exactly the Decimal implementation's allocations, flags and errors", () => {
    fc.assert(
      fc.property(poolArb, entriesArb, optionsArb, (pool, raw, options) => same(pool, build(raw), options)),
      { numRuns: 300 },
    );
  });

  it("agrees when caps bind in cascades (each cap just below the share it would get)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 100000 }), fc.boolean(), (weights, poolFen, minimum) => {
        // caps rising slowly with weight so that capping one pushes the next over its cap
        const entries = weights.map((w, i) => ({ id: `p${i}`, weight: w, cap: new Decimal(poolFen).div(100).times(w).div(weights.length * 30).plus(i % 3).toFixed(2) }));
        same(new Decimal(poolFen).div(100), entries, minimum ? { minimum: "0.05" } : undefined);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees on equal weights, where the leftover steps go to the earliest entries", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 100000 }), fc.constantFrom(1, "0.5", new Decimal("2.25")), (n, poolFen, weight) => {
        same(new Decimal(poolFen).div(100), Array.from({ length: n }, (_, i) => ({ id: `p${i}`, weight })));
      }),
      { numRuns: 150 },
    );
  });

  it("agrees when the minimum meets caps at, below and above it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom("0.004", "0.5")), capFen: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }) }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 300 }),
        (raw, poolFen, minimumFen) => {
          const entries = raw.map((e, i) => (e.capFen === undefined ? { id: `p${i}`, weight: e.weight } : { id: `p${i}`, weight: e.weight, cap: new Decimal(e.capFen).div(100) }));
          same(new Decimal(poolFen).div(100), entries, { minimum: new Decimal(minimumFen).div(100) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees on large pools whose products pass 2^53", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: undefined }),
        (weights, poolSteps, cap) => {
          const entries = weights.map((w, i) => (cap === undefined || i % 2 === 0 ? { id: `p${i}`, weight: w } : { id: `p${i}`, weight: w, cap: new Decimal(cap).div(100) }));
          same(new Decimal(poolSteps).div(100), entries);
        },
      ),
      { numRuns: 200 },
    );
  });
});
