import type { ErrorPath } from "./PayscoreError.js";

/**
 * Writes an error path the way a person reads a JSON location: `people[3].basePay`.
 *
 * @param path - keys and indexes, outermost first
 * @returns the dotted path, or `(root)` for an empty path
 *
 * @example
 * ```ts
 * formatPath(["kpis", 2, "weight"]); // "kpis[2].weight"
 * ```
 */
export function formatPath(path: ErrorPath): string {
  if (path.length === 0) return "(root)";
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}
