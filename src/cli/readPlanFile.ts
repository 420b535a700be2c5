import { PayscoreError, formatPath } from "../errors/index.js";
import { parsePlan, type Plan } from "../plan/index.js";
import { CliError, payscoreErrorOptions } from "./CliError.js";
import type { InputLimits } from "./inputLimits.js";
import { readJsonFile } from "./readJsonFile.js";

/**
 * Reads and validates a plan file. A file that cannot be read or is not JSON gives one line
 * (`plan.json:3:1: …`); a plan that breaks the schema gives one line per problem, each with its
 * JSON path (`plan.json: people[3].basePay: …`).
 *
 * @param file - the path as the user wrote it
 * @param cwd - the folder a relative path is read from
 * @param limits - the input limits (`--max-bytes`); the defaults without it
 * @returns the validated plan
 * @throws {CliError} listing every problem
 *
 * @example
 * ```ts
 * await readPlanFile("examples/regional-team/plan.json", process.cwd()); // { version: 1, … }
 * ```
 */
export async function readPlanFile(file: string, cwd: string, limits?: InputLimits | undefined): Promise<Plan> {
  const value = await readJsonFile(file, cwd, limits);
  try {
    return parsePlan(value);
  } catch (error) {
    if (error instanceof PayscoreError) throw new CliError(planProblemLines(file, error), payscoreErrorOptions(error));
    throw error;
  }
}

/**
 * One line per issue of a plan error: `plan.json: kpis[1].weight is missing: …` (a message that
 * starts with its field reads on; any other gets the field and a colon in front).
 *
 * @param file - the plan file, as the user named it
 * @param error - the plan's error, with one issue per problem
 * @returns the lines, one per issue, in the error's order
 *
 * @example
 * ```ts
 * planProblemLines("plan.json", new PayscoreError("INVALID_PLAN", "two problems", {
 *   issues: [
 *     { path: ["kpis", 1, "weight"], message: "kpis[1].weight is missing" },
 *     { path: ["currency"], message: "must be a three-letter code" },
 *   ],
 * }));
 * // ["plan.json: kpis[1].weight is missing", "plan.json: currency: must be a three-letter code"]
 * ```
 */
export function planProblemLines(file: string, error: PayscoreError): string[] {
  return error.issues.map((issue) => {
    const field = formatPath(issue.path);
    return issue.message.startsWith(field) ? `${file}: ${issue.message}` : `${file}: ${field}: ${issue.message}`;
  });
}
