import { PayscoreError } from "../errors/index.js";
import { runPlan, type PayoutRun, type Plan } from "../plan/index.js";
import { CliError, payscoreErrorOptions } from "./CliError.js";
import { dataProblemLines } from "./dataProblemLines.js";
import type { LoadedData } from "./readPlanData.js";

/**
 * Runs a plan on data read by the command line; a `PayscoreError` (a fault in the data or in
 * how the plan meets it) becomes a {@link CliError} that names the file, line and column.
 *
 * @param plan - the validated plan
 * @param loaded - the data and where it came from
 * @param planFile - the plan's path as the user wrote it
 * @param trace - whether statements carry their traces
 * @returns the run
 * @throws {CliError} for a fault in the input
 *
 * @example
 * ```ts
 * executeRun(plan, loaded, "plan.json", true).statements.length; // 12
 * ```
 */
export function executeRun(plan: Plan, loaded: LoadedData, planFile: string, trace: boolean): PayoutRun {
  try {
    return runPlan(plan, loaded.data, { trace });
  } catch (error) {
    if (error instanceof PayscoreError) throw new CliError(dataProblemLines(error, loaded, planFile), payscoreErrorOptions(error));
    throw error;
  }
}
