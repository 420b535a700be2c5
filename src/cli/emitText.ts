import type { CliIo } from "./CliIo.js";
import { writeAtomically, type WriteText } from "./writeAtomically.js";
import { writeToStream } from "./writeToStream.js";

/**
 * Sends a command's output to `--out` (written atomically) or, without it, to stdout.
 *
 * @param io - the streams and folder
 * @param out - the `--out` path, if any
 * @param produce - writes the content
 * @returns when the output is complete
 *
 * @example
 * ```ts
 * await emitText(io, "schema.json", async (write) => { await write("{}\n"); });
 * ```
 */
export async function emitText(io: CliIo, out: string | undefined, produce: (write: WriteText) => Promise<void>): Promise<void> {
  if (out === undefined) await writeToStream(io.stdout, produce);
  else await writeAtomically(out, io.cwd, produce);
}
