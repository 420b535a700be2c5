import { mkdtempSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { CliIo } from "../../src/cli/CliIo.js";

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
