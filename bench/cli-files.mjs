// Writes the cli scenario's plan.json and data.csv for N people into a folder (for profiling
// `node --cpu-prof dist/cli.js run …` on the same files the benchmark uses).
//   node bench/cli-files.mjs <people> <folder>
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CAP, KPIS, MULTIPLIERS, POOL_PER_PERSON, QUOTAS, makePeople } from "./data.mjs";

const n = Number(process.argv[2] ?? 1_000_000);
const dir = process.argv[3] ?? "/tmp/payscore-cli";
mkdirSync(dir, { recursive: true });
const people = makePeople(n);
const plan = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: KPIS.map((kpi) => ({ ...kpi, actual: kpi.id, target: { column: `${kpi.id}Target` } })),
  grading: { method: "forced", quotas: QUOTAS },
  pay: { gradeMultipliers: MULTIPLIERS, pools: [{ id: "bonus", budget: (n * POOL_PER_PERSON).toFixed(2), weightBy: "score", cap: CAP }] },
};
writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
const header = ["id", ...KPIS.flatMap((kpi) => [kpi.id, `${kpi.id}Target`])];
const lines = [header.join(",")];
for (let i = 0; i < n; i++) {
  const cells = [people.ids[i]];
  for (let k = 0; k < KPIS.length; k++) cells.push(String(people.actual[k][i]), String(people.target[k][i]));
  lines.push(cells.join(","));
}
writeFileSync(join(dir, "data.csv"), `${lines.join("\n")}\n`);
