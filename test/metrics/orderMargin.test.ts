import { describe, it } from "vitest";
import { orderMargin } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("orderMargin", () => {
  it("is revenue minus cost over revenue", () => {
    // (100 000 − 70 000) / 100 000 = 0.3
    expectDecimal(orderMargin(100_000, 70_000), "0.3");
    expectDecimal(orderMargin(100, 0), "1");
  });

  it("is negative when the order was sold below cost", () => {
    // (100 − 120) / 100 = −0.2
    expectDecimal(orderMargin(100, 120), "-0.2");
  });

  it("returns a plain zero at cost", () => {
    expectDecimal(orderMargin("12.5", "12.50"), "0");
  });

  it("throws ZERO_DENOMINATOR for a revenue of 0", () => {
    expectFault(() => orderMargin(0, 10), "ZERO_DENOMINATOR", ["revenue"]);
  });

  it("throws INVALID_ARGUMENT for a negative revenue or cost", () => {
    expectFault(() => orderMargin(-100, 70), "INVALID_ARGUMENT", ["revenue"]);
    expectFault(() => orderMargin(100, -70), "INVALID_ARGUMENT", ["cost"]);
  });

  it("throws INVALID_NUMBER for a malformed amount", () => {
    expectFault(() => orderMargin("¥100", 70), "INVALID_NUMBER", ["revenue"]);
  });
});
