import { realpath } from "node:fs/promises";
import { cliMessage, type CliMessage } from "./locales/cliMessages.js";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Plan } from "../plan/index.js";
import { CliError, usageError } from "./CliError.js";
import { refuseSecondStdin } from "./inputFile.js";
import { INPUT_LIMIT_FLAGS } from "./inputLimits.js";
import { listFlag, stringFlag, type CommandArgs } from "./parseCommandArgs.js";

/** The input files of a run: the data, the 360 ratings, the promotion history, the transactions and the list inputs. */
export interface InputFiles {
  readonly data?: string | undefined;
  readonly ratings?: string | undefined;
  readonly history?: string | undefined;
  readonly transactions?: string | undefined;
  /** Issue 21: the list inputs. */
  readonly deals?: string | undefined;
  readonly responses?: string | undefined;
  readonly activities?: string | undefined;
  readonly tickets?: string | undefined;
}

const KINDS = ["data", "ratings", "history", "transactions", "deals", "responses", "activities", "tickets"] as const;

/**
 * The flags of the plan's inputs, shared by `run`, `validate` and `explain` (each spreads it into
 * its flag table, `{ ...PLAN_INPUT_FLAGS, … }`): one flag per input file (`--data`, `--ratings`,
 * `--history`, `--transactions`, `--deals`, `--responses`, `--activities`, `--tickets`) and the
 * input limits (`--max-bytes`, `--max-cell`, `--max-rows`). A new input is added here, and all
 * three commands take it.
 */
export const PLAN_INPUT_FLAGS = {
  ...(Object.fromEntries(KINDS.map((kind) => [kind, { type: "string" }])) as Record<(typeof KINDS)[number], { readonly type: "string" }>),
  ...INPUT_LIMIT_FLAGS,
} as const;

/**
 * The input files given on a command line, one per flag of {@link PLAN_INPUT_FLAGS} (`undefined`
 * for a flag not given), for {@link planInputFiles}.
 *
 * @param args - the command's parsed flags (a table with {@link PLAN_INPUT_FLAGS})
 * @returns the files, by input
 *
 * @example
 * ```ts
 * inputFileFlags(parseCommandArgs("run", ["plan.json", "--deals", "deals.csv"], PLAN_INPUT_FLAGS, { names: ["<plan.json>"] }));
 * // { data: undefined, ratings: undefined, …, deals: "deals.csv", … }
 * ```
 */
export function inputFileFlags(args: CommandArgs): InputFiles {
  return Object.fromEntries(KINDS.map((kind) => [kind, stringFlag(args, kind)])) as InputFiles;
}

/**
 * Refuses, before anything is read, a command line on which two inputs are `-` (standard
 * input): the plan, any input flag of {@link PLAN_INPUT_FLAGS}, or a `--paid` run. (The check
 * has to come before the plan is read: a plan read from `-` would leave nothing for the data.)
 *
 * @param args - the command's parsed flags
 * @param planFile - the plan's path as the user wrote it
 * @throws {CliError} a usage error (exit 64): `payscore: only one input can be - (standard input); …`
 *
 * @example
 * ```ts
 * refuseTwoStdinInputs(parseCommandArgs("run", ["-", "--deals", "-"], { ...PLAN_INPUT_FLAGS }, { names: ["<plan.json>"] }), "-"); // throws
 * ```
 */
export function refuseTwoStdinInputs(args: CommandArgs, planFile: string): void {
  refuseSecondStdin([planFile, ...Object.values(inputFileFlags(args)), ...listFlag(args, "paid")]);
}

/**
 * The inputs other than the data, given as flags: `validate` without data refuses them
 * (`--deals needs --data`).
 *
 * @param files - the files from {@link inputFileFlags}
 * @returns the names of the flags given, in the order of the help
 *
 * @example
 * ```ts
 * givenBesideData({ ratings: "r.csv", tickets: "t.csv" }); // ["ratings", "tickets"]
 * ```
 */
export function givenBesideData(files: InputFiles): string[] {
  return KINDS.filter((kind) => kind !== "data" && files[kind] !== undefined);
}

/**
 * The input files of a run: each flag given on the command line (`--data`, `--ratings`,
 * `--history`, read from the working folder), else the file the plan names in `inputs`, read
 * from the plan file's folder. A path in the plan must stay inside that folder: an absolute path,
 * one that climbs out with `..`, or one whose real path (symbolic links followed) lies outside it
 * is refused — a plan passed around cannot make payscore read a file elsewhere.
 *
 * @param plan - the validated plan
 * @param planFile - the plan's path as the user wrote it
 * @param cwd - the working folder
 * @param flags - the paths given on the command line
 * @returns each input's path as it is to be read (relative to `cwd` when the plan's path was)
 * @throws {CliError} `plan.json: inputs.data is "../x.csv": …` for a path that leaves the plan's folder
 *
 * @example
 * ```ts
 * await planInputFiles(plan, "examples/regional-team/plan.json", process.cwd(), {});
 * // { data: "examples/regional-team/data.csv", ratings: "examples/regional-team/ratings.csv", … }
 * ```
 */
export async function planInputFiles(plan: Plan, planFile: string, cwd: string, flags: InputFiles): Promise<InputFiles> {
  const folder = dirname(planFile);
  const files: Record<string, string | undefined> = {};
  for (const kind of KINDS) {
    const flag = flags[kind];
    const named = plan.inputs?.[kind];
    if (flag !== undefined) files[kind] = flag;
    else if (named !== undefined) files[kind] = await insideFolder(named, kind, folder, planFile, cwd);
  }
  return files;
}

async function insideFolder(named: string, kind: string, folder: string, planFile: string, cwd: string): Promise<string> {
  const refuse = (why: CliMessage): CliError => new CliError(cliMessage("inputOutside", { file: planFile, kind, named: JSON.stringify(named), why }));
  if (isAbsolute(named) || /^[A-Za-z]:[\\/]/.test(named) || named.startsWith("\\")) throw refuse(cliMessage("whyAbsolute", {}));
  const base = resolve(cwd, folder);
  const target = resolve(base, named);
  if (leaves(base, target)) throw refuse(cliMessage("whyLeaves", {}));
  const realBase = await realpath(base).catch(() => base);
  const realTarget = await realpath(target).catch(() => undefined);
  // A file that does not exist is reported by the reader ("no such file"); one that does must really be inside.
  if (realTarget !== undefined && leaves(realBase, realTarget)) throw refuse(cliMessage("whyLink", {}));
  return join(folder, named);
}

function leaves(base: string, target: string): boolean {
  const path = relative(base, target);
  return path === "" || path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path);
}

/**
 * The data file of a command: from `--data` or the plan's `inputs.data`, one of which must be there.
 *
 * @param files - the command's input files
 * @param command - the command, for the message
 * @param what - how the help names the file
 * @returns the data file
 * @throws {CliError} when neither names one
 *
 * @example
 * ```ts
 * requiredInput({ data: "data.csv" }, "run", "<data.csv|data.json>"); // "data.csv"
 * ```
 */
export function requiredInput(files: InputFiles, command: string, what: string): string {
  const data = files.data;
  if (data === undefined || data === "") {
    throw usageError(cliMessage("dataRequired", { command, what }));
  }
  return data;
}

/**
 * Refuses a run whose plan has a promotion rule that needs earlier periods (`count` > 1) when no
 * history was given, unless the plan says a person without history is simply not eligible
 * (`promotion.missingHistory: "not-eligible"`) — as a 360 review without ratings is refused: a
 * run that quietly found nobody eligible would hide promotions.
 *
 * @param plan - the validated plan
 * @param hasHistory - whether the data has a history (from `--history`, the plan's inputs or the JSON data)
 * @param planFile - the plan's path as the user wrote it
 * @throws {CliError} naming the plan and how to give the history
 *
 * @example
 * ```ts
 * requireHistory(plan, loaded.data.history !== undefined, "plan.json");
 * ```
 */
export function requireHistory(plan: Plan, hasHistory: boolean, planFile: string): void {
  const rule = plan.promotion;
  if (rule === undefined || hasHistory || rule.count <= 1 || rule.missingHistory === "not-eligible") return;
  throw new CliError(cliMessage("historyRequired", { file: planFile, count: rule.count }));
}
