// The `payscore` executable (built to dist/cli.js). It only wires the process to runCli.
import process from "node:process";
import { runCli } from "./runCli.js";
import { removePendingTemps } from "./writeAtomically.js";

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    removePendingTemps();
    process.stderr.write(`\npayscore: stopped (${signal}); no output file was written\n`);
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });
}
// `payscore run … | head` closes stdout early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.on("uncaughtException", (error) => {
  removePendingTemps();
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
