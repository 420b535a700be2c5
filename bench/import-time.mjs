// How long `import("payscore")` takes in a fresh Node process (issue 22: goal under 100 ms):
// the median of N runs of the built ESM entry. Run after `npm run build`:
// node bench/import-time.mjs [runs]
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const script = `const t = performance.now(); await import(${JSON.stringify(entry)}); console.log(performance.now() - t);`;
const times = [];
for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).trim()));
times.sort((a, b) => a - b);
console.log(`import("payscore"): median ${times[Math.floor(runs / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[runs - 1].toFixed(1)}, ${runs} runs)`);
