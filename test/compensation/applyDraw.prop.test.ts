import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, applyDraw } from "../../src/index.js";

const SEED = 20260421;
const cents = (min: bigint, max: bigint) => fc.bigInt({ min, max }).map((c) => new Decimal(c.toString()).div(100));
const big = 10n ** 13n;
const earned = cents(-big, big);
const amount = cents(0n, big);
const type = fc.constantFrom("recoverable" as const, "non-recoverable" as const);
const share = fc.option(fc.integer({ min: 1, max: 100 }).map((p) => new Decimal(p).div(100)), { nil: undefined });

describe("applyDraw properties", () => {
  it("conserves every cent: pay − advance + recovery = earned, and the balance moves by advance − recovery", () => {
    fc.assert(
      fc.property(earned, amount, amount, type, share, (e, d, b, t, s) => {
        const r = applyDraw(e, d, b, { type: t, recoveryShare: s });
        expect(r.pay.minus(r.advance).plus(r.recovery).eq(e)).toBe(true);
        if (t === "recoverable") expect(r.balance.minus(r.advance).plus(r.recovery).eq(b)).toBe(true);
        else expect(r.balance.eq(b) && r.recovery.isZero()).toBe(true);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("always pays at least the draw, never recovers more than is owed, and never goes negative where it cannot", () => {
    fc.assert(
      fc.property(earned, amount, amount, type, share, (e, d, b, t, s) => {
        const r = applyDraw(e, d, b, { type: t, recoveryShare: s });
        expect(r.pay.gte(d)).toBe(true);
        expect(r.recovery.gte(0) && r.recovery.lte(b)).toBe(true);
        expect(r.advance.gte(0) && r.balance.gte(0)).toBe(true);
        // The recovery only takes earnings above the draw.
        expect(r.recovery.lte(Decimal.max(0, e.minus(d)))).toBe(true);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("over a run of periods, total pay = total earned + the balance still owed (recoverable draws lose no cent)", () => {
    fc.assert(
      fc.property(fc.array(cents(-(10n ** 7n), 10n ** 8n), { minLength: 1, maxLength: 12 }), cents(0n, 10n ** 7n), share, (months, d, s) => {
        let balance = new Decimal(0);
        let paid = new Decimal(0);
        for (const e of months) {
          const r = applyDraw(e, d, balance, { type: "recoverable", recoveryShare: s });
          paid = paid.plus(r.pay);
          balance = r.balance;
        }
        const total = months.reduce((a, b) => a.plus(b), new Decimal(0));
        expect(paid.eq(total.plus(balance))).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("is deterministic and does not mutate its options", () => {
    fc.assert(
      fc.property(earned, amount, amount, type, share, (e, d, b, t, s) => {
        const options = { type: t, recoveryShare: s };
        const copy = { ...options };
        const first = applyDraw(e, d, b, options);
        expect(options).toEqual(copy);
        expect(JSON.stringify(applyDraw(e, d, b, options))).toBe(JSON.stringify(first));
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
