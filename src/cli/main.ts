// The `payscore` executable (built to dist/cli.js). It only wires the process to runCli.
import process from "node:process";
import { runCli } from "./runCli.js";
import { releaseHeldLocks } from "./outputLock.js";
import { removePendingTemps } from "./writeAtomically.js";

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    removePendingTemps();
    releaseHeldLocks();
    process.stderr.write(`\npayscore: stopped (${signal}); no output file was written\n`);
    // Issue 22: die of the signal itself (exit status 128 + n, as the shell reports it) rather than
    // process.exit, which waits for a thread still blocked in a read (a FIFO, a slow drive).
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
}
// `payscore run … | head` closes stdout early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.on("uncaughtException", (error) => {
  removePendingTemps();
  releaseHeldLocks();
  process.stderr.write(`payscore: internal error (a bug in payscore; please report it with the command you ran): ${error.message.split("\n")[0] ?? ""}\n`);
  process.exit(1);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
});
