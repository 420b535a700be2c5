import { Decimal } from "./decimal.js";

// Exact construction of the library's Decimals from safe integers, without decimal.js parsing
// or intermediate Decimals: the per-call scoring path builds about two dozen Decimals per person,
// and decimal.js spends most of its time parsing numbers and dividing word arrays. Internal.
//
// decimal.js 10 keeps a finite nonzero value as a sign `s` (±1), the decimal exponent `e` of its
// first significant digit, and the digits `d` in words of 7 (base 1e7). The words are aligned to
// the decimal point (a word's last digit sits at a power of ten divisible by 7), the first word
// has no leading zeros, and trailing zero words are dropped, so the form of a value is unique:
// 123.45 is { e: 2, d: [123, 4500000] }, 1e14 is { e: 14, d: [1] }. Building that form directly
// gives the very object decimal.js would build; property tests compare the two field by field
// (test/numeric/fastDecimal.prop.test.ts), so a decimal.js upgrade that changed the form fails
// there, not in a payout.

const BASE = 1e7;
const HALF_BASE = 5e6;
/** The library clone's precision (significant digits) and rounding (half-even). */
const PRECISION = 40;
/** The largest divisor or multiplier: a remainder below it times 1e7 stays a safe integer. */
export const MAX_WORD_FACTOR = Math.floor(Number.MAX_SAFE_INTEGER / BASE);
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
const MAX_DIVISION_WORDS = 12;
/** Scratch words of a product (a finite Decimal of the clone has at most 8 words at 40 digits). */
const PRODUCT_WORDS: number[] = new Array<number>(64).fill(0);
/** Exponents beyond this are left to decimal.js (its own range checks apply there). */
const MAX_SHIFT = 1_000_000;

/** The mutable fields of a decimal.js value (public in decimal.js's own typings as read-only). */
interface DecimalFields {
  s: number;
  e: number;
  d: number[];
}

/** The number of decimal digits of a word 1 … 9 999 999. */
function wordDigits(word: number): number {
  return word < 1e3 ? (word < 10 ? 1 : word < 100 ? 2 : 3) : word < 1e5 ? (word < 1e4 ? 4 : 5) : word < 1e6 ? 6 : 7;
}

/**
 * Makes instances of the library's clone from their fields: the clone's prototype, and the same
 * own properties in the same order (`constructor`, `s`, `e`, `d`) as decimal.js's constructor
 * gives them, so `instanceof`, `Decimal.isDecimal`, equality in tests and every method behave
 * exactly as for a Decimal decimal.js made.
 */
const DecimalFromFields = function (this: DecimalFields & { constructor: unknown }, sign: number, exponent: number, words: number[]) {
  this.constructor = Decimal;
  this.s = sign;
  this.e = exponent;
  this.d = words;
} as unknown as new (sign: number, exponent: number, words: number[]) => Decimal;
(DecimalFromFields as unknown as { prototype: unknown }).prototype = Decimal.prototype;

/** A Decimal of the library's clone with the given fields. */
function decimalWith(sign: number, exponent: number, words: number[]): Decimal {
  return new DecimalFromFields(sign, exponent, words);
}

/**
 * Rounds `words` in place (first word nonzero; the last word's last digit at power `lastPower`)
 * to the clone's 40 significant digits, half-even, and drops trailing zero words. `tail`
 * describes what lies beyond the last word, in units of its last digit: 0 nothing, 1 less than
 * a half, 2 exactly a half, 3 more than a half.
 *
 * @returns the power of the last word's last digit afterwards
 */
function roundWords(words: number[], lastPower: number, tail: number): number {
  let length = words.length;
  const significant = wordDigits(words[0] as number) + 7 * (length - 1);
  const drop = significant - PRECISION;
  if (drop > 0 || tail !== 0) {
    let up: boolean;
    if (drop <= 0) {
      // Exactly 40 digits kept: the tail decides.
      const last = words[length - 1] as number;
      up = tail === 3 || (tail === 2 && last % 2 === 1);
    } else {
      const whole = Math.floor(drop / 7);
      const part = drop - 7 * whole;
      const at = length - 1 - whole; // the word holding the last kept digit
      let rest = tail !== 0;
      let first: number;
      let half: number;
      let unit: number;
      let kept = words[at] as number;
      if (part > 0) {
        unit = POW10[part] as number;
        first = kept % unit;
        half = unit / 2;
        kept -= first;
        for (let k = at + 1; k < length && !rest; k++) rest = words[k] !== 0;
      } else {
        unit = 1;
        first = words[at + 1] as number;
        half = HALF_BASE;
        for (let k = at + 2; k < length && !rest; k++) rest = words[k] !== 0;
      }
      up = first > half || (first === half && (rest || (kept / unit) % 2 === 1));
      words[at] = kept;
      // (pop, not `words.length =`: setting an array's length is a slow path in V8)
      while (words.length > at + 1) words.pop();
      length = at + 1;
      lastPower += 7 * whole;
      if (up) {
        words[at] = kept + unit;
        up = false;
      }
    }
    if (up) words[length - 1] = (words[length - 1] as number) + 1;
    // Carry out of full words.
    for (let k = length - 1; k > 0 && (words[k] as number) >= BASE; k--) {
      words[k] = (words[k] as number) - BASE;
      words[k - 1] = (words[k - 1] as number) + 1;
    }
    if ((words[0] as number) >= BASE) {
      words[0] = (words[0] as number) - BASE;
      words.unshift(1);
      length++;
    }
  }
  while (length > 1 && words[length - 1] === 0) {
    words.pop();
    length--;
    lastPower += 7;
  }
  return lastPower;
}

/** Rounds `words` as {@link roundWords} does and builds the Decimal. */
function finish(sign: number, words: number[], lastPower: number, tail: number): Decimal {
  const last = roundWords(words, lastPower, tail);
  return decimalWith(sign, last + 7 * (words.length - 1) + wordDigits(words[0] as number) - 1, words);
}

/**
 * `(numerator / divisor) · 10^shift` as the library's `Decimal` division gives it — rounded to 40
 * significant digits, half-even — by long division in words of 7 digits over safe integers.
 * Because rounding to significant digits commutes with powers of ten, it also gives
 * `new Decimal(a).div(b)` for `a = numerator · 10^x`, `b = divisor · 10^y`, `shift = x − y`.
 *
 * @internal
 * @param numerator - a safe integer
 * @param divisor - a whole number from 1 to {@link MAX_WORD_FACTOR}
 * @param shift - a power of ten, |shift| ≤ 1 000 000
 * @returns the Decimal, or `undefined` outside that domain (the caller uses decimal.js)
 * @example
 * ```ts
 * quotientDecimal(115, 100, 0)?.toString(); // "1.15"
 * quotientDecimal(1, 3, 2)?.toString(); // "33.33333333333333333333333333333333333333"
 * ```
 */
export function quotientDecimal(numerator: number, divisor: number, shift: number): Decimal | undefined {
  // Whole-number division below 2^53 by Math.floor(n / d): the double quotient is never below
  // the true floor (rounding is monotone and the floor is itself a double), and is above it only
  // when rounded up to the next whole number, which the negative remainder shows. (No `%`: on
  // numbers past 2^31 it is a slow runtime call.)
  if (!Number.isSafeInteger(numerator) || !Number.isInteger(divisor) || divisor < 1 || divisor > MAX_WORD_FACTOR) return undefined;
  if (!Number.isInteger(shift) || shift > MAX_SHIFT || shift < -MAX_SHIFT) return undefined;
  if (numerator === 0) return new Decimal(0);
  const sign = numerator < 0 ? -1 : 1;
  const a = numerator < 0 ? -numerator : numerator;
  let whole = Math.floor(a / divisor);
  let remainder = a - whole * divisor;
  if (remainder < 0) {
    // the double quotient was rounded up to the next whole number
    whole--;
    remainder += divisor;
  }
  // Words end at powers ≡ 0 (mod 7) of the result, i.e. at powers ≡ offset (mod 7) of the quotient.
  const offset = (((-shift) % 7) + 7) % 7;
  const words: number[] = [];
  let lastPower: number; // of the quotient, for the last word pushed
  if (offset === 0) {
    pushWords(words, whole);
    lastPower = 0;
  } else {
    // The word holding the units digit ends `7 − offset` places after the point: it joins the
    // last `offset` digits of the whole part with the first `7 − offset` digits of the fraction.
    const fractionDigits = 7 - offset;
    const low = whole % (POW10[offset] as number);
    pushWords(words, (whole - low) / (POW10[offset] as number));
    const scaled = remainder * (POW10[fractionDigits] as number);
    let fraction = Math.floor(scaled / divisor);
    remainder = scaled - fraction * divisor;
    if (remainder < 0) {
      fraction--;
      remainder += divisor;
    }
    const word = low * (POW10[fractionDigits] as number) + fraction;
    if (words.length > 0 || word !== 0) words.push(word);
    lastPower = -fractionDigits;
  }
  let significant = words.length === 0 ? 0 : wordDigits(words[0] as number) + 7 * (words.length - 1);
  // At most 3 leading zero words (a quotient ≥ 1 / MAX_WORD_FACTOR) and 6 more words reach 40
  // digits: the bound only keeps a broken loop from running away.
  for (let step = 0; step < MAX_DIVISION_WORDS && remainder !== 0 && significant < PRECISION; step++) {
    const scaled = remainder * BASE;
    let word = Math.floor(scaled / divisor);
    remainder = scaled - word * divisor;
    if (remainder < 0) {
      word--;
      remainder += divisor;
    }
    lastPower -= 7;
    if (words.length === 0) {
      if (word === 0) continue;
      significant = wordDigits(word);
    } else {
      significant += 7;
    }
    words.push(word);
  }
  const twice = 2 * remainder;
  const tail = remainder === 0 ? 0 : twice < divisor ? 1 : twice === divisor ? 2 : 3;
  return finish(sign, words, lastPower + shift, tail);
}

/** Pushes the base-1e7 words of a safe integer, most significant first (nothing for 0). */
function pushWords(words: number[], value: number): void {
  if (value === 0) return;
  if (value < BASE) {
    words.push(value);
    return;
  }
  let rest = Math.floor(value / BASE);
  let low = value - rest * BASE;
  if (low < 0) {
    rest--;
    low += BASE;
  }
  pushWords(words, rest);
  words.push(low);
}

/**
 * Carries word sums of at most two words each (< 2 · 1e7) upward, adding a leading word 1 when
 * the first overflows.
 */
function carryWords(words: number[]): void {
  for (let k = words.length - 1; k > 0; k--) {
    if ((words[k] as number) >= BASE) {
      words[k] = (words[k] as number) - BASE;
      words[k - 1] = (words[k - 1] as number) + 1;
    }
  }
  if ((words[0] as number) >= BASE) {
    words[0] = (words[0] as number) - BASE;
    words.unshift(1);
  }
}

/**
 * `new Decimal(mantissa · 10^exponent)` built from its words, without parsing text.
 *
 * @internal
 * @param mantissa - a safe integer
 * @param exponent - a power of ten, |exponent| ≤ 1 000 000
 * @returns the Decimal, or `undefined` outside that domain
 * @example
 * ```ts
 * decimalOf(12345, -2)?.toString(); // "123.45"
 * ```
 */
export function decimalOf(mantissa: number, exponent: number): Decimal | undefined {
  return quotientDecimal(mantissa, 1, exponent);
}

/**
 * `x · multiplier · 10^exponent` as the library's `Decimal#times` gives it (rounded to 40
 * significant digits, half-even), multiplying `x`'s words by a small whole number.
 *
 * @internal
 * @param x - a finite Decimal of the library's clone
 * @param multiplier - a whole number from 0 to {@link MAX_WORD_FACTOR} / 10^6
 * @param exponent - a power of ten, |exponent| ≤ 1 000 000
 * @returns the product, or `undefined` outside that domain
 * @example
 * ```ts
 * productDecimal(new Decimal("115.5"), 3, -1)?.toString(); // "34.65"
 * ```
 */
export function productDecimal(x: Decimal, multiplier: number, exponent: number): Decimal | undefined {
  const fields = x as unknown as DecimalFields;
  const xd = fields.d as number[] | null;
  if (!(x instanceof Decimal) || xd === null || !Number.isInteger(multiplier) || multiplier < 0) return undefined;
  if (!Number.isInteger(exponent) || exponent > MAX_SHIFT || exponent < -MAX_SHIFT) return undefined;
  if (multiplier === 0 || (xd[0] as number) === 0) return new Decimal(0);
  // Multiply by multiplier · 10^k so the remaining power of ten is a whole number of words.
  const k = ((exponent % 7) + 7) % 7;
  const factor = multiplier * (POW10[k] as number);
  if (factor > MAX_WORD_FACTOR) return undefined;
  const n = xd.length;
  const low = PRODUCT_WORDS;
  let carry = 0;
  for (let i = n - 1; i >= 0; i--) {
    const v = (xd[i] as number) * factor + carry;
    carry = Math.floor(v / BASE);
    let word = v - carry * BASE;
    if (word < 0) {
      carry--;
      word += BASE;
    }
    low[i] = word;
  }
  // The carry out of the first word may itself span two words (it is below the factor).
  const top = carry >= BASE ? Math.floor(carry / BASE) : 0;
  const next = carry - top * BASE;
  const lead = top > 0 ? 2 : next > 0 ? 1 : 0;
  const words = new Array<number>(n + lead);
  if (top > 0) words[0] = top;
  if (lead > 0) words[lead - 1] = next;
  for (let i = 0; i < n; i++) words[lead + i] = low[i] as number;
  const lastPower = fields.e - wordDigits(xd[0] as number) + 1 - 7 * (n - 1) + exponent - k;
  return finish(fields.s, words, lastPower, 0);
}

/**
 * `x + y` as the library's `Decimal#plus` gives it (rounded to 40 significant digits,
 * half-even), for finite values of the same sign, by adding their digit words.
 *
 * @internal
 * @param x - a finite Decimal of the library's clone
 * @param y - another, of the same sign as `x` (or zero)
 * @returns the sum, or `undefined` for other signs or values far apart (the caller uses decimal.js)
 * @example
 * ```ts
 * sumDecimal(new Decimal("57.5"), new Decimal("28.2"))?.toString(); // "85.7"
 * ```
 */
export function sumDecimal(x: Decimal, y: Decimal): Decimal | undefined {
  const fx = x as unknown as DecimalFields;
  const fy = y as unknown as DecimalFields;
  const xd = fx.d as number[] | null;
  const yd = fy.d as number[] | null;
  if (!(x instanceof Decimal) || !(y instanceof Decimal) || xd === null || yd === null) return undefined;
  if ((yd[0] as number) === 0) return x;
  if ((xd[0] as number) === 0) return y;
  if (fx.s !== fy.s) return undefined;
  const nx = xd.length;
  const ny = yd.length;
  // The power of ten at the last digit of each number's first word (a multiple of 7).
  const firstX = fx.e - wordDigits(xd[0] as number) + 1;
  const firstY = fy.e - wordDigits(yd[0] as number) + 1;
  const first = firstX > firstY ? firstX : firstY;
  const lastX = firstX - 7 * (nx - 1);
  const lastY = firstY - 7 * (ny - 1);
  const last = lastX < lastY ? lastX : lastY;
  const length = (first - last) / 7 + 1;
  if (length > 16) return undefined;
  const words = new Array<number>(length).fill(0);
  const offsetX = (first - firstX) / 7;
  const offsetY = (first - firstY) / 7;
  for (let i = 0; i < nx; i++) words[offsetX + i] = xd[i] as number;
  for (let i = 0; i < ny; i++) words[offsetY + i] = (words[offsetY + i] as number) + (yd[i] as number);
  carryWords(words);
  return finish(fx.s, words, last, 0);
}

/**
 * `x.cmp(y)` for two finite Decimals of the library's clone, read from their digit words
 * without creating a Decimal (decimal.js's comparisons copy their argument first).
 *
 * @internal
 * @param x - a finite Decimal of the library's clone
 * @param y - another
 * @returns -1, 0 or 1, as `x.cmp(y)`
 * @example
 * ```ts
 * compareDecimal(new Decimal("1.5"), new Decimal("1.25")); // 1
 * ```
 */
export function compareDecimal(x: Decimal, y: Decimal): number {
  const fx = x as unknown as DecimalFields;
  const fy = y as unknown as DecimalFields;
  const xd = fx.d as number[] | null;
  const yd = fy.d as number[] | null;
  if (xd === null || yd === null) return x.cmp(y);
  const xZero = (xd[0] as number) === 0;
  const yZero = (yd[0] as number) === 0;
  if (xZero || yZero) return xZero ? (yZero ? 0 : -fy.s) : fx.s;
  if (fx.s !== fy.s) return fx.s;
  const sign = fx.s;
  if (fx.e !== fy.e) return fx.e > fy.e ? sign : -sign;
  // Equal exponents: the words line up.
  const nx = xd.length;
  const ny = yd.length;
  const n = nx < ny ? nx : ny;
  for (let i = 0; i < n; i++) {
    const a = xd[i] as number;
    const b = yd[i] as number;
    if (a !== b) return a > b ? sign : -sign;
  }
  return nx === ny ? 0 : nx > ny ? sign : -sign;
}

const KEY_DIGITS = 15;

/**
 * A double that orders as the Decimal does: the value cut toward zero to its first 15
 * significant digits, then rounded to the nearest double. Both steps are monotone, so
 * `x ≤ y` implies `truncatedDouble(x) ≤ truncatedDouble(y)`; a value of at most 15 significant
 * digits gets its own nearest double (as `toNumber()`), and two such values with equal keys are
 * equal. Values with more digits and equal keys must be compared as Decimals. Read from the
 * digit words, without `toNumber()`'s text.
 *
 * @internal
 * @param x - a finite Decimal of the library's clone
 * @returns the key
 * @example
 * ```ts
 * truncatedDouble(new Decimal("104.50000000000000000000000000000000000009")); // 104.5
 * ```
 */
export function truncatedDouble(x: Decimal): number {
  const fields = x as unknown as DecimalFields;
  const xd = fields.d as number[] | null;
  if (xd === null) return x.toNumber();
  const head = xd[0] as number;
  if (head === 0) return 0;
  let mantissa = head;
  let digits = wordDigits(head);
  for (let i = 1; i < xd.length && digits < KEY_DIGITS; i++) {
    const word = xd[i] as number;
    const need = KEY_DIGITS - digits;
    if (need >= 7) {
      mantissa = mantissa * BASE + word;
      digits += 7;
    } else {
      const cut = POW10[7 - need] as number;
      mantissa = mantissa * (POW10[need] as number) + (word - (word % cut)) / cut;
      digits = KEY_DIGITS;
    }
  }
  // mantissa · 10^power, one correctly rounded operation on exact operands.
  const power = fields.e - digits + 1;
  let key: number;
  if (power >= 0 && power <= 22) key = mantissa * 10 ** power;
  else if (power < 0 && power >= -22) key = mantissa / 10 ** -power;
  else return x.toSignificantDigits(KEY_DIGITS, Decimal.ROUND_DOWN).toNumber() + 0; // (+ 0: never -0)
  return fields.s < 0 ? -key : key;
}

/**
 * `x · 10^places` as a BigInt, for a finite Decimal with at most `places` decimals — the digit
 * words written out once (`BigInt(x.toFixed(places).replace(".", ""))` without decimal.js's
 * rounding and text steps).
 *
 * @internal
 * @param x - a finite Decimal of the library's clone
 * @param places - decimal places, at least `x.decimalPlaces()`
 * @returns the integer, or `undefined` when `x` has more decimals than `places` or is not finite
 * @example
 * ```ts
 * scaledBigInt(new Decimal("12.5"), 2); // 1250n
 * ```
 */
export function scaledBigInt(x: Decimal, places: number): bigint | undefined {
  const fields = x as unknown as DecimalFields;
  const xd = fields.d as number[] | null;
  if (xd === null || !Number.isInteger(places)) return undefined;
  const head = xd[0] as number;
  if (head === 0) return 0n;
  const n = xd.length;
  // Zeros to append (or, below 0, trailing zeros of the last word to leave off).
  const zeros = places + fields.e - wordDigits(head) + 1 - 7 * (n - 1);
  if (zeros < -6 || (zeros < 0 && (xd[n - 1] as number) % (POW10[-zeros] as number) !== 0)) return undefined;
  let text = String(head);
  for (let i = 1; i < n; i++) text += String((xd[i] as number) + BASE).slice(1);
  if (zeros > 0) text += "0".repeat(zeros);
  else if (zeros < 0) text = text.slice(0, zeros);
  const value = BigInt(text);
  return fields.s < 0 ? -value : value;
}

/**
 * `x − y` as the library's `Decimal#minus` gives it, for `x > y ≥ 0`, by subtracting digit
 * words with borrows.
 *
 * @internal
 * @param x - a finite Decimal of the library's clone
 * @param y - a finite Decimal, 0 ≤ y < x
 * @returns the difference, or `undefined` otherwise (the caller uses decimal.js)
 * @example
 * ```ts
 * differenceDecimal(new Decimal("1.15"), new Decimal("1"))?.toString(); // "0.15"
 * ```
 */
export function differenceDecimal(x: Decimal, y: Decimal): Decimal | undefined {
  const fx = x as unknown as DecimalFields;
  const fy = y as unknown as DecimalFields;
  const xd = fx.d as number[] | null;
  const yd = fy.d as number[] | null;
  if (!(x instanceof Decimal) || !(y instanceof Decimal) || xd === null || yd === null) return undefined;
  if ((yd[0] as number) === 0) return fx.s > 0 && (xd[0] as number) !== 0 ? x : undefined;
  if (fx.s < 0 || fy.s < 0 || compareDecimal(x, y) <= 0) return undefined;
  const nx = xd.length;
  const ny = yd.length;
  const firstX = fx.e - wordDigits(xd[0] as number) + 1;
  const firstY = fy.e - wordDigits(yd[0] as number) + 1;
  const lastX = firstX - 7 * (nx - 1);
  const lastY = firstY - 7 * (ny - 1);
  const last = lastX < lastY ? lastX : lastY;
  // x > y, so x's first word sits at least as high as y's.
  const length = (firstX - last) / 7 + 1;
  if (length > 16) return undefined;
  const words = new Array<number>(length).fill(0);
  const offsetY = (firstX - firstY) / 7;
  for (let i = 0; i < nx; i++) words[i] = xd[i] as number;
  for (let i = 0; i < ny; i++) words[offsetY + i] = (words[offsetY + i] as number) - (yd[i] as number);
  for (let k = length - 1; k > 0; k--) {
    if ((words[k] as number) < 0) {
      words[k] = (words[k] as number) + BASE;
      words[k - 1] = (words[k - 1] as number) - 1;
    }
  }
  let lead = 0;
  while (lead < length - 1 && (words[lead] as number) === 0) lead++;
  const trimmed = lead === 0 ? words : words.slice(lead);
  return finish(1, trimmed, last, 0);
}

/**
 * `values[order[0]] + values[order[1]] + …` as chained `Decimal#plus` gives it — each partial
 * sum rounded to 40 significant digits, half-even — for finite values of one sign, adding digit
 * words into one accumulator and rounding it in place after each term (one Decimal at the end
 * instead of one per partial sum).
 *
 * @internal
 * @param values - finite Decimals of the library's clone
 * @param order - the indexes of `values` in the order to add them (each once)
 * @returns the sum, or `undefined` for mixed signs or values far apart (the caller uses decimal.js)
 * @example
 * ```ts
 * sumInOrder([new Decimal("57.5"), new Decimal("28.2"), new Decimal("25")], [0, 1, 2])?.toString(); // "110.7"
 * ```
 */
export function sumInOrder(values: readonly Decimal[], order: readonly number[]): Decimal | undefined {
  let words: number[] | undefined;
  let sign = 0;
  let firstPower = 0; // of the accumulator's first word's last digit
  let lastPower = 0; // of its last word's last digit
  for (let t = 0; t < order.length; t++) {
    const y = values[order[t] as number];
    if (!(y instanceof Decimal)) return undefined;
    const fy = y as unknown as DecimalFields;
    const yd = fy.d as number[] | null;
    if (yd === null) return undefined;
    if ((yd[0] as number) === 0) continue;
    const ny = yd.length;
    const firstY = fy.e - wordDigits(yd[0] as number) + 1;
    const lastY = firstY - 7 * (ny - 1);
    if (words === undefined) {
      words = yd.slice();
      sign = fy.s;
      firstPower = firstY;
      lastPower = lastY;
      continue;
    }
    if (fy.s !== sign) return undefined;
    // Widen the accumulator to cover y's words.
    if (firstY > firstPower) {
      if ((firstY - firstPower) / 7 > 16) return undefined;
      for (let p = firstPower; p < firstY; p += 7) words.unshift(0);
      firstPower = firstY;
    }
    if (lastY < lastPower) {
      if ((lastPower - lastY) / 7 > 16) return undefined;
      for (let p = lastPower; p > lastY; p -= 7) words.push(0);
      lastPower = lastY;
    }
    const offset = (firstPower - firstY) / 7;
    for (let i = 0; i < ny; i++) words[offset + i] = (words[offset + i] as number) + (yd[i] as number);
    carryWords(words);
    // A leading zero word can only come from widening (the sum of positives does not shrink).
    lastPower = roundWords(words, lastPower, 0);
    firstPower = lastPower + 7 * (words.length - 1);
  }
  if (words === undefined) return new Decimal(0);
  return decimalWith(sign, lastPower + 7 * (words.length - 1) + wordDigits(words[0] as number) - 1, words);
}
