import { PayscoreError, type ErrorPath } from "./PayscoreError.js";
import { guard } from "./guard.js";

/**
 * Writes an error path the way a person reads a JSON location: `people[3].basePay`.
 *
 * @category Errors
 * @param path - keys and indexes, outermost first
 * @returns the dotted path, or `(root)` for an empty path
 * @throws {PayscoreError} `INVALID_ARGUMENT` when `path` is not an array of strings and numbers
 *
 * @example
 * ```ts
 * formatPath(["kpis", 2, "weight"]); // "kpis[2].weight"
 * ```
 */
export function formatPath(path: ErrorPath): string {
  return guard(computeFormatPath, [path]);
}

function computeFormatPath(path: ErrorPath): string {
  if (!Array.isArray(path)) throw new PayscoreError("INVALID_ARGUMENT", "path must be an array of keys and indexes", { path: ["path"] });
  if (path.length === 0) return "(root)";
  let text = "";
  for (const key of path as readonly unknown[]) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key !== "string") throw new PayscoreError("INVALID_ARGUMENT", "path must hold only strings and numbers", { path: ["path"] });
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}
