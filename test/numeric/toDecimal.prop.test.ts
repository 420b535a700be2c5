import { describe, expect, it } from "vitest";
import fc from "fast-check";
import DecimalJs from "decimal.js";
import { PayscoreError, toDecimal } from "../../src/index.js";

describe("toDecimal properties", () => {
  it("accepts every finite number and its string, with the same value", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const fromNumber = toDecimal(x);
        const fromString = toDecimal(String(x));
        expect(fromNumber.eq(fromString)).toBe(true);
        // shortest round trip: converting back gives the same double
        expect(fromNumber.toNumber()).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts every bigint of at most 40 significant digits exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n) + 1n, max: 10n ** 40n - 1n }), fc.integer({ min: 0, max: 20 }), (x, zeros) => {
        const shifted = x * 10n ** BigInt(zeros);
        expect(toDecimal(shifted).toFixed()).toBe(shifted.toString());
      }),
    );
  });

  it("refuses, never rounds, a value with more than 40 significant digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 40n, max: 10n ** 60n }).filter((x) => x % 10n !== 0n), fc.boolean(), (x, negative) => {
        const value = negative ? -x : x;
        for (const input of [value, value.toString(), `0.${x.toString()}`]) {
          expect(() => toDecimal(input)).toThrow(expect.objectContaining({ code: "PRECISION_EXCEEDED" }));
        }
      }),
    );
  });

  it("refuses anything that is not a number, a decimal string, a bigint or a Decimal", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object(), fc.array(fc.integer()), fc.constantFrom(Number.NaN, Infinity, -Infinity)),
        (value) => {
          try {
            toDecimal(value as never);
            expect.unreachable();
          } catch (error) {
            expect(error).toBeInstanceOf(PayscoreError);
            expect((error as PayscoreError).code).toBe("INVALID_NUMBER");
          }
        },
      ),
    );
  });

  it("accepts a string exactly when it is a plain decimal literal", () => {
    const literal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789.-+eE ,x"), maxLength: 8 }), (text) => {
        let accepted = true;
        try {
          toDecimal(text);
        } catch (error) {
          expect(error).toBeInstanceOf(PayscoreError);
          accepted = false;
        }
        const inRange = literal.test(text) && (new DecimalJs(text).isZero() || Math.abs(new DecimalJs(text).e) <= 1000);
        expect(accepted).toBe(literal.test(text) && inRange);
      }),
      { numRuns: 1000 },
    );
  });
});
