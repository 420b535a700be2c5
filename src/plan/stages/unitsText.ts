// Texts of exact integer units, and caches of them: how the engine writes its columns' values
// as `Decimal#toString` / `toFixed` would, without making a Decimal per value.

/** How many distinct lines a KPI's table of shared lines holds before it is no longer used. */
export const LINE_TABLE_LIMIT = 4096;
const CACHE_SIZE = 1 << 21;
const PAGE_BITS = 12;

/**
 * `make(units)` remembered for units 0 … 2^21 − 1, in pages of 4096 array slots indexed by the
 * units (a `Map` keyed by heap numbers costs more than the value it saves; one sparse array
 * would fall into dictionary mode); other units are made each time.
 *
 * A class, not a closure: the run holds several caches (attainments, points, contributions,
 * scores, amounts, pay lists) read at the same call sites for every person, and V8 keeps one
 * class's `value` monomorphic where the copies of one closure shared their feedback and were
 * not inlined — materialising a million statements in a fresh process took about twice as
 * long (≈ 4.0 s → ≈ 2.2 s here).
 */
export class UnitsCache<T> {
  private readonly pages: ((T | undefined)[] | undefined)[] = new Array<(T | undefined)[] | undefined>(CACHE_SIZE >>> PAGE_BITS).fill(undefined);

  constructor(private readonly make: (units: number) => T) {}

  /**
   * The value of `units`, made once while the units are cached.
   *
   * @param units - an integer count of steps
   * @returns `make(units)`, the same value (object) each time for units 0 … 2^21 − 1
   */
  value(units: number): T {
    if (units >= 0 && units < CACHE_SIZE && Number.isInteger(units)) {
      const page = units >>> PAGE_BITS;
      let cache = this.pages[page];
      if (cache === undefined) {
        cache = new Array<T | undefined>(1 << PAGE_BITS).fill(undefined);
        this.pages[page] = cache;
      }
      const slot = units & ((1 << PAGE_BITS) - 1);
      let value = cache[slot];
      if (value === undefined) {
        value = this.make(units);
        cache[slot] = value;
      }
      return value;
    }
    return this.make(units);
  }
}

/**
 * A {@link UnitsCache} of `write(units, scale)` (default `unitsText`).
 *
 * @internal
 * @param scale - decimal places
 * @param write - how a count of units is written
 * @returns the cache
 *
 * @example
 * ```ts
 * cachedText(2).value(12050); // "120.5", the same string each time
 * cachedText(2, unitsFixed).value(5); // "0.05"
 * ```
 */
export function cachedText(scale: number, write: (units: number, scale: number) => string = unitsText): UnitsCache<string> {
  return new UnitsCache((units) => write(units, scale));
}

/**
 * Whether a decimal string is written as `Decimal#toString` writes its value: an optional "-",
 * no leading zeros, a fraction without trailing zeros, not "-0", at most 15 digits.
 *
 * @internal
 * @param text - any string
 * @returns whether `text` is the canonical text of its value
 *
 * @example
 * ```ts
 * isCanonical("1234.5"); // true
 * isCanonical("1234.50"); // false ("1234.5")
 * isCanonical("+7"); // false ("7")
 * ```
 */
export function isCanonical(text: string): boolean {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const first = i;
  let digits = 0;
  let dot = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && dot < 0) dot = i;
    else return false;
  }
  if (digits === 0 || digits > 15 || dot === first || dot === length - 1) return false;
  const integerDigits = (dot < 0 ? length : dot) - first;
  if (integerDigits > 1 && text.charCodeAt(first) === 48) return false;
  if (dot >= 0 && text.charCodeAt(length - 1) === 48) return false;
  // "-0" and "-0.0…" never reach here with a nonzero digit check: refuse a negative zero.
  if (first === 1 && dot < 0 && integerDigits === 1 && text.charCodeAt(1) === 48) return false;
  return true;
}

/**
 * {@link isCanonical} for a string that `scaledInteger` reads (at any scale): such a string is an
 * optional sign, 1–15 digits and at most one point, so only its first two characters and its
 * last can make it other than canonical — a "+", a point first or last, a leading zero before
 * another digit, a trailing zero after the point, or "-0".
 *
 * @internal
 * @param text - a string `scaledInteger(text, scale)` reads as a number for some scale
 * @returns `isCanonical(text)`
 *
 * @example
 * ```ts
 * isCanonicalParsed("0.25"); // true
 * isCanonicalParsed("05"); // false ("5")
 * isCanonicalParsed("-0"); // false ("0")
 * ```
 */
export function isCanonicalParsed(text: string): boolean {
  const length = text.length;
  const sign = text.charCodeAt(0);
  if (sign === 43 /* + */) return false;
  const first = sign === 45 /* - */ ? 1 : 0;
  const lead = text.charCodeAt(first);
  const last = text.charCodeAt(length - 1);
  if (lead === 46 /* . */ || last === 46) return false;
  if (lead === 48 /* 0 */) {
    if (length === first + 1) return first === 0; // "0", never "-0"
    if (text.charCodeAt(first + 1) !== 46) return false; // "05"
  }
  return !(last === 48 && text.includes("."));
}


/**
 * `units · 10^-scale` as `Decimal#toString` writes it (no trailing zeros, no exponent).
 *
 * @internal
 * @param units - a safe integer count of `10^-scale` steps
 * @param scale - decimal places, ≥ 0
 * @returns the value's text
 *
 * @example
 * ```ts
 * unitsText(12050, 2); // "120.5"
 * unitsText(-5, 3); // "-0.005"
 * ```
 */
export function unitsText(units: number, scale: number): string {
  if (units === 0) return "0";
  const negative = units < 0;
  let digits = String(negative ? -units : units);
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    const whole = digits.slice(0, digits.length - scale);
    let fraction = digits.slice(digits.length - scale);
    let cut = fraction.length;
    while (cut > 0 && fraction.charCodeAt(cut - 1) === 48) cut--;
    fraction = fraction.slice(0, cut);
    digits = fraction === "" ? whole : `${whole}.${fraction}`;
  }
  return negative ? `-${digits}` : digits;
}

/**
 * `units · 10^-scale` as `Decimal#toFixed(scale)` writes it.
 *
 * @internal
 * @param units - a safe integer count of `10^-scale` steps
 * @param scale - decimal places, ≥ 0
 * @returns the value's text with exactly `scale` decimals
 *
 * @example
 * ```ts
 * unitsFixed(12050, 2); // "120.50"
 * unitsFixed(-5, 3); // "-0.005"
 * ```
 */
export function unitsFixed(units: number, scale: number): string {
  const negative = units < 0;
  let digits = String(negative ? -units : units);
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative && units !== 0 ? `-${digits}` : digits;
}
