import { planJsonSchema } from "../plan/index.js";
import type { CliIo } from "./CliIo.js";
import { emitText } from "./emitText.js";
import { helpText } from "./helpText.js";
import { parseCommandArgs, stringFlag } from "./parseCommandArgs.js";

/**
 * `payscore schema [--out <file>]`: the plan's JSON Schema, pretty-printed.
 *
 * @param args - the arguments after `schema`
 * @param io - the streams and folder
 * @returns the exit code (0)
 * @throws {CliError} for a bad flag or an unwritable `--out`
 *
 * @example
 * ```ts
 * await schemaCommand([], io); // prints { "$schema": "https://json-schema.org/draft/2020-12/schema", … }
 * ```
 */
export async function schemaCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("schema", args, { out: { type: "string" } }, { names: [] });
  if (parsed.values["help"] === true) {
    io.stdout.write(helpText("schema"));
    return 0;
  }
  const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
  await emitText(io, stringFlag(parsed, "out"), (write) => write(text));
  return 0;
}
