import * as z from "zod";
import { cliMessage } from "./locales/cliMessages.js";
import { Decimal } from "../numeric/index.js";
import type { Plan } from "../plan/index.js";
import { listFlag, type CommandArgs } from "./parseCommandArgs.js";
import type { LoadedData } from "./readPlanData.js";
import { CliError } from "./CliError.js";
import { checkJsonRows } from "./checkJsonRows.js";
import { DEFAULT_LIMITS, type InputLimits } from "./inputLimits.js";
import { readJsonFile } from "./readJsonFile.js";

/** What an earlier run's JSON must hold for a true-up: its currency and each statement's commission lines. */
const paidRunSchema = z.object({
  currency: z.string(),
  statements: z.array(
    z.object({
      person: z.object({ id: z.string() }),
      pay: z.array(z.object({ component: z.string(), id: z.string(), amount: z.string().regex(/^-?\d+(?:\.\d+)?$/) })),
    }),
  ),
});

/**
 * Reads the earlier runs of the year (`payscore run --paid q1.json --paid q2.json`, each the JSON
 * a run wrote) for a true-up (issue 20): each person's commission paid to date is the sum of their
 * commission lines over the runs (the commission, clawbacks, draws, and earlier true-ups' lines —
 * what each run paid in commission), and what earlier true-ups forgave is the sum of their
 * `trueUpForgiven` lines (left out when there are none). Each file is held to the input limits
 * as the data is: `--max-bytes` for the file, `--max-rows` for its statements, `--max-cell` for
 * any text in them.
 *
 * @param files - the earlier runs' JSON files
 * @param plan - the plan (its currency must be the runs')
 * @param cwd - the working folder
 * @param limits - the input limits; the defaults without them
 * @returns `paidToDate` and `forgivenToDate` by person
 * @throws {CliError} for a file that is not a run, or a run in another currency; `LIMIT_EXCEEDED` past a limit
 *
 * @example
 * ```ts
 * await readPaidRuns(["q1.json"], plan, process.cwd()); // { paidToDate: { S1: "5000.00" } }
 * ```
 */
export async function readPaidRuns(
  files: readonly string[],
  plan: Plan,
  cwd: string,
  limits?: InputLimits | undefined,
): Promise<{ paidToDate: Record<string, string>; forgivenToDate?: Record<string, string> }> {
  const paid = new Map<string, Decimal>();
  const forgiven = new Map<string, Decimal>();
  for (const file of files) {
    const value = await readJsonFile(file, cwd, limits);
    if (typeof value === "object" && value !== null) checkJsonRows(file, (value as { statements?: unknown }).statements, ["statements"], limits ?? DEFAULT_LIMITS);
    const result = paidRunSchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue === undefined ? "" : issue.path.map(String).join(".");
      throw new CliError(where === "" ? cliMessage("paidNotRun", { file }) : cliMessage("paidNotRunAt", { file, where, detail: issue?.message ?? "" }));
    }
    if (result.data.currency !== plan.currency) throw new CliError(cliMessage("paidCurrency", { file, run: result.data.currency, plan: plan.currency }));
    for (const statement of result.data.statements) {
      const id = statement.person.id;
      for (const line of statement.pay) {
        if (line.component !== "commission") continue;
        paid.set(id, (paid.get(id) ?? new Decimal(0)).plus(line.amount));
        if (line.id === "trueUpForgiven") forgiven.set(id, (forgiven.get(id) ?? new Decimal(0)).plus(line.amount));
      }
    }
  }
  const text = (table: Map<string, Decimal>): Record<string, string> => Object.fromEntries([...table].map(([id, amount]) => [id, amount.toString()]));
  // Without earlier forgiven deficits there is nothing to give back (and no line for it).
  return { paidToDate: text(paid), ...(forgiven.size === 0 ? {} : { forgivenToDate: text(forgiven) }) };
}

/**
 * The data with the earlier runs' paid and forgiven amounts for a true-up (`--paid`, repeatable),
 * for `payscore run` and `payscore explain`: refused without `--paid` when the plan has
 * `pay.trueUp` (and the data no `paidToDate`), and with `--paid` when it has none.
 *
 * @param args - the command's arguments
 * @param command - the command, for the messages
 * @param plan - the plan
 * @param loaded - the data read
 * @param planFile - the plan's path as the user wrote it
 * @param cwd - the working folder
 * @param limits - the input limits (`--max-bytes`, `--max-cell`, `--max-rows`); the defaults without them
 * @returns the data, with `paidToDate` (and `forgivenToDate`) when `--paid` was given
 * @throws {CliError} as above, and as {@link readPaidRuns}
 *
 * @example
 * ```ts
 * loaded = await withPaidRuns(parsed, "run", plan, loaded, "plan.json", io.cwd, limits);
 * ```
 */
export async function withPaidRuns(args: CommandArgs, command: string, plan: Plan, loaded: LoadedData, planFile: string, cwd: string, limits?: InputLimits | undefined): Promise<LoadedData> {
  const files = listFlag(args, "paid");
  if (plan.pay?.trueUp !== undefined && files.length === 0 && loaded.data.paidToDate === undefined) {
    throw new CliError(cliMessage("paidRequired", { file: planFile }));
  }
  if (files.length > 0 && plan.pay?.trueUp === undefined) throw new CliError(cliMessage("paidWithoutTrueUp", { command }));
  if (files.length === 0) return loaded;
  return { ...loaded, data: { ...loaded.data, ...(await readPaidRuns(files, plan, cwd, limits)) } };
}
