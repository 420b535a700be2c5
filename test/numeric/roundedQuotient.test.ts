import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, ROUNDING_MODES, roundDecimal, roundedQuotient } from "../../src/numeric/index.js";

describe("roundedQuotient", () => {
  it("rounds worked quotients", () => {
    expect(roundedQuotient(2, 3, 4, "half-even")).toBe(6667);
    expect(roundedQuotient(1, 8, 2, "half-even")).toBe(12);
    expect(roundedQuotient(3, 8, 2, "half-even")).toBe(38);
    expect(roundedQuotient(-1, 8, 2, "half-up")).toBe(-13);
    expect(roundedQuotient(-1, 8, 2, "half-down")).toBe(-12);
    expect(roundedQuotient(-1, 3, 0, "floor")).toBe(-1);
    expect(roundedQuotient(-1, 3, 0, "ceil")).toBe(0);
    expect(roundedQuotient(1, 3, 0, "up")).toBe(1);
    expect(roundedQuotient(5, -2, 0, "down")).toBe(-2);
    expect(roundedQuotient(0, 7, 4, "up")).toBe(0);
  });

  it("refuses what it cannot do exactly", () => {
    expect(roundedQuotient(1, 0, 2, "half-even")).toBeUndefined();
    expect(roundedQuotient(2 ** 52, 3, 4, "half-even")).toBeUndefined();
    expect(roundedQuotient(1, 2 ** 60, 2, "half-even")).toBeUndefined();
  });

  it("gives the Decimal quotient rounded, in every mode", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }).filter((q) => q !== 0),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...ROUNDING_MODES),
        (p, q, places, mode) => {
          const units = roundedQuotient(p, q, places, mode);
          if (units === undefined) return;
          expect(new Decimal(units).div(new Decimal(10).pow(places)).toString()).toBe(roundDecimal(new Decimal(p).div(q), places, mode).toString());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
