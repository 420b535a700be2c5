import { describe, expect, it } from "vitest";
import { PayscoreError, applyOverrides } from "../../src/index.js";

const graded = [
  { id: "li", grade: "B", rank: 3 },
  { id: "wang", grade: "A", rank: 1 },
  { id: "zhao", grade: "C", rank: 5 },
];
const move = { id: "li", grade: "A", reason: "closed the Q4 key account after the cut-off", by: "sales committee", at: "2026-01-15" };

function codeOf(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return { code: (error as PayscoreError).code, path: (error as PayscoreError).path };
  }
  throw new Error("expected a PayscoreError");
}

describe("applyOverrides", () => {
  it("changes the named person's grade, keeps their other fields and records the change", () => {
    const { assignments, audit } = applyOverrides(graded, [move], { grades: ["A", "B", "C"] });
    expect(assignments).toEqual([
      { id: "li", grade: "A", rank: 3 },
      { id: "wang", grade: "A", rank: 1 },
      { id: "zhao", grade: "C", rank: 5 },
    ]);
    expect(audit).toEqual([{ id: "li", from: "B", to: "A", reason: move.reason, by: "sales committee", at: "2026-01-15" }]);
  });

  it("records an override that confirms the grade with from equal to to", () => {
    const { audit } = applyOverrides(graded, [{ id: "zhao", grade: "C", reason: "reviewed on appeal", by: "HRBP" }]);
    expect(audit).toEqual([{ id: "zhao", from: "C", to: "C", reason: "reviewed on appeal", by: "HRBP" }]);
  });

  it("returns copies: changing the result does not change the input", () => {
    const { assignments } = applyOverrides(graded, []);
    expect(assignments).toEqual(graded);
    expect(assignments[0]).not.toBe(graded[0]);
  });

  it("refuses an override without a reason or without an author", () => {
    expect(codeOf(() => applyOverrides(graded, [{ ...move, reason: "  " }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["overrides", 0, "reason"] });
    const { reason: _reason, ...noReason } = move;
    expect(codeOf(() => applyOverrides(graded, [noReason as never]))).toEqual({ code: "INVALID_ARGUMENT", path: ["overrides", 0, "reason"] });
    expect(codeOf(() => applyOverrides(graded, [{ ...move, by: "" }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["overrides", 0, "by"] });
  });

  it("refuses an override for an unknown person", () => {
    expect(codeOf(() => applyOverrides(graded, [{ ...move, id: "sun" }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["overrides", 0, "id"] });
  });

  it("refuses an override to a grade that does not exist when the grades are given", () => {
    expect(codeOf(() => applyOverrides(graded, [{ ...move, grade: "A+" }], { grades: ["A", "B", "C"] }))).toEqual({ code: "INVALID_ARGUMENT", path: ["overrides", 0, "grade"] });
  });

  it("refuses two overrides for one person and duplicate ids in the assignments", () => {
    expect(codeOf(() => applyOverrides(graded, [move, { ...move, grade: "C" }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["overrides", 1, "id"] });
    expect(codeOf(() => applyOverrides([...graded, { id: "li", grade: "C", rank: 6 }], []))).toEqual({ code: "INVALID_ARGUMENT", path: ["assignments", 3, "id"] });
  });

  it("refuses malformed input", () => {
    expect(codeOf(() => applyOverrides(null as never, [])).path).toEqual(["assignments"]);
    expect(codeOf(() => applyOverrides([{ id: "x" }] as never, [])).path).toEqual(["assignments", 0, "grade"]);
    expect(codeOf(() => applyOverrides(graded, "x" as never)).path).toEqual(["overrides"]);
  });

  it("does not mutate its input", () => {
    const before = structuredClone(graded);
    const overrides = [structuredClone(move)];
    applyOverrides(graded, overrides);
    expect(graded).toEqual(before);
    expect(overrides).toEqual([move]);
  });
});
