import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, splitCredit } from "../../src/index.js";

const SEED = 20260420;

/** Shares in basis points that sum to exactly 1 (10000 bp), one per rep. */
const exactShares = fc
  .array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 8 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const edges = [0, ...sorted.slice(0, -1), 10000];
    return edges.slice(1).map((edge, i) => ({ id: `r${i}`, share: new Decimal(edge - (edges[i] as number)).div(10000).toString() }));
  });
const scale = fc.integer({ min: 0, max: 3 });
const amountAt = (s: number) => fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map((units) => new Decimal(units.toString()).div(new Decimal(10).pow(s)));
const cases = scale.chain((s) => fc.tuple(fc.constant(s), amountAt(s), exactShares));

const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0));

describe("splitCredit properties", () => {
  it("the parts always sum to the amount exactly", () => {
    fc.assert(
      fc.property(cases, ([s, amount, splits]) => {
        expect(sum(splitCredit(amount, splits, { scale: s }).map((c) => c.amount)).eq(amount)).toBe(true);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("every part is a whole step and less than one step from its exact share", () => {
    fc.assert(
      fc.property(cases, ([s, amount, splits]) => {
        const step = new Decimal(10).pow(-s);
        splitCredit(amount, splits, { scale: s }).forEach((c, i) => {
          const exact = amount.times((splits[i] as { share: string }).share);
          expect(c.amount.minus(exact).abs().lt(step)).toBe(true);
          expect(c.amount.div(step).isInteger()).toBe(true);
        });
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("normalised shares within the tolerance still sum to the amount exactly", () => {
    const off = fc.integer({ min: -10, max: 10 }); // up to 0.001 off, in tenths of a basis point
    fc.assert(
      fc.property(cases, off, ([s, amount, splits], delta) => {
        const first = splits[0] as { id: string; share: string };
        const shifted = new Decimal(first.share).plus(new Decimal(delta).div(100000));
        if (shifted.isNegative() || shifted.gt(1)) return;
        const skewed = [{ id: first.id, share: shifted.toString() }, ...splits.slice(1)];
        const parts = splitCredit(amount, skewed, { scale: s, tolerance: "0.0001" });
        expect(sum(parts.map((c) => c.amount)).eq(amount)).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("a negative amount splits as the positive one, negated part by part", () => {
    fc.assert(
      fc.property(cases, ([s, amount, splits]) => {
        const plus = splitCredit(amount.abs(), splits, { scale: s });
        const minus = splitCredit(amount.abs().negated(), splits, { scale: s });
        minus.forEach((c, i) => expect(c.amount.eq((plus[i] as { amount: Decimal }).amount.negated())).toBe(true));
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(cases, fc.boolean(), ([s, amount, splits], overlay) => {
        const copy = structuredClone(splits);
        const first = splitCredit(amount, splits, { scale: s, overlay });
        expect(splits).toEqual(copy);
        expect(splitCredit(amount, splits, { scale: s, overlay }).map((c) => [c.id, c.share.toString(), c.amount.toString()])).toEqual(
          first.map((c) => [c.id, c.share.toString(), c.amount.toString()]),
        );
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it("an overlay credits each rep its share of the whole amount, to the nearest step", () => {
    fc.assert(
      fc.property(cases, ([s, amount, splits]) => {
        const half = new Decimal(10).pow(-s).div(2);
        splitCredit(amount, splits, { scale: s, overlay: true }).forEach((c, i) => {
          expect(c.amount.minus(amount.times((splits[i] as { share: string }).share)).abs().lte(half)).toBe(true);
        });
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
