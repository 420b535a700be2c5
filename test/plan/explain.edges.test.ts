import { describe, expect, it } from "vitest";
import { explain, runPlan, type Statement } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

// A statement with the sparse and unusual parts explain must word: no name or team, a missing
// KPI value, a difficulty, a 360 review where no group counted, an uncalibrated grade, a pay
// component explain has no word for, a promotion and a trace step without inputs.
const run = runPlan(fixturePlan(), fixtureData());
const p04 = run.statements.find((s) => s.person.id === "p04") as Statement;
const sparse = {
  ...p04,
  person: { ...p04.person, name: null, team: null, region: null, role: null, basePay: null },
  kpis: [{ ...(p04.kpis[0] as Statement["kpis"][number]), name: null, actual: null, target: null, attainment: null, difficulty: "1.2" }, { ...(p04.kpis[1] as Statement["kpis"][number]), attainment: "not a number" }],
  indicators: [],
  review360: {
    score: null,
    points: null,
    groups: [
      { group: "manager", raters: 0, mean: null, weight: "0.6", included: false, reason: null },
      { group: "peer", raters: 3, mean: null, weight: "0.4", included: true, reason: null },
    ],
  },
  grade: { initial: "B", final: "B", reason: null },
  pay: [{ component: "bonus", id: "extra", amount: "100.00" }],
  promotion: { eligible: true, current: 2, longest: 3 },
  trace: [{ step: "note", formula: "given", inputs: {}, result: "1" }],
} as unknown as Statement;

describe("explain on a sparse statement", () => {
  it("writes the id for a person without a name, 'missing' for absent values and the difficulty factor (en)", () => {
    const text = explain(sparse, { locale: "en" });
    const lines = text.split("\n");
    expect(lines[0]).toBe("Performance and pay statement: p04");
    // no team, region, role or base pay: only the active dates
    expect(lines[1]).toBe("Active 2026-01-01 to 2026-03-31");
    expect(text).toContain("sales: actual missing, target missing, attainment missing, points 75 × weight 0.6 × difficulty 1.2 = 45");
    // an attainment that is not a number is shown as given
    expect(text).toContain("attainment not a number");
    expect(text).not.toContain("Indicators");
    expect(text).toContain("360 review: no group had enough raters");
    expect(text).toContain("  manager: left out (weight 0)");
    expect(text).toContain("  peer: 3 raters, mean -, weight 0.4");
    expect(text).toContain("Grade: B\n");
    expect(text).toContain("  bonus extra: 100.00");
    expect(text).toContain("Promotion: eligible (current streak 2, longest 3)");
    expect(text).toContain("  note: given = 1");
    expect(text).not.toContain("[");
  });

  it("words the same parts in Chinese", () => {
    const text = explain({ ...sparse, promotion: { eligible: false, current: 0, longest: 1 } } as Statement, { locale: "zh-CN" });
    expect(text).toContain("实际 缺失，目标 缺失，达成率 缺失，得分 75 × 权重 0.6 × 难度系数 1.2 = 45");
    expect(text).toContain("360 评估：没有评估组达到最少评估人数");
    expect(text).toContain("  上级：未计入（权重为 0）");
    expect(text).toContain("  同事：3 人评估，均分 -，权重 0.4");
    expect(text).toContain("晋升：暂不符合（当前连续 0 期，最长 1 期）");
  });

  it("tolerates a statement read from JSON without indicators, pay or trace lists", () => {
    const bare = { ...sparse, indicators: undefined, pay: undefined, trace: undefined } as unknown as Statement;
    const text = explain(bare, { locale: "en" });
    expect(text).not.toContain("Pay\n");
    expect(text).not.toContain("How it was computed");
    expect(text).toContain("Total payout: 10,648.66"); // no currency given: a grouped number
  });
});
