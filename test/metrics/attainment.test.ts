import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { attainment } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("attainment", () => {
  it("divides actual by target when higher is better", () => {
    // 1 150 000 / 1 000 000 = 1.15
    expectDecimal(attainment(1_150_000, 1_000_000), "1.15");
    expectDecimal(attainment("950000.50", "1000000"), "0.9500005");
  });

  it("keeps full precision instead of rounding", () => {
    // 2 / 3 to 40 significant digits
    expectDecimal(attainment(2, 3), "0.6666666666666666666666666666666666666667");
  });

  it("reflects around 2 for lower-is-better by default", () => {
    // 2 − 90/100 = 1.1; 2 − 150/100 = 0.5
    expectDecimal(attainment(90, 100, { direction: "lower" }), "1.1");
    expectDecimal(attainment(150, 100, { direction: "lower", lowerFormula: "reflect" }), "0.5");
  });

  it("never goes below 0 with the reflect formula", () => {
    // 2 − 300/100 = −1 → max(0, −1) = 0
    expectDecimal(attainment(300, 100, { direction: "lower" }), "0");
  });

  it("inverts for lower-is-better with the inverse formula", () => {
    // 100 / 80 = 1.25
    expectDecimal(attainment(80, 100, { direction: "lower", lowerFormula: "inverse" }), "1.25");
  });

  it("scores an actual of 0 under the inverse formula at the cap", () => {
    expectDecimal(attainment(0, 5, { direction: "lower", lowerFormula: "inverse", cap: 1.5 }), "1.5");
  });

  it("clamps to cap and floor", () => {
    // 1.3 → cap 1.2; 0.4 → floor 0.5; 0.9 stays
    expectDecimal(attainment(1_300_000, 1_000_000, { cap: 1.2 }), "1.2");
    expectDecimal(attainment(40, 100, { floor: 0.5 }), "0.5");
    expectDecimal(attainment(90, 100, { floor: 0.5, cap: 1.2 }), "0.9");
    // lower: 2 − 20/100 = 1.8 → cap 1.5
    expectDecimal(attainment(20, 100, { direction: "lower", cap: "1.5" }), "1.5");
  });

  it("allows a negative actual when higher is better, so a loss scores below 0 unless floored", () => {
    // −50 / 100 = −0.5
    expectDecimal(attainment(-50, 100), "-0.5");
    expectDecimal(attainment(-50, 100, { floor: 0 }), "0");
  });

  it("scores a zero target by zeroTarget, then applies cap and floor", () => {
    expectDecimal(attainment(5, 0, { zeroTarget: "zero" }), "0");
    expectDecimal(attainment(5, 0, { zeroTarget: "full" }), "1");
    expectDecimal(attainment(5, 0, { zeroTarget: "full", cap: 0.8 }), "0.8");
    expectDecimal(attainment(5, 0, { zeroTarget: "zero", floor: 0.2 }), "0.2");
    expectDecimal(attainment(5, 0, { direction: "lower", lowerFormula: "inverse", zeroTarget: "full" }), "1");
  });

  it("returns a zero that is not negative", () => {
    // 0 / 7 and −0 / 7
    expectDecimal(attainment(0, 7), "0");
    expectDecimal(attainment(new Decimal("-0"), 7), "0");
  });

  it("throws ZERO_DENOMINATOR for a zero target by default", () => {
    expectFault(() => attainment(5, 0), "ZERO_DENOMINATOR", ["target"]);
    expectFault(() => attainment(5, 0, { zeroTarget: "error" }), "ZERO_DENOMINATOR", ["target"]);
  });

  it("throws ZERO_DENOMINATOR for an actual of 0 under the inverse formula without a cap", () => {
    expectFault(() => attainment(0, 5, { direction: "lower", lowerFormula: "inverse" }), "ZERO_DENOMINATOR", ["actual"]);
  });

  it("throws INVALID_ARGUMENT for a negative target", () => {
    const error = expectFault(() => attainment(5, -1), "INVALID_ARGUMENT", ["target"]);
    expect(error.message).toContain("-1");
  });

  it("throws INVALID_ARGUMENT for a negative actual under the inverse formula", () => {
    expectFault(() => attainment(-1, 5, { direction: "lower", lowerFormula: "inverse" }), "INVALID_ARGUMENT", ["actual"]);
  });

  it("throws INVALID_ARGUMENT for a floor above the cap", () => {
    expectFault(() => attainment(1, 1, { floor: 2, cap: 1 }), "INVALID_ARGUMENT", ["options", "floor"]);
  });

  it("throws INVALID_ARGUMENT for unknown option values and non-object options", () => {
    expectFault(() => attainment(1, 1, { direction: "up" as never }), "INVALID_ARGUMENT", ["options", "direction"]);
    expectFault(() => attainment(1, 1, { lowerFormula: "ratio" as never }), "INVALID_ARGUMENT", ["options", "lowerFormula"]);
    expectFault(() => attainment(1, 1, { zeroTarget: "one" as never }), "INVALID_ARGUMENT", ["options", "zeroTarget"]);
    expectFault(() => attainment(1, 1, null as never), "INVALID_ARGUMENT", ["options"]);
    expectFault(() => attainment(1, 1, "lower" as never), "INVALID_ARGUMENT", ["options"]);
  });

  it("throws INVALID_NUMBER naming the bad number", () => {
    expectFault(() => attainment("1,000", 1), "INVALID_NUMBER", ["actual"]);
    expectFault(() => attainment(1, Number.NaN), "INVALID_NUMBER", ["target"]);
    expectFault(() => attainment(1, 1, { cap: Infinity }), "INVALID_NUMBER", ["options", "cap"]);
    expectFault(() => attainment(1, 1, { floor: "x" }), "INVALID_NUMBER", ["options", "floor"]);
  });

  it("accepts undefined options and undefined option fields", () => {
    expectDecimal(attainment(3, 4, undefined), "0.75");
    expectDecimal(attainment(3, 4, { direction: undefined, cap: undefined, floor: undefined, zeroTarget: undefined }), "0.75");
  });

  it("does not mutate its input", () => {
    const options = Object.freeze({ direction: "lower" as const, cap: new Decimal("1.5"), floor: 0 });
    const cap = options.cap.toString();
    expectDecimal(attainment(50, 100, options), "1.5");
    expect(options.cap.toString()).toBe(cap);
  });
});
