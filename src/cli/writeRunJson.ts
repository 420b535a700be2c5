import type { PayoutRun } from "../plan/index.js";
import type { WriteText } from "./writeAtomically.js";

/**
 * Writes a run as JSON, statement by statement, so a run of a million people never has to be
 * one string. The bytes are exactly those of `JSON.stringify(run, null, 2)` plus a newline.
 *
 * @param run - the run
 * @param write - where the text goes
 * @param onStatement - called after each statement (for the progress line)
 * @returns when everything is written
 *
 * @example
 * ```ts
 * await writeRunJson(run, write); // {\n  "version": "0.1.0",\n  …\n}\n
 * ```
 */
export async function writeRunJson(run: PayoutRun, write: WriteText, onStatement?: ((done: number) => void) | undefined): Promise<void> {
  const entries = Object.entries(run as unknown as Record<string, unknown>).filter(([, value]) => value !== undefined && typeof value !== "function");
  await write("{");
  let first = true;
  for (const [key, value] of entries) {
    await write(`${first ? "" : ","}\n  ${JSON.stringify(key)}: `);
    first = false;
    if (key === "statements" && Array.isArray(value)) {
      await writeArray(value, write, onStatement);
    } else {
      await write(indent(JSON.stringify(value, null, 2), "  "));
    }
  }
  await write(first ? "}\n" : "\n}\n");
}

async function writeArray(items: readonly unknown[], write: WriteText, onItem: ((done: number) => void) | undefined): Promise<void> {
  if (items.length === 0) {
    await write("[]");
    return;
  }
  await write("[");
  for (let i = 0; i < items.length; i += 1) {
    const text = JSON.stringify(items[i], null, 2) ?? "null";
    await write(`${i === 0 ? "" : ","}\n    ${indent(text, "    ")}`);
    if (onItem !== undefined && (i + 1) % 1000 === 0) onItem(i + 1);
  }
  await write("\n  ]");
}

function indent(text: string, by: string): string {
  return text.includes("\n") ? text.replace(/\n/g, `\n${by}`) : text;
}
