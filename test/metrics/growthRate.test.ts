import { describe, it } from "vitest";
import { growthRate } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("growthRate", () => {
  it("is the change over the previous value", () => {
    // (1 200 000 − 1 000 000) / 1 000 000 = 0.2
    expectDecimal(growthRate(1_200_000, 1_000_000), "0.2");
    // (900 − 1000) / 1000 = −0.1
    expectDecimal(growthRate(900, 1000), "-0.1");
  });

  it("divides by the absolute previous value, so recovering from a loss is positive growth", () => {
    // (50 − (−100)) / |−100| = 1.5
    expectDecimal(growthRate(50, -100), "1.5");
    // (−150 − (−100)) / 100 = −0.5
    expectDecimal(growthRate(-150, -100), "-0.5");
  });

  it("returns a plain zero when nothing changed", () => {
    expectDecimal(growthRate("-3", -3), "0");
  });

  it("throws ZERO_DENOMINATOR when the previous value is 0", () => {
    expectFault(() => growthRate(10, 0), "ZERO_DENOMINATOR", ["previous"]);
  });

  it("throws INVALID_NUMBER naming the bad argument", () => {
    expectFault(() => growthRate("ten", 1), "INVALID_NUMBER", ["current"]);
    expectFault(() => growthRate(1, undefined as never), "INVALID_NUMBER", ["previous"]);
  });
});
