import { describe, it } from "vitest";
import { collectionRate } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("collectionRate", () => {
  it("is collected over billed", () => {
    // 950 000 / 1 000 000 = 0.95
    expectDecimal(collectionRate(950_000, 1_000_000), "0.95");
    expectDecimal(collectionRate("0", "1"), "0");
  });

  it("may exceed 1 when old receivables are collected too", () => {
    // 1 100 000 / 1 000 000 = 1.1
    expectDecimal(collectionRate("1100000", "1000000"), "1.1");
  });

  it("accepts bigints exactly", () => {
    // 10^20 / (4 · 10^20) = 0.25
    expectDecimal(collectionRate(10n ** 20n, 4n * 10n ** 20n), "0.25");
  });

  it("throws ZERO_DENOMINATOR when nothing was billed", () => {
    expectFault(() => collectionRate(0, 0), "ZERO_DENOMINATOR", ["billed"]);
  });

  it("throws INVALID_ARGUMENT for a negative amount", () => {
    expectFault(() => collectionRate(-1, 100), "INVALID_ARGUMENT", ["collected"]);
    expectFault(() => collectionRate(1, -100), "INVALID_ARGUMENT", ["billed"]);
  });

  it("throws INVALID_NUMBER for a malformed amount", () => {
    expectFault(() => collectionRate("950,000", 1), "INVALID_NUMBER", ["collected"]);
    expectFault(() => collectionRate(1, Infinity), "INVALID_NUMBER", ["billed"]);
  });
});
