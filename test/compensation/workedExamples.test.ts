// The TSDoc examples of these functions, run from their own modules (each imported by its file).
import { describe, expect, it } from "vitest";
import { fundPool } from "../../src/compensation/fundPool.js";
import { gradeMultiplier, readMultiplierTable } from "../../src/compensation/gradeMultiplier.js";
import { targetIncentive } from "../../src/compensation/targetIncentive.js";
import { composeBonus } from "../../src/compensation/composeBonus.js";
import { errorOf } from "./helpers.js";

describe("worked examples, module by module", () => {
  it("fundPool: funding by company attainment, rounded down by default", () => {
    const funding = { points: [{ x: 0.9, y: 0.5 }, { x: 1, y: 1 }, { x: 1.2, y: 1.5 }], below: "zero" as const };
    expect(fundPool(1000000, 1.08, funding).toString()).toBe("1200000");
    expect(fundPool(1000000, 0.85, funding).toString()).toBe("0");
    expect(fundPool("333333.33", 0.95, funding).toString()).toBe("249999.99");
    expect(errorOf(() => fundPool(-1, 1, funding)).code).toBe("INVALID_ARGUMENT");
  });

  it("gradeMultiplier and readMultiplierTable: a grade's multiplier; a grade the table does not list is refused", () => {
    const table = { 优秀: 1.5, 良好: 1.2, 合格: 1, 不合格: 0 };
    expect(gradeMultiplier("优秀", table).toString()).toBe("1.5");
    expect(gradeMultiplier("不合格", table, { grades: ["优秀", "良好", "合格", "不合格"] }).toString()).toBe("0");
    expect(readMultiplierTable({ A: 1.5 }, undefined, ["table"]).get("A")?.toString()).toBe("1.5");
    expect(errorOf(() => gradeMultiplier("D", { A: 1 })).code).toBe("INVALID_ARGUMENT");
  });

  it("targetIncentive: the target amount × the curve at the attainment, rounded to the minor unit", () => {
    const curve = { points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" as const };
    expect(targetIncentive(20000, 1.1, curve).toString()).toBe("24000");
    expect(targetIncentive(20000, 0.7, curve).toString()).toBe("0");
    expect(targetIncentive("12345.67", 0.85, curve).toString()).toBe("7716.04");
  });

  it("composeBonus: fixed + target incentive × grade multiplier + awards makes the total", () => {
    const bonus = composeBonus({
      fixed: 5000,
      variable: {
        targetAmount: 20000,
        attainment: 1.1,
        curve: { points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }] },
        grade: "优秀",
        multipliers: { 优秀: 1.5, 良好: 1.2, 合格: 1, 不合格: 0 },
      },
      awards: [{ name: "Q3 sales champion", amount: 3000 }],
    });
    expect(bonus.variable?.incentive.toString()).toBe("24000");
    expect(bonus.variable?.amount.toString()).toBe("36000");
    expect(bonus.total.toString()).toBe("44000");
  });
});
