// npm run demo — runs the bundled regional-team plan (12 people, one quarter) with the built
// library and prints every payout as a table no wider than 100 columns. It builds nothing
// itself: `npm run demo` builds first, quietly. Amounts are written with Intl.NumberFormat for
// the plan's currency. The same run from the command line:
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

// Money for the locale and the run's currency; the symbol is said once, in the title, so the
// columns stay narrow. Amounts are exact decimal strings: Intl formats the string, no float.
const locale = "en";
const currencyFormat = new Intl.NumberFormat(locale, { style: "currency", currency: run.currency });
const symbol = currencyFormat.formatToParts(0).find((part) => part.type === "currency")?.value ?? run.currency;
const digits = currencyFormat.resolvedOptions().maximumFractionDigits;
const amountFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const money = (value) => amountFormat.format(value);
const points = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const sumPay = (statement, component) => {
  const units = statement.pay.filter((line) => line.component === component).reduce((sum, line) => sum + BigInt(line.amount.replace(".", "")), 0n);
  const unit = 10n ** BigInt(digits);
  const size = units < 0n ? -units : units;
  return `${units < 0n ? "-" : ""}${size / unit}${digits > 0 ? `.${(size % unit).toString().padStart(digits, "0")}` : ""}`;
};

const titles = ["id", "name", "team", "score", "#", "grade", "fixed", "incentive", "commission", "pools", "awards", "total"];
const left = new Set(["id", "name", "team", "grade"]);
const rows = run.statements.map((s) => [
  s.person.id, s.person.name ?? "", s.person.team ?? "", points.format(s.score), String(s.rank),
  s.grade === null ? "" : s.grade.final + (s.grade.final === s.grade.initial ? "" : "*"),
  money(sumPay(s, "fixed")), money(sumPay(s, "targetIncentive")), money(sumPay(s, "commission")),
  money(sumPay(s, "pool")), money(sumPay(s, "award")), money(s.totalPayout),
]);
const t = run.totals;
const totals = ["", `${t.people} people`, "", "", "", "", money(t.fixed), money(t.targetIncentive), money(t.commission), money(t.pool), money(t.award), money(t.payout)];
const widths = titles.map((title, c) => Math.max(title.length, ...[...rows, totals].map((row) => row[c].length)));
const gap = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) <= 100 ? "  " : " ";
const line = (cells) => cells.map((cell, c) => (left.has(titles[c]) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(gap).trimEnd();
const rule = line(widths.map((width) => "─".repeat(width)));

console.log(`${run.planName} — ${run.period.label} (${run.period.start} … ${run.period.end})`);
console.log(`amounts in ${run.currency} (${symbol}); plan ${run.planHash.slice(0, 19)}…, payscore ${run.version}\n`);
console.log(line(titles));
console.log(rule);
for (const row of rows) console.log(line(row));
console.log(rule);
console.log(line(totals));

const promoted = run.statements.filter((s) => s.promotion?.eligible).map((s) => s.person.id);
console.log(`# rank by score. Eligible for promotion: ${promoted.length === 0 ? "nobody" : promoted.join(", ")}.`);

console.log("\nPools");
for (const pool of run.pools) {
  const capped = pool.allocations.filter((a) => a.capped).length;
  console.log(`  ${pool.id}${pool.team === null ? "" : ` (team ${pool.team})`}: budget ${money(pool.budget)} × funding ${pool.fundingRatio} = ${money(pool.funded)}`);
  console.log(`    allocated ${money(pool.allocated)}, unallocated ${money(pool.unallocated)}, ${capped} at their cap`);
}
console.log("\n* grade changed in calibration. Every amount is exact to the fen; the statements sum to the totals.");
console.log("Explain one payout step by step (--locale zh-CN for Chinese):");
console.log("  npx payscore explain examples/regional-team/plan.json --data examples/regional-team/data.csv \\");
console.log("    --ratings examples/regional-team/ratings.csv --history examples/regional-team/history.csv \\");
console.log("    --person R01 --locale en");
