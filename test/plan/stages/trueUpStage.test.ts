import { describe, expect, it } from "vitest";
import type { PayscoreError } from "../../../src/errors/index.js";
import { en } from "../../../src/plan/locales/en.js";
import { traceText } from "../../../src/plan/locales/traceText.js";
import { zhCN } from "../../../src/plan/locales/zh-CN.js";
import { explain, parsePlan, runPlan, type PlanData, type PlanInput } from "../../../src/plan/index.js";
import { trueUpStage } from "../../../src/plan/stages/trueUpStage.js";

// Issue 20: pay.trueUp — the year-to-date commission netted against what was paid to date.

const plan = (onNegative: string): PlanInput =>
  ({
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-06-30", label: "2026-H1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
    pay: { commission: { base: { column: "sales" }, tiers: [{ from: 0, rate: "0.05" }] }, trueUp: { onNegative } },
  }) as PlanInput;
// Year to date: A earned 1 100 000 × 5 % = 55 000 and was paid 62 000; B earned 30 000, paid 28 000.
const data: PlanData = { rows: [{ id: "A", sales: "1100000" }, { id: "B", sales: "600000" }], paidToDate: { A: "62000", B: "28000" } };

function pay(p: PlanInput, d: PlanData = data): Record<string, string[]> {
  return Object.fromEntries(runPlan(parsePlan(p), d).statements.map((s) => [s.person.id, [...s.pay.map((line) => `${line.id} ${line.amount}`), `total ${s.totalPayout}`]]));
}

describe("a true-up in a plan", () => {
  it("claws back an overpayment now, as a negative total", () => {
    expect(pay(plan("clawback"))).toEqual({
      A: ["commission 55000.00", "paidToDate -62000.00", "total -7000.00"],
      B: ["commission 30000.00", "paidToDate -28000.00", "total 2000.00"],
    });
  });

  it("carries an overpayment forward, or forgives it, paying 0 now", () => {
    expect(pay(plan("carry-forward"))["A"]).toEqual(["commission 55000.00", "paidToDate -62000.00", "trueUpCarried 7000.00", "total 0.00"]);
    expect(pay(plan("forgive"))["A"]).toEqual(["commission 55000.00", "paidToDate -62000.00", "forgivenToDate 0.00", "trueUpForgiven 7000.00", "total 0.00"]);
    // Q3 after forgiving: earned 90 000, paid 62 000, forgiven 7000 → 35 000.
    const q3 = { rows: [{ id: "A", sales: "1800000" }], paidToDate: { A: "62000" }, forgivenToDate: { A: 7000 } };
    // The 7000 forgiven earlier is not netted again: a line of +7000 beside the −62 000 paid.
    expect(pay(plan("forgive"), q3)["A"]).toEqual(["commission 90000.00", "paidToDate -62000.00", "forgivenToDate 7000.00", "trueUpForgiven 0.00", "total 35000.00"]);
  });

  it("pays everything earned to someone paid nothing yet, and explains the true-up in both languages", () => {
    const run = runPlan(parsePlan(plan("clawback")), { rows: [{ id: "C", sales: "1000" }], paidToDate: {} });
    const s = run.statements[0];
    expect(s?.totalPayout).toBe("50.00");
    const step = s?.trace.find((t) => t.step === "pay.trueUp");
    expect(step?.inputs).toEqual({ earnedToDate: "50.00", paidToDate: "0.00", forgivenToDate: "0.00", difference: "50.00", carried: "0.00", forgiven: "0.00" });
    for (const [locale, words] of [["en", en.trace], ["zh-CN", zhCN.trace]] as const) expect(traceText(step as NonNullable<typeof step>, locale, words).untranslated).toEqual([]);
    expect(explain(s as NonNullable<typeof s>, { locale: "en" })).toContain("Commission paid to date: 0.00");
  });

  it("refuses a true-up without paidToDate, a bad amount, or without a commission", () => {
    const error = (() => {
      try {
        runPlan(parsePlan(plan("clawback")), { rows: data.rows });
      } catch (e) {
        return e as PayscoreError;
      }
      return undefined;
    })();
    expect([error?.code, error?.path]).toEqual(["INVALID_DATA", ["paidToDate"]]);
    expect(() => runPlan(parsePlan(plan("clawback")), { rows: data.rows, paidToDate: { A: "1,000" } })).toThrow(/paidToDate\.A must be a plain decimal number/);
    expect(() => runPlan(parsePlan(plan("clawback")), { rows: data.rows, paidToDate: { A: "0.001" } })).toThrow(/person "A", true-up/);
    expect(() => parsePlan({ ...plan("clawback"), pay: { trueUp: { onNegative: "clawback" } } } as PlanInput)).toThrow(/pay\.trueUp needs pay\.commission/);
    expect(() => parsePlan(plan("later"))).toThrow(/pay\.trueUp\.onNegative/);
  });

  it("adds nothing without pay.trueUp", () => {
    const p = parsePlan({ ...plan("clawback"), pay: { commission: { base: { column: "sales" }, tiers: [{ from: 0, rate: 1 }] } } } as PlanInput);
    expect(trueUpStage({ p } as never, [], undefined, undefined)).toEqual([]);
  });
});
