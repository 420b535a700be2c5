import { describe, expect, it } from "vitest";
import DecimalJs from "decimal.js";
import { Decimal, PayscoreError, toDecimal } from "../../src/index.js";
import { isNumeric, readDecimal } from "../../src/numeric/index.js";

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

describe("toDecimal: what a failure says", () => {
  function failure(run: () => unknown): PayscoreError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(PayscoreError);
      return error as PayscoreError;
    }
    throw new Error("expected a PayscoreError");
  }

  it("calls a bare argument 'value' and gives it an empty path", () => {
    const error = failure(() => toDecimal("12,5"));
    expect(error.path).toEqual([]);
    expect(error.message).toBe('value must be a finite number or a plain decimal string such as "1200.50"; got "12,5"');
  });

  it("names NaN, Infinity and a non-finite Decimal as malformed, not as too large", () => {
    expect(failure(() => toDecimal(Number.NaN)).message).toMatch(/^value must be a finite number .*; got NaN$/);
    expect(failure(() => toDecimal(Number.NEGATIVE_INFINITY)).message).toMatch(/; got -Infinity$/);
    expect(failure(() => toDecimal(new Decimal(Number.POSITIVE_INFINITY))).message).toMatch(/^value must be a finite number/);
  });

  it("names the field and says 'too large or too small' for an exponent beyond ±1000", () => {
    const error = failure(() => readDecimal("1e1001", ["people", 3, "target"]));
    expect(error.code).toBe("INVALID_NUMBER");
    expect(error.path).toEqual(["people", 3, "target"]);
    expect(error.message).toBe('people[3].target is too large or too small to be an amount or a ratio: "1e1001"');
  });

  it("names the field of a malformed number with its index", () => {
    const error = failure(() => readDecimal(" 12", ["kpis", 2, "weight"]));
    expect(error.path).toEqual(["kpis", 2, "weight"]);
    expect(error.message).toMatch(/^kpis\[2\]\.weight must be a finite number/);
  });
});

describe("toDecimal: a Decimal from another decimal.js", () => {
  it("takes the library's settings, not the other constructor's (40 digits, plain notation)", () => {
    // decimal.js's default constructor keeps 20 significant digits and prints 1e21 as "1e+21".
    const third = toDecimal(new DecimalJs(1)).div(3);
    expect(third.toString()).toBe(`0.${"3".repeat(40)}`);
    expect(toDecimal(new DecimalJs("1e21")).toString()).toBe("1000000000000000000000");
    expect(toDecimal(new DecimalJs("1e21")).constructor).toBe(Decimal);
  });

  it("keeps every digit of the foreign value", () => {
    const digits = "123456789012345678901234567890.123456789";
    expect(toDecimal(new DecimalJs(digits)).toFixed()).toBe(digits);
  });
});

describe("isNumeric", () => {
  it("says whether toDecimal would accept a value, without throwing", () => {
    expect(isNumeric("1e6")).toBe(true);
    expect(isNumeric(0.1)).toBe(true);
    expect(isNumeric(5n)).toBe(true);
    expect(isNumeric(new Decimal("2.5"))).toBe(true);
    expect(isNumeric("1,000")).toBe(false);
    expect(isNumeric(Number.NaN)).toBe(false);
    expect(isNumeric(null)).toBe(false);
    expect(isNumeric("1e1001")).toBe(false);
  });
});
