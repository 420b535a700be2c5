import { z } from "zod";
import { Decimal } from "../numeric/index.js";
import type { Plan } from "../plan/index.js";
import { CliError } from "./CliError.js";
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
 * `trueUpForgiven` lines (left out when there are none).
 *
 * @param files - the earlier runs' JSON files
 * @param plan - the plan (its currency must be the runs')
 * @param cwd - the working folder
 * @returns `paidToDate` and `forgivenToDate` by person
 * @throws {CliError} for a file that is not a run, or a run in another currency
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
): Promise<{ paidToDate: Record<string, string>; forgivenToDate?: Record<string, string> }> {
  const paid = new Map<string, Decimal>();
  const forgiven = new Map<string, Decimal>();
  for (const file of files) {
    const result = paidRunSchema.safeParse(await readJsonFile(file, cwd));
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue === undefined ? "" : issue.path.map(String).join(".");
      throw new CliError(`${file}: not a payscore run (the JSON that payscore run writes)${where === "" ? "" : `: ${where}: ${issue?.message ?? ""}`}`);
    }
    if (result.data.currency !== plan.currency) throw new CliError(`${file}: the run is in ${result.data.currency}, the plan in ${plan.currency}; a true-up nets amounts of one currency`);
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
