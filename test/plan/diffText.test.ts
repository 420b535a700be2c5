import { describe, expect, it } from "vitest";
import { diffRuns, diffText, runPlan, type PayoutRun, type Plan, type RunDiff } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

const before = runPlan(fixturePlan(), fixtureData());

/** The worked example rerun with `change` applied to p04's row (and the ratings and plan given). */
function rerun(change: Record<string, string>, ratings = fixtureData().ratings, plan: Plan = fixturePlan()): PayoutRun {
  const data = fixtureData();
  return runPlan(plan, { ...data, ratings, rows: data.rows.map((row) => (row["id"] === "p04" ? { ...row, ...change } : row)) });
}

describe("diffText", () => {
  it("writes the @example change log: the plan, the total as money, who changed, the cause and each line", () => {
    const text = diffText(diffRuns(before, rerun({ sales: "64000" })), { locale: "en", names: { before: "before.json", after: "after.json" } });
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Changes from before.json to after.json",
      `Plan: the same (${before.planHash.slice(0, 19)}…)`,
      "Total payout: CN¥51,053.80 → CN¥51,360.55 (+CN¥306.75)", // 51053.80 + 306.75
      "People: 3 changed, 1 unchanged",
    ]);
    expect(text).toContain("\np04 Zhao Qiang: total payout CN¥10,648.66 → CN¥10,910.04 (+CN¥261.38)\n  Cause: data changed: sales actual (row p04, column sales) 60,000 → 64,000\n");
    expect(text).toMatch(/\n {2}sales actual +60,000 → 64,000 \(\+4,000\)\n/);
    expect(text).toMatch(/\n {2}sales attainment +75% → 80% \(\+5%\)\n/);
    expect(text).toMatch(/\n {2}Commission +CN¥600\.00 → CN¥640\.00 \(\+CN¥40\.00\)\n/);
    // p02 changed only through the pool (its funding follows the team's sales)
    expect(text).toContain("\np02 Han Meimei: total payout");
    expect(text).toContain("  Cause: none of this person's own data changed: a knock-on effect of other people's changes");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("writes the same in Chinese, aligning the columns for wide characters", () => {
    const text = diffText(diffRuns(before, rerun({ sales: "64000" })), { locale: "zh-CN" });
    expect(text.split("\n")[0]).toBe("变更记录：before → after");
    expect(text).toContain("应发总额：¥51,053.80 → ¥51,360.55 (+¥306.75)");
    expect(text).toContain("\np04 Zhao Qiang：应发合计 ¥10,648.66 → ¥10,910.04 (+¥261.38)\n  原因：数据变更：sales 实际值（p04 行，sales 列） 60,000 → 64,000\n");
    expect(text).toContain("  原因：本人数据未变：受他人变化的连带影响");
    // "提成" takes 4 columns in a terminal, "应发合计" 8: the values line up after the widest name
    const width = (line: string): number => [...line.slice(0, line.indexOf("¥"))].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    const commission = text.split("\n").find((line) => line.startsWith("  提成")) as string;
    const total = text.split("\n").find((line) => line.startsWith("  应发合计 ")) as string;
    expect(width(commission)).toBe(width(total));
  });

  it("names base pay, a target cell, an indicator's input, ratings and the active dates as data causes", () => {
    const ratings = (fixtureData().ratings ?? []).map((r) => (r.person === "p04" && r.group === "manager" ? { ...r, score: "5" } : r));
    const after = rerun({ basePay: "9500", sales_target: "90000", collected: "58000", activeFrom: "2026-01-10" }, ratings);
    const p04 = diffRuns(before, after).changed.find((c) => c.person === "p04");
    expect(p04?.causes).toEqual(
      expect.arrayContaining([
        { step: "kpi.sales.target", column: "sales_target", input: "sales_target", before: "80000", after: "90000" },
        { step: "kpi.sales.target", column: null, input: "activeFrom", before: "2026-01-01", after: "2026-01-10" },
        { step: "kpi.collection.actual", column: null, input: "collected", before: "57000", after: "58000" },
        { step: "score.review360", column: null, input: "manager", before: "4", after: "5" },
        { step: "pay.fixed", column: null, input: "basePay", before: "9000", after: "9500" },
        { step: "pay.targetIncentive", column: null, input: "targetAmount", before: "2700", after: "2850" },
      ]),
    );
    const text = diffText(diffRuns(before, after), { locale: "en" });
    expect(text).toContain("sales target (row p04, column sales_target) 80,000 → 90,000");
    expect(text).toContain("first day active 2026-01-01 → 2026-01-10");
    expect(text).toContain("collection actual, input collected 57,000 → 58,000");
    expect(text).toContain("360 ratings, manager mean 4 → 5");
    expect(text).toContain("base pay 9,000 → 9,500");
    expect(text).toContain("target incentive amount 2,700 → 2,850");
    const zh = diffText(diffRuns(before, after), { locale: "zh-CN" });
    expect(zh).toContain("360 评分：上级组均分 4 → 5");
    expect(zh).toContain("collection 实际值的输入 已回款 57,000 → 58,000");
    expect(zh).toContain("在岗起始日 2026-01-01 → 2026-01-10");
  });

  it("gives the plan as the cause when the plans differ, and lists who was added and removed", () => {
    const plan = fixturePlan();
    const changed = { ...plan, pay: { ...plan.pay, awards: [{ id: "mvp", name: "Q1 most valuable seller", amount: 800, people: ["p01"] }] } } as Plan;
    const data = fixtureData();
    const after = runPlan(changed, { ...data, rows: data.rows.filter((r) => r["id"] !== "p03"), ratings: (data.ratings ?? []).filter((r) => r.person !== "p03") });
    const text = diffText(diffRuns(before, after), { locale: "en" });
    expect(text).toMatch(/\nPlan: changed \(sha256:[0-9a-f]{12}… → sha256:[0-9a-f]{12}…\)\n/);
    expect(text).toContain(", removed p03");
    expect(text).toContain("  Cause: the plan changed");
    expect(text).toMatch(/\n {2}Award mvp +CN¥500\.00 → CN¥800\.00 \(\+CN¥300\.00\)\n/);
    expect(diffText(diffRuns(after, before), { locale: "zh-CN" })).toContain("、新增 p03");
  });

  it("falls back on the KPI actuals for runs saved without traces, and words grades, promotion and decreases", () => {
    const a = runPlan(fixturePlan(), fixtureData(), { trace: false });
    const b = runPlan(fixturePlan(), { ...fixtureData(), rows: fixtureData().rows.map((row) => (row["id"] === "p01" ? { ...row, sales: "80000" } : row)) }, { trace: false });
    const text = diffText(diffRuns(a, b), { locale: "en" });
    expect(text).toContain("  Cause: data changed: sales actual 120,000 → 80,000");
    expect(text).toMatch(/\n {2}sales actual +120,000 → 80,000 \(−40,000\)\n/);
    expect(text).toMatch(/\n {2}Grade +A → B\n/);
    expect(text).toMatch(/\n {2}Promotion eligible +yes → no\n/);
    expect(diffText(diffRuns(a, b), { locale: "zh-CN" })).toMatch(/\n {2}符合晋升条件 +是 → 否\n/);
  });

  it("writes a diff read back from JSON by an older payscore (no hashes, currency, names or causes)", () => {
    const old = { planChanged: false, added: [], removed: [], unchanged: 0, totals: { before: "1", after: "2", delta: "1" }, changed: [{ person: "x", before: "1", after: "2", delta: "1", lines: [{ field: "pay.bonus.extra", before: null, after: "1", delta: "1" }, { field: "odd", before: "a", after: "b", delta: null }] }] } as unknown as RunDiff;
    const text = diffText(old, { locale: "en" });
    expect(text).toContain("Plan: the same (?)");
    expect(text).toContain("\nx: total payout 1 → 2 (+1)\n");
    expect(text).toMatch(/\n {2}bonus extra +– → 1 \(\+1\)\n/);
    expect(text).toMatch(/\n {2}odd +a → b\n/);
  });

  it("refuses what is not a diff, or an unknown locale, with INVALID_ARGUMENT", () => {
    expect(() => diffText(null as unknown as RunDiff, { locale: "en" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["diff"] }));
    expect(() => diffText(diffRuns(before, before), { locale: "fr" as "en" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["options", "locale"] }));
  });
});
