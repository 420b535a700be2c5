import { describe, expect, it } from "vitest";
import { Decimal, PayscoreError, ROUNDING_MODES, roundTo, type RoundingMode } from "../../src/index.js";
import { readRoundingMode, roundDecimal } from "../../src/numeric/index.js";

const table: ReadonlyArray<[string, RoundingMode, string]> = [
  // value, mode, rounded to 2 places
  ["2.345", "half-even", "2.34"], // half goes to the even neighbour 4
  ["2.355", "half-even", "2.36"], // half goes to the even neighbour 6
  ["2.345", "half-up", "2.35"], // 四舍五入: half away from zero
  ["-2.345", "half-up", "-2.35"],
  ["2.345", "half-down", "2.34"], // half toward zero
  ["-2.345", "half-down", "-2.34"],
  ["2.341", "up", "2.35"], // away from zero
  ["-2.341", "up", "-2.35"],
  ["2.349", "down", "2.34"], // toward zero
  ["-2.349", "down", "-2.34"],
  ["-2.341", "ceil", "-2.34"], // toward +∞
  ["2.341", "ceil", "2.35"],
  ["-2.341", "floor", "-2.35"], // toward −∞
  ["2.349", "floor", "2.34"],
];

describe("roundTo", () => {
  it.each(table)("rounds %s %s to %s", (value, mode, expected) => {
    expect(roundTo(value, 2, mode).toFixed(2)).toBe(expected);
  });

  it("defaults to half-even (banker's rounding)", () => {
    expect(roundTo("0.125", 2).toString()).toBe("0.12");
    expect(roundTo("0.135", 2).toString()).toBe("0.14");
  });

  it("rounds to tens, hundreds and thousands with a negative scale", () => {
    expect(roundTo(1234567, -3).toString()).toBe("1235000");
    expect(roundTo(1500, -3).toString()).toBe("2000"); // half-even: 1.5 → 2
    expect(roundTo(2500, -3).toString()).toBe("2000"); // half-even: 2.5 → 2
    expect(roundTo(2500, -3, "half-up").toString()).toBe("3000");
  });

  it("never returns negative zero", () => {
    const result = roundTo("-0.001", 2);
    expect(result.isZero()).toBe(true);
    expect(result.isNegative()).toBe(false);
    expect(roundTo("-0.4", 0, "ceil").isNegative()).toBe(false);
  });

  it("refuses a scale that is not a whole number in range", () => {
    for (const [scale, code] of [[1.5, "INVALID_ARGUMENT"], [Number.NaN, "INVALID_ARGUMENT"], [21, "OUT_OF_RANGE"], [-7, "OUT_OF_RANGE"]] as const) {
      try {
        roundTo(1, scale);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(PayscoreError);
        expect((error as PayscoreError).code).toBe(code);
        expect((error as PayscoreError).path).toEqual(["scale"]);
      }
    }
  });

  it("refuses an unknown mode and a malformed number", () => {
    expect(() => roundTo(1, 2, "nearest" as RoundingMode)).toThrow(PayscoreError);
    expect(() => roundTo(1, 2, "nearest" as RoundingMode)).toThrow(/half-even/);
    expect(() => roundTo("1,5", 2)).toThrow(expect.objectContaining({ code: "INVALID_NUMBER", path: ["x"] }));
  });
});

describe("roundTo: what a failure says", () => {
  it("names the mode argument and lists every allowed mode", () => {
    try {
      roundTo(1, 2, "nearest" as RoundingMode);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayscoreError);
      expect((error as PayscoreError).code).toBe("INVALID_ARGUMENT");
      expect((error as PayscoreError).path).toEqual(["mode"]);
      expect((error as PayscoreError).message).toBe('mode must be one of half-even, half-up, half-down, up, down, ceil, floor; got "nearest"');
    }
  });

  it("refuses a mode that is not a string", () => {
    expect(() => roundTo(1, 2, 4 as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["mode"] }));
  });
});

describe("readRoundingMode", () => {
  it("returns a known mode unchanged", () => {
    for (const mode of ROUNDING_MODES) expect(readRoundingMode(mode, ["mode"])).toBe(mode);
  });

  it("writes a nested option's path the way formatPath does", () => {
    expect(() => readRoundingMode("HALF_UP", ["kpis", 2, "rounding"])).toThrow(/^kpis\[2\]\.rounding must be one of half-even/);
    expect(() => readRoundingMode("HALF_UP", ["options", "rounding"])).toThrow(/^options\.rounding must be one of/);
  });

  it("calls an option without a path 'mode'", () => {
    expect(() => readRoundingMode(undefined, [])).toThrow(/^mode must be one of .*; got undefined$/);
  });
});

describe("roundDecimal", () => {
  it("rounds at whole units with scale 0 and at thousands with scale −3", () => {
    // 2.5 → 2 (half-even), 3.5 → 4; 2500 → 2000 at thousands, 2501 → 3000
    expect(roundDecimal(new Decimal("2.5"), 0, "half-even").toString()).toBe("2");
    expect(roundDecimal(new Decimal("3.5"), 0, "half-even").toString()).toBe("4");
    expect(roundDecimal(new Decimal("2501"), -3, "half-even").toString()).toBe("3000");
    expect(roundDecimal(new Decimal("-499"), -3, "half-up").isNegative()).toBe(false);
  });
});
