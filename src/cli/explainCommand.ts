import { explain, type ExplainLocale } from "../plan/index.js";
import { cliMessage } from "./locales/cliMessages.js";
import { CliError } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { executeRun } from "./executeRun.js";
import { helpText } from "./helpText.js";
import { inputLimits } from "./inputLimits.js";
import { choiceFlag, parseCommandArgs, requiredFlag } from "./parseCommandArgs.js";
import { PLAN_INPUT_FLAGS, refuseTwoStdinInputs, inputFileFlags, planInputFiles, requireHistory, requiredInput } from "./planInputs.js";
import { withPaidRuns } from "./readPaidRuns.js";
import { readPlanData } from "./readPlanData.js";
import { readPlanFile } from "./readPlanFile.js";

/**
 * `payscore explain <plan.json> [--data <file>] --person <id> [--ratings <file>] [--history <file>] [--transactions <file>] [--deals <file>] [--responses <file>] [--activities <file>] [--tickets <file>] [--paid <run.json>…] [--locale zh-CN|en]`:
 * runs the plan (with traces) and prints one person's statement in words. The input files
 * default to the plan's `inputs`, and the input flags are `payscore run`'s (`PLAN_INPUT_FLAGS`). The whole team is run,
 * since grades, ranks and pools depend on everyone.
 *
 * The locale defaults to `zh-CN` when `PAYSCORE_LOCALE`, `LC_ALL`, `LC_MESSAGES` or `LANG` (the
 * first one set) starts with `zh`, and to `en` otherwise.
 *
 * @param args - the arguments after `explain`
 * @param io - the streams, folder and environment
 * @returns the exit code (0)
 * @throws {CliError} for a problem with the input, or a person not in the run
 *
 * @example
 * ```ts
 * await explainCommand(["plan.json", "--data", "data.csv", "--person", "E01", "--locale", "en"], io);
 * ```
 */
export async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    "explain",
    args,
    { ...PLAN_INPUT_FLAGS, paid: { type: "string", multiple: true }, person: { type: "string" }, locale: { type: "string" } },
    { names: ["<plan.json>"] },
  );
  if (parsed.values["help"] === true) {
    io.stdout.write(helpText("explain"));
    return 0;
  }
  const planFile = parsed.positionals[0] as string;
  refuseTwoStdinInputs(parsed, planFile);
  const person = requiredFlag(parsed, "explain", "person", "<id>");
  const locale = choiceFlag(parsed, "explain", "locale", ["zh-CN", "en"] as const) ?? defaultLocale(io.env);
  const limits = inputLimits(parsed, "explain");
  const plan = await readPlanFile(planFile, io.cwd, limits);
  const files = await planInputFiles(plan, planFile, io.cwd, inputFileFlags(parsed));
  const dataFile = requiredInput(files, "explain", "<file>");
  const read = await readPlanData(plan, { ...files, data: dataFile, cwd: io.cwd, limits });
  requireHistory(plan, read.data.history !== undefined, planFile);
  const loaded = await withPaidRuns(parsed, "explain", plan, read, planFile, io.cwd, limits);
  const run = executeRun(plan, loaded, planFile, true);
  const statement = run.statements.find((candidate) => candidate.person.id === person);
  if (statement === undefined) {
    const ids = run.statements.map((candidate) => candidate.person.id);
    const more = ids.length > 10 ? [cliMessage("idsMore", { count: ids.length })] : [];
    throw new CliError(cliMessage("noPerson", { person: JSON.stringify(person), ids: ids.slice(0, 10).join(", "), more }));
  }
  const text = explain(statement, { locale, currency: run.currency });
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return 0;
}

/**
 * The locale `explain` writes in without `--locale`: `zh-CN` when the first of
 * `PAYSCORE_LOCALE`, `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (and not empty) starts with
 * "zh", else `en`.
 *
 * @param env - the environment
 * @returns `zh-CN` or `en`
 *
 * @example
 * ```ts
 * defaultLocale({ LANG: "zh_CN.UTF-8" }); // "zh-CN"
 * defaultLocale({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }); // "en" (LC_ALL comes first)
 * defaultLocale({}); // "en"
 * ```
 */
export function defaultLocale(env: Readonly<Record<string, string | undefined>>): ExplainLocale {
  const setting = [env["PAYSCORE_LOCALE"], env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].find((value) => value !== undefined && value !== "");
  return setting !== undefined && setting.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}
