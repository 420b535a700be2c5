import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/index.js";
import { MAX_SCALE, MIN_SCALE, readInteger, readScale } from "../../src/numeric/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

describe("readInteger", () => {
  it("returns a whole number inside the bounds, the bounds themselves included", () => {
    expect(readInteger(0, ["n"], { min: 0, max: 5 })).toBe(0);
    expect(readInteger(5, ["n"], { min: 0, max: 5 })).toBe(5);
    expect(readInteger(-12, ["n"])).toBe(-12);
    expect(readInteger(Number.MAX_SAFE_INTEGER, ["n"], { min: 0 })).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("turns negative zero into zero", () => {
    expect(Object.is(readInteger(-0, ["n"], { min: 0 }), 0)).toBe(true);
  });

  it.each([["a fraction", 2.5, "2.5"], ["a numeric string", "2", '"2"'], ["NaN", Number.NaN, "NaN"], ["2^53", 2 ** 53, String(2 ** 53)], ["a bigint", 2n, "2n"]])(
    "refuses %s with INVALID_ARGUMENT, naming the field and the value",
    (_label, value, shown) => {
      const error = failure(() => readInteger(value, ["options", "scale"], { min: 0 }));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(["options", "scale"]);
      expect(error.message).toBe(`options.scale must be a whole number; got ${shown}`);
    },
  );

  it("says 'from … to …' when both bounds are set", () => {
    const below = failure(() => readInteger(-1, ["month"], { min: 1, max: 12 }));
    expect(below.code).toBe("OUT_OF_RANGE");
    expect(below.path).toEqual(["month"]);
    expect(below.message).toBe("month must be from 1 to 12; got -1");
    expect(failure(() => readInteger(13, ["month"], { min: 1, max: 12 })).message).toBe("month must be from 1 to 12; got 13");
  });

  it("says 'at least' with only a minimum and 'at most' with only a maximum", () => {
    expect(failure(() => readInteger(0, ["count"], { min: 1 })).message).toBe("count must be at least 1; got 0");
    expect(failure(() => readInteger(6, ["days"], { max: 5 })).message).toBe("days must be at most 5; got 6");
    // the other side of a one-sided bound is open
    expect(readInteger(1_000_000, ["count"], { min: 1 })).toBe(1_000_000);
    expect(readInteger(-1_000_000, ["days"], { max: 5 })).toBe(-1_000_000);
  });
});

describe("readScale", () => {
  it("returns the fallback for undefined and the value otherwise", () => {
    expect(readScale(undefined, ["options", "scale"], 2)).toBe(2);
    expect(readScale(0, ["options", "scale"], 2)).toBe(0);
    expect(readScale(MIN_SCALE, ["options", "scale"], 2)).toBe(-6);
    expect(readScale(MAX_SCALE, ["options", "scale"], 2)).toBe(20);
  });

  it("refuses a scale outside −6 … 20 with OUT_OF_RANGE", () => {
    const error = failure(() => readScale(21, ["options", "scale"], 2));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("options.scale must be from -6 to 20; got 21");
    expect(failure(() => readScale(-7, ["options", "scale"], 2)).code).toBe("OUT_OF_RANGE");
    expect(failure(() => readScale(null, ["options", "scale"], 2)).code).toBe("INVALID_ARGUMENT");
  });
});
