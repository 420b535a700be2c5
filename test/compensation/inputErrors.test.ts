import { describe, expect, it } from "vitest";
import { Decimal, allocatePool, allocatePoolColumns, allocateTeamPool, composeBonus, fundPool, gradeMultiplier } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const line = { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] };

describe("allocatePool on entries its fast path declines", () => {
  it("names the entry that is not an object and the id that is not a string", () => {
    expect(errorOf(() => allocatePool(10, [null as never]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1 }, 7 as never]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 1] });
    expect(errorOf(() => allocatePool(10, [{ id: 5 as never, weight: 1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0, "id"] });
  });

  it("refuses a function that carries an id and a weight", () => {
    // typeof is "function", not "object": the Decimal reader refuses it like any non-object
    const entry = Object.assign(() => 0, { id: "a", weight: 1 });
    expect(failureOf(() => allocatePool(10, [entry as never]))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["entries", 0],
      message: "entries[0] must be an object { id, weight, cap? }; got a function",
    });
  });

  it("refuses a score that is not a finite number, even without a threshold", () => {
    for (const score of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1, score }]))).toEqual({ code: "INVALID_NUMBER", path: ["entries", 0, "score"] });
    }
  });

  it("refuses a negative cap given as a Decimal or a string", () => {
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1, cap: new Decimal(-1) }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0, "cap"] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1, cap: "-0.01" }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0, "cap"] });
  });

  it("treats a cap past 2^53 fen as no limit on a 10-yuan pool", () => {
    // 1e20 yuan is far above the pool: 10 splits 1:1 → 5 + 5, nobody capped
    const result = allocatePool(10, [{ id: "a", weight: 1, cap: new Decimal("1e20") }, { id: "b", weight: 1 }]);
    expect(result.allocations.map((a) => [a.amount.toString(), a.capped])).toEqual([["5", false], ["5", false]]);
    expect(result.unallocated.toString()).toBe("0");
  });

  it("checks a score even without a threshold, and ignores a good one", () => {
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1, score: "x" as never }]))).toEqual({ code: "INVALID_NUMBER", path: ["entries", 0, "score"] });
    // a score given as a string passes the check and does not change the 1:3 split: 2.5 + 7.5
    const result = allocatePool(10, [{ id: "a", weight: 1, score: "5" }, { id: "b", weight: 3 }]);
    expect(result.allocations.map((a) => a.amount.toString())).toEqual(["2.5", "7.5"]);
  });
});

describe("allocatePoolColumns column checks", () => {
  it("checks scoreUnits even without a threshold", () => {
    expect(errorOf(() => allocatePoolColumns(10, [1], undefined, { scoreUnits: "x" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "scoreUnits"] });
    // valid scores without a threshold leave everyone eligible: 10 → 5 + 5
    const result = allocatePoolColumns(10, [1, 1], undefined, { scoreUnits: [1, 2] });
    expect(Array.from(result.amountUnits)).toEqual([5, 5]);
    expect(Array.from(result.eligible)).toEqual([1, 1]);
  });

  it("refuses options that are null or not an object", () => {
    expect(errorOf(() => allocatePoolColumns(10, [1], undefined, null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(errorOf(() => allocatePoolColumns(10, [1], undefined, "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
  });

  it("refuses caps that are not a column", () => {
    expect(errorOf(() => allocatePoolColumns(10, [1], "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["capUnits"] });
  });
});

describe("allocateTeamPool team checks", () => {
  it("names the team that is not an object, has no string id or a negative weight", () => {
    expect(errorOf(() => allocateTeamPool(10, [null as never]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 0] });
    expect(errorOf(() => allocateTeamPool(10, [{ id: 1 as never, weight: 1, members: [] }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 0, "id"] });
    expect(errorOf(() => allocateTeamPool(10, [{ id: "t", weight: -1, members: [] }]))).toEqual({ code: "INVALID_WEIGHTS", path: ["teams", 0, "weight"] });
    expect(errorOf(() => allocateTeamPool(10, [{ id: "t", weight: 1, members: [{ id: "a", weight: "x" as never }] }]))).toEqual({ code: "INVALID_NUMBER", path: ["teams", 0, "members", 0, "weight"] });
  });
});

describe("composeBonus amounts", () => {
  it("refuses a negative multiplier, target amount or fixed part", () => {
    expect(errorOf(() => composeBonus({ variable: { targetAmount: 100, attainment: 1, curve: line, multiplier: -1 } }))).toEqual({ code: "INVALID_ARGUMENT", path: ["parts", "variable", "multiplier"] });
    expect(errorOf(() => composeBonus({ variable: { targetAmount: -100, attainment: 1, curve: line } }))).toEqual({ code: "INVALID_ARGUMENT", path: ["parts", "variable", "targetAmount"] });
    expect(errorOf(() => composeBonus({ fixed: "-0.01" }))).toEqual({ code: "INVALID_ARGUMENT", path: ["parts", "fixed"] });
  });

  it("asks for the grade when only the multiplier table is given", () => {
    const run = () => composeBonus({ variable: { targetAmount: 1, attainment: 1, curve: line, multipliers: { A: 1 } } });
    expect(errorOf(run)).toEqual({ code: "INVALID_ARGUMENT", path: ["parts", "variable", "grade"] });
    expect(run).toThrow("parts.variable.grade is required with parts.variable.multipliers");
  });

  it("rounds with the rounding option: 0.25 half-up at one place is 0.3, half-even 0.2", () => {
    const parts = { variable: { targetAmount: "0.25", attainment: 1, curve: line, multiplier: 1 } };
    expect(composeBonus(parts, { scale: 1, rounding: "half-up" }).total.toString()).toBe("0.3");
    expect(composeBonus(parts, { scale: 1 }).total.toString()).toBe("0.2");
  });

  it("gives a plain zero when every part is zero", () => {
    const bonus = composeBonus({ fixed: 0, awards: [{ name: "x", amount: "0.00" }] });
    expect(bonus.total.toString()).toBe("0");
    expect(Object.is(bonus.total.toNumber(), 0)).toBe(true);
    expect(bonus.variable).toBeNull();
  });
});

describe("fundPool and gradeMultiplier edges", () => {
  it("refuses a funding curve that gives a negative rate", () => {
    expect(errorOf(() => fundPool(100, 1, { points: [{ x: 0, y: -1 }, { x: 2, y: -1 }] }))).toEqual({ code: "INVALID_ARGUMENT", path: ["curve"] });
  });

  it("rounds with the rounding option: 0.05 · 0.5 = 0.025 → 0.03 half-up, 0.02 by default (floor)", () => {
    const half = { points: [{ x: 0, y: 0.5 }, { x: 2, y: 0.5 }] };
    expect(fundPool("0.05", 1, half, { rounding: "half-up" }).toString()).toBe("0.03");
    expect(fundPool("0.05", 1, half).toString()).toBe("0.02");
  });

  it("refuses a grades option that is not a list of names", () => {
    expect(errorOf(() => gradeMultiplier("A", { A: 1 }, { grades: "A" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "grades"] });
    expect(errorOf(() => gradeMultiplier("A", { A: 1 }, { grades: [1] as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "grades"] });
  });

  it("refuses a grade that is not a string or not in the table, listing the grades", () => {
    expect(errorOf(() => gradeMultiplier(1 as never, { A: 1 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["grade"] });
    expect(() => gradeMultiplier("A", {})).toThrow('grade "A" has no multiplier; the table lists no grades');
    expect(() => gradeMultiplier("B", { A: 1, C: 2 })).toThrow('grade "B" has no multiplier; the table lists A, C');
  });
});
