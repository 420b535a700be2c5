import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, scaledInteger } from "../../src/numeric/index.js";

describe("scaledInteger", () => {
  it("reads numbers and strings as whole steps, exactly", () => {
    expect(scaledInteger("1234.5", 2)).toBe(123450);
    expect(scaledInteger(0.29, 2)).toBe(29); // 0.29 × 100 is 28.999999999999996 in floating point
    expect(scaledInteger(1.005, 3)).toBe(1005);
    expect(scaledInteger("-12.30", 2)).toBe(-1230);
    expect(scaledInteger("+7", 0)).toBe(7);
    expect(scaledInteger("1.500", 2)).toBe(150);
    expect(scaledInteger(".5", 1)).toBe(5);
    expect(scaledInteger(42, 4)).toBe(420000);
  });

  it("never returns negative zero", () => {
    expect(Object.is(scaledInteger(-0, 2), 0)).toBe(true);
    expect(Object.is(scaledInteger("-0.00", 2), 0)).toBe(true);
  });

  it("declines whatever it cannot read exactly, leaving it to the Decimal path", () => {
    for (const value of ["0.125", "1e6", "1,000", "", "-", ".", "1.2.3", " 1", "¥1", "12345678901234567", 1e-7, 1e300, Number.NaN, Infinity, null, undefined, 5n, new Decimal(1), {}]) {
      expect(scaledInteger(value, 2)).toBeUndefined();
    }
  });

  it("agrees with the Decimal path whenever it answers", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
          fc.tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 6 })).map(([d, p]) => new Decimal(d.toString()).div(10 ** p).toFixed()),
          fc.stringMatching(/^[+-]?\d{0,8}(\.\d{0,6})?$/),
        ),
        fc.integer({ min: 0, max: 6 }),
        (value, scale) => {
          const fast = scaledInteger(value, scale);
          if (fast === undefined) return;
          const exact = new Decimal(value).times(new Decimal(10).pow(scale));
          expect(exact.isInteger()).toBe(true);
          expect(exact.eq(fast)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("scaledInteger: edges", () => {
  it("reads a safe integer of 16 digits when it is a number (no text is parsed)", () => {
    expect(scaledInteger(Number.MAX_SAFE_INTEGER, 0)).toBe(9007199254740991);
    expect(scaledInteger(-Number.MAX_SAFE_INTEGER, 0)).toBe(-9007199254740991);
    expect(scaledInteger(Number.MAX_SAFE_INTEGER, 1)).toBeUndefined(); // ×10 passes 2^53
  });

  it("reads up to 15 digits of text and declines 16 or more, even when they would fit", () => {
    expect(scaledInteger("123456789012345", 0)).toBe(123456789012345);
    expect(scaledInteger("-1234567890123.45", 2)).toBe(-123456789012345);
    expect(scaledInteger("1234567890123456", 0)).toBeUndefined();
    expect(scaledInteger("000000000000000001", 0)).toBeUndefined();
  });

  it("declines a result beyond 2^53 even with few digits", () => {
    // 999 999 999 999 999 × 100 = 99 999 999 999 999 900 > 2^53
    expect(scaledInteger("999999999999999", 2)).toBeUndefined();
    expect(scaledInteger(1e15, 2)).toBeUndefined();
  });

  it("drops trailing zeros beyond the scale, also for zero itself", () => {
    expect(scaledInteger("0.000", 2)).toBe(0);
    expect(scaledInteger("-0.000", 0)).toBe(0);
    expect(scaledInteger("10.0", 0)).toBe(10);
    expect(scaledInteger("2.50", 1)).toBe(25);
    expect(scaledInteger("2.51", 1)).toBeUndefined();
  });

  it("declines a second decimal point wherever it is", () => {
    expect(scaledInteger("1..5", 1)).toBeUndefined();
    expect(scaledInteger("1.5.", 1)).toBeUndefined();
    expect(scaledInteger("+-1", 0)).toBeUndefined();
  });
});
