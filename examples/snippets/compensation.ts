// Compensation: tiered commission both ways, a target incentive on a curve, a capped bonus pool
// and a promotion streak.
import { allocatePool, meetsStreak, targetIncentive, tieredCommission } from "../../src/index.js";

const tiers = [
  { from: 0, rate: "0.03" },
  { from: 1_000_000, rate: "0.05" },
];
// Marginal: 1,000,000 · 3 % + 150,000 · 5 % = 30,000 + 7,500.
console.log(tieredCommission(1_150_000, tiers).toString()); // → 37500
// Retroactive: the whole 1,150,000 at 5 %.
console.log(tieredCommission(1_150_000, tiers, { mode: "retroactive" }).toString()); // → 57500

// Target incentive 18,000 at 120 % attainment on a curve paying 1 at 100 % and 1.5 at 130 %:
// 1 + (1.2 − 1) / 0.3 · 0.5 = 1.333…; 18,000 · 1.333… = 24,000.
const curve = { points: [{ x: "0.5", y: 0 }, { x: 1, y: 1 }, { x: "1.3", y: "1.5" }], below: "zero" as const };
console.log(targetIncentive(18_000, "1.2", curve).toString()); // → 24000

// A 100,000 pool by weights 3 : 1 : 1 with a 40,000 cap on "a": a would get 60,000, keeps 40,000,
// and the 20,000 it cannot take goes to b and c in proportion.
const pool = allocatePool(100_000, [
  { id: "a", weight: 3, cap: 40_000 },
  { id: "b", weight: 1 },
  { id: "c", weight: 1 },
]);
console.log(pool.allocations.map((x) => `${x.id}=${x.amount.toString()}${x.capped ? " (capped)" : ""}`).join(" ")); // → a=40000 (capped) b=30000 c=30000
console.log(pool.unallocated.toString()); // → 0

// Promotion: attainment ≥ 100 % in the last three quarters.
console.log(JSON.stringify(meetsStreak([1.04, "0.97", 1.08, 1.12, "1.01"], { threshold: 1, count: 3 }))); // → {"eligible":true,"longest":3,"current":3}
