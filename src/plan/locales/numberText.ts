/** The languages the human-readable output is written in. */
export type ExplainLocale = "zh-CN" | "en";

const PLAIN = /^-?\d+(?:\.\d+)?$/;
const formats = new Map<string, Intl.NumberFormat>();

function formatOf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** The most fraction digits `Intl.NumberFormat` takes on every Node ≥ 20. */
const MAX_DIGITS = 20;

/**
 * Formats a decimal string exactly: `Intl.NumberFormat#format` takes the string as a decimal (no
 * float on the way; the types still say number). Past 20 fraction digits, which `Intl` refuses,
 * the number is formatted cut to 20 and its fraction replaced by the full one.
 */
function exact(locale: string, options: Intl.NumberFormatOptions, text: string, shift = 0): string {
  const point = text.indexOf(".");
  const fraction = point === -1 ? "" : text.slice(point + 1);
  const shown = Math.max(0, fraction.length - shift);
  if (shown <= MAX_DIGITS) {
    const digits = Math.max(shown, options.minimumFractionDigits ?? 0);
    return formatOf(locale, { ...options, minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, options.maximumFractionDigits ?? 0) }).format(text as unknown as number);
  }
  const cut = text.slice(0, text.length - (shown - MAX_DIGITS));
  const full = fraction.slice(shift);
  return formatOf(locale, { ...options, minimumFractionDigits: MAX_DIGITS, maximumFractionDigits: MAX_DIGITS })
    .formatToParts(cut as unknown as number)
    .map((part) => (part.type === "fraction" ? full : part.value))
    .join("");
}

/**
 * Writes an amount of money for people to read: the locale's digit grouping and the currency's
 * symbol (`Intl.NumberFormat`, style `currency`), with every decimal the amount has and at least
 * the currency's minor units. The digits are never rounded: the decimal string goes to `Intl`
 * as it is. Anything that is not a plain decimal number is returned unchanged.
 *
 * @param amount - a plain decimal string, e.g. `"82596.14"`
 * @param locale - `"zh-CN"` or `"en"`
 * @param currency - an ISO 4217 code; without one the amount is grouped but has no symbol
 * @returns the amount as text
 *
 * @example
 * ```ts
 * formatMoney("82596.14", "zh-CN", "CNY"); // "¥82,596.14"
 * formatMoney("82596.14", "en", "CNY"); // "CN¥82,596.14"
 * formatMoney("-12.5", "en", "USD"); // "-$12.50"
 * formatMoney("1200", "en"); // "1,200"
 * ```
 */
export function formatMoney(amount: string, locale: ExplainLocale, currency?: string | undefined): string {
  if (typeof amount !== "string" || !PLAIN.test(amount)) return String(amount);
  if (currency === undefined || currency === "") return exact(locale, {}, amount);
  let minor: number;
  try {
    minor = formatOf(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return exact(locale, {}, amount);
  }
  return exact(locale, { style: "currency", currency, minimumFractionDigits: Math.min(minor, MAX_DIGITS) }, amount);
}

/**
 * Writes a number for people to read: the locale's digit grouping, every decimal kept
 * (`1320000` → `1,320,000`, `1170731.71` → `1,170,731.71`). Anything that is not a plain decimal
 * number is returned unchanged.
 *
 * @param value - a plain decimal string
 * @param locale - `"zh-CN"` or `"en"`
 * @returns the number as text
 *
 * @example
 * ```ts
 * formatNumber("1170731.71", "zh-CN"); // "1,170,731.71"
 * formatNumber("missing", "en"); // "missing"
 * ```
 */
export function formatNumber(value: string, locale: ExplainLocale): string {
  if (typeof value !== "string" || !PLAIN.test(value)) return String(value);
  return exact(locale, {}, value);
}

/**
 * Writes a ratio as a percentage, exactly (`0.94` → `94%`, `1.07809375` → `107.809375%`): the
 * ratio times 100 with no digit dropped. Anything that is not a plain decimal number is
 * returned unchanged.
 *
 * @param ratio - a plain decimal string (1 = 100 %)
 * @param locale - `"zh-CN"` or `"en"`
 * @returns the percentage as text
 *
 * @example
 * ```ts
 * formatPercent("0.94", "zh-CN"); // "94%"
 * formatPercent("1.1275", "en"); // "112.75%"
 * ```
 */
export function formatPercent(ratio: string, locale: ExplainLocale): string {
  if (typeof ratio !== "string" || !PLAIN.test(ratio)) return String(ratio);
  const trimmed = ratio.includes(".") ? ratio.replace(/0+$/, "").replace(/\.$/, "") : ratio;
  return exact(locale, { style: "percent" }, trimmed, 2);
}
