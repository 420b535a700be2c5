// Targets: a fiscal year split into quarters by a seasonality profile, a quarter split over
// regions, and a target prorated for someone who joined mid-quarter.
// Run: npx vitest run test/cli/snippets.test.ts (checks every "→" below).
import { decomposeOverPeriods, decomposeTarget, fiscalYear, prorateTarget, splitPeriod } from "../../src/index.js";

// A fiscal year that starts in April (FY2026 = Apr 2026 – Mar 2027).
const fy = fiscalYear(2026, { startMonth: 4 });
console.log(`${fy.label} ${fy.start} ${fy.end}`); // → FY2026 2026-04-01 2027-03-31
console.log(splitPeriod(fy, "quarter").map((q) => q.label).join(" ")); // → FY2026-Q1 FY2026-Q2 FY2026-Q3 FY2026-Q4

// 10,000,000 over the quarters with a 2 : 3 : 3 : 2 seasonality profile.
const quarters = decomposeOverPeriods(10_000_000, fy, { unit: "quarter", method: { weights: [2, 3, 3, 2] } });
console.log(quarters.map((q) => `${q.period.label}=${q.amount.toString()}`).join(" ")); // → FY2026-Q1=2000000 FY2026-Q2=3000000 FY2026-Q3=3000000 FY2026-Q4=2000000

// A quarter's 1,000,000 over three regions weighted 5 : 4 : 3 (to the cent, summing exactly).
// East 1,000,000 · 5/12 = 416,666.666… → 416,666.67; West 333,333.33; North 250,000.
const regions = decomposeTarget(1_000_000, [
  { key: "East", weight: 5 },
  { key: "West", weight: 4 },
  { key: "North", weight: 3 },
]);
console.log(regions.map((r) => `${r.key}=${r.amount.toString()}`).join(" ")); // → East=416666.67 West=333333.33 North=250000

// Joined on 1 February: active 59 of Q1's 90 days → 300,000 · 59 / 90 = 196,666.666… → 196,666.67.
const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
console.log(prorateTarget(300_000, q1, { from: "2026-02-01" }).toString()); // → 196666.67
