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

function faultOf(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

describe("applyOverrides refusals name the field and say why", () => {
  it("names the override of an unknown person", () => {
    const error = faultOf(() => applyOverrides(graded, [move, { ...move, id: "sun" }]));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["overrides", 1, "id"]]);
    expect(error.message).toBe('overrides[1].id names "sun", who is not in assignments');
  });

  it("names the second override of one person", () => {
    const error = faultOf(() => applyOverrides(graded, [move, { ...move, grade: "C" }]));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["overrides", 1, "id"]]);
    expect(error.message).toBe('overrides[1].id overrides "li" a second time; give one decision per person');
  });

  it("names an override to an unknown grade and lists the grades that exist", () => {
    const error = faultOf(() => applyOverrides(graded, [{ ...move, grade: "A+" }], { grades: ["A", "B", "C"] }));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["overrides", 0, "grade"]]);
    expect(error.message).toBe('overrides[0].grade is "A+", which is not one of the grades A, B, C');
  });

  it("refuses a grades option that is not a list, at options.grades", () => {
    const error = faultOf(() => applyOverrides(graded, [], { grades: "A" as never }));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["options", "grades"]]);
    expect(error.message).toBe("options.grades: Invalid input: expected array, received string");
  });

  it("refuses an assignment that is a number as not an object, not as a missing id", () => {
    const error = faultOf(() => applyOverrides([{ id: "a", grade: "B" }, 5 as never], []));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["assignments", 1]]);
    expect(error.message).toBe("assignments[1] must be an object { id, grade }; got 5");
  });

  it("names an assignment field that is not a string", () => {
    const id = faultOf(() => applyOverrides([{ id: "a", grade: "B" }, { id: 3, grade: "A" } as never], []));
    expect([id.code, id.path]).toEqual(["INVALID_ARGUMENT", ["assignments", 1, "id"]]);
    expect(id.message).toBe("assignments[1].id must be a string; got 3");
    const grade = faultOf(() => applyOverrides([{ id: "x" } as never], []));
    expect([grade.code, grade.path]).toEqual(["INVALID_ARGUMENT", ["assignments", 0, "grade"]]);
    expect(grade.message).toBe("assignments[0].grade must be a string; got undefined");
  });

  it("names a repeated assignment id and where it first appeared", () => {
    const error = faultOf(() => applyOverrides([...graded, { id: "wang", grade: "C", rank: 6 }], []));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["assignments", 3, "id"]]);
    expect(error.message).toBe('assignments[3].id repeats the id "wang" of assignments[1]');
  });
});

describe("applyOverrides audit lines", () => {
  it("has no at field when the override gives no date", () => {
    const { audit } = applyOverrides(graded, [{ id: "zhao", grade: "B", reason: "reviewed on appeal", by: "HRBP" }]);
    expect(audit).toStrictEqual([{ id: "zhao", from: "C", to: "B", reason: "reviewed on appeal", by: "HRBP" }]);
    expect(Object.keys(audit[0] as object)).toEqual(["id", "from", "to", "reason", "by"]);
  });
});
