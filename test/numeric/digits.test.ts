import { describe, expect, it } from "vitest";
import fc from "fast-check";
import DecimalJs from "decimal.js";
import { Decimal, claimId, idTable, splitDecimal, splitNumber, unitsAt, type Digits } from "../../src/numeric/index.js";

const out = (): Digits => ({ mantissa: NaN, exponent: NaN });
const split = (value: Decimal | number): [number, number] | false => {
  const digits = out();
  const ok = typeof value === "number" ? splitNumber(value, digits) : splitDecimal(value, digits);
  return ok ? [digits.mantissa, digits.exponent] : false;
};

describe("splitDecimal", () => {
  it("reads a Decimal as mantissa × 10^exponent with trailing zeros dropped", () => {
    expect(split(new Decimal("12.5"))).toEqual([125, -1]); // words 12, 5000000
    expect(split(new Decimal("-3.25"))).toEqual([-325, -2]);
    expect(split(new Decimal("1200"))).toEqual([12, 2]);
    expect(split(new Decimal("0.0000001"))).toEqual([1, -7]);
    expect(split(new Decimal("12345678.9"))).toEqual([123456789, -1]); // two full words
    expect(split(new Decimal("0"))).toEqual([0, 0]);
    expect(split(new Decimal("-0"))).toEqual([0, 0]);
  });

  it("declines what is not a Decimal, not finite, or more than 15 digits", () => {
    // decimal.js clones share one prototype, so any decimal.js value reads by its digits
    expect(split(new DecimalJs("1.5") as unknown as Decimal)).toEqual([15, -1]);
    expect(split(1.5 as unknown as Decimal)).toEqual([15, -1]);
    expect(splitDecimal({ d: [1], e: 0, s: 1 } as unknown as Decimal, out())).toBe(false);
    expect(split(new Decimal(Number.NaN))).toBe(false);
    expect(split(new Decimal("999999999999999"))).toEqual([999999999999999, 0]); // 15 digits
    expect(split(new Decimal("1234567890123456"))).toBe(false); // 16 digits
    expect(split(new Decimal("99999999999999.99"))).toBe(false); // 16 digits
    expect(split(new Decimal("1e15"))).toEqual([1, 15]);
    expect(split(new Decimal("123456789012345678901234567890"))).toBe(false); // past 2^53 while joining
  });

  it("agrees with the Decimal's own value whenever it answers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: -12, max: 12 }), (digits, shift) => {
        const value = new Decimal(digits.toString()).times(new Decimal(10).pow(shift));
        const d = out();
        if (splitDecimal(value, d)) expect(new Decimal(d.mantissa).times(new Decimal(10).pow(d.exponent)).eq(value)).toBe(true);
        else expect(value.sd() > 15).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("splitNumber", () => {
  it("reads integers and short decimals exactly", () => {
    expect(split(42)).toEqual([42, 0]);
    expect(split(-0)).toEqual([0, 0]);
    expect(Object.is((split(-0) as [number, number])[0], 0)).toBe(true);
    expect(split(0.29)).toEqual([29, -2]);
    expect(split(-12.5)).toEqual([-125, -1]);
    expect(split(99999999999999)).toEqual([99999999999999, 0]);
  });

  it("declines non-finite numbers, 16 digits or more and numbers below 1e-15", () => {
    expect(split(Number.NaN)).toBe(false);
    expect(split(Infinity)).toBe(false);
    expect(split(1e15)).toBe(false);
    expect(split(-1e15)).toBe(false);
    expect(split(1e-7)).toEqual([1, -7]); // "1e-7": one digit
    expect(split(1.5e-15)).toBe(false); // 16 places
    expect(split(0.1 + 0.2)).toBe(false); // 0.30000000000000004: 17 digits
    expect(split(12345678901234.5)).toEqual([123456789012345, -1]); // 15 digits
    expect(split(123456789012345.6)).toBe(false); // 16 digits
  });
});

describe("splitNumber against the number's shortest text", () => {
  /** The reading by text that splitNumber replaced: String(value), digits and point. */
  const byText = (value: number): [number, number] | false => {
    const text = String(value);
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
    if (match === null) return false;
    const digits = `${match[2] ?? ""}${match[3] ?? ""}`.replace(/^0+(?=\d)/, "");
    const mantissa = Number(`${match[1] ?? ""}${digits}`);
    const exponent = Number(match[4] ?? 0) - (match[3] ?? "").length;
    if (!(Math.abs(mantissa) < 1e15)) return false;
    let m = mantissa;
    let e = exponent;
    while (e < 0 && m !== 0 && m % 10 === 0) {
      m /= 10;
      e++;
    }
    if (m === 0) return [0, 0];
    if (e > 0) return Number.isSafeInteger(m * 10 ** e) && Math.abs(m * 10 ** e) < 1e15 ? [m * 10 ** e, 0] : false;
    return e < -15 ? false : [m + 0, e];
  };

  it("gives the digits of String(value) for decimals of up to 15 digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: 0, max: 15 }), (mantissa, places) => {
        const value = mantissa / 10 ** places;
        expect(split(value)).toEqual(byText(value));
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees with String(value) on any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }), (value) => {
        expect(split(value)).toEqual(byText(value));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("unitsAt", () => {
  it("scales a mantissa to whole units at a scale, or declines", () => {
    expect(unitsAt(125, -1, 2)).toBe(1250); // 12.5 at 2 places
    expect(unitsAt(125, -1, 1)).toBe(125);
    expect(unitsAt(125, -1, 0)).toBeUndefined(); // 12.5 is not a whole unit
    expect(unitsAt(0, -30, 0)).toBe(0);
    expect(unitsAt(12, 2, 0)).toBe(1200);
    expect(unitsAt(1, 22, 0)).toBeUndefined(); // 1e22 is past 2^53
    expect(unitsAt(1, 20, 2)).toBeUndefined(); // shift 22, past 2^53
    expect(unitsAt(9, 15, 0)).toBe(9e15 > Number.MAX_SAFE_INTEGER ? undefined : 9e15);
    expect(unitsAt(1, 15, 0)).toBe(1e15);
    expect(unitsAt(-5, 0, 3)).toBe(-5000);
  });
});

describe("idTable and claimId", () => {
  it("sizes the table to at least twice the entries, in powers of two", () => {
    expect(idTable(0).mask).toBe(7);
    expect(idTable(4).mask).toBe(7);
    expect(idTable(5).mask).toBe(15);
    expect(idTable(5).slots.length).toBe(32);
    expect(idTable(3).budget).toBe(8 * 3 + 64);
  });

  it("returns -1 for a new id and the earlier index for a repeat", () => {
    const ids = ["a", "b", "a", "ab", "b", "ba"];
    const table = idTable(ids.length);
    expect(ids.map((_, i) => claimId(table, ids, i))).toEqual([-1, -1, 0, -1, 1, -1]);
  });

  it("tells apart ids that share a slot, and moves to a Map when probing runs long", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), (ids) => {
        const table = idTable(ids.length);
        table.budget = 3; // force the Map fallback on busy tables
        const first = new Map<string, number>();
        ids.forEach((id, i) => {
          const expected = first.get(id) ?? -1;
          if (!first.has(id)) first.set(id, i);
          expect(claimId(table, ids, i)).toBe(expected);
        });
      }),
      { numRuns: 200 },
    );
    const table = idTable(50);
    const ids = Array.from({ length: 50 }, (_, i) => `id${i % 25}`);
    expect(ids.map((_, i) => claimId(table, ids, i)).slice(25)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(table.map).toBeNull();
  });
});
