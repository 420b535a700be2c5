import { cliMessage, type CliMessage } from "./locales/cliMessages.js";

const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const CURRENCY = /[¥￥$€£₩₹]|^(?:CNY|RMB|USD|EUR|GBP|JPY|HKD)\s*|\s*(?:元|CNY|RMB|USD|EUR)$/i;
const THOUSANDS = /\d[,'’\u00a0\u202f ]\d{3}(?:\D|$)/;

/**
 * Why a cell is not a plain number, as a keyed message (rendered in the user's locale when it
 * is printed); `numberFormatProblem` is its English. Plain decimal text and an empty cell are fine.
 *
 * @param text - the cell as read
 * @returns the problem, or `null` when the cell is a plain number or empty
 *
 * @example
 * ```ts
 * numberFormatMessage("85%"); // { key: "notPlainNumber", params: { value: "\"85%\"", reasons: [{ key: "reasonPercent", … }] } }
 * numberFormatMessage("1200"); // null
 * ```
 */
export function numberFormatMessage(text: string): CliMessage | null {
  if (text === "" || PLAIN_DECIMAL.test(text)) return null;
  const reasons: CliMessage[] = [];
  if (CURRENCY.test(text)) reasons.push(cliMessage("reasonCurrency", {}));
  if (THOUSANDS.test(text)) reasons.push(cliMessage("reasonThousands", {}));
  if (text.includes("%")) reasons.push(cliMessage("reasonPercent", {}));
  if (/^\(.*\)$/.test(text)) reasons.push(cliMessage("reasonBrackets", {}));
  if (/\d,\d{1,2}$/.test(text) && !THOUSANDS.test(text)) reasons.push(cliMessage("reasonDecimalComma", {}));
  const value = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return reasons.length === 0 ? cliMessage("notANumber", { value }) : cliMessage("notPlainNumber", { value, reasons });
}
