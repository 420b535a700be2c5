import { describe, expect, it } from "vitest";
import { allocate, Decimal, tieredCommission, toDecimal } from "../../src/index.js";
import { exactDifference, exactProduct, exactSum, fitsAtScale, roundedProduct } from "../../src/numeric/exact.js";
import { roundDecimal } from "../../src/numeric/roundTo.js";

const D = (x: string): Decimal => new Decimal(x);

describe("exact arithmetic or PRECISION_EXCEEDED", () => {
  it("multiplies exactly while the product fits in 40 digits", () => {
    // 1234567.89 × 0.05 = 61728.3945
    expect(exactProduct(D("1234567.89"), D("0.05"), []).toString()).toBe("61728.3945");
    // 20 digits × 20 digits = 39 digits, computed in full
    expect(exactProduct(D("99999999999999999999"), D("0.9999999999999999999"), []).toFixed()).toBe("99999999999999999989.0000000000000000001");
    expect(exactProduct(D("0"), D("5"), []).toString()).toBe("0");
  });

  it("refuses a product that needs more than 40 digits, naming the path", () => {
    expect(() => exactProduct(D("987654321098765432109876543210.99"), D("0.0777777777"), ["amount"])).toThrow(
      expect.objectContaining({ code: "PRECISION_EXCEEDED", path: ["amount"] }),
    );
  });

  it("adds exactly, and refuses a sum past 40 digits", () => {
    expect(exactSum(D("1e30"), D("0.5"), []).toFixed()).toBe("1000000000000000000000000000000.5");
    expect(exactSum(D("0"), D("7"), []).toString()).toBe("7");
    expect(exactSum(D("7"), D("0"), []).toString()).toBe("7");
    // 1e39 + 0.5 needs 41 digits
    expect(() => exactSum(D("1e39"), D("0.5"), ["x"])).toThrow(expect.objectContaining({ code: "PRECISION_EXCEEDED", path: ["x"] }));
    // a wide span that cancels is still exact: (1e39 + 0.5) − 1e39 is never formed
    expect(exactSum(D("1e39"), D("-1e39"), []).toString()).toBe("0");
  });

  it("subtracts exactly, and refuses a difference past 40 digits as the sum with −b", () => {
    // 250000 − 100000.5 = 149999.5
    expect(exactDifference(D("250000"), D("100000.5"), []).toString()).toBe("149999.5");
    // 0 − 7 = −7; 7 − 0 = 7
    expect(exactDifference(D("0"), D("7"), []).toString()).toBe("-7");
    expect(exactDifference(D("7"), D("0"), []).toString()).toBe("7");
    // 1e39 − 1e39 = 0, and a span that cancels stays exact: (1e39 + 0.5) − 1e39 is never formed
    expect(exactDifference(D("1e39"), D("1e39"), []).toString()).toBe("0");
    // 1e30 − 0.5 = 999…999.5 (31 digits, within 40: formed directly)
    expect(exactDifference(D("1e30"), D("0.5"), []).toFixed()).toBe("999999999999999999999999999999.5");
    // 1e39 − 0.05 = 999…999.95 needs 41 digits
    const error = (() => {
      try {
        exactDifference(D("1e39"), D("0.05"), ["tiers", 1]);
      } catch (e) {
        return e as { code: string; path: unknown; message: string };
      }
      throw new Error("did not throw");
    })();
    expect(error).toMatchObject({ code: "PRECISION_EXCEEDED", path: ["tiers", 1] });
    expect(error.message).toContain("tiers[1]: the sum 1000000000000000000000000000000000000000 + -0.05 needs 41 significant digits");
    // 1e39 − 1e38 = 9e38
    expect(exactDifference(D("1e39"), D("1e38"), []).toFixed()).toBe("900000000000000000000000000000000000000");
    // 1e39 − (−1) = 1e39 + 1 (40 digits, through the wide path)
    expect(exactDifference(D("1e39"), D("-1"), []).toFixed()).toBe("1000000000000000000000000000000000000001");
  });

  it("checks that an amount fits to its minor unit in 40 digits", () => {
    expect(fitsAtScale(D("12345678901234567890123456789012345678.9"), 2, []).toString()).toBe("12345678901234567890123456789012345678.9");
    expect(() => fitsAtScale(D("12345678901234567890123456789012345678901.23"), 2, ["total"])).toThrow(expect.objectContaining({ code: "PRECISION_EXCEEDED" }));
    expect(fitsAtScale(D("0"), 2, []).toString()).toBe("0");
  });

  it("rounds a product once, from the full product", () => {
    // 100.05 × 0.3333 = 33.346665 → 33.35 half-up, 33.34 down
    expect(roundedProduct(D("100.05"), D("0.3333"), (x) => roundDecimal(x, 2, "half-up"), 2, []).toString()).toBe("33.35");
    expect(roundedProduct(D("100.05"), D("0.3333"), (x) => roundDecimal(x, 2, "down"), 2, []).toString()).toBe("33.34");
    // 40-digit rate: the product has 45 digits and is rounded from all of them
    const rate = D("0.8825571428571428571428571428571428571429");
    expect(roundedProduct(D("999.99"), rate, (x) => roundDecimal(x, 2, "half-even"), 2, []).toString()).toBe("882.55");
    expect(roundedProduct(D("0"), rate, (x) => x, 2, []).toString()).toBe("0");
  });

  it("refuses what the issue found rounded silently (issue 22)", () => {
    // 43 significant digits: refused on input, never off by 1.23
    expect(() => allocate("12345678901234567890123456789012345678901.23", [1, 1, 1])).toThrow(expect.objectContaining({ code: "PRECISION_EXCEEDED", path: ["total"] }));
    // 39 integer digits + 2 decimals = 41 digits
    expect(() => tieredCommission("123456789012345678901234567890123456789.99", [{ from: 0, rate: "0.05" }])).toThrow(expect.objectContaining({ code: "PRECISION_EXCEEDED" }));
    // 38 digits in, but slice × rate needs 41 digits
    expect(() => tieredCommission("987654321098765432109876543210987654.99", [{ from: 0, rate: "0.0777" }])).toThrow(expect.objectContaining({ code: "PRECISION_EXCEEDED" }));
    // what fits is exact: 1234567890123456789012345678.99 × 0.05 = 61728394506172839450617283.9495
    expect(tieredCommission("1234567890123456789012345678.99", [{ from: 0, rate: "0.05" }]).toFixed()).toBe("61728394506172839450617283.9495");
    expect(() => toDecimal(`0.${"3".repeat(41)}`)).toThrow(expect.objectContaining({ code: "PRECISION_EXCEEDED" }));
  });
});
