// The benchmark: `npm run bench` (builds first). Runs every scenario at 10k, 100k and 1M people,
// each in a fresh process, prints a table (median ms, ns per person, ratio to the float baseline
// of the same size, peak RSS) and writes bench/results.json (or BENCH_OUT).
//   BENCH_SIZES=10000,100000 BENCH_RUNS=5 npm run bench
//
// Issue 17's scenarios, chosen with BENCH_SCENARIOS (not in the default list), each reported as a
// ratio to its own floor measured in the same run ("× own floor", a ratio of medians):
// - `realistic-cli`: `payscore run plan.json --data data.csv --ratings ratings.csv --history
//   history.csv --format csv --out …` in a child process (default heap, as a user runs it), wall
//   clock and the child's peak RSS, on the bundled regional-team plan scaled to N people
//   (bench/realistic.mjs: roster columns in the data, a few percent joining or leaving mid-quarter,
//   a decomposed and prorated revenue target, 4 derived indicators, a visits target from a column,
//   12 ratings a person from 6 raters over 2 competencies, 2 periods of history, forced 20/70/10
//   grades with overrides, fixed pay, target incentive, commission, a funded pool and a team pool,
//   awards, promotion). The files are made once per N, outside the timing, and kept in
//   $TMPDIR/payscore-bench-realistic-N.
// - `realistic-float`: its floor, the same run in plain doubles without checks, reading the same
//   three CSVs and writing the same CSV columns (bench/realistic-float.mjs); also a fresh child
//   process each run, timed and measured the same way.
// - `api-percall`: `people.map((p) => scoreKpis(kpis, p.values))` with a plain 6-KPI list (number
//   weights, two curves) and plain-number actuals and targets, then `forcedDistribution` and
//   `allocatePool` (bench/percall.mjs); `api-percall-float` is the same in doubles.
//   BENCH_SIZES=10000,200000,1000000 BENCH_SCENARIOS=realistic-float,realistic-cli,api-percall-float,api-percall BENCH_OUT=bench/results-realistic.json npm run bench
//
// Issue 22's import time, in the default list and measured once (not per size; "people" shows the
// first size): `import-esm` (`import("payscore")`, dist/index.js), `import-cjs`
// (`require("payscore")`, dist/index.cjs) and their floor `import-zod` (`import("zod")` alone),
// each a fresh `node` a run, timed inside it (bench/import-time.mjs), at least 9 runs.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const scenarios = (process.env.BENCH_SCENARIOS ?? "import-zod,import-esm,import-cjs,float-score,float,statements,api,runPlan,runPlanLazy,cli").split(",");
const out = process.env.BENCH_OUT === undefined ? new URL("./results.json", import.meta.url) : process.env.BENCH_OUT;
/** Each scenario measured against a floor of its own (not against `float`), and that floor. */
const floors = { "realistic-cli": "realistic-float", "api-percall": "api-percall-float", "import-esm": "import-zod", "import-cjs": "import-zod" };
/** Scenarios whose cost does not depend on the number of people: run at the first size only. */
const sizeless = (scenario) => scenario.startsWith("import-");
const floorNames = new Set(Object.values(floors));
const isFloat = (scenario) => scenario.startsWith("float") || floorNames.has(scenario);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = [];
for (const n of sizes) {
  for (const scenario of scenarios) {
    if (sizeless(scenario) && n !== sizes[0]) continue;
    // The slow exact paths at 1M people run fewer times; the median of what ran is reported.
    // An import is short and noisy: at least 9 fresh processes.
    const r = sizeless(scenario) ? Math.max(runs, 9) : n >= 1_000_000 && !isFloat(scenario) ? Math.min(runs, 2) : runs;
    const out = execFileSync(process.execPath, ["--max-old-space-size=8192", new URL("./scenario.mjs", import.meta.url).pathname, scenario, String(n), String(r)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    });
    const line = JSON.parse(out.trim().split("\n").pop());
    if (line.skipped) continue;
    line.medianMs = line.runs.length > 0 ? median(line.runs) : null;
    results.push(line);
    process.stderr.write(`  ${scenario} × ${n}: ${line.medianMs === null ? "-" : line.medianMs.toFixed(1)} ms${line.failed ? ` — failed: ${line.failed}` : ""}\n`);
  }
}

const medianOf = (n, scenario) => results.find((x) => x.n === n && x.scenario === scenario)?.medianMs;
const baseline = (n) => medianOf(n, "float");
const ownFloor = (x) => (floors[x.scenario] === undefined ? undefined : medianOf(x.n, floors[x.scenario]));
const rows = results.map((x) => ({
  scenario: x.scenario,
  people: x.n,
  "median ms": x.medianMs === null ? "failed" : x.medianMs.toFixed(1),
  "ns/person": x.medianMs === null || sizeless(x.scenario) ? "" : ((x.medianMs * 1e6) / x.n).toFixed(0),
  // The realistic and per-call scenarios do other work than `float`: they compare to their own floor.
  "× float": baseline(x.n) && x.medianMs !== null && !(x.scenario in floors) && !floorNames.has(x.scenario) ? (x.medianMs / baseline(x.n)).toFixed(2) : "",
  "× own floor": ownFloor(x) && x.medianMs !== null ? (x.medianMs / ownFloor(x)).toFixed(2) : "",
  "peak RSS MiB": x.maxRssMiB === null ? "?" : x.maxRssMiB.toFixed(0),
  runs: x.runs.length,
}));
console.table(rows);
for (const x of results.filter((r) => r.failed)) console.log(`${x.scenario} × ${x.n} failed: ${x.failed}`);
// How cost grows with people, smallest to largest size measured: time ratio ÷ people ratio (1 = linear).
for (const scenario of scenarios.filter((s) => !sizeless(s))) {
  const measured = results.filter((x) => x.scenario === scenario && x.medianMs !== null).sort((a, b) => a.n - b.n);
  if (measured.length < 2) continue;
  const [small, large] = [measured[0], measured[measured.length - 1]];
  const growth = large.medianMs / small.medianMs;
  console.log(`${scenario}: ${small.n} → ${large.n} people (× ${large.n / small.n}): time × ${growth.toFixed(1)}, per-person cost × ${(growth / (large.n / small.n)).toFixed(2)}`);
}
writeFileSync(
  out,
  `${JSON.stringify({ node: process.version, cpus: availableParallelism(), cpu: cpus()[0]?.model, date: new Date().toISOString(), results }, null, 2)}\n`,
);
