// npm run demo — runs the bundled regional-team plan (12 people, one quarter) with the built
// library and prints every payout as a table. It builds nothing itself: `npm run demo` builds
// first. The same run from the command line:
//   npx payscore run examples/regional-team/plan.json --data examples/regional-team/data.csv \
//     --ratings examples/regional-team/ratings.csv --history examples/regional-team/history.csv --format csv
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { parsePlan, runPlan } from "../dist/index.js";

const folder = new URL("./regional-team/", import.meta.url);
const read = (name) => readFileSync(new URL(name, folder), "utf8");
const csv = (name) => parse(read(name), { columns: true, bom: true, skip_empty_lines: true, trim: true });

const plan = parsePlan(JSON.parse(read("plan.json")));
const history = Object.fromEntries(
  csv("history.csv").map(({ id, ...periods }) => [id, Object.values(periods).filter((value) => value !== "")]),
);
const run = runPlan(plan, { rows: csv("data.csv"), ratings: csv("ratings.csv"), history }, { trace: false });

const money = (value) => (value === undefined || value === "" ? "" : Number(value).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const fixed2 = (value) => (value === null || value === undefined ? "–" : Number(value).toFixed(2));
const sumPay = (statement, component) =>
  statement.pay.filter((line) => line.component === component).reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0) / 100;

const columns = [
  ["id", 4, "left"], ["name", 11, "left"], ["team", 5, "left"], ["KPI", 7], ["360", 6], ["score", 7], ["rank", 4], ["grade", 5],
  ["fixed", 10], ["incentive", 10], ["commission", 10], ["pools", 10], ["awards", 9], ["total", 11], ["promote", 7, "left"],
];
const line = (cells) => cells.map((cell, i) => {
  const [, width, align] = columns[i];
  const text = String(cell);
  return align === "left" ? text.padEnd(width) : text.padStart(width);
}).join("  ");

console.log(`${run.planName} — ${run.period.label} (${run.period.start} … ${run.period.end}), ${run.currency}`);
console.log(`plan ${run.planHash.slice(0, 19)}…, payscore ${run.version}\n`);
console.log(line(columns.map(([title]) => title)));
console.log(line(columns.map(([, width]) => "─".repeat(width))));
for (const s of run.statements) {
  console.log(line([
    s.person.id, s.person.name ?? "", s.person.team ?? "", fixed2(s.kpiScore), fixed2(s.review360?.points), fixed2(s.score), s.rank,
    s.grade === null ? "" : s.grade.final + (s.grade.final === s.grade.initial ? "" : "*"),
    money(sumPay(s, "fixed")), money(sumPay(s, "targetIncentive")), money(sumPay(s, "commission")),
    money(sumPay(s, "pool")), money(sumPay(s, "award")), money(s.totalPayout), s.promotion?.eligible ? "yes" : "",
  ]));
}
const t = run.totals;
console.log(line(columns.map(([, width]) => "─".repeat(width))));
console.log(line(["", `${t.people} people`, "", "", "", "", "", "", money(t.fixed), money(t.targetIncentive), money(t.commission), money(t.pool), money(t.award), money(t.payout), ""]));

console.log("\nPools");
for (const pool of run.pools) {
  console.log(
    `  ${pool.id.padEnd(15)} budget ${money(pool.budget).padStart(11)}  × funding ${Number(pool.fundingRatio).toFixed(4)}  = ${money(pool.funded).padStart(11)}` +
      `  allocated ${money(pool.allocated).padStart(11)}  unallocated ${money(pool.unallocated)}` +
      `  (${pool.allocations.filter((a) => a.capped).length} at their cap)`,
  );
}
console.log("\n* grade changed in calibration. Every amount is exact to the fen; the statements sum to the totals.");
console.log("Explain one payout step by step: npx payscore explain examples/regional-team/plan.json --data examples/regional-team/data.csv \\");
console.log("  --ratings examples/regional-team/ratings.csv --history examples/regional-team/history.csv --person R01 --locale en");
