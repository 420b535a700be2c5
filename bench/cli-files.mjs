// Writes the cli scenario's plan.json and data.csv for N people into a folder (for profiling
// `node --cpu-prof dist/cli.js run …` on the same files the benchmark uses).
//   node bench/cli-files.mjs <people> <folder>
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchCsv, benchPlan, makePeople } from "./data.mjs";

const n = Number(process.argv[2] ?? 1_000_000);
const dir = process.argv[3] ?? "/tmp/payscore-cli";
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "plan.json"), JSON.stringify(benchPlan(n)));
writeFileSync(join(dir, "data.csv"), benchCsv(makePeople(n)));
