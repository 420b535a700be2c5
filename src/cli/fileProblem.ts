import { CliError } from "./CliError.js";

/**
 * Turns a file-system error (missing file, a folder, no permission) into a one-line
 * {@link CliError} naming the file; anything else is passed through as it is.
 *
 * @param error - what `fs` threw
 * @param displayName - the path as the user wrote it
 * @param verb - "read" or "write"
 * @returns the error to throw
 *
 * @example
 * ```ts
 * fileProblem(enoent, "plan.json", "read"); // CliError "plan.json: no such file"
 * ```
 */
export function fileProblem(error: unknown, displayName: string, verb: "read" | "write"): unknown {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case "ENOENT":
      return new CliError(verb === "read" ? `${displayName}: no such file` : `${displayName}: cannot write: the folder does not exist`);
    case "EISDIR":
      return new CliError(`${displayName}: is a folder, not a file`);
    case "ENOTDIR":
      return new CliError(`${displayName}: a part of the path is not a folder`);
    case "EACCES":
    case "EPERM":
      return new CliError(`${displayName}: permission denied (cannot ${verb} it)`);
    case "ENOSPC":
      return new CliError(`${displayName}: the disk is full`);
    case "EROFS":
      return new CliError(`${displayName}: the file system is read-only`);
    default:
      return error;
  }
}
