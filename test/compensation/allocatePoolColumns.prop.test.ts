import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocatePool, allocatePoolColumns } from "../../src/compensation/index.js";
import { PayscoreError } from "../../src/errors/index.js";
import { Decimal } from "../../src/numeric/index.js";

// Columns in units: fen (scale 2) for money, weights at a scale of 3 decimal places.
const rowArb = fc.record({
  weight: fc.oneof(fc.constantFrom(0, 1, 1000, 1500), fc.integer({ min: 0, max: 200000 }), fc.integer({ min: 0, max: 2 ** 40 })),
  cap: fc.option(fc.oneof(fc.integer({ min: 0, max: 300000 }), fc.constantFrom(0, 1)), { nil: undefined }),
  score: fc.integer({ min: 0, max: 100 }),
});
const optionsArb = fc.record({ minimumUnits: fc.integer({ min: 0, max: 3000 }), thresholdUnits: fc.integer({ min: 0, max: 100 }) }, { requiredKeys: [] });

function viaColumns(pool: number, rows: { weight: number; cap: number | undefined; score: number }[], options: { minimumUnits?: number; thresholdUnits?: number }) {
  const caps = Float64Array.from(rows, (r) => (r.cap === undefined ? Infinity : r.cap));
  const columnOptions = options.thresholdUnits === undefined ? options : { ...options, scoreUnits: rows.map((r) => r.score) };
  try {
    const result = allocatePoolColumns(pool, Float64Array.from(rows, (r) => r.weight), caps, columnOptions);
    return { amounts: Array.from(result.amountUnits), capped: Array.from(result.capped, Boolean), eligible: Array.from(result.eligible, Boolean), unallocated: result.unallocatedUnits };
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    return { code: error.code };
  }
}

function viaDecimals(pool: number, rows: { weight: number; cap: number | undefined; score: number }[], options: { minimumUnits?: number; thresholdUnits?: number }) {
  const entries = rows.map((r, i) => ({
    id: `p${i}`,
    weight: new Decimal(r.weight).div(1000),
    score: r.score,
    ...(r.cap === undefined ? {} : { cap: new Decimal(r.cap).div(100) }),
  }));
  const decimalOptions = {
    ...(options.minimumUnits === undefined ? {} : { minimum: new Decimal(options.minimumUnits).div(100) }),
    ...(options.thresholdUnits === undefined ? {} : { threshold: options.thresholdUnits }),
  };
  try {
    const result = allocatePool(new Decimal(pool).div(100), entries, decimalOptions);
    return {
      amounts: result.allocations.map((a) => a.amount.times(100).toNumber()),
      capped: result.allocations.map((a) => a.capped),
      eligible: result.allocations.map((a) => a.eligible),
      unallocated: result.unallocated.times(100).toNumber(),
    };
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    return { code: error.code };
  }
}

describe("allocatePoolColumns properties", () => {
  it("gives exactly allocatePool's amounts, flags and leftover on the same values", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(rowArb, { maxLength: 40 }), optionsArb, (pool, rows, options) => {
        expect(viaColumns(pool, rows, options)).toEqual(viaDecimals(pool, rows, options));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees when caps bind in cascades and the minimum meets low caps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 0, max: 20 }), cap: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }), score: fc.constant(0) }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
        (rows, pool, minimumUnits) => {
          const options = minimumUnits === undefined ? {} : { minimumUnits };
          expect(viaColumns(pool, rows, options)).toEqual(viaDecimals(pool, rows, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees on pools whose products and sums pass 2^53", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), cap: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }), score: fc.constant(0) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (rows, pool) => {
          expect(viaColumns(pool, rows, {})).toEqual(viaDecimals(pool, rows, {}));
        },
      ),
      { numRuns: 200 },
    );
  });
});
