import { describe, expect, it } from "vitest";
import { explain, parsePlan, runPlan, type PlanData, type PlanInput, type TransactionRow } from "../../../src/plan/index.js";
import { collectionsOf } from "../../../src/plan/stages/collectionsStage.js";
import { errorOf as fault } from "../../helpers.js";

// Issue 20: pay.commission.base { collections } — commission on each person's credited
// collections from the data's transactions, with clawbacks as negative pay lines.

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const plan = (collections: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): PlanInput =>
  ({
    version: 1,
    currency: "CNY",
    period,
    kpis: [{ id: "bookings", weight: 1, actual: "bookings", target: 100000 }],
    pay: { commission: { base: { collections }, tiers: [{ from: 0, rate: "0.05" }] }, ...extra },
  }) as PlanInput;
const rows = [
  { id: "S1", bookings: "100000" },
  { id: "S2", bookings: "80000" },
  { id: "S3", bookings: "1000" },
];
const tx = (invoice: string, date: string, kind: string, amount: string, more: Partial<TransactionRow> = {}): TransactionRow => ({ invoice, date, kind, amount, ...more });

function payOf(data: PlanData, p: PlanInput = plan()): Record<string, string[]> {
  const run = runPlan(parsePlan(p), data);
  return Object.fromEntries(run.statements.map((s) => [s.person.id, s.pay.map((line) => `${line.id} ${line.amount}`)]));
}

describe("commission on collections in a plan", () => {
  it("releases commission in proportion to a partial payment", () => {
    // 40 000 of a 100 000 invoice collected: 40 000 × 5 % = 2000.
    const transactions = [tx("INV-1", "2026-01-05", "invoice", "100000", { reps: "S1" }), tx("INV-1", "2026-02-10", "payment", "40000")];
    expect(payOf({ rows, transactions })["S1"]).toEqual(["commission 2000.00", "clawback 0.00"]);
  });

  it("claws back a refund after payment as a negative line, tracing the invoice and payments", () => {
    // Paid in full (100 000 → 5000), then 25 000 refunded: 5000 × 25 000 / 100 000 = 1250 back.
    const transactions = [
      tx("INV-1", "2026-01-05", "invoice", "100000", { reps: "S1" }),
      tx("INV-1", "2026-01-20", "payment", "100000", { id: "RC-1" }),
      tx("INV-1", "2026-03-01", "payment", "-25000", { id: "RF-1" }),
    ];
    const run = runPlan(parsePlan(plan()), { rows, transactions });
    const s1 = run.statements[0];
    expect(s1?.pay.map((l) => l.amount)).toEqual(["5000.00", "-1250.00"]);
    expect(s1?.totalPayout).toBe("3750.00");
    expect(run.totals.commission).toBe("3750.00");
    const clawback = s1?.trace.find((step) => step.step.startsWith("pay.commission.clawback."));
    expect(clawback).toEqual({
      step: "pay.commission.clawback.INV-1.RF-1.RC-1",
      formula: "−(commission of the reversed release × reversed base / its base), rounded",
      inputs: { invoice: "INV-1", event: "RF-1", eventKind: "refund", date: "2026-03-01", reverses: "RC-1", base: "-25000.00" },
      result: "-1250.00",
    });
    expect(explain(s1 as NonNullable<typeof s1>, { locale: "en", currency: "CNY" })).toContain("Commission clawed back: -CN¥1,250.00");
  });

  it("splits a three-way invoice exactly, the remainder cent by largest remainder", () => {
    // 10 000.01 × 0.34 / 0.33 / 0.33 = 3400.0034, 3300.0033, 3300.0033: the cent goes to S1.
    const transactions = [tx("INV-2", "2026-01-15", "invoice", "10000.01", { reps: "S1;S2;S3", shares: "0.34;0.33;0.33" }), tx("INV-2", "2026-02-05", "payment", "10000.01")];
    const run = runPlan(parsePlan(plan()), { rows, transactions });
    const bases = run.statements.map((s) => s.trace.find((step) => step.step === "pay.commission")?.inputs["base"]);
    expect(bases).toEqual(["3400.01", "3300", "3300"]);
    expect(run.statements.map((s) => s.pay[0]?.amount)).toEqual(["170.00", "165.00", "165.00"]);
  });

  it("pays nothing before full payment under release full-payment, then all of it", () => {
    const partial = [tx("INV-1", "2026-01-05", "invoice", "1000", { reps: "S2" }), tx("INV-1", "2026-01-20", "payment", "600")];
    expect(payOf({ rows, transactions: partial }, plan({ release: "full-payment" }))["S2"]).toEqual(["commission 0.00", "clawback 0.00"]);
    const full = [...partial, tx("INV-1", "2026-02-20", "payment", "400")];
    expect(payOf({ rows, transactions: full }, plan({ release: "full-payment" }))["S2"]).toEqual(["commission 50.00", "clawback 0.00"]);
  });

  it("forgives a credit note outside the clawback window, and says so in the trace", () => {
    const transactions = [
      tx("INV-1", "2026-01-01", "invoice", "1000", { reps: "S1" }),
      tx("INV-1", "2026-01-02", "payment", "1000"),
      tx("INV-1", "2026-03-30", "credit-note", "-200", { id: "CN-1" }),
    ];
    const run = runPlan(parsePlan(plan({ clawbackWindowDays: 30 })), { rows, transactions });
    expect(run.statements[0]?.pay.map((l) => l.amount)).toEqual(["50.00", "0.00"]);
    expect(run.statements[0]?.trace.find((s) => s.step === "pay.commission.forgiven.INV-1.CN-1")?.inputs["base"]).toBe("-200.00".slice(1));
    // Inside the window the same credit note claws back 200 × 5 % = 10.
    expect(payOf({ rows, transactions }, plan({ clawbackWindowDays: 90 }))["S1"]).toEqual(["commission 50.00", "clawback -10.00"]);
  });

  it("keeps the conservation check with negative lines: statements, totals and payout agree", () => {
    const transactions = [
      tx("INV-1", "2026-01-05", "invoice", "100", { reps: "S1;S2", shares: "0.5;0.5" }),
      tx("INV-1", "2026-01-06", "payment", "100"),
      tx("INV-1", "2026-01-07", "payment", "-100"),
    ];
    const run = runPlan(parsePlan(plan({}, { fixed: { share: 1 } })), { rows: rows.map((r) => ({ ...r, basePay: "10" })), transactions });
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["10.00", "10.00", "10.00"]);
    expect(run.totals).toMatchObject({ fixed: "30.00", commission: "0.00", payout: "30.00" });
    expect(run.statements[0]?.pay.map((l) => l.amount)).toEqual(["10.00", "2.50", "-2.50"]);
  });

  it("pays 0 to a person with no transactions, and lists both lines for everyone", () => {
    const transactions = [tx("INV-1", "2026-01-05", "invoice", "100", { reps: "S1" })];
    expect(payOf({ rows, transactions })["S3"]).toEqual(["commission 0.00", "clawback 0.00"]);
  });

  it("refuses a run on collections without transactions", () => {
    const error = fault(() => runPlan(parsePlan(plan()), { rows }));
    expect([error.code, error.path]).toEqual(["INVALID_DATA", ["transactions"]]);
    expect(error.message).toMatch(/pay\.commission\.base\.collections/);
  });

  it("names the transaction row of each fault", () => {
    const base = tx("INV-1", "2026-01-05", "invoice", "100", { reps: "S1" });
    const cases: [TransactionRow[], (string | number)[], RegExp][] = [
      [[base, tx("INV-9", "2026-01-06", "payment", "10")], ["transactions", 1, "invoice"], /has no "invoice" row/],
      [[tx("INV-1", "2026-01-05", "invoice", "100", { reps: "S1;S9", shares: "0.5;0.5" })], ["transactions", 0, "reps"], /"S9", who is not on the roster/],
      [[tx("INV-1", "2026-01-05", "invoice", "100", { reps: "S1;S2", shares: "0.5" })], ["transactions", 0, "shares"], /2 reps but 1 shares/],
      [[tx("INV-1", "2026-01-05", "invoice", "100", { reps: "S1;S2" })], ["transactions", 0, "shares"], /no shares/],
      [[tx("INV-1", "2026-01-05", "invoice", "100", { reps: "S1;S2", shares: "0.5;0.4" })], ["transactions", 0, "shares"], /sum/],
      [[base, base], ["transactions", 1, "invoice"], /listed twice/],
      [[base, tx("INV-1", "2026-04-02", "payment", "10")], ["transactions", 1, "date"], /outside the plan's period/],
      [[base, tx("INV-1", "2026-01-04", "payment", "10")], ["transactions", 1, "date"], /before the invoice date/],
      [[base, tx("INV-1", "2026-01-06", "payment", "-10")], ["transactions", 1, "amount"], /more than the 0 collected/],
      [[base, tx("INV-1", "2026-01-06", "payment", "1,000")], ["transactions", 1, "amount"], /plain number/],
      [[base, tx("INV-1", "2026-01-06", "payment", "0.001")], ["transactions", 1, "amount"], /.+/],
      [[base, tx("INV-1", "2026-01-06", "bonus", "1")], ["transactions", 1, "kind"], /"invoice", "payment" or "credit-note"/],
      [[base, tx("INV-1", "2026-1-6", "payment", "1")], ["transactions", 1, "date"], /ISO date/],
      [[tx("", "2026-01-05", "invoice", "100", { reps: "S1" })], ["transactions", 0, "invoice"], /empty/],
      [[tx("INV-1", "2026-01-05", "invoice", "-100", { reps: "S1" })], ["transactions", 0, "amount"], /must not be negative/],
      [[tx("INV-1", "2026-01-05", "invoice", "", { reps: "S1" })], ["transactions", 0, "amount"], /empty/],
      [[tx("INV-1", "2026-01-05", "invoice", "100")], ["transactions", 0, "reps"], /names no reps/],
    ];
    for (const [transactions, path, message] of cases) {
      const error = fault(() => runPlan(parsePlan(plan()), { rows, transactions }));
      const code = /sum/.test(String(message)) ? "INVALID_WEIGHTS" : /outside/.test(String(message)) ? "OUT_OF_RANGE" : "INVALID_DATA";
      expect([error.code, error.path, transactions]).toEqual([code, path, transactions]);
      expect(error.message.startsWith(`transactions[${String(path[1])}].${String(path[2])}`)).toBe(true);
      expect(error.message).not.toMatch(/options\./);
      expect(error.message).not.toContain(`${String(path[2])}: transactions[`);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/lines\[/);
    }
    const shape = fault(() => runPlan(parsePlan(plan()), { rows, transactions: [{ invoice: 1 }] as never }));
    expect([shape.code, shape.path.slice(0, 2)]).toEqual(["INVALID_DATA", ["transactions", 0]]);
  });

  it("reads the collections options of a plan's commission", () => {
    const p = parsePlan(plan({ release: "full-payment" }));
    expect(collectionsOf(p.pay?.commission)).toEqual({ release: "full-payment" });
    expect(collectionsOf(parsePlan({ ...plan(), pay: { commission: { base: { column: "bookings" }, tiers: [{ from: 0, rate: 1 }] } } } as PlanInput).pay?.commission)).toBeUndefined();
    expect(collectionsOf(undefined)).toBeUndefined();
  });

  it("refuses unknown collections options in the plan", () => {
    expect(() => parsePlan(plan({ release: "monthly" }))).toThrow(/pay\.commission\.base/);
    expect(() => parsePlan(plan({ clawbackWindowDays: -1 }))).toThrow(/clawbackWindowDays/);
  });
});
