import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, ROUNDING_MODES, roundTo } from "../../src/index.js";
import { roundedShare } from "../../src/numeric/roundedShare.js";

describe("roundedShare (internal)", () => {
  it("prorates by days with one rounding", () => {
    // 42000 × 31 / 90 = 14466.666…: 14466.67 at 2 places half-even.
    expect(roundedShare(new Decimal("42000"), 31, 90, 2, "half-even").toString()).toBe("14466.67");
    // 100 × 1 / 3 = 33.33…: 34 rounded up, 33 down.
    expect(roundedShare(new Decimal("100"), 1, 3, 0, "ceil").toString()).toBe("34");
    expect(roundedShare(new Decimal("100"), 1, 3, 0, "down").toString()).toBe("33");
    // 1250 × 1 / 2 = 625, to tens half-even: 620; −0.004 × 1 / 1 at 2 places is 0, not −0.
    expect(roundedShare(new Decimal("1250"), 1, 2, -1, "half-even").toString()).toBe("620");
    expect(Object.is(roundedShare(new Decimal("-0.004"), 1, 1, 2, "half-even").toNumber(), 0)).toBe(true);
  });

  it("equals roundTo of the exact quotient whenever that quotient terminates", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 366 }),
        fc.constantFrom(1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 64, 80, 100, 125, 128, 200, 250),
        fc.integer({ min: -2, max: 4 }),
        fc.constantFrom(...ROUNDING_MODES),
        (units, places, part, whole, scale, mode) => {
          const amount = new Decimal(`${units}e-${places}`);
          // whole only has the factors 2 and 5: amount × part / whole is exact in Decimal.
          const exact = amount.times(part).div(whole);
          expect(roundedShare(amount, part, whole, scale, mode).toString()).toBe(roundTo(exact, scale, mode).toString());
        },
      ),
      { numRuns: 500, seed: 2026_12_07 },
    );
  });
});
