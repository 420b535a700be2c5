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
const INVERSE_BASE = 1e-7;
/** The library clone's precision (significant digits) and rounding (half-even). */
const PRECISION = 40;
/** The largest divisor or multiplier: a remainder below it times 1e7 stays a safe integer. */
export const MAX_WORD_FACTOR = Math.floor(Number.MAX_SAFE_INTEGER / BASE);
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** 10^0 … 10^7, a list of small integers (the powers past 2^31 above make POW10 a list of doubles). */
const WORD_POW10: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];
const MAX_DIVISION_WORDS = 12;
/** The zero every function here returns (Decimals are immutable, so one instance serves all). */
const ZERO = new Decimal(0);
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

/**
 * Whether `x` is a Decimal of the library's clone, by the own `constructor` property that
 * decimal.js (and {@link DecimalFromFields}) sets on every instance: a field load, where
 * `instanceof` walks the prototype chain (≈ 13 ns, as much as the rest of a short product). An
 * object that inherits from the clone's prototype without that property, or a Decimal of another
 * clone (with other precision and rounding), is declined and its caller takes the decimal.js path.
 */
function isOwn(x: unknown): x is Decimal {
  return typeof x === "object" && x !== null && (x as { constructor: unknown }).constructor === Decimal;
}

/** A Decimal of the library's clone with the given fields. */
function decimalWith(sign: number, exponent: number, words: number[]): Decimal {
  return new DecimalFromFields(sign, exponent, words);
}

// Every result is laid out, rounded and trimmed in a scratch word list and then copied out once
// at its final length (`slice`): no array that grows word by word, shrinks by `pop` or grows in
// front by `unshift`, and every word list a packed list of small integers, as decimal.js's own
// are. Words are written as `| 0` (they are below 2^31) so the scratch lists never turn into
// lists of doubles. Single-threaded and never held across calls.
const SCRATCH_WORDS = 64;
/** Scratch words of the quotient, product, sum and difference. */
const WORDS: number[] = Array.from({ length: SCRATCH_WORDS }, () => 0);
/** Scratch words of {@link sumInOrder}'s accumulator (kept apart from {@link WORDS}). */
const SUM_WORDS: number[] = Array.from({ length: SCRATCH_WORDS }, () => 0);
/** Where a rounded run of words starts and ends (set by {@link roundRun}). */
let runStart = 0;
let runEnd = 0;

/**
 * A copy of `w[start … end)`. Array literals up to the 6 words of 40 digits: the optimizing
 * compiler allocates them inline, where `slice` is a call into the runtime that costs more than
 * the rest of a product.
 */
function copyRun(w: number[], start: number, end: number): number[] {
  switch (end - start) {
    case 1:
      return [w[start] as number];
    case 2:
      return [w[start] as number, w[start + 1] as number];
    case 3:
      return [w[start] as number, w[start + 1] as number, w[start + 2] as number];
    case 4:
      return [w[start] as number, w[start + 1] as number, w[start + 2] as number, w[start + 3] as number];
    case 5:
      return [w[start] as number, w[start + 1] as number, w[start + 2] as number, w[start + 3] as number, w[start + 4] as number];
    case 6:
      return [w[start] as number, w[start + 1] as number, w[start + 2] as number, w[start + 3] as number, w[start + 4] as number, w[start + 5] as number];
    default:
      return w.slice(start, end);
  }
}

/**
 * The copy of {@link copyRun} for a value made to be kept (a score, an amount): `slice`, which
 * allocates without an allocation site. V8 decides for each array literal whether to allocate its
 * arrays straight into the old generation, by how many of them outlive a young collection. When
 * copyRun's literals made both the kept results and the many short-lived intermediates
 * (attainments, points, contributions), they were now and then switched over, and then every
 * intermediate landed in the old generation and had to be collected there: a scoring run up to
 * 40 % slower in one process of three. With kept values copied apart, the literals make only
 * intermediates and stay in the young generation.
 */
function copyKept(w: number[], start: number, end: number): number[] {
  return w.slice(start, end);
}

/**
 * Rounds the words `w[start … end)` in place (first word nonzero, `start ≥ 1` so a carry out of
 * the first word has room in front; the last word's last digit at power `lastPower`) to the
 * clone's 40 significant digits, half-even, and drops trailing zero words. `tail` describes what
 * lies beyond the last word, in units of its last digit: 0 nothing, 1 less than a half, 2 exactly
 * a half, 3 more than a half. The run's new bounds are left in `runStart` and `runEnd`.
 *
 * @returns the power of the last word's last digit afterwards
 */
function roundRun(w: number[], start: number, end: number, lastPower: number, tail: number): number {
  // Words, digits and powers below 1e7 are small integers here: `| 0`, `&` and the small-integer
  // table keep every `/` and `%` an integer operation (on doubles `%` is a slow runtime call).
  const drop = wordDigits(w[start] as number) + 7 * (end - 1 - start) - PRECISION;
  if (drop > 0 || tail !== 0) {
    let up: boolean;
    if (drop <= 0) {
      // Exactly 40 digits or fewer kept: the tail decides.
      up = tail === 3 || (tail === 2 && ((w[end - 1] as number) & 1) === 1);
    } else {
      const whole = (drop / 7) | 0;
      const part = drop - 7 * whole;
      const at = end - 1 - whole; // the word holding the last kept digit
      let rest = tail !== 0;
      let first: number;
      let half: number;
      let unit: number;
      let kept = w[at] as number;
      if (part > 0) {
        unit = WORD_POW10[part] as number;
        first = kept % unit | 0;
        half = unit >> 1;
        kept -= first;
        for (let k = at + 1; k < end && !rest; k++) rest = w[k] !== 0;
      } else {
        unit = 1;
        first = w[at + 1] as number;
        half = HALF_BASE;
        for (let k = at + 2; k < end && !rest; k++) rest = w[k] !== 0;
      }
      up = first > half || (first === half && (rest || (((kept / unit) | 0) & 1) === 1));
      end = at + 1;
      lastPower += 7 * whole;
      w[at] = (up ? kept + unit : kept) | 0;
      up = false;
    }
    if (up) w[end - 1] = ((w[end - 1] as number) + 1) | 0;
    // Carry out of full words.
    for (let k = end - 1; k > start && (w[k] as number) >= BASE; k--) {
      w[k] = ((w[k] as number) - BASE) | 0;
      w[k - 1] = ((w[k - 1] as number) + 1) | 0;
    }
    if ((w[start] as number) >= BASE) {
      w[start] = ((w[start] as number) - BASE) | 0;
      start--;
      w[start] = 1;
    }
  }
  while (end - start > 1 && w[end - 1] === 0) {
    end--;
    lastPower += 7;
  }
  runStart = start;
  runEnd = end;
  return lastPower;
}

/** Rounds `w[start … end)` as {@link roundRun} does and builds the Decimal from a copy of the words (`kept`: see {@link copyKept}). */
function finishRun(sign: number, w: number[], start: number, end: number, lastPower: number, tail: number, kept: boolean): Decimal {
  const last = roundRun(w, start, end, lastPower, tail);
  // Stryker disable next-line ConditionalExpression: both copies give the same words
  const words = kept ? copyKept(w, runStart, runEnd) : copyRun(w, runStart, runEnd);
  return decimalWith(sign, last + 7 * (runEnd - runStart - 1) + wordDigits(words[0] as number) - 1, words);
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
 * @param kept - true for a value made to be kept, not an intermediate (see {@link copyKept}; the same Decimal either way)
 * @returns the Decimal, or `undefined` outside that domain (the caller uses decimal.js)
 * @example
 * ```ts
 * quotientDecimal(115, 100, 0)?.toString(); // "1.15"
 * quotientDecimal(1, 3, 2)?.toString(); // "33.33333333333333333333333333333333333333"
 * ```
 */
export function quotientDecimal(numerator: number, divisor: number, shift: number, kept = false): Decimal | undefined {
  // Whole-number division below 2^53 by Math.floor(n / d): the double quotient is never below
  // the true floor (rounding is monotone and the floor is itself a double), and is above it only
  // when rounded up to the next whole number, which the negative remainder shows. (No `%`: on
  // numbers past 2^31 it is a slow runtime call.)
  if (!Number.isSafeInteger(numerator) || !Number.isInteger(divisor) || divisor < 1 || divisor > MAX_WORD_FACTOR) return undefined;
  if (!Number.isInteger(shift) || shift > MAX_SHIFT || shift < -MAX_SHIFT) return undefined;
  if (numerator === 0) return ZERO;
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
  const w = WORDS;
  const start = 1; // room in front for a rounding carry
  let end = start;
  let lastPower: number; // of the quotient, for the last word written
  if (offset === 0) {
    end = writeWords(w, start, whole);
    lastPower = 0;
  } else {
    // The word holding the units digit ends `7 − offset` places after the point: it joins the
    // last `offset` digits of the whole part with the first `7 − offset` digits of the fraction.
    const fractionDigits = 7 - offset;
    const unit = POW10[offset] as number;
    let high = Math.floor(whole / unit);
    let low = whole - high * unit;
    if (low < 0) {
      high--;
      low += unit;
    }
    end = writeWords(w, start, high);
    const scaled = remainder * (POW10[fractionDigits] as number);
    let fraction = Math.floor(scaled / divisor);
    remainder = scaled - fraction * divisor;
    if (remainder < 0) {
      fraction--;
      remainder += divisor;
    }
    const word = low * (POW10[fractionDigits] as number) + fraction;
    if (end > start || word !== 0) w[end++] = word | 0;
    lastPower = -fractionDigits;
  }
  let significant = end === start ? 0 : wordDigits(w[start] as number) + 7 * (end - start - 1);
  // Each word is floor(remainder · 1e7 / divisor) < 1e7, taken by multiplying with the
  // reciprocal: the product is within 1e-8 of the true quotient, so its floor is the word or one
  // off, which the remainder's range shows and corrects (a chain of divisions is slow).
  const inverse = 1 / divisor;
  // At most 3 leading zero words (a quotient ≥ 1 / MAX_WORD_FACTOR) and 6 more words reach 40
  // digits: the bound only keeps a broken loop from running away.
  for (let step = 0; step < MAX_DIVISION_WORDS && remainder !== 0 && significant < PRECISION; step++) {
    const scaled = remainder * BASE;
    let word = Math.floor(scaled * inverse);
    remainder = scaled - word * divisor;
    if (remainder < 0) {
      word--;
      remainder += divisor;
    } else if (remainder >= divisor) {
      word++;
      remainder -= divisor;
    }
    lastPower -= 7;
    if (end === start) {
      if (word === 0) continue;
      significant = wordDigits(word);
    } else {
      significant += 7;
    }
    w[end++] = word | 0;
  }
  if (end === start) return undefined; // (cannot happen for a nonzero numerator: the bound above)
  const twice = 2 * remainder;
  const tail = remainder === 0 ? 0 : twice < divisor ? 1 : twice === divisor ? 2 : 3;
  return finishRun(sign, w, start, end, lastPower + shift, tail, kept);
}

/**
 * Writes the base-1e7 words of a safe integer into `w` from index `at`, most significant first
 * (nothing for 0).
 *
 * @returns the index after the last word written
 */
function writeWords(w: number[], at: number, value: number): number {
  if (value === 0) return at;
  if (value < BASE) {
    w[at] = value | 0;
    return at + 1;
  }
  let rest = Math.floor(value / BASE);
  let low = value - rest * BASE;
  if (low < 0) {
    rest--;
    low += BASE;
  }
  const next = writeWords(w, at, rest);
  w[next] = low | 0;
  return next + 1;
}

/**
 * Carries word sums of at most two words each (< 2 · 1e7) in `w[start … end)` upward, writing
 * a leading word 1 in front when the first overflows.
 *
 * @returns the run's first index afterwards
 */
function carryRun(w: number[], start: number, end: number): number {
  for (let k = end - 1; k > start; k--) {
    if ((w[k] as number) >= BASE) {
      w[k] = ((w[k] as number) - BASE) | 0;
      w[k - 1] = ((w[k - 1] as number) + 1) | 0;
    }
  }
  if ((w[start] as number) >= BASE) {
    w[start] = ((w[start] as number) - BASE) | 0;
    start--;
    w[start] = 1;
  }
  return start;
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
  // Made to be kept (amounts): see copyKept.
  return quotientDecimal(mantissa, 1, exponent, true);
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
  if (!isOwn(x) || xd === null || !Number.isInteger(multiplier) || multiplier < 0) return undefined;
  if (!Number.isInteger(exponent) || exponent > MAX_SHIFT || exponent < -MAX_SHIFT) return undefined;
  if (multiplier === 0 || (xd[0] as number) === 0) return ZERO;
  // Multiply by multiplier · 10^k so the remaining power of ten is a whole number of words.
  const k = ((exponent % 7) + 7) % 7;
  const factor = multiplier * (POW10[k] as number);
  if (factor > MAX_WORD_FACTOR) return undefined;
  const n = xd.length;
  // x's words go to w[3 …]: room in front for two carry words and a rounding carry.
  if (n > SCRATCH_WORDS - 3) return undefined;
  const w = WORDS;
  let carry = 0;
  for (let i = n - 1; i >= 0; i--) {
    // v < 2^53; v · 1e-7 is within 1e-6 of v / 1e7, so its floor is the carry or one off, which
    // the word's range shows (a multiplication: the divisions of a chained carry are slow).
    const v = (xd[i] as number) * factor + carry;
    carry = Math.floor(v * INVERSE_BASE);
    let word = v - carry * BASE;
    if (word < 0) {
      carry--;
      word += BASE;
    } else if (word >= BASE) {
      carry++;
      word -= BASE;
    }
    w[3 + i] = word | 0;
  }
  // The carry out of the first word may itself span two words (it is below the factor).
  const top = carry >= BASE ? Math.floor(carry / BASE) : 0;
  const next = carry - top * BASE;
  let start = 3;
  if (top > 0) {
    w[1] = top | 0;
    w[2] = next | 0;
    start = 1;
  } else if (next > 0) {
    w[2] = next | 0;
    start = 2;
  }
  const lastPower = fields.e - wordDigits(xd[0] as number) + 1 - 7 * (n - 1) + exponent - k;
  return finishRun(fields.s, w, start, 3 + n, lastPower, 0, false);
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
  if (!isOwn(x) || !isOwn(y) || xd === null || yd === null) return undefined;
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
  const w = WORDS;
  const end = 1 + length; // w[0] is room for a carry
  w.fill(0, 1, end);
  const offsetX = 1 + (first - firstX) / 7;
  const offsetY = 1 + (first - firstY) / 7;
  for (let i = 0; i < nx; i++) w[offsetX + i] = (xd[i] as number) | 0;
  for (let i = 0; i < ny; i++) w[offsetY + i] = ((w[offsetY + i] as number) + (yd[i] as number)) | 0;
  return finishRun(fx.s, w, carryRun(w, 1, end), end, last, 0, false);
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
  // The words before the last, two at a time (14 digits, a safe integer): one BigInt step per
  // 14 digits, about 2.5 times faster than writing the digits out and parsing them.
  let value = 0n;
  let i = 0;
  if ((n - 1) % 2 === 1) value = BigInt(xd[i++] as number);
  for (; i < n - 1; i += 2) value = value * FOURTEEN_DIGITS + BigInt((xd[i] as number) * BASE + (xd[i + 1] as number));
  // Then the last word: shifted up by the zeros to append, or cut by the zeros to leave off.
  const last = xd[n - 1] as number;
  if (zeros >= 0) value = value * bigPower(7 + zeros) + BigInt(last) * bigPower(zeros);
  else value = value * bigPower(7 + zeros) + BigInt(last / (POW10[-zeros] as number));
  return fields.s < 0 ? -value : value;
}

const FOURTEEN_DIGITS = 10n ** 14n;
const BIG_POW10: readonly bigint[] = Array.from({ length: 64 }, (_, k) => 10n ** BigInt(k));

/** 10^k as a BigInt (from a table for the usual k). */
function bigPower(k: number): bigint {
  return k < BIG_POW10.length ? (BIG_POW10[k] as bigint) : 10n ** BigInt(k);
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
  if (!isOwn(x) || !isOwn(y) || xd === null || yd === null) return undefined;
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
  const w = WORDS;
  const end = 1 + length; // from w[1], as everywhere here
  w.fill(0, 1, end);
  const offsetY = 1 + (firstX - firstY) / 7;
  for (let i = 0; i < nx; i++) w[1 + i] = (xd[i] as number) | 0;
  for (let i = 0; i < ny; i++) w[offsetY + i] = ((w[offsetY + i] as number) - (yd[i] as number)) | 0;
  for (let k = end - 1; k > 1; k--) {
    if ((w[k] as number) < 0) {
      w[k] = ((w[k] as number) + BASE) | 0;
      w[k - 1] = ((w[k - 1] as number) - 1) | 0;
    }
  }
  let start = 1;
  while (start < end - 1 && (w[start] as number) === 0) start++;
  return finishRun(1, w, start, end, last, 0, false);
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
  const w = SUM_WORDS;
  // The accumulator is w[start … end); the first term is laid out in the middle, so the sum can
  // widen either way (a sum that would leave the scratch list goes to decimal.js instead).
  let start = 0;
  let end = 0;
  let sign = 0;
  let firstPower = 0; // of the accumulator's first word's last digit
  let lastPower = 0; // of its last word's last digit
  for (let t = 0; t < order.length; t++) {
    const y = values[order[t] as number];
    if (!isOwn(y)) return undefined;
    const fy = y as unknown as DecimalFields;
    const yd = fy.d as number[] | null;
    if (yd === null) return undefined;
    if ((yd[0] as number) === 0) continue;
    const ny = yd.length;
    const firstY = fy.e - wordDigits(yd[0] as number) + 1;
    const lastY = firstY - 7 * (ny - 1);
    if (end === 0) {
      start = SCRATCH_WORDS >> 1;
      end = start + ny;
      if (end > SCRATCH_WORDS) return undefined;
      for (let i = 0; i < ny; i++) w[start + i] = (yd[i] as number) | 0;
      sign = fy.s;
      // 0 + y rounds y as well (a no-op for the ≤ 40 digits of every product and sum of the clone).
      lastPower = roundRun(w, start, end, lastY, 0);
      start = runStart;
      end = runEnd;
      firstPower = lastPower + 7 * (end - start - 1);
      continue;
    }
    if (fy.s !== sign) return undefined;
    // Widen the accumulator to cover y's words (keeping w[0] free for a carry).
    if (firstY > firstPower) {
      const more = (firstY - firstPower) / 7;
      if (more >= start) return undefined;
      w.fill(0, start - more, start);
      start -= more;
      firstPower = firstY;
    }
    if (lastY < lastPower) {
      const more = (lastPower - lastY) / 7;
      if (end + more > SCRATCH_WORDS) return undefined;
      w.fill(0, end, end + more);
      end += more;
      lastPower = lastY;
    }
    const offset = start + (firstPower - firstY) / 7;
    for (let i = 0; i < ny; i++) w[offset + i] = ((w[offset + i] as number) + (yd[i] as number)) | 0;
    // A leading zero word can only come from widening (the sum of positives does not shrink).
    lastPower = roundRun(w, carryRun(w, start, end), end, lastPower, 0);
    start = runStart;
    end = runEnd;
    firstPower = lastPower + 7 * (end - start - 1);
  }
  if (end === 0) return ZERO;
  // The sum is the value kept (a score): its words from the kept values' copy (see copyKept).
  return decimalWith(sign, lastPower + 7 * (end - start - 1) + wordDigits(w[start] as number) - 1, copyKept(w, start, end));
}
