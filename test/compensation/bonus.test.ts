import { describe, expect, it } from "vitest";
import { composeBonus, fundPool, gradeMultiplier, targetIncentive } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const payout = { points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" as const };
const table = { 优秀: 1.5, 良好: 1.2, 合格: 1, 不合格: 0 };
const grades = ["优秀", "良好", "合格", "不合格"];

describe("targetIncentive", () => {
  it("multiplies the target amount by the curve's payout rate and rounds half-even to the fen", () => {
    expect(targetIncentive(20000, 1.1, payout).toString()).toBe("24000"); // 20000 · 1.2
    expect(targetIncentive(20000, 0.7, payout).toString()).toBe("0"); // below the 80 % gate
    expect(targetIncentive("12345.67", 0.85, payout).toString()).toBe("7716.04"); // 12345.67 · 0.625 = 7716.04375
    expect(targetIncentive("0.25", 1, payout, { scale: 1 }).toString()).toBe("0.2"); // 0.25 half-even → 0.2
    expect(targetIncentive("0.25", 1, payout, { scale: 1, rounding: "half-up" }).toString()).toBe("0.3");
  });

  it("refuses a negative target, a bad attainment and a bad curve", () => {
    expect(errorOf(() => targetIncentive(-1, 1, payout))).toEqual({ code: "INVALID_ARGUMENT", path: ["targetAmount"] });
    expect(errorOf(() => targetIncentive(1, "x", payout))).toEqual({ code: "INVALID_NUMBER", path: ["attainment"] });
    expect(errorOf(() => targetIncentive(1, 1, { points: [] })).code).toBe("EMPTY_INPUT");
    expect(errorOf(() => targetIncentive(1, 1, payout, { scale: 1.5 })).path).toEqual(["options", "scale"]);
  });
  it("names the target amount and the option at fault", () => {
    expect(errorOf(() => targetIncentive("x", 1, payout))).toEqual({ code: "INVALID_NUMBER", path: ["targetAmount"] });
    expect(errorOf(() => targetIncentive(1, 1, payout, "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(errorOf(() => targetIncentive(1, 1, payout, { rounding: "sideways" as never })).path).toEqual(["options", "rounding"]);
  });
});

describe("fundPool", () => {
  const funding = { points: [{ x: 0.9, y: 0.5 }, { x: 1, y: 1 }, { x: 1.2, y: 1.5 }], below: "zero" as const };

  it("funds the pool from company attainment, rounded down to the fen", () => {
    expect(fundPool(1000000, 1.08, funding).toString()).toBe("1200000"); // funding(1.08) = 1.2
    expect(fundPool(1000000, 0.85, funding).toString()).toBe("0"); // below the 90 % gate
    expect(fundPool("333333.33", 0.95, funding).toString()).toBe("249999.99"); // 0.75 · 333333.33 = 249999.9975
    expect(fundPool(1000000, 2, funding).toString()).toBe("1500000"); // clamped at the last point
  });

  it("refuses a negative budget", () => {
    expect(errorOf(() => fundPool(-1, 1, funding))).toEqual({ code: "INVALID_ARGUMENT", path: ["budget"] });
    expect(errorOf(() => fundPool(1, null as never, funding))).toEqual({ code: "INVALID_NUMBER", path: ["companyAttainment"] });
  });

  it("names the budget and the option at fault", () => {
    expect(errorOf(() => fundPool("x", 1, funding))).toEqual({ code: "INVALID_NUMBER", path: ["budget"] });
    expect(errorOf(() => fundPool(1, 1, funding, "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(errorOf(() => fundPool(1, 1, funding, { scale: 1.5 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "scale"] });
    expect(errorOf(() => fundPool(1, 1, funding, { rounding: "sideways" as never })).path).toEqual(["options", "rounding"]);
  });
});

describe("gradeMultiplier", () => {
  it("reads the multiplier of a grade", () => {
    expect(gradeMultiplier("优秀", table).toString()).toBe("1.5");
    expect(gradeMultiplier("不合格", table, { grades }).toString()).toBe("0");
  });

  it("refuses unknown grades in the table, a grade the table lacks and negative multipliers", () => {
    expect(errorOf(() => gradeMultiplier("优秀", { ...table, 优: 2 }, { grades }))).toEqual({ code: "INVALID_ARGUMENT", path: ["table", "优"] });
    expect(errorOf(() => gradeMultiplier("A", table))).toEqual({ code: "INVALID_ARGUMENT", path: ["grade"] });
    expect(errorOf(() => gradeMultiplier("优秀", { 优秀: -1 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["table", "优秀"] });
    expect(errorOf(() => gradeMultiplier("优秀", { 优秀: "1.5x" }))).toEqual({ code: "INVALID_NUMBER", path: ["table", "优秀"] });
    expect(errorOf(() => gradeMultiplier("优秀", [] as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["table"] });
  });

  it("says what is wrong with the grade, the table and the grade list", () => {
    expect(failureOf(() => gradeMultiplier(1 as never, { A: 1 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["grade"], message: "grade must be a string; got 1" });
    expect(failureOf(() => gradeMultiplier("A", null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["table"], message: "table must be an object of grade → multiplier; got null" });
    expect(errorOf(() => gradeMultiplier("A", "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["table"] });
    expect(errorOf(() => gradeMultiplier("A", { A: 1 }, { grades: ["A", 1] as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "grades"] });
    expect(failureOf(() => gradeMultiplier("A", { A: 1, B: 2 }, { grades: ["A"] })).message).toBe("table.B names a grade that does not exist; the grades are A");
    expect(failureOf(() => gradeMultiplier("A", { A: -1 })).message).toBe("table.A must not be negative; got -1");
  });
});

describe("composeBonus", () => {
  const parts = {
    fixed: 5000,
    variable: { targetAmount: 20000, attainment: 1.1, curve: payout, grade: "优秀", multipliers: table },
    awards: [{ name: "Q3 sales champion", amount: 3000 }],
  };

  it("keeps the fixed part, the variable part and each award apart, and adds them up", () => {
    const bonus = composeBonus(parts, { grades });
    expect(bonus.fixed.toString()).toBe("5000");
    expect(bonus.variable?.payoutRate.toString()).toBe("1.2"); // curve(1.1)
    expect(bonus.variable?.incentive.toString()).toBe("24000"); // 20000 · 1.2
    expect(bonus.variable?.multiplier.toString()).toBe("1.5"); // 优秀
    expect(bonus.variable?.amount.toString()).toBe("36000"); // 24000 · 1.5
    expect(bonus.awards.map((a) => `${a.name} ${a.amount.toString()}`)).toEqual(["Q3 sales champion 3000"]);
    expect(bonus.total.toString()).toBe("44000"); // 5000 + 36000 + 3000
  });

  it("rounds the incentive, then the variable part, each to the fen", () => {
    // 1000.01 · curve(0.9) = 1000.01 · 0.75 = 750.0075 → 750.01; · 1.2 = 900.012 → 900.01
    const bonus = composeBonus({ variable: { targetAmount: "1000.01", attainment: 0.9, curve: payout, multiplier: 1.2 } });
    expect(bonus.variable?.incentive.toString()).toBe("750.01");
    expect(bonus.variable?.amount.toString()).toBe("900.01");
    expect(bonus.total.toString()).toBe("900.01");
  });

  it("uses a multiplier of 1 without a grade, and no variable part when none is given", () => {
    expect(composeBonus({ variable: { targetAmount: 100, attainment: 1, curve: payout } }).total.toString()).toBe("100");
    const fixedOnly = composeBonus({ fixed: "800.50" });
    expect(fixedOnly.variable).toBeNull();
    expect(fixedOnly.total.toString()).toBe("800.5");
  });

  it("refuses unknown grades in the multiplier table and a grade missing from it", () => {
    expect(errorOf(() => composeBonus({ ...parts, variable: { ...parts.variable, multipliers: { ...table, S: 2 } } }, { grades }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["parts", "variable", "multipliers", "S"],
    });
    expect(errorOf(() => composeBonus({ ...parts, variable: { ...parts.variable, grade: "S" } }))).toEqual({ code: "INVALID_ARGUMENT", path: ["parts", "variable", "grade"] });
  });

  it("refuses amounts that are negative or finer than the fen, and conflicting multipliers", () => {
    expect(errorOf(() => composeBonus({ fixed: -1 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["parts", "fixed"] });
    expect(errorOf(() => composeBonus({ awards: [{ name: "x", amount: "1.005" }] }))).toEqual({ code: "INVALID_ARGUMENT", path: ["parts", "awards", 0, "amount"] });
    expect(errorOf(() => composeBonus({ variable: { ...parts.variable, multiplier: 2 } })).path).toEqual(["parts", "variable", "multiplier"]);
    expect(errorOf(() => composeBonus({ variable: { targetAmount: 1, attainment: 1, curve: payout, grade: "优秀" } })).path).toEqual(["parts", "variable", "multipliers"]);
    expect(errorOf(() => composeBonus(null as never)).code).toBe("INVALID_ARGUMENT");
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(parts);
    composeBonus(parts);
    expect(parts).toEqual(copy);
  });
});

describe("composeBonus error messages", () => {
  const variable = { targetAmount: 100, attainment: 1, curve: payout };
  const invalidNumber = (path: string) => `${path} must be a finite number or a plain decimal string such as "1200.50"; got "x"`;

  it("names the parts, options, scale and rounding at fault", () => {
    expect(failureOf(() => composeBonus(null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["parts"], message: "parts: Invalid input: expected object, received null" });
    expect(failureOf(() => composeBonus({}, "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"], message: "options: Invalid input: expected object, received string" });
    expect(failureOf(() => composeBonus({}, { scale: "x" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "scale"], message: 'options.scale must be a whole number; got "x"' });
    expect(failureOf(() => composeBonus({}, { rounding: "sideways" as never }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "rounding"],
      message: 'options.rounding must be one of half-even, half-up, half-down, up, down, ceil, floor; got "sideways"',
    });
  });

  it("names the variable part's number that is not a number", () => {
    for (const key of ["targetAmount", "attainment", "multiplier"] as const) {
      expect(failureOf(() => composeBonus({ variable: { ...variable, [key]: "x" } }))).toEqual({
        code: "INVALID_NUMBER",
        path: ["parts", "variable", key],
        message: invalidNumber(`parts.variable.${key}`),
      });
    }
  });

  it("refuses a multiplier beside a grade alone or beside a table alone", () => {
    const both = { code: "INVALID_ARGUMENT", path: ["parts", "variable", "multiplier"], message: "parts.variable gives both a multiplier and a grade table; give one" };
    expect(failureOf(() => composeBonus({ variable: { ...variable, multiplier: 2, grade: "A" } }))).toEqual(both);
    expect(failureOf(() => composeBonus({ variable: { ...variable, multiplier: 2, multipliers: { A: 1 } } }))).toEqual(both);
  });

  it("says which half of a grade and its table is missing", () => {
    expect(failureOf(() => composeBonus({ variable: { ...variable, grade: "A" } }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["parts", "variable", "multipliers"],
      message: "parts.variable.multipliers is required with parts.variable.grade",
    });
    expect(failureOf(() => composeBonus({ variable: { ...variable, multipliers: { A: 1 } } }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["parts", "variable", "grade"],
      message: "parts.variable.grade is required with parts.variable.multipliers",
    });
  });
});
