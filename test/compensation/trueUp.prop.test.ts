import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, trueUp } from "../../src/index.js";

const SEED = 20260422;
const cents = (min: bigint, max: bigint) => fc.bigInt({ min, max }).map((c) => new Decimal(c.toString()).div(100));
const money = cents(-(10n ** 15n), 10n ** 15n);
const policy = fc.constantFrom("clawback" as const, "carry-forward" as const, "forgive" as const);

describe("trueUp properties", () => {
  it("pay − carried − forgiven = earned − paid + forgiven to date, exactly", () => {
    fc.assert(
      fc.property(money, money, cents(0n, 10n ** 12n), policy, (earned, paid, before, onNegative) => {
        const r = trueUp(earned, paid, { onNegative, forgivenToDate: before });
        expect(r.difference.eq(earned.minus(paid).plus(before))).toBe(true);
        expect(r.pay.minus(r.carried).minus(r.forgiven).eq(r.difference)).toBe(true);
        expect(r.carried.gte(0) && r.forgiven.gte(0)).toBe(true);
        // Only a clawback pays a negative amount, and only the difference.
        if (r.pay.isNegative()) expect(onNegative === "clawback" && r.pay.eq(r.difference)).toBe(true);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("true-ups over a year pay exactly what was earned (clawback and carry-forward) or that plus what was forgiven", () => {
    // Quarterly commission earned (may be negative after clawbacks) and advances paid each quarter.
    const quarters = fc.array(fc.tuple(cents(-(10n ** 6n), 10n ** 8n), cents(0n, 10n ** 8n)), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(quarters, policy, (qs, onNegative) => {
        let earned = new Decimal(0);
        let paid = new Decimal(0);
        let forgiven = new Decimal(0);
        let last = trueUp(0, 0, { onNegative });
        for (const [e, advance] of qs) {
          earned = earned.plus(e);
          paid = paid.plus(advance);
          last = trueUp(earned, paid, { onNegative, forgivenToDate: forgiven });
          paid = paid.plus(last.pay);
          forgiven = forgiven.plus(last.forgiven);
        }
        // After the last true-up, paid = earned + forgiven + what is still carried.
        expect(paid.eq(earned.plus(forgiven).plus(last.carried))).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("is deterministic and does not mutate its options", () => {
    fc.assert(
      fc.property(money, money, policy, (earned, paid, onNegative) => {
        const options = { onNegative };
        const first = JSON.stringify(trueUp(earned, paid, options));
        expect(options).toEqual({ onNegative });
        expect(JSON.stringify(trueUp(earned, paid, options))).toBe(first);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
