import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditSteps, readCredit } from "../../src/compensation/creditShares.js";
import { Decimal } from "../../src/index.js";

// Shares in thousandths summing to 1000 (a split), as readCredit reads them.
const split = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 })
  .filter((parts) => parts.some((p) => p > 0))
  .map((parts) => {
    const sum = parts.reduce((a, b) => a + b, 0);
    // Scale to thousandths and give the rounding difference to the first rep.
    const scaled = parts.map((p) => Math.floor((p * 1000) / sum));
    scaled[0] = (scaled[0] as number) + 1000 - scaled.reduce((a, b) => a + b, 0);
    return scaled.map((p, i) => ({ id: `r${i}`, share: new Decimal(p).div(1000).toString() }));
  });

describe("creditSteps properties", () => {
  it("parts of a split always sum to the amount exactly, and a refund is the payment mirrored", () => {
    fc.assert(
      fc.property(split, fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (splits, steps) => {
        const credit = readCredit(splits, ["splits"], false, new Decimal(0));
        const parts = creditSteps(steps, credit, "half-even");
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(steps);
        expect(creditSteps(-steps, credit, "half-even")).toEqual(parts.map((p) => -p));
        // A zero share gets nothing; each part is within one step of amount · share.
        parts.forEach((p, i) => {
          const exact = new Decimal(steps.toString()).times(credit.shares[i] as Decimal);
          expect(new Decimal(p.toString()).minus(exact).abs().lt(1)).toBe(true);
        });
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
