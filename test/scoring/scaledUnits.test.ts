import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { LIMIT, MODE_CODE, decimalUnits, divideRounded, fits, rescaleUnits, unitsOf } from "../../src/scoring/scaledUnits.js";

const modes = ["half-even", "half-up", "half-down", "up", "down", "ceil", "floor"] as const;

/** divideRounded(n, d) in every mode, in the order of `modes`. */
function everyMode(n: number, d: number): number[] {
  return modes.map((m) => divideRounded(n, d, MODE_CODE[m]));
}

describe("divideRounded", () => {
  it("rounds exact halves by each mode, on both sides of zero", () => {
    //                       half-even half-up half-down up down ceil floor
    expect(everyMode(5, 2)).toEqual([2, 3, 2, 3, 2, 3, 2]); // 2.5
    expect(everyMode(7, 2)).toEqual([4, 4, 3, 4, 3, 4, 3]); // 3.5
    expect(everyMode(-5, 2)).toEqual([-2, -3, -2, -3, -2, -2, -3]); // −2.5
    expect(everyMode(-7, 2)).toEqual([-4, -4, -3, -4, -3, -3, -4]); // −3.5
  });

  it("rounds non-halves to the nearer integer, and up/down/ceil/floor by direction", () => {
    expect(everyMode(7, 3)).toEqual([2, 2, 2, 3, 2, 3, 2]); // 2.33…
    expect(everyMode(8, 3)).toEqual([3, 3, 3, 3, 2, 3, 2]); // 2.66…
    expect(everyMode(-7, 3)).toEqual([-2, -2, -2, -3, -2, -2, -3]); // −2.33…
    expect(everyMode(-8, 3)).toEqual([-3, -3, -3, -3, -2, -2, -3]); // −2.66…
  });

  it("returns exact quotients unchanged and never −0", () => {
    expect(everyMode(6, 3)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    for (const q of everyMode(-1, 3).slice(0, 3)) expect(Object.is(q, 0)).toBe(true); // −0.33… → 0, not −0
    expect(Object.is(divideRounded(-1, 3, MODE_CODE.down), 0)).toBe(true);
    expect(Object.is(divideRounded(-1, 3, MODE_CODE.ceil), 0)).toBe(true);
    expect(Object.is(divideRounded(0, 7, MODE_CODE.floor), 0)).toBe(true);
  });

  it("stays exact at 2^52", () => {
    // (2^52 − 1) / 3 = 1501199875790165 exactly; 2^52 / 3 = 1501199875790165.33…
    expect(divideRounded(LIMIT - 1, 3, MODE_CODE.floor)).toBe(1501199875790165);
    expect(divideRounded(LIMIT, 3, MODE_CODE.ceil)).toBe(1501199875790166);
    expect(divideRounded(-LIMIT, 3, MODE_CODE.floor)).toBe(-1501199875790166);
  });

  it("corrects a floating quotient that is one off, for a dividend past 2^53", () => {
    // Past the documented range the double n / d can round to the wrong side of an integer; the
    // exact remainder puts the quotient back. Each expected value is the exact answer (BigInt).
    // −(2^55 − 440) / 7 = −5146971002709075.43…; up (away from zero): −5146971002709076
    const n1 = -(2 ** 55 - 440);
    expect(divideRounded(n1, 7, MODE_CODE.up)).toBe(-5146971002709076);
    // (2^55 − 456) / 13 = 2771445924535654.77 → nearest 2771445924535655
    const n2 = 2 ** 55 - 456;
    expect(divideRounded(n2, 13, MODE_CODE["half-even"])).toBe(2771445924535655);
    // (2^55 + 88) / 23 = 1566469435607132.87 → nearest 1566469435607133
    const n3 = 2 ** 55 + 88;
    expect(divideRounded(n3, 23, MODE_CODE["half-even"])).toBe(1566469435607133);
  });
});

describe("rescaleUnits", () => {
  it("multiplies up for a non-negative shift and gives NaN past 10^22", () => {
    expect(rescaleUnits(12, 2, MODE_CODE.floor)).toBe(1200);
    expect(rescaleUnits(12, 0, MODE_CODE.floor)).toBe(12);
    expect(rescaleUnits(1, 22, MODE_CODE.floor)).toBe(1e22);
    expect(rescaleUnits(1, 23, MODE_CODE.floor)).toBeNaN();
    expect(Object.is(rescaleUnits(-0, 2, MODE_CODE.floor), 0)).toBe(true);
  });

  it("divides with rounding for a negative shift", () => {
    expect(rescaleUnits(1250, -2, MODE_CODE["half-even"])).toBe(12); // 12.50 → 12
    expect(rescaleUnits(1350, -2, MODE_CODE["half-even"])).toBe(14); // 13.50 → 14
    expect(rescaleUnits(1250, -2, MODE_CODE["half-up"])).toBe(13);
  });

  it("gives 0 for 0 and NaN otherwise when 10^-shift passes 2^52", () => {
    // 10^15 ≤ 2^52 < 10^16
    expect(rescaleUnits(5e15, -15, MODE_CODE.floor)).toBe(5);
    expect(rescaleUnits(0, -16, MODE_CODE.floor)).toBe(0);
    expect(rescaleUnits(7, -16, MODE_CODE.floor)).toBeNaN();
    expect(rescaleUnits(0, -30, MODE_CODE.floor)).toBe(0);
    expect(rescaleUnits(7, -30, MODE_CODE.floor)).toBeNaN();
  });
});

describe("unitsOf", () => {
  it("reads integers up to 2^52 units, and no further", () => {
    expect(unitsOf(3, 2)).toBe(300);
    expect(unitsOf(LIMIT, 0)).toBe(LIMIT);
    expect(unitsOf(LIMIT + 2, 0)).toBeNaN();
    expect(Object.is(unitsOf(-0, 2), 0)).toBe(true);
  });

  it("reads a fraction only when it has at most `scale` places", () => {
    expect(unitsOf(1.25, 2)).toBe(125);
    expect(unitsOf(-0.1, 1)).toBe(-1);
    expect(unitsOf(1.255, 2)).toBeNaN();
    expect(unitsOf(0.1, 0)).toBeNaN();
  });

  it("reads decimal strings and refuses anything else", () => {
    expect(unitsOf("12.5", 2)).toBe(1250);
    expect(unitsOf("12.505", 2)).toBeNaN();
    expect(unitsOf("1e3", 2)).toBeNaN();
    expect(unitsOf("9007199254740993", 0)).toBeNaN();
    expect(unitsOf(null, 2)).toBeNaN();
    expect(unitsOf(new Decimal(1), 2)).toBeNaN();
  });
});

describe("decimalUnits and fits", () => {
  it("gives the exact unit count or NaN", () => {
    expect(decimalUnits(new Decimal("1.25"), 2)).toBe(125);
    expect(decimalUnits(new Decimal("1.255"), 2)).toBeNaN();
    expect(decimalUnits(new Decimal(LIMIT), 0)).toBe(LIMIT);
    expect(decimalUnits(new Decimal(LIMIT).plus(1), 0)).toBeNaN();
    expect(Object.is(decimalUnits(new Decimal("-0"), 2), 0)).toBe(true);
  });

  it("fits integers of magnitude up to 2^52, not NaN", () => {
    expect(fits(LIMIT)).toBe(true);
    expect(fits(-LIMIT)).toBe(true);
    expect(fits(LIMIT + 1)).toBe(false);
    expect(fits(Number.NaN)).toBe(false);
  });
});
