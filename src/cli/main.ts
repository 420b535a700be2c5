// The payscore command line. Commands are added by the plan issue; this entry stays thin.
import process from "node:process";

const [command] = process.argv.slice(2);
if (command === "--version" || command === "-v") {
  process.stdout.write("payscore 0.1.0\n");
} else {
  process.stderr.write("payscore: the command line is not built yet\n");
  process.exitCode = 2;
}
