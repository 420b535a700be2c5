import { CliError, usageError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";
import type { CommandArgs } from "./parseCommandArgs.js";

/** How much of each input a command reads before it refuses the file (issue 22). */
export interface InputLimits {
  /** Bytes of one input file (`--max-bytes`). */
  readonly maxBytes: number;
  /** Characters of one CSV cell or JSON data value (`--max-cell`). */
  readonly maxCell: number;
  /** Data rows (or ratings) of one input file (`--max-rows`). */
  readonly maxRows: number;
}

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** The limits without flags: 2 GiB a file, 1 Mi characters a cell, 20 million rows a file. */
export const DEFAULT_LIMITS: InputLimits = Object.freeze({ maxBytes: 2 * GIB, maxCell: MIB, maxRows: 20_000_000 });

/** The flags of the limits, for a command's flag table (`{ ...INPUT_LIMIT_FLAGS }`). */
export const INPUT_LIMIT_FLAGS = {
  "max-bytes": { type: "string" },
  "max-cell": { type: "string" },
  "max-rows": { type: "string" },
} as const;

const UNITS: Readonly<Record<string, number>> = { "": 1, k: KIB, kib: KIB, m: MIB, mib: MIB, g: GIB, gib: GIB };

/**
 * The input limits a command was given (`--max-bytes`, `--max-cell`, `--max-rows`), each
 * defaulting to {@link DEFAULT_LIMITS}. A size is a whole number, optionally followed by K, M or
 * G (KiB, MiB, GiB: `512M`, `4G`); a row count is a whole number.
 *
 * @param args - the command's parsed flags
 * @param command - the command's name, for messages
 * @returns the limits
 * @throws {CliError} exit 64 for a value that is not a positive whole number (with a unit for a size)
 *
 * @example
 * ```ts
 * inputLimits(parseCommandArgs("run", ["plan.json", "--max-bytes", "512M"], INPUT_LIMIT_FLAGS, { names: ["<plan.json>"] }), "run");
 * // { maxBytes: 536870912, maxCell: 1048576, maxRows: 20000000 }
 * ```
 */
export function inputLimits(args: CommandArgs, command: string): InputLimits {
  return {
    maxBytes: sizeFlag(args, command, "max-bytes", DEFAULT_LIMITS.maxBytes),
    maxCell: sizeFlag(args, command, "max-cell", DEFAULT_LIMITS.maxCell),
    maxRows: sizeFlag(args, command, "max-rows", DEFAULT_LIMITS.maxRows, false),
  };
}

function sizeFlag(args: CommandArgs, command: string, name: string, fallback: number, units = true): number {
  const value = args.values[name];
  if (typeof value !== "string") return fallback;
  const match = /^([1-9]\d{0,15})\s*([a-z]*)$/i.exec(value.trim());
  const unit = match === null ? undefined : UNITS[(match[2] ?? "").toLowerCase()];
  const number = match === null || unit === undefined || (!units && unit !== 1) ? Number.NaN : Number(match[1]) * unit;
  if (!Number.isSafeInteger(number)) {
    throw usageError(cliMessage(units ? "flagSize" : "flagWhole", { command, flag: name, value: JSON.stringify(value) }));
  }
  return number;
}

/**
 * A size in words: `2 GiB`, `512 MiB`, `1.5 KiB`, `300 bytes`.
 *
 * @param bytes - the size
 * @returns the text
 *
 * @example
 * ```ts
 * formatSize(2 * 1024 ** 3); // "2 GiB"
 * ```
 */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [["GiB", GIB], ["MiB", MIB], ["KiB", KIB]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(bytes % size === 0 ? 0 : 1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * The refusal of a file larger than `--max-bytes`.
 *
 * @param file - the input as the user wrote it
 * @param limits - the limits in force
 * @returns the error to throw (exit 2, code `LIMIT_EXCEEDED`)
 *
 * @example
 * ```ts
 * tooManyBytes("data.csv", DEFAULT_LIMITS).message;
 * // "data.csv: the file is larger than 2 GiB, the limit for each input; pass --max-bytes <size> (such as --max-bytes 4G) to read it"
 * ```
 */
export function tooManyBytes(file: string, limits: InputLimits): CliError {
  return new CliError(cliMessage("tooManyBytes", { file, size: formatSize(limits.maxBytes), next: nextSize(limits.maxBytes) }), {
    code: "LIMIT_EXCEEDED",
  });
}

/**
 * The refusal of a cell longer than `--max-cell`.
 *
 * @param where - `file:line:column` of the cell (or `file: path` of a JSON value)
 * @param limits - the limits in force
 * @returns the error to throw (exit 2, code `LIMIT_EXCEEDED`)
 *
 * @example
 * ```ts
 * tooLongCell("data.csv:3:2", DEFAULT_LIMITS).message;
 * // "data.csv:3:2: a cell longer than 1048576 characters, the limit for a cell; pass --max-cell <n> to read it"
 * ```
 */
export function tooLongCell(where: string, limits: Pick<InputLimits, "maxCell">): CliError {
  return new CliError(cliMessage("tooLongCell", { where, max: limits.maxCell }), {
    code: "LIMIT_EXCEEDED",
  });
}

/**
 * The refusal of a file with more rows than `--max-rows`.
 *
 * @param where - `file:line` of the first row past the limit (or the file)
 * @param limits - the limits in force
 * @returns the error to throw (exit 2, code `LIMIT_EXCEEDED`)
 *
 * @example
 * ```ts
 * tooManyRows("data.csv:20000002", DEFAULT_LIMITS).message;
 * // "data.csv:20000002: more than 20000000 rows, the limit for each input; pass --max-rows <n> to read them all"
 * ```
 */
export function tooManyRows(where: string, limits: InputLimits): CliError {
  return new CliError(cliMessage("tooManyRows", { where, max: limits.maxRows }), { code: "LIMIT_EXCEEDED" });
}

/** The limit doubled, in a unit the flag takes. */
function nextSize(bytes: number): string {
  const double = bytes * 2;
  if (double % GIB === 0) return `${double / GIB}G`;
  if (double % MIB === 0) return `${double / MIB}M`;
  return String(double);
}
