import { describe, expect, it } from "vitest";
import { aggregate360 } from "../../src/review360/index.js";
import { allocatePool, composeBonus, fundPool, gradeMultiplier, tieredCommission } from "../../src/compensation/index.js";
import { Decimal, roundTo } from "../../src/numeric/index.js";
import { applyOverrides, gradeByScore } from "../../src/grading/index.js";
import { collectionRate } from "../../src/metrics/index.js";
import { combineScores, rescale, scoreKpis } from "../../src/scoring/index.js";
import { prorateTarget } from "../../src/targets/index.js";
import { runPlan } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

describe("runPlan equals its parts", () => {
  it("gives every statement the numbers the domain functions give when called directly", () => {
    const plan = fixturePlan();
    const data = fixtureData();
    const run = runPlan(plan, data);
    const period = plan.period;
    const curve = { points: [{ x: "0.6", y: 0 }, { x: 1, y: 1 }, { x: "1.5", y: 2 }], below: "zero" as const };
    const multipliers = { A: "1.2", B: 1, C: "0.6" };
    const bands = [{ grade: "A", min: 100 }, { grade: "B", min: 85 }, { grade: "C", min: 0 }];

    const people = [...data.rows].sort((a, b) => String(a["id"]).localeCompare(String(b["id"])));
    const scores = people.map((row) => {
      const id = String(row["id"]);
      const fullTarget = String(row["sales_target"]);
      const target = row["activeFrom"] ? prorateTarget(fullTarget, period, { from: String(row["activeFrom"]) }) : new Decimal(fullTarget);
      const kpi = scoreKpis(
        [
          { id: "sales", weight: "0.6", cap: "1.5" },
          { id: "collection", weight: "0.4", cap: "1.2" },
        ],
        {
          sales: { actual: String(row["sales"]), target },
          collection: { actual: collectionRate(String(row["collected"]), String(row["billed"])), target: "0.95" },
        },
      );
      const ratings = (data.ratings ?? []).filter((r) => r.person === id).map((r) => ({ rater: r.rater, group: r.group, score: r.score }));
      const review = aggregate360(ratings, { weights: { manager: 60, peer: 40 }, minRaters: { manager: 1, peer: 2 }, scale: { min: 1, max: 5 } });
      const points = rescale(review.score ?? 0, { min: 1, max: 5 }, { min: 0, max: 100 });
      const score = combineScores([
        { id: "kpi", score: kpi.score, weight: "0.7" },
        { id: "review360", score: points, weight: "0.3" },
      ]);
      return { id, row, kpi, score, salesAttainment: kpi.lines[0]?.attainment ?? new Decimal(0) };
    });
    const graded = applyOverrides(
      scores.map((s) => ({ id: s.id, grade: gradeByScore(s.score, bands) })),
      [{ id: "p04", grade: "B", reason: "covered the West key accounts during p03's ramp-up", by: "sales committee" }],
    ).assignments;
    const gradeOf = (id: string): string => graded.find((g) => g.id === id)?.grade ?? "?";

    const meanAttainment = scores.reduce((s, p) => s.plus(p.salesAttainment), new Decimal(0)).div(scores.length);
    const funded = fundPool(10000, meanAttainment, { points: [{ x: "0.8", y: "0.5" }, { x: 1, y: 1 }, { x: "1.2", y: "1.2" }] });
    const pool = allocatePool(
      funded,
      scores.map((s) => ({ id: s.id, weight: s.score.times(gradeMultiplier(gradeOf(s.id), multipliers)), cap: 3000 })),
    );

    for (const s of scores) {
      const statement = run.statements.find((st) => st.person.id === s.id);
      expect(statement?.score).toBe(s.score.toString());
      expect(statement?.kpiScore).toBe(s.kpi.score.toString());
      expect(statement?.grade?.final).toBe(gradeOf(s.id));
      const basePay = String(s.row["basePay"]);
      const bonus = composeBonus({
        fixed: roundTo(new Decimal(basePay).times("0.7"), 2),
        variable: { targetAmount: new Decimal(basePay).times("0.3"), attainment: s.score.div(100), curve, grade: gradeOf(s.id), multipliers },
        awards: s.id === "p01" ? [{ name: "mvp", amount: 500 }] : [],
      });
      const commission = roundTo(tieredCommission(String(s.row["sales"]), [{ from: 0, rate: "0.01" }, { from: 100000, rate: "0.02" }]), 2);
      const share = pool.allocations.find((a) => a.id === s.id)?.amount ?? new Decimal(0);
      expect(statement?.totalPayout).toBe(bonus.total.plus(commission).plus(share).toFixed(2));
    }
    expect(run.pools[0]?.funded).toBe(funded.toFixed(2));
  });
});
