import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { MAX_WORD_FACTOR, compareDecimal, decimalOf, differenceDecimal, sumInOrder, scaledBigInt, truncatedDouble, productDecimal, quotientDecimal, sumDecimal } from "../../src/numeric/fastDecimal.js";

/** The fields decimal.js keeps, to compare the two constructions exactly. */
const fieldsOf = (x: Decimal | undefined): unknown => {
  if (x === undefined) return undefined;
  const f = x as unknown as { s: number; e: number; d: number[] };
  return { s: f.s, e: f.e, d: [...f.d], text: x.toString(), ctor: x.constructor === Decimal };
};

const safe = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }).map(Number),
  fc.integer({ min: 0, max: 52 }).map((k) => 2 ** k),
  fc.integer({ min: 0, max: 22 }).map((k) => 5 ** k),
  fc.integer({ min: 0, max: 15 }).map((k) => 10 ** k - 1),
);
const divisor = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 1, max: MAX_WORD_FACTOR }),
  fc.integer({ min: 0, max: 29 }).map((k) => 2 ** k),
  fc.integer({ min: 0, max: 12 }).map((k) => 5 ** k),
  fc.integer({ min: 0, max: 8 }).map((k) => 10 ** k),
  fc.constant(MAX_WORD_FACTOR),
  fc.integer({ min: 1, max: 8 }).map((k) => 10 ** k - 1),
);
const shift = fc.oneof(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -1000, max: 1000 }));

describe("quotientDecimal", () => {
  it("equals decimal.js's division, field by field", () => {
    fc.assert(
      fc.property(safe, divisor, shift, (a, b, s) => {
        const expected = new Decimal(a).div(b).times(new Decimal(10).pow(s));
        expect(fieldsOf(quotientDecimal(a, b, s))).toEqual(fieldsOf(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it("rounds exact halves at the 41st digit to even", () => {
    // a / 2^k terminates with k digits after the point; a · 5^k has ~16 + 0.7k digits.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 29 }), fc.integer({ min: 20, max: 29 }), fc.integer({ min: -20, max: 20 }), (a, k, s) => {
        const b = 2 ** k;
        const expected = new Decimal(a).div(b).times(new Decimal(10).pow(s));
        expect(fieldsOf(quotientDecimal(a, b, s))).toEqual(fieldsOf(expected));
      }),
      { numRuns: 800 },
    );
  });

  it("refuses what it cannot compute exactly", () => {
    expect(quotientDecimal(1, 0, 0)).toBeUndefined();
    expect(quotientDecimal(1, MAX_WORD_FACTOR + 1, 0)).toBeUndefined();
    expect(quotientDecimal(2 ** 53, 3, 0)).toBeUndefined();
    expect(quotientDecimal(1.5, 3, 0)).toBeUndefined();
    expect(quotientDecimal(1, 3, 0.5)).toBeUndefined();
    expect(quotientDecimal(1, 3, 2_000_000)).toBeUndefined();
    expect(quotientDecimal(1, -3, 0)).toBeUndefined();
  });
});

describe("decimalOf", () => {
  it("equals new Decimal of the same digits", () => {
    fc.assert(
      fc.property(safe, shift, (m, e) => {
        expect(fieldsOf(decimalOf(m, e))).toEqual(fieldsOf(new Decimal(`${m}e${e}`)));
      }),
      { numRuns: 800 },
    );
  });
});

const decimals = fc.oneof(
  fc.tuple(safe, divisor, shift).map(([a, b, s]) => new Decimal(a).div(b).times(new Decimal(10).pow(s))),
  fc.tuple(safe, fc.integer({ min: -12, max: 12 })).map(([m, e]) => new Decimal(`${m}e${e}`)),
  fc.constantFrom(new Decimal("9999999999999999999999999999999999999999"), new Decimal("0.9999999999999999999999999999999999999999"), new Decimal(0)),
);

describe("productDecimal", () => {
  it("equals decimal.js's multiplication, field by field", () => {
    fc.assert(
      fc.property(decimals, fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constantFrom(0, 1, 3, 5, 15, 30, 900)), fc.integer({ min: -12, max: 12 }), (x, m, e) => {
        const expected = x.times(new Decimal(`${m}e${e}`));
        expect(fieldsOf(productDecimal(x, m, e))).toEqual(fieldsOf(expected.isZero() ? new Decimal(0) : expected));
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses multipliers it cannot keep exact", () => {
    expect(productDecimal(new Decimal(1), MAX_WORD_FACTOR, 3)).toBeUndefined();
    expect(productDecimal(new Decimal(1), -1, 0)).toBeUndefined();
    expect(productDecimal(new Decimal(1), 1.5, 0)).toBeUndefined();
    expect(productDecimal(new Decimal(1), 1, 0.5)).toBeUndefined();
    expect(productDecimal(new Decimal(Infinity), 1, 0)).toBeUndefined();
  });
});

/** Decimals whose 7-digit words sit at the carry and rounding boundaries (0, 1, 4 999 999, 5 000 000, 9 999 999). */
const boundaryWords = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(0, 1, 4_999_999, 5_000_000, 9_999_999), fc.integer({ min: 0, max: 9_999_999 })), { minLength: 1, maxLength: 7 }),
    fc.integer({ min: -60, max: 60 }),
    fc.boolean(),
  )
  .map(([words, exponent, negative]) => {
    const digits = words.map((w, i) => (i === 0 ? String(w || 1) : String(w).padStart(7, "0"))).join("");
    return new Decimal(`${negative ? "-" : ""}${digits}e${exponent}`);
  });

describe("word arithmetic at carry and rounding boundaries", () => {
  it("productDecimal equals decimal.js's multiplication where every carry and half-way digit is at stake", () => {
    fc.assert(
      fc.property(boundaryWords, fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constantFrom(1, 2, 5, 10, 100, 900)), fc.integer({ min: -12, max: 12 }), (x, m, e) => {
        const expected = x.times(new Decimal(`${m}e${e}`));
        expect(fieldsOf(productDecimal(x, m, e))).toEqual(fieldsOf(expected.isZero() ? new Decimal(0) : expected));
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });

  it("quotientDecimal stays exact when a quotient word is a whole number or one off (q·d + r, r ∈ {0, 1, d − 1})", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: MAX_WORD_FACTOR }), fc.integer({ min: MAX_WORD_FACTOR - 1000, max: MAX_WORD_FACTOR }), fc.constantFrom(3, 7, 9_999_999, 10_000_001)),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.constantFrom(0, 1, -1),
        fc.integer({ min: -20, max: 20 }),
        (d, q, r, s) => {
          const a = q * d + (r === -1 ? d - 1 : r);
          if (!Number.isSafeInteger(a) || a === 0) return;
          const expected = new Decimal(a).div(d).times(new Decimal(10).pow(s));
          expect(fieldsOf(quotientDecimal(a, d, s))).toEqual(fieldsOf(expected));
        },
      ),
      { numRuns: 1000, seed: 20261123 },
    );
  });

  it("sumInOrder and differenceDecimal equal decimal.js where words carry and borrow", () => {
    fc.assert(
      fc.property(fc.array(boundaryWords, { minLength: 1, maxLength: 9 }), boundaryWords, (list, other) => {
        const values = list.map((x) => x.abs());
        const order = values.map((_, i) => i);
        let expected = new Decimal(0);
        for (const v of values) expected = expected.plus(v);
        const sum = sumInOrder(values, order);
        if (sum !== undefined) expect(fieldsOf(sum)).toEqual(fieldsOf(expected.isZero() ? new Decimal(0) : expected));
        const y = other.abs();
        const first = values[0] as Decimal;
        const [big, small] = first.gt(y) ? [first, y] : [y, first];
        const difference = differenceDecimal(big, small);
        if (!big.eq(small) && big.e - small.e < 60) expect(fieldsOf(difference)).toEqual(fieldsOf(big.minus(small)));
      }),
      { numRuns: 800, seed: 20261123 },
    );
  });

  it("scaledBigInt writes every word count and trailing-zero cut as toFixed does", () => {
    fc.assert(
      fc.property(boundaryWords, fc.integer({ min: 0, max: 70 }), (x, extra) => {
        const dp = x.decimalPlaces();
        expect(scaledBigInt(x, dp + extra)).toBe(BigInt(x.toFixed(dp + extra).replace(".", "")));
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });

  it("declines Decimals of another decimal.js clone, whose precision and rounding are not the library's", () => {
    const Other = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_DOWN });
    const foreign = new Other("1.2345678901234567890123456789") as unknown as Decimal;
    const lookalike = Object.assign(Object.create(Decimal.prototype) as object, { s: 1, e: 0, d: [1] }) as Decimal;
    for (const x of [foreign, lookalike]) {
      expect(productDecimal(x, 3, 0)).toBeUndefined();
      expect(sumDecimal(x, new Decimal(1))).toBeUndefined();
      expect(sumDecimal(new Decimal(1), x)).toBeUndefined();
      expect(differenceDecimal(new Decimal(5), x)).toBeUndefined();
      expect(sumInOrder([new Decimal(1), x], [0, 1])).toBeUndefined();
    }
  });
});

describe("sumDecimal", () => {
  it("equals decimal.js's addition, field by field, or declines", () => {
    fc.assert(
      fc.property(decimals, decimals, (x, y) => {
        const sum = sumDecimal(x, y);
        if (sum === undefined) {
          expect(x.s !== y.s || Math.abs(x.e - y.e) > 60).toBe(true);
          return;
        }
        const expected = x.plus(y);
        expect(fieldsOf(sum)).toEqual(fieldsOf(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it("adds numbers of the same sign whose words overlap or not", () => {
    const cases: [string, string][] = [
      ["57.5", "28.2"],
      ["9999999.9999999", "0.0000001"],
      ["1e30", "1e-30"],
      ["-1.5", "-2.75"],
      ["9999999999999999999999999999999999999999", "1"],
      ["0.3333333333333333333333333333333333333333", "0.6666666666666666666666666666666666666667"],
    ];
    for (const [a, b] of cases) {
      const x = new Decimal(a);
      const y = new Decimal(b);
      expect(fieldsOf(sumDecimal(x, y))).toEqual(fieldsOf(x.plus(y)));
    }
    expect(sumDecimal(new Decimal(1), new Decimal(-1))).toBeUndefined();
    expect(sumDecimal(new Decimal(0), new Decimal(-1))?.toString()).toBe("-1");
    expect(sumDecimal(new Decimal("1e100"), new Decimal("1e-100"))).toBeUndefined();
  });
});

describe("compareDecimal", () => {
  it("orders as decimal.js's cmp does", () => {
    const near = decimals.chain((x) => fc.constantFrom(x, x.neg(), x.plus("1e-39"), x.times("1.0000001"), new Decimal(x.toSignificantDigits(5))).map((y) => [x, y] as const));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(decimals, decimals), near), ([x, y]) => {
        expect(compareDecimal(x, y)).toBe(x.cmp(y));
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves infinities to decimal.js", () => {
    expect(compareDecimal(new Decimal(Infinity), new Decimal(1))).toBe(1);
    expect(compareDecimal(new Decimal(0), new Decimal("-0"))).toBe(0);
    expect(compareDecimal(new Decimal(-2), new Decimal(0))).toBe(-1);
    expect(compareDecimal(new Decimal(0), new Decimal(-2))).toBe(1);
  });
});

describe("truncatedDouble", () => {
  it("is the value cut to 15 significant digits, as a double", () => {
    fc.assert(
      fc.property(decimals, (x) => {
        expect(truncatedDouble(x)).toBe(x.toSignificantDigits(15, Decimal.ROUND_DOWN).toNumber() + 0);
      }),
      { numRuns: 1000 },
    );
  });

  it("orders as the values do, and is the value's own double for 15 digits or fewer", () => {
    fc.assert(
      fc.property(decimals, decimals, (x, y) => {
        if (x.lte(y)) expect(truncatedDouble(x)).toBeLessThanOrEqual(truncatedDouble(y));
        if (x.toSignificantDigits(15).eq(x)) expect(truncatedDouble(x)).toBe(x.toNumber() + 0);
      }),
      { numRuns: 1000 },
    );
    expect(truncatedDouble(new Decimal("104.50000000000000000000000000000000000009"))).toBe(104.5);
    expect(truncatedDouble(new Decimal("-0.123456789012345678"))).toBe(-0.123456789012345);
    expect(truncatedDouble(new Decimal("1e-30"))).toBe(1e-30);
    expect(truncatedDouble(new Decimal(Infinity))).toBe(Infinity);
  });
});

describe("scaledBigInt", () => {
  it("writes x · 10^places as toFixed does, or declines when places are too few", () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 60 }), (x, extra) => {
        const dp = x.decimalPlaces();
        expect(scaledBigInt(x, dp + extra)).toBe(BigInt(x.toFixed(dp + extra).replace(".", "")));
        if (dp > 0) expect(scaledBigInt(x, dp - 1)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
    expect(scaledBigInt(new Decimal("-12.5"), 2)).toBe(-1250n);
    expect(scaledBigInt(new Decimal("1e14"), 0)).toBe(10n ** 14n);
    expect(scaledBigInt(new Decimal(NaN), 0)).toBeUndefined();
    expect(scaledBigInt(new Decimal(1), 0.5)).toBeUndefined();
  });
});

describe("differenceDecimal", () => {
  it("equals decimal.js's subtraction for x > y ≥ 0, field by field, or declines", () => {
    fc.assert(
      fc.property(decimals, decimals, (a, b) => {
        const x = a.abs();
        const y = b.abs();
        const difference = differenceDecimal(x, y);
        if (difference === undefined) {
          expect(x.lte(y) || Math.abs(x.e - y.e) > 60).toBe(true);
          return;
        }
        expect(fieldsOf(difference)).toEqual(fieldsOf(x.minus(y)));
      }),
      { numRuns: 1000 },
    );
  });

  it("borrows across words and drops leading zero words", () => {
    const cases: [string, string][] = [
      ["1.15", "1"],
      ["10000000", "0.0000001"],
      ["1.00000000000000000000000000000000000001", "1"],
      ["9999999999999999999999999999999999999999", "0.5"],
      ["0.6", "0"],
      ["12345678.9", "12345678.8"],
    ];
    for (const [a, b] of cases) {
      const x = new Decimal(a);
      const y = new Decimal(b);
      expect(fieldsOf(differenceDecimal(x, y))).toEqual(fieldsOf(x.minus(y)));
    }
    expect(differenceDecimal(new Decimal(1), new Decimal(1))).toBeUndefined();
    expect(differenceDecimal(new Decimal(1), new Decimal(2))).toBeUndefined();
    expect(differenceDecimal(new Decimal(-1), new Decimal(-2))).toBeUndefined();
    expect(differenceDecimal(new Decimal(0), new Decimal(0))).toBeUndefined();
  });
});

describe("sumInOrder", () => {
  it("equals chained decimal.js additions, partial sums rounded, field by field, or declines", () => {
    fc.assert(
      fc.property(fc.array(decimals, { maxLength: 9 }), fc.boolean(), (list, positive) => {
        const values = list.map((x) => (positive ? x.abs() : x.abs().neg()));
        const order = values.map((_, i) => i).reverse();
        const sum = sumInOrder(values, order);
        let expected = new Decimal(0);
        for (const i of order) expected = expected.plus(values[i] as Decimal);
        if (sum === undefined) {
          const powers = values.filter((v) => !v.isZero()).map((v) => v.e);
          expect(Math.max(...powers) - Math.min(...powers)).toBeGreaterThan(60);
          return;
        }
        expect(fieldsOf(sum)).toEqual(fieldsOf(expected.isZero() ? new Decimal(0) : expected));
      }),
      { numRuns: 1000 },
    );
  });

  it("rounds each partial sum, as chained plus does (worked example)", () => {
    // 0.(3) to 40 digits, three times: 0.999…9 (40 nines), not 1.
    const third = new Decimal(1).div(3);
    const sum = sumInOrder([third, third, third], [0, 1, 2]);
    expect(sum?.toString()).toBe(third.plus(third).plus(third).toString());
    expect(sumInOrder([], [])?.toString()).toBe("0");
    expect(sumInOrder([new Decimal(1), new Decimal(-1)], [0, 1])).toBeUndefined();
    expect(sumInOrder([new Decimal(Infinity)], [0])).toBeUndefined();
  });
});
