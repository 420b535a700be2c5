import type { LazyPayoutRun, PayoutRun } from "../plan/index.js";
import type { WriteText } from "./writeAtomically.js";

/**
 * Writes a run as JSON, statement by statement, so a run of a million people never has to be
 * one string. The bytes are exactly those of `JSON.stringify(run, null, 2)` plus a newline; for
 * a lazy run (`runPlanLazy`), those of the `PayoutRun` it stands for (header, `statements`
 * made one at a time with `statementAt`, `totals`, `pools`).
 *
 * @param run - the run, or a lazy run
 * @param write - where the text goes
 * @param onStatement - called after each statement (for the progress line)
 * @returns when everything is written
 *
 * @example
 * ```ts
 * await writeRunJson(run, write); // {\n  "version": "0.1.0",\n  …\n}\n
 * ```
 */
export async function writeRunJson(run: PayoutRun | LazyPayoutRun, write: WriteText, onStatement?: ((done: number) => void) | undefined): Promise<void> {
  if (isLazy(run)) {
    await writeLazyRun(run, write, onStatement);
    return;
  }
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

function isLazy(run: unknown): run is LazyPayoutRun {
  return typeof run === "object" && run !== null && typeof (run as { statementAt?: unknown }).statementAt === "function";
}

/** The keys of a `PayoutRun`, in the order `runPlan` writes them. */
const RUN_KEYS = ["version", "planHash", "planName", "currency", "scale", "rounding", "period", "subPeriods", "inputs", "runAt", "statements", "totals", "pools", "teams"] as const;

async function writeLazyRun(run: LazyPayoutRun, write: WriteText, onStatement: ((done: number) => void) | undefined): Promise<void> {
  await write("{");
  for (let k = 0; k < RUN_KEYS.length; k++) {
    const key = RUN_KEYS[k] as (typeof RUN_KEYS)[number];
    // The audit fields (inputs, runAt) are there only when the run was given them; the teams (issue 21)
    // only when the plan asks for them.
    if (key !== "statements" && run[key] === undefined) continue;
    await write(`${k === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `);
    if (key === "statements") {
      if (run.size === 0) {
        await write("[]");
        continue;
      }
      await write("[");
      for (let i = 0; i < run.size; i += 1) {
        const text = JSON.stringify(run.statementAt(i), null, 2);
        await write(`${i === 0 ? "" : ","}\n    ${indent(text, "    ")}`);
        if (onStatement !== undefined && (i + 1) % 1000 === 0) onStatement(i + 1);
      }
      await write("\n  ]");
    } else {
      await write(indent(JSON.stringify(run[key], null, 2), "  "));
    }
  }
  await write("\n}\n");
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
