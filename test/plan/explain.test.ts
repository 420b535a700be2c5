import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { explain, runPlan, type Statement } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

const run = runPlan(fixturePlan(), fixtureData());
const p04 = run.statements.find((s) => s.person.id === "p04") as Statement;

describe("explain", () => {
  it("writes a statement in English with every KPI, the score, the grade and each pay line", () => {
    const text = explain(p04, { locale: "en", trace: false, currency: run.currency });
    const lines = text.split("\n");
    expect(lines[0]).toBe("Performance and pay statement: Zhao Qiang (p04)");
    expect(text).toContain("Sales (sales): actual 60,000, target 80,000, attainment 75%, points 75 × weight 0.6 = 45");
    // the collection rate is a rate: 0.95 → 95%
    expect(text).toContain("Collection rate (collection): actual 95%, target 95%, attainment 100%");
    expect(text).toContain("Score: 82 (rank 4)");
    expect(text).toContain("Grade: B (calibrated from C: covered the West key accounts during p03's ramp-up — decided by sales committee on 2026-04-03)");
    expect(text).toContain("  Target incentive: CN¥1,485.00");
    expect(text).toContain("Total payout: CN¥10,648.66");
    expect(text).not.toContain("How it was computed");
  });

  it("writes the same statement in Chinese, with the trace", () => {
    const text = explain(p04, { locale: "zh-CN", currency: "CNY" });
    expect(text.split("\n")[0]).toBe("绩效与薪酬结算单：Zhao Qiang (p04)");
    expect(text).toContain("达成率 75%");
    expect(text).toContain("绩效等级：B (由 C 校准：covered the West key accounts during p03's ramp-up（决定人：sales committee，2026-04-03）)");
    expect(text).toContain("应发合计：¥10,648.66");
    expect(text).toContain("计算过程");
    expect(text).toContain("  sales · 达成率：实际值 ÷ 目标值，限定在 [下限, 上限] 之间，保留 4 位小数 = 75%  [实际值=60,000；目标值=80,000；上限=150%]");
    expect(text).toContain("  360 评估得分：各组权重 × 组均分之和，由评分量表换算到 0–100，保留 2 位小数 = 75  [上级=4 × 0.6；同事=4 × 0.4]");
    expect(text).toMatch(/ {2}应发合计：各项薪酬之和 = ¥10,648\.66 {2}\[固定工资=¥[\d,]+\.\d\d；/);
  });

  it("works on a statement read back from JSON", () => {
    const copy = JSON.parse(JSON.stringify(p04)) as Statement;
    expect(explain(copy, { locale: "en" })).toBe(explain(p04, { locale: "en" }));
  });

  it("refuses an unknown locale and a non-statement with INVALID_ARGUMENT", () => {
    expect(() => explain(p04, { locale: "fr" as "en" })).toThrow(PayscoreError);
    expect(() => explain(null as unknown as Statement, { locale: "en" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("does not mutate the statement", () => {
    const copy = structuredClone(p04);
    explain(p04, { locale: "zh-CN" });
    expect(p04).toEqual(copy);
  });
});
