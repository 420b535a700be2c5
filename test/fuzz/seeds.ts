// One valid call per public function (from its @example), for the export fuzz test to spoil one
// place at a time. A function added to src/index.ts without a seed here fails the test.
import * as payscore from "../../src/index.js";

const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const year = { start: "2026-01-01", end: "2026-12-31", label: "2026" };
const curve = { points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" };
const tiers = [{ from: 0, rate: 0.03 }, { from: 100000, rate: 0.05 }];
const quotas = [{ grade: "A", share: 0.2 }, { grade: "B", share: 0.7 }, { grade: "C", share: 0.1 }];
const kpis = [{ id: "revenue", weight: 0.6, cap: 1.5 }, { id: "collection", weight: 0.4, direction: "lower" }];
const values = { revenue: { actual: 110, target: 100 }, collection: { actual: 95, target: 100 } };
const ratings = [
  { rater: "boss", group: "manager", score: 4 },
  { rater: "p1", group: "peer", score: 4 },
  { rater: "p2", group: "peer", score: 3 },
];

/** A small plan with every part the engine has: KPIs, grading, pay, a pool, commission. */
export function seedPlan(): Record<string, unknown> {
  return {
    version: 1,
    currency: "CNY",
    period: { ...q1 },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000, cap: 2 }],
    grading: { method: "forced", quotas: [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }] },
    pay: {
      gradeMultipliers: { A: "1.5", B: 1 },
      commission: { base: { kpi: "sales" }, tiers: [{ from: 0, rate: 0.03 }, { from: 100000, rate: 0.05 }] },
      pools: [{ id: "bonus", budget: "3000.05", weightBy: "score" }],
    },
  };
}

export function seedData(): Record<string, unknown> {
  return { rows: [{ id: "p01", sales: "120000" }, { id: "p02", sales: "90000" }] };
}

/** Valid arguments per export, built fresh for each use. */
export function seeds(): Record<string, unknown[]> {
  const run = payscore.runPlan(seedPlan() as never, seedData() as never);
  const rerun = payscore.runPlan(seedPlan() as never, { rows: [{ id: "p01", sales: "130000" }, { id: "p02", sales: "90000" }] } as never);
  const runJson = JSON.parse(JSON.stringify(run)) as Record<string, unknown>;
  const rerunJson = JSON.parse(JSON.stringify(rerun)) as Record<string, unknown>;
  const statement = (runJson["statements"] as unknown[])[0];
  const diff = JSON.parse(JSON.stringify(payscore.diffRuns(run, rerun))) as unknown;
  return {
    toDecimal: ["1200000.50"],
    roundTo: ["2.345", 2, "half-up"],
    minorUnits: ["CNY"],
    formatPath: [["kpis", 2, "weight"]],
    isPayscoreError: [new Error("x")],
    allocate: [100, [1, 1, 1], { scale: 2 }],
    fiscalYear: [2026, { startMonth: 4 }],
    splitPeriod: [{ ...year }, "quarter"],
    periodOf: ["2026-11-11", { ...year }, "quarter"],
    businessDays: [{ start: "2026-09-28", end: "2026-10-11", label: "" }, { holidays: ["2026-10-01"], workdays: ["2026-10-10"], weekend: [0, 6] }],
    calendarDays: [{ ...q1 }],
    decomposeTarget: [12000000, [{ key: "east", weight: 5 }, { key: "north", weight: 3 }], { scale: 2 }],
    decomposeOverPeriods: [1000, { ...year }, { unit: "quarter", method: { weights: [1, 2, 3, 4] } }],
    prorateTarget: [900000, { ...q1 }, { from: "2026-02-15", to: "2026-03-20" }, { basis: "business-days" }],
    decomposeTree: [10000000, { key: "company", children: [{ key: "east", weight: 3, children: [{ key: "a", weight: 1 }] }, { key: "ka", amount: 500000 }] }],
    attainment: [1_150_000, 1_000_000, { cap: 1.2, direction: "higher", zeroTarget: "zero" }],
    growthRate: [1_200_000, 1_000_000],
    marketShare: [2_500_000, 10_000_000],
    shareChange: [0.28, 0.25],
    collectionRate: [950_000, 1_000_000],
    orderMargin: [100_000, 70_000],
    aggregateMargin: [[{ revenue: 100_000, cost: 70_000 }, { revenue: 300_000, cost: 180_000 }]],
    nps: [[10, 9, 9, 8, 7, 6, 3, 10]],
    csat: [[5, 4, 4, 3], { min: 1, max: 5, satisfiedAtLeast: 4 }],
    complaintRate: [3, 750],
    meanResolutionHours: [[{ openedAt: "2026-03-02T09:00:00+08:00", resolvedAt: "2026-03-02T13:30:00+08:00" }]],
    pipelineValue: [[{ amount: 500_000, probability: 0.6 }, { amount: 200_000, probability: 0.25 }]],
    stageConversion: [[{ stage: "lead", count: 200 }, { stage: "quote", count: 50 }, { stage: "won", count: 10 }]],
    salesCycleDays: [[{ openedAt: "2026-01-01", closedAt: "2026-01-31" }, { openedAt: "2026-02-10", closedAt: "2026-03-02" }]],
    weightedActivity: [[{ type: "visit", tier: "key" }, { type: "call", tier: "B", count: 10 }], { byType: { visit: 3, call: 1 }, byTier: { key: 2, B: 1 } }],
    measure: ["attainment", { actual: 1_300_000, target: 1_000_000 }, { cap: 1.2 }],
    evaluateCurve: [{ ...curve }, 0.9],
    compileCurve: [{ ...curve }],
    "compileCurve()": [0.9],
    scoreKpis: [kpis, values, { missing: "reweight" }],
    compileScorecard: [kpis, { missing: "zero" }],
    "compileScorecard()": [values],
    scoreRounded: [kpis, values, { missing: "error" }],
    compileRoundedScorecard: [kpis],
    "compileRoundedScorecard()": [{ kpis: { revenue: { actual: [110, 2], target: [100, 3] }, collection: { actual: [95, 5], target: [100, 4] } } }],
    normalizeWeights: [[20, 30, 50]],
    combineScores: [[{ id: "kpi", score: 110.7, weight: 0.7 }, { id: "review360", score: 85, weight: 0.3 }]],
    rescale: [4, { min: 1, max: 5 }, { min: 0, max: 100 }],
    rollUp: [[{ id: "li", score: 1.2, target: 1_000_000 }, { id: "wang", score: 0.9, target: 3_000_000 }], { by: "target" }],
    aggregate360: [ratings, { weights: { manager: 50, peer: 30 }, minRaters: { peer: 2 } }],
    compileAggregate360: [{ weights: { manager: 50, peer: 50 } }],
    "compileAggregate360()": [ratings],
    calibrate360: [[{ ratee: "li", rater: "a", group: "peer", score: 5 }, { ratee: "wang", rater: "b", group: "peer", score: 2 }]],
    gradeByScore: [92.5, [{ grade: "A", min: 90 }, { grade: "B", min: 0 }]],
    forcedDistribution: [[{ id: "a", score: 95 }, { id: "b", score: 90 }, { id: "c", score: 90 }], quotas, { ties: "by-order" }],
    applyOverrides: [[{ id: "li", grade: "B" }, { id: "wang", grade: "A" }], [{ id: "li", grade: "A", reason: "key account", by: "committee" }], { grades: ["A", "B", "C"] }],
    forcedDistributionColumns: [[95, 90, 90, 85], quotas, { ties: "share-grade" }],
    tieredCommission: [350000, tiers, { mode: "marginal" }],
    targetIncentive: [20000, 1.1, { ...curve }, { scale: 2 }],
    allocatePool: [10000, [{ id: "li", weight: 5, cap: 3000 }, { id: "wang", weight: 3 }], { scale: 2 }],
    allocatePoolColumns: [1000000, [5, 3, 2], [300000, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]],
    allocateTeamPool: [100000, [{ id: "east", weight: 3, members: [{ id: "li", weight: 2 }] }, { id: "west", weight: 2, cap: 30000, members: [{ id: "zhao", weight: 1 }] }]],
    fundPool: [1000000, 1.08, { ...curve }, { scale: 2, rounding: "half-up" }],
    meetsStreak: [[1.05, 0.92, 1.1, 1.02, 1.2], { threshold: 1, count: 3 }],
    gradeMultiplier: ["A", { A: 1.5, B: 1 }, { grades: ["A", "B"] }],
    composeBonus: [{ fixed: 5000, variable: { targetAmount: 20000, attainment: 1.1, curve: { ...curve }, grade: "A", multipliers: { A: 1.5 } }, awards: [{ name: "champion", amount: 3000 }] }],
    splitCredit: [1000, [{ id: "li", share: "0.5" }, { id: "wang", share: "0.5" }], { scale: 2 }],
    commissionOnCollections: [
      [{ id: "INV-1", date: "2026-01-10", amount: 100000, reps: [{ id: "li", share: "0.6" }, { id: "wang", share: "0.4" }], events: [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 40000 }] }],
      { period: { ...q1 }, unit: "month", tiers: [{ from: 0, rate: "0.05" }] },
    ],
    applyDraw: [3000, 5000, 0, { type: "recoverable" }],
    rampTarget: [100000, ["0.25", "0.5", "0.75"], "2026-03-16", { start: "2026-04-01", end: "2026-04-30", label: "2026-04" }],
    trueUp: [55000, 62000, { onNegative: "forgive", forgivenToDate: 0 }],
    parsePlan: [seedPlan()],
    planJsonSchema: [],
    runPlan: [seedPlan(), seedData(), { trace: true }],
    runPlanLazy: [seedPlan(), seedData(), { trace: false }],
    planHash: [seedPlan()],
    explain: [statement, { locale: "en", trace: true, currency: "CNY" }],
    diffRuns: [runJson, rerunJson],
    diffText: [diff, { locale: "zh-CN", names: { before: "a.json", after: "b.json" } }],
  };
}
