import { usageError, type CliError } from "../CliError.js";
import { CLI_LOCALES, cliMessage, type CliLocale } from "./cliMessages.js";

/** The commands that read `--locale` themselves (their output is in it too). */
const KEEP_FLAG = new Set(["explain", "diff"]);

/**
 * The locale of the command line's messages, and the arguments without `--locale`: the last
 * `--locale <en|zh-CN>` (or `--locale=…`) before a `--`, for every command; without one, the
 * environment variable `PAYSCORE_LOCALE` (a value starting with `zh` is `zh-CN`, with `en` is
 * `en`; anything else is ignored); else `en`. `LANG` is not read for messages, so the English a
 * script matches stays put. `explain` and `diff` keep the flag in their arguments, since they
 * print their output in it too.
 *
 * @param argv - the arguments after `payscore` (`--json` already taken out)
 * @param env - the environment
 * @returns the locale and the arguments for the command; for a `--locale` other than `en` or
 *   `zh-CN`, the environment's locale and `refused`, the usage error (exit 64) to throw
 *
 * @example
 * ```ts
 * chooseCliLocale(["run", "plan.json", "--locale", "zh-CN"], {}); // { locale: "zh-CN", args: ["run", "plan.json"] }
 * chooseCliLocale(["validate", "plan.json"], { PAYSCORE_LOCALE: "zh_CN.UTF-8" }); // { locale: "zh-CN", args: ["validate", "plan.json"] }
 * ```
 */
export function chooseCliLocale(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { locale: CliLocale; args: readonly string[]; refused?: CliError } {
  const end = argv.indexOf("--");
  const limit = end === -1 ? argv.length : end;
  let chosen: string | undefined;
  const drop = new Set<number>();
  for (let index = 0; index < limit; index += 1) {
    const arg = argv[index] as string;
    if (arg === "--locale") {
      chosen = index + 1 < limit ? (argv[index + 1] as string) : "";
      drop.add(index).add(index + 1);
      index += 1;
    } else if (arg.startsWith("--locale=")) {
      chosen = arg.slice("--locale=".length);
      drop.add(index);
    }
  }
  const fallback = envLocale(env["PAYSCORE_LOCALE"]);
  if (chosen !== undefined && !(CLI_LOCALES as readonly string[]).includes(chosen)) {
    return { locale: fallback, args: argv, refused: usageError(cliMessage("badLocale", { value: JSON.stringify(chosen) })) };
  }
  const locale = (chosen as CliLocale | undefined) ?? fallback;
  if (chosen === undefined) return { locale, args: argv };
  const [command, ...rest] = argv.filter((_, index) => !drop.has(index));
  if (command === undefined) return { locale, args: [] };
  // explain and diff get the flag back, right after their name (so also from `payscore --locale zh-CN explain …`).
  return { locale, args: KEEP_FLAG.has(command) ? [command, "--locale", chosen, ...rest] : [command, ...rest] };
}

function envLocale(value: string | undefined): CliLocale {
  const setting = (value ?? "").toLowerCase();
  return setting.startsWith("zh") ? "zh-CN" : "en";
}
