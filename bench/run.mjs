// The benchmark: `npm run bench` (builds first). Runs every scenario at 10k, 100k and 1M people,
// each in a fresh process, prints a table (median ms, ns per person, ratio to the float baseline
// of the same size, peak RSS) and writes bench/results.json.
//   BENCH_SIZES=10000,100000 BENCH_RUNS=5 npm run bench
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const scenarios = (process.env.BENCH_SCENARIOS ?? "float-score,float,statements,api,runPlan,runPlanLazy,cli").split(",");
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = [];
for (const n of sizes) {
  for (const scenario of scenarios) {
    // The slow exact paths at 1M people run fewer times; the median of what ran is reported.
    const r = n >= 1_000_000 && !scenario.startsWith("float") ? Math.min(runs, 2) : runs;
    const out = execFileSync(process.execPath, ["--max-old-space-size=8192", new URL("./scenario.mjs", import.meta.url).pathname, scenario, String(n), String(r)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    });
    const line = JSON.parse(out.trim().split("\n").pop());
    if (line.skipped) continue;
    line.medianMs = median(line.runs);
    results.push(line);
    process.stderr.write(`  ${scenario} × ${n}: ${line.medianMs.toFixed(1)} ms\n`);
  }
}

const baseline = (n) => results.find((x) => x.n === n && x.scenario === "float")?.medianMs;
const rows = results.map((x) => ({
  scenario: x.scenario,
  people: x.n,
  "median ms": x.medianMs.toFixed(1),
  "ns/person": ((x.medianMs * 1e6) / x.n).toFixed(0),
  "× float": baseline(x.n) ? (x.medianMs / baseline(x.n)).toFixed(2) : "",
  "peak RSS MiB": x.maxRssMiB.toFixed(0),
  runs: x.runs.length,
}));
console.table(rows);
writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify({ node: process.version, cpus: availableParallelism(), cpu: cpus()[0]?.model, date: new Date().toISOString(), results }, null, 2)}\n`,
);
