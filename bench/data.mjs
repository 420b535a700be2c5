// Seeded synthetic data for the benchmarks: N people × 8 KPIs, the same for every scenario.

/** mulberry32: a tiny seeded PRNG, so every run sees the same people. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deepFreeze = (value) => {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

/**
 * The scorecard: weights sum to 1; k0 and k1 carry curves; k5 is lower-is-better. Deeply frozen,
 * as a caller scoring many people should pass it: `scoreKpis` then checks it only once.
 */
export const KPIS = deepFreeze([
  { id: "revenue", weight: "0.30", curve: { points: [{ x: "0.6", y: 50 }, { x: 1, y: 100 }, { x: "1.5", y: 150 }], below: "zero" } },
  { id: "grossProfit", weight: "0.15", curve: { points: [{ x: 0, y: 0 }, { x: "0.8", y: 60 }, { x: 1, y: 100 }, { x: "1.2", y: 120 }], step: true } },
  { id: "collection", weight: "0.15", cap: "1.2" },
  { id: "newCustomers", weight: "0.10", cap: "1.5" },
  { id: "visits", weight: "0.10", cap: "1.2" },
  { id: "complaints", weight: "0.05", direction: "lower", floor: 0 },
  { id: "pipeline", weight: "0.10", cap: "1.5" },
  { id: "nps", weight: "0.05", cap: "1.2" },
]);

export const QUOTAS = [
  { grade: "A", share: "0.2" },
  { grade: "B", share: "0.7" },
  { grade: "C", share: "0.1" },
];
export const MULTIPLIERS = { A: "1.5", B: "1", C: "0.5" };
export const POOL_PER_PERSON = 1000; // CNY; the pool is N × 1000.00
export const CAP = "3000.00";

const cents = (x) => Math.round(x * 100) / 100;

/**
 * Columnar data: for each KPI an actual and a target column (numbers with at most 2 decimals),
 * so every scenario reads the same values without parsing cost differences.
 */
export function makePeople(n, seed = 20261123) {
  const random = prng(seed);
  const ids = new Array(n);
  const actual = KPIS.map(() => new Float64Array(n));
  const target = KPIS.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    ids[i] = `P${String(i).padStart(7, "0")}`;
    const skill = 0.5 + random(); // 0.5–1.5 of target
    const revenueTarget = cents(200000 + random() * 800000);
    target[0][i] = revenueTarget;
    actual[0][i] = cents(revenueTarget * skill * (0.8 + random() * 0.4));
    target[1][i] = cents(revenueTarget * 0.25);
    actual[1][i] = cents(actual[0][i] * (0.18 + random() * 0.12));
    target[2][i] = actual[0][i] > 0 ? actual[0][i] : 1;
    actual[2][i] = cents(target[2][i] * (0.7 + random() * 0.35));
    target[3][i] = 10 + Math.floor(random() * 20);
    actual[3][i] = Math.floor(target[3][i] * skill * (0.5 + random()));
    target[4][i] = 60;
    actual[4][i] = 20 + Math.floor(random() * 70);
    target[5][i] = 5;
    actual[5][i] = Math.floor(random() * 9);
    target[6][i] = cents(revenueTarget * 3);
    actual[6][i] = cents(target[6][i] * (0.3 + random()));
    target[7][i] = 50;
    actual[7][i] = Math.floor(random() * 80);
  }
  return { n, ids, actual, target };
}

/** The plan of the runPlan and cli scenarios: these KPIs, the 20/70/10 curve, the multipliers, a capped pool of n × 1000. */
export function benchPlan(n) {
  return {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: KPIS.map((kpi) => ({ ...kpi, actual: kpi.id, target: { column: `${kpi.id}Target` } })),
    grading: { method: "forced", quotas: QUOTAS },
    // Pool weight = score × grade multiplier, as in the other scenarios.
    pay: { gradeMultipliers: MULTIPLIERS, pools: [{ id: "bonus", budget: (n * POOL_PER_PERSON).toFixed(2), weightBy: "score", cap: CAP }] },
  };
}

/** The data CSV of the cli scenario: id, then each KPI's actual and target column. */
export function benchCsv(people) {
  const header = ["id", ...KPIS.flatMap((kpi) => [kpi.id, `${kpi.id}Target`])];
  const lines = [header.join(",")];
  for (let i = 0; i < people.n; i++) {
    const cells = [people.ids[i]];
    for (let k = 0; k < KPIS.length; k++) cells.push(String(people.actual[k][i]), String(people.target[k][i]));
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
}
