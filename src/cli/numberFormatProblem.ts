const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const CURRENCY = /[¥￥$€£₩₹]|^(?:CNY|RMB|USD|EUR|GBP|JPY|HKD)\s*|\s*(?:元|CNY|RMB|USD|EUR)$/i;
const THOUSANDS = /\d[,'’\u00a0\u202f ]\d{3}(?:\D|$)/;

/**
 * Says why a cell is not a plain number, without guessing what was meant: `"1,200.50"` has
 * thousands separators, `"¥800"` a currency sign, `"85%"` a percent sign. Plain decimal text
 * (`"1200.50"`, `"-3"`, `"1e6"`) and an empty cell are fine.
 *
 * @param text - the cell as read
 * @returns the problem in words, or `null` when the cell is a plain number or empty
 *
 * @example
 * ```ts
 * numberFormatProblem("1,200,000"); // "\"1,200,000\" is not a plain number: it has thousands separators; …"
 * numberFormatProblem("1200000"); // null
 * ```
 */
export function numberFormatProblem(text: string): string | null {
  if (text === "" || PLAIN_DECIMAL.test(text)) return null;
  const reasons: string[] = [];
  if (CURRENCY.test(text)) reasons.push("a currency sign");
  if (THOUSANDS.test(text)) reasons.push("thousands separators");
  if (text.includes("%")) reasons.push("a percent sign (write 0.85 for 85 %)");
  if (/^\(.*\)$/.test(text)) reasons.push("accounting brackets for a negative number (write -120)");
  if (/\d,\d{1,2}$/.test(text) && !THOUSANDS.test(text)) reasons.push('a decimal comma (write "." as the decimal point)');
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (reasons.length === 0) return `${shown} is not a number`;
  return `${shown} is not a plain number: it has ${reasons.join(" and ")}; write digits with an optional "." decimal point, such as 1200000.50`;
}
