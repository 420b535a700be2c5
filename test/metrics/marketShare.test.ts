import { describe, it } from "vitest";
import { marketShare } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("marketShare", () => {
  it("is sales over the market", () => {
    // 2 500 000 / 10 000 000 = 0.25
    expectDecimal(marketShare(2_500_000, 10_000_000), "0.25");
    expectDecimal(marketShare(0, 10), "0");
    expectDecimal(marketShare(10, 10), "1");
  });

  it("keeps full precision", () => {
    expectDecimal(marketShare(1, 3), "0.3333333333333333333333333333333333333333");
  });

  it("throws ZERO_DENOMINATOR for a market of 0", () => {
    expectFault(() => marketShare(0, 0), "ZERO_DENOMINATOR", ["market"]);
  });

  it("throws INVALID_ARGUMENT for a negative amount", () => {
    expectFault(() => marketShare(-1, 10), "INVALID_ARGUMENT", ["sales"]);
    expectFault(() => marketShare(1, -10), "INVALID_ARGUMENT", ["market"]);
  });

  it("throws INVALID_DATA when sales exceed the market they are part of", () => {
    expectFault(() => marketShare(11, 10), "INVALID_DATA", ["sales"]);
  });

  it("throws INVALID_NUMBER for a malformed number", () => {
    expectFault(() => marketShare("25%", 10), "INVALID_NUMBER", ["sales"]);
  });
});
