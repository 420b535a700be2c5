import { parseArgs, type ParseArgsConfig } from "node:util";
import { cliMessage } from "./locales/cliMessages.js";
import { usageError } from "./CliError.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The flags and file names of one command, as `node:util` `parseArgs` reads them. */
export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Reads a command's arguments strictly with `node:util` `parseArgs`: an unknown flag, a flag
 * without its value, or the wrong number of file names is a usage error (exit 64) that names the
 * command and points at its `--help`.
 *
 * @param command - the command's name, for messages
 * @param args - the arguments after the command
 * @param options - the flags (`--help` is added)
 * @param positionals - how many file names the command takes, and what they are called
 * @returns the flags and file names (`values.help` is true when `--help` was given)
 * @throws {CliError} for anything `parseArgs` refuses
 *
 * @example
 * ```ts
 * parseCommandArgs("validate", ["plan.json"], {}, { names: ["plan.json"] });
 * // { values: {}, positionals: ["plan.json"] }
 * ```
 */
export function parseCommandArgs(command: string, args: readonly string[], options: Options, positionals: { readonly names: readonly string[] }): CommandArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, "") : String(error);
    throw usageError(cliMessage("argsRefused", { command, detail: firstLine(message) }));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values["help"] === true) return { values, positionals: parsed.positionals };
  const expected = positionals.names.length;
  if (parsed.positionals.length < expected) {
    const missing = positionals.names.slice(parsed.positionals.length).join(" and ");
    throw usageError(cliMessage("missingArgument", { command, missing }));
  }
  if (parsed.positionals.length > expected) {
    throw usageError(cliMessage("unexpectedArgument", { command, argument: JSON.stringify(parsed.positionals[expected]) }));
  }
  return { values, positionals: parsed.positionals };
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? text;
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/**
 * A string flag's value, or `undefined` (not given, or a boolean flag).
 *
 * @param args - the command's parsed arguments
 * @param name - the flag's name, without `--`
 * @returns the value as given
 *
 * @example
 * ```ts
 * stringFlag({ values: { format: "csv" }, positionals: [] }, "format"); // "csv"
 * ```
 */
export function stringFlag(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * A repeatable string flag's values (`--paid a.json --paid b.json`), in order; `[]` without it.
 *
 * @param args - the command's parsed arguments
 * @param name - the flag's name, without `--`
 * @returns the values in the order given
 *
 * @example
 * ```ts
 * listFlag({ values: { paid: ["q1.json", "q2.json"] } as never, positionals: [] }, "paid"); // ["q1.json", "q2.json"]
 * ```
 */
export function listFlag(args: CommandArgs, name: string): string[] {
  const value: unknown = args.values[name];
  return Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : [];
}

/**
 * A string flag that must be given, and not empty.
 *
 * @param args - the command's parsed arguments
 * @param command - the command's name, for the message
 * @param name - the flag's name, without `--`
 * @param what - what the flag names, for the message
 * @returns the value
 * @throws {CliError} a usage error (exit 64) naming the command and the flag, when it is missing
 *
 * @example
 * ```ts
 * requiredFlag({ values: { person: "p02" }, positionals: [] }, "explain", "person", "the person's id"); // "p02"
 * ```
 */
export function requiredFlag(args: CommandArgs, command: string, name: string, what: string): string {
  const value = stringFlag(args, name);
  if (value === undefined || value === "") throw usageError(cliMessage("flagRequired", { command, flag: name, what }));
  return value;
}

/**
 * A flag whose value must be one of `choices`; `undefined` when it is not given.
 *
 * @param args - the command's parsed arguments
 * @param command - the command's name, for the message
 * @param name - the flag's name, without `--`
 * @param choices - the values it may take
 * @returns the value, typed as one of the choices
 * @throws {CliError} a usage error (exit 64) listing the choices and quoting the value given
 *
 * @example
 * ```ts
 * choiceFlag({ values: { format: "csv" }, positionals: [] }, "run", "format", ["json", "csv", "xlsx"]); // "csv"
 * ```
 */
export function choiceFlag<T extends string>(args: CommandArgs, command: string, name: string, choices: readonly T[]): T | undefined {
  const value = stringFlag(args, name);
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw usageError(cliMessage("flagChoice", { command, flag: name, choices: { oneOf: choices }, value: JSON.stringify(value) }));
  }
  return value as T;
}
