import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/numeric/index.js";
import { parsePlan, runPlan, type PlanInput } from "../../../src/plan/index.js";
import { buildRoster } from "../../../src/plan/roster.js";
import { drawOf } from "../../../src/plan/stages/drawStage.js";

// Issue 20: pay.draw — a draw against the commission by applyDraw, as commission lines.

const plan = (draw: Record<string, unknown>): PlanInput =>
  ({
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-01-31", label: "2026-01" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
    pay: { commission: { base: { column: "sales" }, tiers: [{ from: 0, rate: "0.05" }] }, draw },
  }) as PlanInput;

function linesOf(p: PlanInput, rows: Record<string, string>[]): { pay: string[]; balance: string | undefined }[] {
  const run = runPlan(parsePlan(p), { rows });
  return run.statements.map((s) => ({ pay: s.pay.map((l) => `${l.id} ${l.amount}`), balance: s.trace.find((t) => t.step === "pay.draw")?.inputs["balance"] }));
}

describe("a draw in a plan", () => {
  it("recovers a recoverable draw over two periods, the balance carried between them", () => {
    const p = plan({ type: "recoverable", amount: "5000", balance: { column: "owed" } });
    // Month 1: 60 000 × 5 % = 3000 earned, the draw tops it up by 2000, owed 2000.
    const [m1] = linesOf(p, [{ id: "A", sales: "60000", owed: "" }]);
    expect(m1).toEqual({ pay: ["commission 3000.00", "draw 2000.00", "drawRecovery 0.00"], balance: "2000.00" });
    // Month 2: 120 000 × 5 % = 6000, 1000 above the draw recovers 1000; 1000 still owed.
    const [m2] = linesOf(p, [{ id: "A", sales: "120000", owed: m1?.balance ?? "" }]);
    expect(m2).toEqual({ pay: ["commission 6000.00", "draw 0.00", "drawRecovery -1000.00"], balance: "1000.00" });
    // Month 3: 160 000 × 5 % = 8000: the last 1000 recovered, paid 7000, nothing owed.
    const [m3] = linesOf(p, [{ id: "A", sales: "160000", owed: m2?.balance ?? "" }]);
    expect(m3).toEqual({ pay: ["commission 8000.00", "draw 0.00", "drawRecovery -1000.00"], balance: "0.00" });
  });

  it("tops up a non-recoverable draw without a debt, and has no recovery line", () => {
    const [a] = linesOf(plan({ type: "non-recoverable", amount: { column: "guarantee" } }), [{ id: "A", sales: "20000", guarantee: "3000" }]);
    expect(a).toEqual({ pay: ["commission 1000.00", "draw 2000.00"], balance: "0.00" });
  });

  it("recovers at most the recovery share of the earnings above the draw", () => {
    // 10 000 earned, 4000 above the draw of 6000; half of it (2000) recovers part of the 5000 owed.
    const [a] = linesOf(plan({ type: "recoverable", amount: 6000, balance: { column: "owed" }, recoveryShare: "0.5" }), [{ id: "A", sales: "200000", owed: "5000" }]);
    expect(a).toEqual({ pay: ["commission 10000.00", "draw 0.00", "drawRecovery -2000.00"], balance: "3000.00" });
  });

  it("refuses a draw without a commission, and a bad draw or balance naming the person", () => {
    const noCommission = { ...plan({ type: "recoverable", amount: 1 }), pay: { draw: { type: "recoverable", amount: 1 } } } as PlanInput;
    expect(() => parsePlan(noCommission)).toThrow(/pay\.draw needs pay\.commission/);
    expect(() => parsePlan(plan({ type: "sometimes", amount: 1 }))).toThrow(/pay\.draw\.type/);
    expect(() => linesOf(plan({ type: "recoverable", amount: "10.001" }), [{ id: "A", sales: "1" }])).toThrow(/person "A", draw: draw is 10\.001/);
    expect(() => linesOf(plan({ type: "recoverable", amount: 1, balance: { column: "owed" } }), [{ id: "A", sales: "1", owed: "-5" }])).toThrow(/person "A", draw: balance/);
  });

  it("reads the draw and the balance from the row or the plan", () => {
    const p = parsePlan(plan({ type: "recoverable", amount: { column: "d" }, balance: { column: "b" } }));
    const [person] = buildRoster(p, [{ id: "A", sales: "1", d: "100", b: "" }]);
    const result = drawOf(2, p.pay?.draw as NonNullable<NonNullable<typeof p.pay>["draw"]>, person as NonNullable<typeof person>, new Decimal(30), undefined);
    expect([result.pay.toString(), result.advance.toString(), result.balance.toString()]).toEqual(["100", "70", "70"]);
  });
});
