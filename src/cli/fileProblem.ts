import { CliError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";

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
      return new CliError(cliMessage(verb === "read" ? "noSuchFile" : "noSuchFolder", { file: displayName }));
    case "EISDIR":
      return new CliError(cliMessage("isFolder", { file: displayName }));
    case "ENOTDIR":
      return new CliError(cliMessage("notFolderInPath", { file: displayName }));
    case "EACCES":
    case "EPERM":
      return new CliError(cliMessage(verb === "read" ? "permissionRead" : "permissionWrite", { file: displayName }));
    case "ENOSPC":
      return new CliError(cliMessage("diskFull", { file: displayName }));
    case "EROFS":
      return new CliError(cliMessage("readOnly", { file: displayName }));
    default:
      return error;
  }
}
