import { usageError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";
import type { CliIo } from "./CliIo.js";
import { executeRun } from "./executeRun.js";
import { helpText } from "./helpText.js";
import { inputLimits } from "./inputLimits.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { PLAN_INPUT_FLAGS, refuseTwoStdinInputs, givenBesideData, inputFileFlags, planInputFiles, requireHistory } from "./planInputs.js";
import { readPlanData } from "./readPlanData.js";
import { readPlanFile } from "./readPlanFile.js";

/**
 * `payscore validate <plan.json> [--data <file>] [--ratings <file>] [--history <file>] [--transactions <file>] [--deals <file>] [--responses <file>] [--activities <file>] [--tickets <file>]`: checks the plan and
 * prints `plan.json: valid …` (exit 0), or one line per problem on stderr (exit 2), each with
 * the file and the JSON path: `plan.json: people[3].basePay is …`. With `--data` (or the plan's
 * `inputs.data`, read from the plan's folder), the data is read and the plan is run on it too
 * (nothing is written), so a data problem is found before payday. It takes the same input flags
 * as `payscore run` (`PLAN_INPUT_FLAGS`); without data, another input's flag is a usage error.
 *
 * @param args - the arguments after `validate`
 * @param io - the streams and folder
 * @returns the exit code (0)
 * @throws {CliError} listing every problem of the plan, or the first problem in the data
 *
 * @example
 * ```ts
 * await validateCommand(["plan.json"], io); // prints "plan.json: valid (version 1, 4 KPIs, 12 people)"
 * ```
 */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    "validate",
    args,
    PLAN_INPUT_FLAGS,
    { names: ["<plan.json>"] },
  );
  if (parsed.values["help"] === true) {
    io.stdout.write(helpText("validate"));
    return 0;
  }
  const planFile = parsed.positionals[0] as string;
  refuseTwoStdinInputs(parsed, planFile);
  const limits = inputLimits(parsed, "validate");
  const plan = await readPlanFile(planFile, io.cwd, limits);
  const flags = inputFileFlags(parsed);
  // The plan's own inputs are checked (inside its folder) and, with the data, run.
  const files = await planInputFiles(plan, planFile, io.cwd, flags);
  const dataFile = files.data;
  const facts = [`version ${plan.version}`, `${plan.kpis.length} KPI${plan.kpis.length === 1 ? "" : "s"}`];
  if (plan.people !== undefined) facts.push(`${plan.people.length} ${plan.people.length === 1 ? "person" : "people"}`);
  if (dataFile === undefined) {
    const flag = givenBesideData(flags)[0];
    if (flag !== undefined) throw usageError(cliMessage("validateNeedsData", { flag }));
    io.stdout.write(`${planFile}: valid (${facts.join(", ")})\n`);
    return 0;
  }
  const read = await readPlanData(plan, { ...files, data: dataFile, cwd: io.cwd, limits });
  requireHistory(plan, read.data.history !== undefined, planFile);
  // Issue 20: a true-up's earlier runs are for paying, not for checking: validate as if none was paid.
  const loaded = plan.pay?.trueUp !== undefined && read.data.paidToDate === undefined ? { ...read, data: { ...read.data, paidToDate: {} } } : read;
  const run = executeRun(plan, loaded, planFile, false);
  io.stdout.write(`${planFile}: valid (${facts.join(", ")}); ${dataFile}: ${run.statements.length} statements computed\n`);
  return 0;
}
