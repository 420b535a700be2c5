import { CLI_MESSAGES, type CliLocale, type CliMessage, type CliParam } from "./cliMessages.js";

const PLACEHOLDER = /\{([A-Za-z0-9]+)\}/g;
const AND: Readonly<Record<CliLocale, string>> = { en: " and ", "zh-CN": "和" };

/**
 * A command-line message in words, in a locale: each `{name}` of the key's text replaced by its
 * parameter (a message parameter rendered in the same locale, a list of messages joined with
 * "and"/"和", choices `{ oneOf }` joined with "or": `json or csv or xlsx`, `json、csv 或 xlsx`).
 *
 * @param message - the key and parameters (see `cliMessage`)
 * @param locale - `en` or `zh-CN`
 * @returns the text
 *
 * @example
 * ```ts
 * renderCliMessage(cliMessage("noSuchFile", { file: "plan.json" }), "zh-CN"); // "plan.json: 文件不存在"
 * ```
 */
export function renderCliMessage(message: CliMessage, locale: CliLocale): string {
  const texts: Readonly<Record<CliLocale, string>> = CLI_MESSAGES[message.key];
  const params = message.params as Readonly<Record<string, CliParam>>;
  return texts[locale].replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return value === undefined ? whole : paramText(value, locale);
  });
}

function paramText(value: CliParam, locale: CliLocale): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && "oneOf" in value) {
    if (locale === "en") return value.oneOf.join(" or ");
    return value.oneOf.length < 2 ? value.oneOf.join("") : `${value.oneOf.slice(0, -1).join("、")} 或 ${value.oneOf.at(-1) ?? ""}`;
  }
  if (Array.isArray(value)) return (value as readonly CliMessage[]).map((part) => renderCliMessage(part, locale)).join(AND[locale]);
  return renderCliMessage(value as CliMessage, locale);
}
