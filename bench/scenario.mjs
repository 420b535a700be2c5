// Runs one benchmark scenario in its own process (so peak memory is its own) and prints one JSON
// line: { scenario, n, runs: [ms…], maxRssMiB, check }.
//   node bench/scenario.mjs <scenario> <people> <runs>
import { performance } from "node:perf_hooks";
import { CAP, KPIS, MULTIPLIERS, POOL_PER_PERSON, QUOTAS, makePeople } from "./data.mjs";
import { floatGrades, floatPool, floatScores } from "./float-baseline.mjs";

const [name, nText, runsText] = process.argv.slice(2);
const n = Number(nText);
const runs = Number(runsText ?? 3);
const lib = await import("../dist/index.js");
const people = makePeople(n);

const scenarios = {
  "float-score": () => {
    const scores = floatScores(people);
    return scores[0].toFixed(6);
  },
  float: () => {
    const scores = floatScores(people);
    const grades = floatGrades(scores);
    const amounts = floatPool(scores, grades, Number(CAP));
    let total = 0;
    for (const a of amounts) total += a;
    return total.toFixed(2);
  },
  api: () => {
    const { scoreKpis, forcedDistribution, allocatePool, Decimal } = lib;
    const entries = new Array(n);
    const values = {};
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < KPIS.length; j++) values[KPIS[j].id] = { actual: people.actual[j][i], target: people.target[j][i] };
      entries[i] = { id: people.ids[i], score: scoreKpis(KPIS, values).score };
    }
    const grades = forcedDistribution(entries, QUOTAS);
    const multipliers = Object.fromEntries(Object.entries(MULTIPLIERS).map(([g, m]) => [g, new Decimal(m)]));
    const poolEntries = entries.map((e, i) => ({ id: e.id, weight: e.score.times(multipliers[grades[i].grade]), cap: CAP }));
    const { allocations, unallocated } = allocatePool(n * POOL_PER_PERSON, poolEntries);
    return allocations.reduce((a, x) => a.plus(x.amount), unallocated).toFixed(2);
  },
};

const scenario = scenarios[name];
if (!scenario) {
  console.log(JSON.stringify({ scenario: name, n, skipped: "unknown scenario" }));
  process.exit(0);
}
const times = [];
let check;
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  check = scenario();
  times.push(performance.now() - start);
}
console.log(JSON.stringify({ scenario: name, n, runs: times, maxRssMiB: process.resourceUsage().maxRSS / 1024, check }));
