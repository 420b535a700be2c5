import type { Writable } from "node:stream";

/**
 * Everything the command line touches outside its arguments, so a test can run a command
 * in-process with its own streams and folder.
 */
export interface CliIo {
  /** Where results go (the run, the schema, an explanation). */
  readonly stdout: Writable;
  /** Where messages go: errors, and the progress line. */
  readonly stderr: Writable;
  /** Whether stderr is a terminal: the progress line is drawn only then. */
  readonly stderrIsTTY: boolean;
  /** The folder relative paths are read from and written to. */
  readonly cwd: string;
  /** The environment (read for `LANG`/`LC_ALL` to choose the default locale). */
  readonly env: Readonly<Record<string, string | undefined>>;
}
