// The per-call API as a developer writes it (issue 17): a plain KPI list with number weights,
// one `scoreKpis(kpis, p.values)` per person with plain-number actuals and targets, then
// `forcedDistribution` and `allocatePool` — and the same in plain doubles, its floor.
// The people are the first 6 KPIs of data.mjs's seeded data, as objects.
import { CAP, POOL_PER_PERSON, makePeople } from "./data.mjs";
import { floatGrades, floatPool } from "./float-baseline.mjs";

/** Not frozen, number weights, curves on two KPIs (as the README writes a scorecard). */
export const PERCALL_KPIS = [
  { id: "revenue", weight: 0.3, curve: { points: [{ x: 0.6, y: 50 }, { x: 1, y: 100 }, { x: 1.5, y: 150 }], below: "zero" } },
  { id: "grossProfit", weight: 0.2, curve: { points: [{ x: 0, y: 0 }, { x: 0.8, y: 60 }, { x: 1, y: 100 }, { x: 1.2, y: 120 }], step: true } },
  { id: "collection", weight: 0.15, cap: 1.2 },
  { id: "newCustomers", weight: 0.15, cap: 1.5 },
  { id: "visits", weight: 0.1, cap: 1.2 },
  { id: "complaints", weight: 0.1, direction: "lower", floor: 0 },
];
// The same curve, multipliers, budget and cap as the other scenarios, written as numbers.
export const PERCALL_QUOTAS = [
  { grade: "A", share: 0.2 },
  { grade: "B", share: 0.7 },
  { grade: "C", share: 0.1 },
];
export const PERCALL_MULTIPLIERS = { A: 1.5, B: 1, C: 0.5 };
export const PERCALL_CAP = Number(CAP);
export const percallBudget = (n) => n * POOL_PER_PERSON;

/** `[{ id, values: { revenue: { actual, target }, … } }]`, plain numbers. */
export function makePercallPeople(n) {
  const { ids, actual, target } = makePeople(n);
  const people = new Array(n);
  for (let i = 0; i < n; i++) {
    const values = {};
    PERCALL_KPIS.forEach((kpi, k) => {
      values[kpi.id] = { actual: actual[k][i], target: target[k][i] };
    });
    people[i] = { id: ids[i], values };
  }
  return people;
}

/** The library, called as a developer calls it; returns the pool's total as a check. */
export function percallApi(lib, people) {
  const { scoreKpis, forcedDistribution, allocatePool } = lib;
  const scored = people.map((p) => scoreKpis(PERCALL_KPIS, p.values));
  const grades = forcedDistribution(
    scored.map((s, i) => ({ id: people[i].id, score: s.score })),
    PERCALL_QUOTAS,
  );
  const { allocations, unallocated } = allocatePool(
    percallBudget(people.length),
    grades.map((g, i) => ({ id: g.id, weight: scored[i].score.times(PERCALL_MULTIPLIERS[g.grade]), cap: PERCALL_CAP })),
  );
  return allocations.reduce((sum, a) => sum.plus(a.amount), unallocated).toFixed(2);
}

function curveAt(curve, x) {
  const pts = curve.points;
  if (x < pts[0].x) return curve.below === "zero" ? 0 : pts[0].y;
  const last = pts[pts.length - 1];
  if (x >= last.x) return last.y;
  let k = 0;
  while (x >= pts[k + 1].x) k++;
  if (curve.step) return pts[k].y;
  return pts[k].y + ((x - pts[k].x) * (pts[k + 1].y - pts[k].y)) / (pts[k + 1].x - pts[k].x);
}

/** One person's score in doubles, the same loop as scoreKpis without its checks, lines or exactness. */
function floatScoreKpis(kpis, values) {
  let score = 0;
  for (let k = 0; k < kpis.length; k++) {
    const kpi = kpis[k];
    const { actual, target } = values[kpi.id];
    let a = kpi.direction === "lower" ? Math.max(0, 2 - actual / target) : actual / target;
    if (kpi.cap !== undefined && a > kpi.cap) a = kpi.cap;
    if (kpi.floor !== undefined && a < kpi.floor) a = kpi.floor;
    score += kpi.weight * (kpi.curve === undefined ? 100 * a : curveAt(kpi.curve, a));
  }
  return score;
}

/** The same run in doubles: scores, the 20/70/10 curve, the capped pool (float-baseline's). */
export function percallFloat(people) {
  const scores = people.map((p) => floatScoreKpis(PERCALL_KPIS, p.values));
  const grades = floatGrades(scores);
  const amounts = floatPool(scores, grades, PERCALL_CAP);
  let total = 0;
  for (const a of amounts) total += a;
  return total.toFixed(2);
}
