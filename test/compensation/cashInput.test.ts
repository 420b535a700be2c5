import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, ROUNDING_MODES, roundTo } from "../../src/index.js";
import { divRound, fractionOf, moneyOf, readMoney } from "../../src/compensation/cashInput.js";
import { errorOf } from "./helpers.js";

describe("cashInput (internal)", () => {
  it("divRound rounds a quotient as roundTo rounds it, in every mode", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom(...ROUNDING_MODES), (num, den, mode) => {
        const exact = new Decimal(num.toString()).div(den.toString());
        expect(divRound(num, den, mode).toString()).toBe(roundTo(exact, 0, mode).toString());
      }),
      { numRuns: 1000, seed: 20260425 },
    );
  });

  it("divRound settles halves and exact quotients in every mode", () => {
    expect(ROUNDING_MODES.map((m) => divRound(5n, 2n, m))).toEqual([2n, 3n, 2n, 3n, 2n, 3n, 2n]);
    expect(ROUNDING_MODES.map((m) => divRound(-5n, 2n, m))).toEqual([-2n, -3n, -2n, -3n, -2n, -2n, -3n]);
    expect(ROUNDING_MODES.map((m) => divRound(-6n, 3n, m))).toEqual(Array.from(ROUNDING_MODES, () => -2n));
  });

  it("reads money as whole steps and writes it back", () => {
    expect(readMoney("-12.30", ["x"], 2, "any")).toBe(-1230n);
    expect(readMoney(1500, ["x"], -2, "non-negative")).toBe(15n);
    expect(errorOf(() => readMoney(-1, ["x"], 2, "non-negative"))).toEqual({ code: "INVALID_ARGUMENT", path: ["x"] });
    expect(moneyOf(-1230n, 2).toString()).toBe("-12.3");
    expect(moneyOf(15n, -2).toString()).toBe("1500");
    expect(fractionOf(new Decimal("-0.25"))).toEqual({ num: -25n, den: 100n });
    expect(fractionOf(new Decimal("1e3"))).toEqual({ num: 1000n, den: 1n });
  });
});
