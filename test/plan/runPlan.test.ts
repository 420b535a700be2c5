import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { parsePlan, runPlan, type Plan, type PlanData, type Statement } from "../../src/plan/index.js";
import { fixtureData, fixturePlan, kpiOnlyPlan } from "./helpers.js";

function byId(statements: readonly Statement[], id: string): Statement {
  const found = statements.find((s) => s.person.id === id);
  if (found === undefined) throw new Error(`no statement for ${id}`);
  return found;
}

function payOf(s: Statement): Record<string, string> {
  return Object.fromEntries(s.pay.map((line) => [line.id, line.amount]));
}

function codeOf(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return { code: (error as PayscoreError).code, path: (error as PayscoreError).path };
  }
  throw new Error("expected a PayscoreError");
}

describe("runPlan — the worked example without 360 (KPI score only)", () => {
  const run = runPlan(kpiOnlyPlan(), fixtureData());

  it("scores every KPI as computed by hand", () => {
    // sales: attainment = actual / target; points = 100 · attainment; contribution = 0.6 · points
    // collection: attainment = (collected / billed) / 0.95; contribution = 0.4 · points
    // p01: 120000/100000 = 1.2 → 72;   95000/100000 = 0.95 → 1 → 40;  KPI score 112
    // p02:  90000/100000 = 0.9 → 54;   76000/80000  = 0.95 → 1 → 40;  KPI score 94
    // p03: target 90000 · 45/90 days = 45000; 54000/45000 = 1.2 → 72; 30400/40000 = 0.76 → 0.8 → 32; 104
    // p04:  60000/80000 = 0.75 → 45;   57000/60000  = 0.95 → 1 → 40;  KPI score 85
    expect(run.statements.map((s) => [s.person.id, s.kpiScore, s.score, s.rank])).toEqual([
      ["p01", "112", "112", 1],
      ["p02", "94", "94", 3],
      ["p03", "104", "104", 2],
      ["p04", "85", "85", 4],
    ]);
    const p03 = byId(run.statements, "p03");
    expect(p03.kpis[0]).toMatchObject({ id: "sales", actual: "54000", target: "45000", attainment: "1.2", points: "120", contribution: "72" });
    expect(p03.indicators).toEqual([{ kpi: "collection", indicator: "collection-rate", inputs: { collected: "30400", billed: "40000" }, value: "0.76" }]);
  });

  it("grades by bands and applies the calibration override with its reason", () => {
    // A ≥ 100, B ≥ 85, C ≥ 0: p01 112 A, p02 94 B, p03 104 A, p04 85 B (confirmed by the committee)
    expect(run.statements.map((s) => s.grade?.final)).toEqual(["A", "B", "A", "B"]);
    expect(byId(run.statements, "p04").grade).toEqual({ initial: "B", final: "B", reason: "covered the West key accounts during p03's ramp-up", by: "sales committee", at: "2026-04-03" });
  });

  it("pays every component as computed by hand", () => {
    // fixed = round(basePay · 0.7)
    // target incentive: incentive = round(0.3 · basePay · curve(score/100)); amount = round(incentive · multiplier(A 1.2, B 1))
    //   p01 curve(1.12) = 1.24 → 3000 · 1.24 = 3720.00 · 1.2 = 4464.00;  p02 curve(0.94) = 0.85 → 3600 · 0.85 = 3060.00
    //   p03 curve(1.04) = 1.08 → 2400 · 1.08 = 2592.00 · 1.2 = 3110.40;   p04 curve(0.85) = 0.625 → 2700 · 0.625 = 1687.50
    // commission (marginal 1 % to 100000, 2 % above): p01 1000 + 400 = 1400, p02 900, p03 540, p04 600
    // pool: funding measure = mean sales attainment = (1.2 + 0.9 + 1.2 + 0.75)/4 = 1.0125 → curve 1.0125 → 10125.00
    //   weights = score · multiplier: 134.4, 94, 124.8, 85 (Σ 438.2); p01 10125·134.4/438.2 = 3105.43 > cap 3000 → 3000
    //   7125 left over 94 : 124.8 : 85 → 2204.5754, 2926.9256, 1993.4990 → largest remainders: p04, p03 get the spare fen
    expect(payOf(byId(run.statements, "p01"))).toEqual({ fixed: "7000.00", targetIncentive: "4464.00", commission: "1400.00", "q1-bonus": "3000.00", mvp: "500.00" });
    expect(payOf(byId(run.statements, "p02"))).toEqual({ fixed: "8400.00", targetIncentive: "3060.00", commission: "900.00", "q1-bonus": "2204.57" });
    expect(payOf(byId(run.statements, "p03"))).toEqual({ fixed: "5600.00", targetIncentive: "3110.40", commission: "540.00", "q1-bonus": "2926.93" });
    expect(payOf(byId(run.statements, "p04"))).toEqual({ fixed: "6300.00", targetIncentive: "1687.50", commission: "600.00", "q1-bonus": "1993.50" });
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["16364.00", "14564.57", "12177.33", "10581.00"]);
    expect(run.totals).toEqual({
      people: 4,
      fixed: "27300.00",
      targetIncentive: "12321.90",
      commission: "3440.00",
      pool: "10125.00",
      award: "500.00",
      payout: "53686.90",
    });
  });

  it("reports the pool: budget, funding, allocations and nothing left over", () => {
    expect(run.pools).toEqual([
      {
        id: "q1-bonus",
        team: null,
        budget: "10000.00",
        fundingRatio: "1.0125",
        funded: "10125.00",
        allocated: "10125.00",
        unallocated: "0.00",
        allocations: [
          { person: "p01", amount: "3000.00", capped: true },
          { person: "p02", amount: "2204.57", capped: false },
          { person: "p03", amount: "2926.93", capped: false },
          { person: "p04", amount: "1993.50", capped: false },
        ],
      },
    ]);
  });

  it("checks the promotion streak with the history", () => {
    // sales attainment ≥ 1 in the last 2 periods: p01 [1.1, 1.2] yes; p02 [1.3, 0.9] no; p03 [1.2] no; p04 [1.0, 0.75] no
    expect(run.statements.map((s) => s.promotion)).toEqual([
      { eligible: true, longest: 2, current: 2 },
      { eligible: false, longest: 1, current: 0 },
      { eligible: false, longest: 1, current: 1 },
      { eligible: false, longest: 1, current: 0 },
    ]);
  });

  it("writes the run's header: version, plan hash, currency and period", () => {
    expect(run.version).toBe("0.1.0");
    expect(run.planHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run).toMatchObject({ currency: "CNY", scale: 2, rounding: "half-even", period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" } });
  });

  it("traces every step with string values only", () => {
    const s = byId(run.statements, "p03");
    const steps = s.trace.map((t) => t.step);
    expect(steps).toEqual(expect.arrayContaining(["kpi.sales.target", "kpi.sales.attainment", "score.kpi", "grade", "pay.fixed", "pay.targetIncentive", "pay.commission", "pay.pool.q1-bonus", "pay.total"]));
    for (const t of s.trace) {
      expect(typeof t.step).toBe("string");
      expect(typeof t.formula).toBe("string");
      expect(typeof t.result).toBe("string");
      for (const value of Object.values(t.inputs)) expect(typeof value).toBe("string");
    }
    expect(s.trace.find((t) => t.step === "kpi.sales.target")).toMatchObject({ result: "45000", inputs: { target: "90000", activeFrom: "2026-02-15" } });
  });

  it("leaves the trace empty with { trace: false } and changes nothing else", () => {
    const quiet = runPlan(kpiOnlyPlan(), fixtureData(), { trace: false });
    expect(quiet.statements.every((s) => s.trace.length === 0)).toBe(true);
    expect({ ...quiet, statements: quiet.statements.map((s) => ({ ...s, trace: [] })) }).toEqual({ ...run, statements: run.statements.map((s) => ({ ...s, trace: [] })) });
  });
});

describe("runPlan — the full worked example with the 360 review", () => {
  it("combines 70 % KPI and 30 % 360 as computed by hand", () => {
    // 360 on 1–5, rescaled to 0–100 = 25 · (s − 1); manager 60, peer 40, peers need 2 raters
    // p01 0.6·5 + 0.4·4 = 4.6 → 90;  p02 0.6·4 + 0.4·4 = 4 → 75;  p03 one peer only → manager 3 → 50;  p04 4 → 75
    // score = 0.7 · KPI + 0.3 · 360: p01 78.4 + 27 = 105.4; p02 65.8 + 22.5 = 88.3; p03 72.8 + 15 = 87.8; p04 59.5 + 22.5 = 82
    const run = runPlan(fixturePlan(), fixtureData());
    expect(run.statements.map((s) => [s.person.id, s.review360?.points, s.score, s.grade?.initial, s.grade?.final])).toEqual([
      ["p01", "90", "105.4", "A", "A"],
      ["p02", "75", "88.3", "B", "B"],
      ["p03", "50", "87.8", "B", "B"],
      ["p04", "75", "82", "C", "B"],
    ]);
    const p03 = byId(run.statements, "p03");
    expect(p03.review360?.groups.find((g) => g.group === "peer")).toMatchObject({ raters: 1, mean: null, included: false, reason: "below-min-raters" });
    // target incentive: p01 3000·curve(1.054) = 3000·1.108 = 3324.00 · 1.2 = 3988.80; p02 3600·0.7075 = 2547.00;
    //   p03 2400·0.695 = 1668.00; p04 2700·0.55 = 1485.00 (grade B after calibration: multiplier 1)
    // pool weights 126.48, 88.3, 87.8, 82: p01 capped at 3000; 7125 over 88.3 : 87.8 : 82 → 2437.57, 2423.77, 2263.66
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["15888.80", "14284.57", "10231.77", "10648.66"]);
    expect(run.totals.payout).toBe("51053.80");
  });
});

describe("runPlan — people listed in the plan", () => {
  it("takes names, teams and base pay from the plan and ignores those columns in the rows", () => {
    const plan: Plan = {
      ...kpiOnlyPlan(),
      people: [
        { id: "p01", name: "李雷", team: "华北", basePay: "10000" },
        { id: "p02", name: "韩梅梅", team: "华北", basePay: 12000 },
        { id: "p03", name: "王芳", team: "西南", basePay: 8000, activeFrom: "2026-02-15" },
        { id: "p04", name: "赵强", team: "西南", basePay: 9000 },
      ],
    };
    const run = runPlan(plan, fixtureData());
    expect(run.statements.map((s) => s.person.name)).toEqual(["李雷", "韩梅梅", "王芳", "赵强"]);
    expect(run.totals.payout).toBe("53686.90");
  });

  it("refuses a row for a person the plan does not list, and a listed person without a row", () => {
    const data = fixtureData();
    // Without the calibration, which names p04 (a plan fault when the plan lists its people).
    const { grading, ...rest } = kpiOnlyPlan();
    const bands = { ...(grading as NonNullable<Plan["grading"]>), overrides: [] };
    const plan: Plan = { ...rest, grading: bands, people: [{ id: "p01", basePay: 1 }, { id: "p02", basePay: 1 }, { id: "p03", basePay: 1 }] };
    expect(codeOf(() => runPlan(plan, data))).toEqual({ code: "INVALID_DATA", path: ["rows", 3, "id"] });
    const more: Plan = { ...kpiOnlyPlan(), people: ["p01", "p02", "p03", "p04", "p05"].map((id) => ({ id, basePay: 1 })) };
    expect(codeOf(() => runPlan(more, data)).code).toBe("INVALID_DATA");
  });
});

describe("runPlan — errors", () => {
  it("refuses an invalid plan with INVALID_PLAN", () => {
    expect(codeOf(() => runPlan({ version: 2 } as unknown as Plan, fixtureData())).code).toBe("INVALID_PLAN");
  });

  it("reports a malformed cell at [rows, index, column]", () => {
    const data = fixtureData();
    const rows = data.rows.map((row, i) => (i === 2 ? { ...row, sales: "54,000" } : row));
    expect(codeOf(() => runPlan(kpiOnlyPlan(), { ...data, rows }))).toEqual({ code: "INVALID_DATA", path: ["rows", 2, "sales"] });
  });

  it("reports a currency sign, a space and an empty required cell", () => {
    const data = fixtureData();
    for (const bad of ["¥54000", " 54000", ""]) {
      const rows = data.rows.map((row, i) => (i === 1 ? { ...row, sales: bad } : row));
      expect(codeOf(() => runPlan(kpiOnlyPlan(), { ...data, rows }))).toEqual({ code: "INVALID_DATA", path: ["rows", 1, "sales"] });
    }
  });

  it("reports a duplicate person id at the second row", () => {
    const data = fixtureData();
    const rows = [...data.rows, { ...data.rows[0] }];
    expect(codeOf(() => runPlan(kpiOnlyPlan(), { ...data, rows }))).toEqual({ code: "INVALID_DATA", path: ["rows", 4, "id"] });
  });

  it("reports a missing column and a missing id", () => {
    const data = fixtureData();
    const rows = data.rows.map((row) => {
      const { billed: _b, ...rest } = row;
      return rest;
    });
    expect(codeOf(() => runPlan(kpiOnlyPlan(), { ...data, rows }))).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "billed"] });
    expect(codeOf(() => runPlan(kpiOnlyPlan(), { rows: [{ sales: "1" }] }))).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "id"] });
  });

  it("reports a zero denominator in a derived indicator at the row and column", () => {
    const data = fixtureData();
    const rows = data.rows.map((row, i) => (i === 0 ? { ...row, billed: "0" } : row));
    expect(codeOf(() => runPlan(kpiOnlyPlan(), { ...data, rows }))).toEqual({ code: "ZERO_DENOMINATOR", path: ["rows", 0, "billed"] });
  });

  it("refuses data that is not { rows: [...] } and bad options", () => {
    expect(codeOf(() => runPlan(kpiOnlyPlan(), null as unknown as PlanData)).code).toBe("INVALID_DATA");
    expect(codeOf(() => runPlan(kpiOnlyPlan(), { rows: "x" } as unknown as PlanData))).toEqual({ code: "INVALID_DATA", path: ["rows"] });
    expect(codeOf(() => runPlan(kpiOnlyPlan(), fixtureData(), { trace: "yes" as unknown as boolean })).code).toBe("INVALID_ARGUMENT");
  });

  it("skips a missing KPI value under score.missing = reweight", () => {
    const data = fixtureData();
    const rows = data.rows.map((row, i) => (i === 3 ? { ...row, collected: "" } : row));
    const plan = { ...kpiOnlyPlan(), score: { kpi: 1, missing: "reweight" as const } };
    const run = runPlan(plan, { ...data, rows });
    // p04: only sales counts, weight rescaled to 1: 100 · 0.75 = 75
    expect(byId(run.statements, "p04").kpiScore).toBe("75");
  });

  it("does not mutate the plan or the data", () => {
    const plan = kpiOnlyPlan();
    const data = fixtureData();
    const planCopy = structuredClone(plan);
    const dataCopy = structuredClone(data);
    runPlan(parsePlan(plan), data);
    expect(plan).toEqual(planCopy);
    expect(data).toEqual(dataCopy);
  });
});

describe("runPlan — small plans", () => {
  it("computes the TSDoc example: a pure commission plan", () => {
    const run = runPlan(
      {
        version: 1,
        currency: "CNY",
        period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
        kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
        pay: { commission: { base: { kpi: "sales" }, tiers: [{ from: 0, rate: 0.03 }, { from: 100000, rate: 0.05 }] } },
      },
      { rows: [{ id: "p01", sales: "120000" }] },
    );
    expect(run.statements[0]?.score).toBe("120");
    expect(run.statements[0]?.totalPayout).toBe("4000.00");
    expect(run.subPeriods).toEqual([]);
    expect(run.statements[0]?.grade).toBeNull();
  });

  it("lists the sub-periods, decomposes a team total and pays in a zero-decimal currency", () => {
    const run = runPlan(
      {
        version: 1,
        currency: "JPY",
        period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
        subPeriods: "month",
        kpis: [{ id: "sales", weight: 1, actual: "sales", target: { total: 1000, weightColumn: "share" }, zeroTarget: "zero" }],
        pay: { pools: [{ id: "pool", budget: 1000, weightBy: "equal" }] },
      },
      { rows: [{ id: "b", sales: "500", share: "2" }, { id: "a", sales: "300", share: "1" }, { id: "c", sales: "0", share: "0" }] },
    );
    expect(run.subPeriods.map((p) => p.label)).toEqual(["2026-01", "2026-02", "2026-03"]);
    // 1000 split 1 : 2 : 0 in whole yen → a 333, b 667 (the larger remainder), c 0
    expect(run.statements.map((s) => s.kpis[0]?.target)).toEqual(["333", "667", "0"]);
    // 1000 yen over three equal weights → 334, 333, 333 (the spare yen to the first id)
    expect(run.pools[0]?.allocations.map((a) => a.amount)).toEqual(["334", "333", "333"]);
    expect(run.scale).toBe(0);
  });
});

describe("runPlan — forced distribution and team pools", () => {
  it("grades by quota over the whole run, then calibrates", () => {
    const base = kpiOnlyPlan();
    const plan: Plan = {
      ...base,
      grading: {
        method: "forced",
        quotas: [{ grade: "A", share: "0.25" }, { grade: "B", share: "0.5" }, { grade: "C", share: "0.25" }],
        overrides: [{ person: "p04", grade: "B", reason: "key accounts", by: "committee" }],
      },
    };
    // scores p01 112, p03 104, p02 94, p04 85; seats of 4: A 1, B 2, C 1 → p01 A, p03 B, p02 B, p04 C → calibrated B
    const run = runPlan(plan, fixtureData());
    expect(run.statements.map((s) => [s.person.id, s.grade?.initial, s.grade?.final])).toEqual([
      ["p01", "A", "A"],
      ["p02", "B", "B"],
      ["p03", "B", "B"],
      ["p04", "C", "B"],
    ]);
  });

  it("shares a team pool only among that team's people", () => {
    const base = kpiOnlyPlan();
    const plan: Plan = { ...base, pay: { pools: [{ id: "west", team: "West", budget: "1000.01", weightBy: "equal" }] } };
    const run = runPlan(plan, fixtureData());
    // 1000.01 over p03 and p04 equally: 500.01 (the spare fen to the first id) and 500.00
    expect(run.pools[0]?.allocations).toEqual([
      { person: "p03", amount: "500.01", capped: false },
      { person: "p04", amount: "500.00", capped: false },
    ]);
    expect(run.statements.find((s) => s.person.id === "p01")?.pay).toEqual([]);
  });
});

describe("runPlan — 360 data errors", () => {
  it("points a bad rating at its index in data.ratings", () => {
    const data = fixtureData();
    const ratings = (data.ratings ?? []).map((r, i) => (i === 7 ? { ...r, group: "friend" } : r));
    expect(codeOf(() => runPlan(fixturePlan(), { ...data, ratings }))).toEqual({ code: "INVALID_DATA", path: ["ratings", 7, "group"] });
    const outside = (data.ratings ?? []).map((r, i) => (i === 4 ? { ...r, score: "6" } : r));
    expect(codeOf(() => runPlan(fixturePlan(), { ...data, ratings: outside })).path.slice(0, 2)).toEqual(["ratings", 4]);
    const unknown = [...(data.ratings ?? []), { person: "p99", rater: "x", group: "peer", score: 3 }];
    expect(codeOf(() => runPlan(fixturePlan(), { ...data, ratings: unknown }))).toEqual({ code: "INVALID_DATA", path: ["ratings", 11, "person"] });
  });

  it("runs with no rows at all: no statements, the pool left unallocated", () => {
    const base = kpiOnlyPlan();
    const run = runPlan({ ...base, grading: undefined, pay: { ...base.pay, awards: [], gradeMultipliers: undefined } }, { rows: [] });
    expect(run.statements).toEqual([]);
    expect(run.pools[0]).toMatchObject({ funded: "10000.00", allocated: "0.00", unallocated: "10000.00", allocations: [] });
    expect(run.totals.payout).toBe("0.00");
  });
});
