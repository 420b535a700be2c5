// Runs one benchmark scenario in its own process (so peak memory is its own) and prints one JSON
// line: { scenario, n, runs: [ms…], maxRssMiB, check } (and `failed` when the CLI child of
// realistic-cli failed: its message, with the runs that succeeded before).
//   node bench/scenario.mjs <scenario> <people> <runs>
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CAP, KPIS, MULTIPLIERS, POOL_PER_PERSON, QUOTAS, benchCsv, benchPlan, makePeople } from "./data.mjs";
import { floatGrades, floatPool, floatScores } from "./float-baseline.mjs";
import { IMPORT_TARGETS, timeImport } from "./import-time.mjs";
import { makePercallPeople, percallApi, percallFloat } from "./percall.mjs";
import { ensureRealistic } from "./realistic.mjs";

const [name, nText, runsText] = process.argv.slice(2);
const n = Number(nText);
const runs = Number(runsText ?? 3);
// The realistic and per-call scenarios have inputs of their own: the 8-KPI columns are made (and
// the library loaded) only for the scenarios that use them, so they do not count in the others' peak RSS.
// The import scenarios load it in children of their own.
const own = name.startsWith("realistic-") || name.startsWith("api-percall") || name in IMPORT_TARGETS;
const lib = own && name !== "api-percall" ? null : await import("../dist/index.js");
const people = own ? null : makePeople(n);

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

const plan = () => benchPlan(n);
/** Data rows of strings, as a CSV would give them. */
const benchRows = () => {
  // The header's strings, reused for every row (as a CSV reader does).
  const actualKeys = KPIS.map((kpi) => kpi.id);
  const targetKeys = KPIS.map((kpi) => `${kpi.id}Target`);
  // As readCsvTable does: every row a copy of one template with the header's keys (one hidden
  // class, fast property reads), not an object growing its own keys (dictionary mode).
  const template = JSON.parse(JSON.stringify(Object.fromEntries(["id", ...actualKeys.flatMap((key, k) => [key, targetKeys[k]])].map((key) => [key, ""]))));
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = { ...template };
    row.id = people.ids[i];
    for (let k = 0; k < KPIS.length; k++) {
      row[actualKeys[k]] = String(people.actual[k][i]);
      row[targetKeys[k]] = String(people.target[k][i]);
    }
    rows[i] = row;
  }
  return rows;
};
let rows;
let cliDir;
let childRssMiB = 0;
// Set when a child's stderr had no peak RSS: reported as null, not 0. A child ended by a signal
// never runs the preload's exit hook, and /usr/bin/time's report was missing in 2 of 5 such runs here.
let childRssUnknown = false;
scenarios.runPlan = () => {
  rows ??= benchRows();
  const run = lib.runPlan(plan(), { rows }, { trace: false });
  return run.totals.payout;
};
// The same run without materialising the statements: the header, totals and pool report at once,
// each statement on request (what `payscore run` streams from).
scenarios.runPlanLazy = () => {
  rows ??= benchRows();
  const run = lib.runPlanLazy(plan(), { rows }, { trace: false });
  return run.totals.payout;
};
// The floor of any `runPlan` that returns plain statements: a million statements of its shape
// built from strings made beforehand, with no arithmetic, no parsing and no checks — the
// statement, its person, its list of 8 KPI lines, a line object of its own for the 4 KPIs whose
// (actual, target) differ from person to person in this data, one shared line for the other 4,
// and the shared grade and pay parts `runPlan` shares too. Whatever runPlan computes comes on top.
scenarios.statements = () => {
  rows ??= benchRows();
  const texts = Array.from({ length: 4096 }, (_, i) => String(i / 100));
  // Per KPI, worked out once: whether its line is the person's own, and its two column keys.
  const own = KPIS.map((kpi) => ["revenue", "grossProfit", "collection", "pipeline"].includes(kpi.id));
  const targetKeys = KPIS.map((kpi) => `${kpi.id}Target`);
  const shared = KPIS.map((kpi) => Object.freeze({ id: kpi.id, name: null, category: null, actual: "60", target: "60", attainment: "1", points: "100", weight: kpi.weight, difficulty: "1", contribution: "10" }));
  const grade = Object.freeze({ initial: "B", final: "B", reason: null });
  const pay = Object.freeze([Object.freeze({ component: "pool", id: "bonus", amount: "1000.00" })]);
  const empty = Object.freeze([]);
  const statements = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const lines = new Array(KPIS.length);
    for (let k = 0; k < KPIS.length; k++) {
      const id = KPIS[k].id;
      lines[k] = own[k]
        ? { id, name: null, category: null, actual: row[id], target: row[targetKeys[k]], attainment: texts[(i + k) & 4095], points: texts[(i * 7 + k) & 4095], weight: KPIS[k].weight, difficulty: "1", contribution: texts[(i * 13 + k) & 4095] }
        : shared[k];
    }
    const score = texts[i & 4095];
    statements[i] = {
      person: { id: row.id, name: null, team: null, region: null, role: null, activeFrom: "2026-01-01", activeTo: "2026-03-31", basePay: null },
      indicators: empty,
      kpis: lines,
      kpiScore: score,
      review360: null,
      score,
      rank: i + 1,
      grade,
      pay,
      totalPayout: "1000.00",
      promotion: null,
      trace: empty,
    };
  }
  return `${statements.length} statements`;
};
/** Writes the plan and the data CSV of the cli scenario once. */
function prepareCliFiles() {
  if (cliDir !== undefined) return;
  cliDir = mkdtempSync(join(tmpdir(), "payscore-bench-"));
  writeFileSync(join(cliDir, "plan.json"), JSON.stringify(plan()));
  writeFileSync(join(cliDir, "data.csv"), benchCsv(people));
}
/**
 * Runs `node <script> <args>` (default: dist/cli.js) in `cwd` and keeps the child's peak RSS: from
 * /usr/bin/time -v when present, else from a preload that prints it on exit. Returns the child
 * (status, signal, stdout, stderr).
 */
function runCli(args, cwd, script = new URL("../dist/cli.js", import.meta.url).pathname) {
  const timed = existsSync("/usr/bin/time");
  const child = timed
    ? spawnSync("/usr/bin/time", ["-v", process.execPath, script, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, ["--require", new URL("./maxrss.cjs", import.meta.url).pathname, script, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  const kib = timed ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1] : /maxRSS=(\d+)/.exec(child.stderr)?.[1];
  if (kib === undefined) childRssUnknown = true;
  childRssMiB = Math.max(childRssMiB, Number(kib ?? 0) / 1024);
  return child;
}
scenarios.cli = () => {
  prepareCliFiles();
  const child = runCli(["run", "plan.json", "--data", "data.csv", "--format", "csv", "--out", "out.csv"], cliDir);
  if (child.status !== 0) throw new Error(`payscore run failed: ${child.stderr}`);
  return `${n} rows`;
};

// ─── The realistic case (issue 17): bench/realistic.mjs's files, made once per N and kept ───
let realDir;
/** Thrown when the CLI child fails: reported as the scenario's outcome, not a crash of the benchmark. */
class CliFailed extends Error {}
// `payscore run` on the realistic files, as a user runs it (default heap), CSV out: wall clock and the child's peak RSS.
scenarios["realistic-cli"] = () => {
  const child = runCli(["run", "plan.json", "--data", "data.csv", "--ratings", "ratings.csv", "--history", "history.csv", "--format", "csv", "--out", "out-cli.csv"], realDir);
  if (child.status !== 0 || /Command terminated by signal/.test(child.stderr)) {
    const signal = /Command terminated by signal (\d+)/.exec(child.stderr)?.[1] ?? child.signal;
    const message = child.stderr.split("\n").find((line) => /heap out of memory|Error|error/.test(line))?.trim() ?? "";
    throw new CliFailed(`payscore run ${signal ? `ended by signal ${signal}` : `exited with ${child.status}`}${message ? `: ${message.slice(0, 200)}` : ""}`);
  }
  return `${n} rows`;
};
// Its floor: the same run in plain doubles (bench/realistic-float.mjs), measured the same way —
// a fresh child process each run (default heap, cold JIT, start-up included), wall clock and peak RSS.
scenarios["realistic-float"] = () => {
  const child = runCli([realDir, join(realDir, "out-float.csv")], realDir, new URL("./realistic-float.mjs", import.meta.url).pathname);
  if (child.status !== 0 || /Command terminated by signal/.test(child.stderr)) throw new Error(`realistic-float failed: ${child.stderr}`);
  return child.stdout.trim();
};

// ─── The per-call API as a developer writes it (bench/percall.mjs), and its floor in doubles ───
let percallPeople;
scenarios["api-percall"] = () => percallApi(lib, percallPeople);
scenarios["api-percall-float"] = () => percallFloat(percallPeople);

// ─── Import time (issue 22): one fresh `node` a run, timed inside it (bench/import-time.mjs) ───
/** The time the child measured, reported instead of the spawn's wall clock. */
let innerMs;
for (const scenario of Object.keys(IMPORT_TARGETS)) {
  scenarios[scenario] = () => {
    const child = timeImport(scenario);
    innerMs = child.ms;
    childRssMiB = Math.max(childRssMiB, child.maxRssMiB);
    return `${child.exports} exports`;
  };
}
const scenario = scenarios[name];
if (!scenario) {
  console.log(JSON.stringify({ scenario: name, n, skipped: "unknown scenario" }));
  process.exit(0);
}
// Inputs are made before the clock starts: the rows a CSV reader would give (runPlan) and the
// files on disk (cli) are the scenario's input, not its work.
if (name.startsWith("runPlan") || name === "statements") rows ??= benchRows();
if (name === "cli") prepareCliFiles();
// The realistic files are made (in a child process) or found in the cache; the per-call people are built.
if (name.startsWith("realistic-")) realDir = ensureRealistic(n);
if (name.startsWith("api-percall")) percallPeople = makePercallPeople(n);
const times = [];
let check;
let failed;
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  innerMs = undefined;
  try {
    check = scenario();
  } catch (error) {
    if (!(error instanceof CliFailed)) throw error;
    failed = `${error.message} (after ${((performance.now() - start) / 1000).toFixed(1)} s)`;
    break;
  }
  const elapsed = performance.now() - start;
  times.push(innerMs ?? elapsed);
}
if (cliDir !== undefined) rmSync(cliDir, { recursive: true, force: true });
// The outputs are large; the inputs stay cached for the next run.
if (realDir !== undefined) for (const file of ["out-cli.csv", "out-float.csv"]) rmSync(join(realDir, file), { force: true });
// For the cli and realistic scenarios the peak is the child's (the payscore or floor process), not this one's.
const maxRssMiB = name === "cli" || name.startsWith("realistic-") || name in IMPORT_TARGETS ? (childRssUnknown && childRssMiB === 0 ? null : childRssMiB) : process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ scenario: name, n, runs: times, maxRssMiB, check, ...(failed === undefined ? {} : { failed }) }));
