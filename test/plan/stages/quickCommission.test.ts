import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tieredCommission } from "../../../src/compensation/index.js";
import { roundDecimal, type RoundingMode } from "../../../src/numeric/index.js";
import { quickCommission } from "../../../src/plan/stages/quickCommission.js";

const TIERS = [{ from: 0, rate: "0.005" }, { from: 1000000, rate: "0.01" }];

/** The reference the pay stage falls back to: tieredCommission, rounded once with the plan's mode. */
const reference = (base: number | string, tiers: typeof TIERS, mode: "marginal" | "retroactive", scale: number, rounding: RoundingMode): string =>
  roundDecimal(tieredCommission(base, tiers, { mode }), scale, rounding).toFixed(scale);

describe("quickCommission", () => {
  it("works the @example: 1,000,000 × 0.5 % + 419,370 × 1 % = 9,193.70", () => {
    expect(quickCommission(TIERS, "marginal", 2, "half-up")?.(1419370)).toBe("9193.70");
  });

  it("pays a retroactive plan at the reached tier's rate on all of the base: 1,419,370 × 1 % = 14,193.70", () => {
    expect(quickCommission(TIERS, "retroactive", 2, "half-up")?.(1419370)).toBe("14193.70");
    expect(quickCommission(TIERS, "retroactive", 2, "half-up")?.("999999.99")).toBe("5000.00"); // 4,999.99995 → half-up
  });

  it("rounds once with the plan's mode: 0.99 × 0.5 % = 0.00495 → 0.00 half-even at 2 places, 0.005 at 3 half-up", () => {
    expect(quickCommission(TIERS, "marginal", 2, "half-even")?.("0.99")).toBe("0.00");
    expect(quickCommission(TIERS, "marginal", 3, "half-up")?.("0.99")).toBe("0.005");
  });

  it("declines what it cannot prove exact, so the pay stage takes the Decimal way", () => {
    expect(quickCommission([{ from: 0, rate: "0.0000001" }], "marginal", 2, "half-up")).toBeUndefined(); // 7 rate places
    expect(quickCommission([{ from: "0.001", rate: "0.01" }], "marginal", 2, "half-up")).toBeUndefined(); // 3 base places
    expect(quickCommission([{ from: 5, rate: "0.01" }, { from: 1, rate: "0.02" }], "marginal", 2, "half-up")).toBeUndefined(); // refused by tieredCommission
    expect(quickCommission(TIERS, "marginal", 7, "half-up")).toBeUndefined();
    const pay = quickCommission(TIERS, "marginal", 2, "half-up");
    for (const base of [-1, "-0", -0, "1.234", "abc", Number.NaN, null, 2 ** 60]) expect(pay?.(base)).toBeUndefined();
  });

  it("gives tieredCommission's rounded amount for every base and tier set it accepts (property)", () => {
    const cents = fc.integer({ min: 0, max: 10 ** 11 });
    const tiers = fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 9 }), { maxLength: 3 }).chain((froms) =>
      fc.array(fc.integer({ min: 0, max: 200000 }), { minLength: froms.length + 1, maxLength: froms.length + 1 }).map((rates) =>
        [0, ...froms.sort((a, b) => a - b)].map((from, k) => ({ from: from / 100, rate: String((rates[k] as number) / 1e6) })),
      ),
    );
    const mode = fc.constantFrom("marginal" as const, "retroactive" as const);
    const rounding = fc.constantFrom<RoundingMode>("half-up", "half-even", "down", "up");
    fc.assert(
      fc.property(cents, tiers, mode, fc.integer({ min: 0, max: 6 }), rounding, (base, tierSet, m, scale, r) => {
        const quick = quickCommission(tierSet, m, scale, r)?.(base / 100);
        if (quick !== undefined) expect(quick).toBe(reference(base / 100, tierSet, m, scale, r));
      }),
    );
  });
});
