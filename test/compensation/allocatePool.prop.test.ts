import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, allocatePool } from "../../src/index.js";

const entriesArb = fc.array(
  fc.record({
    weight: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100000 }).map((n) => (n / 1000).toString())),
    cap: fc.option(fc.integer({ min: 0, max: 500000 }).map((fen) => new Decimal(fen).div(100).toString()), { nil: undefined }),
  }),
  { maxLength: 40 },
);
const poolArb = fc.integer({ min: 0, max: 10_000_000 }).map((fen) => new Decimal(fen).div(100));

function build(raw: { weight: number | string; cap: string | undefined }[]) {
  return raw.map((e, i) => (e.cap === undefined ? { id: `p${i}`, weight: e.weight } : { id: `p${i}`, weight: e.weight, cap: e.cap }));
}

describe("allocatePool properties", () => {
  it("a pool always sums exactly: Σ amount + unallocated = pool", () => {
    fc.assert(
      fc.property(poolArb, entriesArb, (pool, raw) => {
        const result = allocatePool(pool, build(raw));
        const total = result.allocations.reduce((sum, a) => sum.plus(a.amount), result.unallocated);
        expect(total.eq(pool)).toBe(true);
        for (const a of result.allocations) expect(a.amount.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 150 },
    );
  });

  it("no one passes a cap, and money is left over only when everyone with weight is at their cap", () => {
    fc.assert(
      fc.property(poolArb, entriesArb, (pool, raw) => {
        const entries = build(raw);
        const result = allocatePool(pool, entries);
        result.allocations.forEach((a, i) => {
          const cap = entries[i]?.cap;
          if (cap !== undefined) expect(a.amount.lte(cap)).toBe(true);
          expect(a.amount.gte(0)).toBe(true);
        });
        if (!result.unallocated.isZero()) {
          result.allocations.forEach((a, i) => {
            if (!new Decimal(entries[i]?.weight ?? 0).isZero()) expect(a.capped).toBe(true);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("more weight never gets less money beyond one fen (same or no cap)", () => {
    fc.assert(
      fc.property(poolArb, entriesArb, fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }), (pool, raw, minimum) => {
        const entries = raw.map((e, i) => ({ id: `p${i}`, weight: e.weight }));
        const options = minimum === undefined ? {} : { minimum: new Decimal(minimum).div(100) };
        let result;
        try {
          result = allocatePool(pool, entries, options);
        } catch {
          return; // a pool too small for the minimum is refused, not shared
        }
        const fen = new Decimal("0.01");
        for (let i = 0; i < entries.length; i++) {
          for (let j = 0; j < entries.length; j++) {
            if (new Decimal(entries[i]?.weight ?? 0).gt(entries[j]?.weight ?? 0)) {
              expect(result.allocations[i]?.amount.plus(fen).gte(result.allocations[j]?.amount ?? 0)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("every amount is within one fen of its exact share, found by repeating the cap step until stable", () => {
    fc.assert(
      fc.property(poolArb, entriesArb, (pool, raw) => {
        const entries = build(raw);
        // Reference: the contract's wording, in Decimals — cap whoever passes a cap, share the rest, repeat.
        const caps = entries.map((e) => (e.cap === undefined ? undefined : new Decimal(e.cap).toDecimalPlaces(2, Decimal.ROUND_DOWN)));
        const fixed = new Set<number>();
        let share: Decimal[] = [];
        for (;;) {
          const rest = pool.minus(caps.reduce((sum: Decimal, c, i) => (fixed.has(i) ? sum.plus(c ?? 0) : sum), new Decimal(0)));
          const free = entries.reduce((sum, e, i) => (fixed.has(i) ? sum : sum.plus(e.weight)), new Decimal(0));
          share = entries.map((e, i) => (fixed.has(i) ? (caps[i] as Decimal) : free.isZero() ? new Decimal(0) : rest.times(e.weight).div(free)));
          const over = entries.map((_, i) => i).filter((i) => !fixed.has(i) && caps[i] !== undefined && (share[i] as Decimal).gt(caps[i] as Decimal));
          if (over.length === 0) break;
          for (const i of over) fixed.add(i);
        }
        const result = allocatePool(pool, entries);
        result.allocations.forEach((a, i) => expect(a.amount.minus(share[i] as Decimal).abs().lt("0.01")).toBe(true));
      }),
      { numRuns: 150 },
    );
  });

  it("the minimum holds for everyone with weight, unless their cap is lower", () => {
    fc.assert(
      fc.property(poolArb, entriesArb, fc.integer({ min: 0, max: 5000 }), (pool, raw, minimumFen) => {
        const entries = build(raw);
        const minimum = new Decimal(minimumFen).div(100);
        let result;
        try {
          result = allocatePool(pool, entries, { minimum });
        } catch {
          return;
        }
        result.allocations.forEach((a, i) => {
          const entry = entries[i] as { weight: number | string; cap?: string };
          if (new Decimal(entry.weight).isZero()) return expect(a.amount.isZero()).toBe(true);
          const floor = entry.cap !== undefined && new Decimal(entry.cap).lt(minimum) ? new Decimal(entry.cap).toDecimalPlaces(2, Decimal.ROUND_DOWN) : minimum;
          expect(a.amount.gte(floor)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
