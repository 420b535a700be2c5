import { mkdtempSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";
import type { CliIo } from "../../src/cli/CliIo.js";
import { runCli } from "../../src/cli/runCli.js";

/** A temp folder under os.tmpdir(), with helpers to write files into it and list what is there. */
export interface TempDir {
  readonly path: string;
  write(name: string, content: string | Uint8Array): string;
  list(): string[];
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), "payscore-cli-"));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
    list: () => readdirSync(path).sort(),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** In-memory streams for a command run in-process. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(cwd: string, options?: { tty?: boolean; env?: Record<string, string> }): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const outChunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => outChunks.push(chunk));
  stderr.on("data", (chunk: Buffer) => errChunks.push(chunk));
  return {
    stdout,
    stderr,
    stderrIsTTY: options?.tty ?? false,
    cwd,
    env: options?.env ?? {},
    out: () => Buffer.concat(outChunks).toString("utf8"),
    err: () => Buffer.concat(errChunks).toString("utf8"),
  };
}

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A path maker for one of the project's examples: `exampleFile("cash-commission")("plan.json")`
 * is `<root>/examples/cash-commission/plan.json`.
 */
export function exampleFile(example: string): (name: string) => string {
  return (name) => join(projectRoot, "examples", example, name);
}

/** What `payscore` did when run in-process: its exit code, stdout and stderr. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * The setup most command-line tests share: a fresh temp folder for each test (made in
 * `beforeEach`, removed in `afterEach`) and `cli(...argv)`, which runs `payscore` in-process in
 * it. `dir` stands for the current test's folder. Call it at the top of a test file.
 */
export function cliSandbox(): { readonly dir: TempDir; cli(...argv: string[]): Promise<CliResult> } {
  let current: TempDir | undefined;
  const now = (): TempDir => {
    if (current === undefined) throw new Error("cliSandbox: the temp folder exists only inside a test");
    return current;
  };
  beforeEach(() => {
    current = tempDir();
  });
  afterEach(() => {
    current?.remove();
    current = undefined;
  });
  const dir: TempDir = {
    get path() {
      return now().path;
    },
    write: (name, content) => now().write(name, content),
    list: () => now().list(),
    remove: () => now().remove(),
  };
  const cli = async (...argv: string[]): Promise<CliResult> => {
    const io = captureIo(dir.path);
    const code = await runCli(argv, io);
    return { code, out: io.out(), err: io.err() };
  };
  return { dir, cli };
}
