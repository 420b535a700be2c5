import { PayscoreError } from "../errors/index.js";
import { runPlanLazy, type LazyPayoutRun, type Plan, type RunPlanOptions } from "../plan/index.js";
import { CliError, payscoreErrorOptions } from "./CliError.js";
import { dataProblemLines } from "./dataProblemLines.js";
import type { LoadedData } from "./readPlanData.js";

/**
 * Runs a plan on data read by the command line like `executeRun`, but lazily (`runPlanLazy`):
 * statements are made one at a time as a writer asks for them, so a run of a million people
 * streams out without holding a million statements. A `PayscoreError` becomes a
 * {@link CliError} that names the file, line and column.
 *
 * @param plan - the validated plan
 * @param loaded - the data and where it came from
 * @param planFile - the plan's path as the user wrote it
 * @param trace - whether statements carry their traces
 * @param audit - the input files' hashes and the time stamp for the header (`runPlan`'s `inputs`, `runAt`)
 * @returns the lazy run
 * @throws {CliError} for a fault in the input
 *
 * @example
 * ```ts
 * executeLazyRun(plan, loaded, "plan.json", false).size; // 12
 * ```
 */
export function executeLazyRun(plan: Plan, loaded: LoadedData, planFile: string, trace: boolean, audit?: Pick<RunPlanOptions, "inputs" | "runAt"> | undefined): LazyPayoutRun {
  try {
    return runPlanLazy(plan, loaded.data, { trace, ...audit });
  } catch (error) {
    if (error instanceof PayscoreError) throw new CliError(dataProblemLines(error, loaded, planFile), payscoreErrorOptions(error));
    throw error;
  }
}
