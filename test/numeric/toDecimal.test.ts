import { describe, expect, it } from "vitest";
import DecimalJs from "decimal.js";
import { Decimal, PayscoreError, toDecimal } from "../../src/index.js";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return (error as PayscoreError).code;
  }
  return undefined;
}

describe("toDecimal", () => {
  it("reads a number through its shortest round-trip text, so 0.1 is exactly 0.1", () => {
    expect(toDecimal(0.1).toString()).toBe("0.1");
    // 0.1 + 0.2 = 0.3 exactly, unlike floating point's 0.30000000000000004
    expect(toDecimal(0.1).plus(toDecimal(0.2)).toString()).toBe("0.3");
  });

  it("reads plain decimal strings, with sign and exponent", () => {
    expect(toDecimal("1200000.50").toString()).toBe("1200000.5");
    expect(toDecimal("-3").toString()).toBe("-3");
    expect(toDecimal("+7").toString()).toBe("7");
    expect(toDecimal("1e6").toString()).toBe("1000000");
    expect(toDecimal(".5").toString()).toBe("0.5");
    expect(toDecimal("2.").toString()).toBe("2");
  });

  it("reads bigints exactly, beyond 2^53", () => {
    expect(toDecimal(2n ** 64n).toString()).toBe("18446744073709551616");
  });

  it("returns the library's Decimal, also for a Decimal of another decimal.js", () => {
    const foreign = new DecimalJs("1.25");
    const result = toDecimal(foreign);
    expect(result).toBeInstanceOf(Decimal);
    expect(result.toString()).toBe("1.25");
    const own = new Decimal("3.5");
    expect(toDecimal(own)).toBe(own);
  });

  it("turns negative zero into zero", () => {
    expect(Object.is(toDecimal(-0).toNumber(), 0)).toBe(true);
    expect(toDecimal("-0").isNegative()).toBe(false);
    expect(toDecimal(new Decimal("-0")).isNegative()).toBe(false);
  });

  it("prints large and small values in plain notation", () => {
    expect(toDecimal("1e21").toString()).toBe("1000000000000000000000");
    expect(toDecimal("1e-9").toString()).toBe("0.000000001");
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["an empty string", ""],
    ["a blank string", " "],
    ["a string with spaces", " 12 "],
    ["thousands separators", "1,200"],
    ["a decimal comma", "12,5"],
    ["a currency sign", "¥100"],
    ["a percent sign", "15%"],
    ["hex", "0x10"],
    ["the word NaN", "NaN"],
    ["the word Infinity", "Infinity"],
    ["two dots", "1.2.3"],
    ["a bare sign", "-"],
    ["a bare exponent", "e5"],
    ["null", null],
    ["undefined", undefined],
    ["true", true],
    ["an object", { value: 1 }],
    ["an array", [1]],
    ["a symbol", Symbol("x")],
    ["a function", () => 1],
    ["a non-finite Decimal", new Decimal(Number.NaN)],
    ["an infinite Decimal", new Decimal(Number.POSITIVE_INFINITY)],
  ])("refuses %s with INVALID_NUMBER", (_label, value) => {
    expect(codeOf(() => toDecimal(value as never))).toBe("INVALID_NUMBER");
  });

  it("refuses exponents beyond ±1000", () => {
    expect(codeOf(() => toDecimal("1e1001"))).toBe("INVALID_NUMBER");
    expect(codeOf(() => toDecimal("1e-1001"))).toBe("INVALID_NUMBER");
    expect(toDecimal("1e1000").e).toBe(1000);
  });

  it("names the value at fault in the message", () => {
    expect(() => toDecimal("12,5")).toThrow(/"12,5"/);
  });
});
