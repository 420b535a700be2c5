import { renderCliMessage } from "./locales/renderCliMessage.js";
import { numberFormatMessage } from "./numberFormatMessage.js";

/**
 * Says in English (see `numberFormatMessage` for the keyed form) why a cell is not a plain number, without guessing what was meant: `"1,200.50"` has
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
  const message = numberFormatMessage(text);
  return message === null ? null : renderCliMessage(message, "en");
}
