import type { PayscoreErrorCode } from "../../errors/index.js";
import type { CliLocale } from "./cliMessages.js";

/** What each library error code is, in Chinese. */
const ZH_CODES: Readonly<Record<PayscoreErrorCode, string>> = {
  INVALID_NUMBER: "数字错误",
  INVALID_ARGUMENT: "参数错误",
  INVALID_WEIGHTS: "权重错误",
  ZERO_DENOMINATOR: "除数为零",
  EMPTY_INPUT: "输入为空",
  OUT_OF_RANGE: "超出范围",
  INVALID_PLAN: "方案错误",
  INVALID_DATA: "数据错误",
  PRECISION_EXCEEDED: "超出精度",
  INTERNAL_ERROR: "内部错误",
};

/**
 * The lead-in of a library error's line (`PayscoreError`, whose messages stay in English) in a
 * locale: under `zh-CN`, the code explained in Chinese before the English message, after the
 * place (`data.csv:4:3: 数据错误（INVALID_DATA）：revenue: …`), so `--json` still reads the file,
 * line and column. Under `en` the line is unchanged. Translating the library's messages
 * themselves is out of scope: only the code is explained.
 *
 * @param line - a line as the CLI prints it in English
 * @param code - the error's code (`INVALID_DATA`, …)
 * @param locale - `en` or `zh-CN`
 * @returns the line to print
 *
 * @example
 * ```ts
 * libraryLeadIn("plan.json:3:5: kpis[0].weight: must be positive", "INVALID_PLAN", "zh-CN");
 * // "plan.json:3:5: 方案错误（INVALID_PLAN）：kpis[0].weight: must be positive"
 * ```
 */
export function libraryLeadIn(line: string, code: string, locale: CliLocale): string {
  if (locale === "en") return line;
  const leadIn = `${(ZH_CODES as Readonly<Record<string, string>>)[code] ?? "错误"}（${code}）：`;
  const command = /^payscore(?: [a-z]+)?: /.exec(line);
  if (command !== null) return `${command[0]}${leadIn}${line.slice(command[0].length)}`;
  const placed = /^([^\s:][^:]*?:\d+(?::\d+)?: )/s.exec(line) ?? /^([^\s:][^:]*?: )/s.exec(line);
  if (placed !== null) return `${placed[1] as string}${leadIn}${line.slice((placed[1] as string).length)}`;
  return `${leadIn}${line}`;
}
