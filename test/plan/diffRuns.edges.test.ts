import { describe, expect, it } from "vitest";
import { diffRuns, type PayoutRun } from "../../src/plan/index.js";

// Hand-written runs, as read back from JSON: lines that are absent, text lines (grade,
// promotion) whose delta is null, and malformed statements.
const statement = (id: string, extra: Record<string, unknown> = {}) => ({ person: { id }, ...extra });
const asRun = (statements: unknown[], extra: Record<string, unknown> = {}) => ({ statements, ...extra }) as unknown as PayoutRun;

describe("diffRuns on sparse runs", () => {
  it("compares statements without KPI or pay lists and runs without totals", () => {
    const before = asRun([statement("b", { score: "80", totalPayout: "100.00" }), statement("a")]);
    const after = asRun([statement("a"), statement("b", { score: "85", totalPayout: "120.50" })]);
    const diff = diffRuns(before, after);
    // b: score 80 → 85 (+5), payout 100.00 → 120.50 (+20.5); a has no lines at all and is unchanged
    expect(diff.changed).toEqual([
      {
        person: "b",
        name: null,
        before: "100.00",
        after: "120.50",
        delta: "20.5",
        lines: [
          { field: "score", before: "80", after: "85", delta: "5" },
          { field: "totalPayout", before: "100.00", after: "120.50", delta: "20.5" },
        ],
        causes: [],
      },
    ]);
    expect(diff.unchanged).toBe(1);
    expect(diff.totals).toEqual({ before: "0", after: "0", delta: "0" });
  });

  it("gives a null delta for text lines (grade, promotion) and for a line only one side has", () => {
    const before = asRun([statement("p", { rank: 2, grade: { final: "B" }, promotion: { eligible: false }, review360: { points: "70" }, kpis: [{ id: "k", actual: "5" }], pay: [{ component: "award", id: "mvp", amount: "500.00" }] })], { totals: { payout: "500.00" } });
    const after = asRun([statement("p", { rank: 1, grade: { final: "A" }, promotion: { eligible: true }, review360: null, kpis: [{ id: "k", actual: null }] })], { totals: { payout: "0.00" } });
    const lines = diffRuns(before, after).changed[0]?.lines ?? [];
    expect(lines).toEqual(
      expect.arrayContaining([
        { field: "rank", before: "2", after: "1", delta: "-1" },
        { field: "grade", before: "B", after: "A", delta: null },
        { field: "promotion", before: "false", after: "true", delta: null },
        // a number against an absent line counts the absent side as 0
        { field: "review360", before: "70", after: null, delta: "-70" },
        { field: "kpi.k.actual", before: "5", after: null, delta: "-5" },
        { field: "pay.award.mvp", before: "500.00", after: null, delta: "-500" },
      ]),
    );
    expect(diffRuns(before, after).totals).toEqual({ before: "500.00", after: "0.00", delta: "-500" });
  });

  it("sorts several added and removed people by id", () => {
    const diff = diffRuns(asRun([statement("z"), statement("m"), statement("k")]), asRun([statement("k"), statement("d"), statement("b")]));
    expect(diff.added).toEqual(["b", "d"]);
    expect(diff.removed).toEqual(["m", "z"]);
    expect(diff.unchanged).toBe(1);
  });

  it("refuses a statement without person.id with INVALID_ARGUMENT at its index", () => {
    for (const bad of [null, 5, {}, { person: null }, { person: { id: 7 } }]) {
      expect(() => diffRuns(asRun([statement("a")]), asRun([statement("a"), bad]))).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["after", "statements", 1] }));
    }
    expect(() => diffRuns(null as unknown as PayoutRun, asRun([]))).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["before"] }));
    expect(() => diffRuns(asRun([]), "run" as unknown as PayoutRun)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["after"] }));
  });
});
