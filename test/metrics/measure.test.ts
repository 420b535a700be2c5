import { describe, expect, it } from "vitest";
import {
  INDICATOR_INPUTS,
  attainment,
  collectionRate,
  complaintRate,
  growthRate,
  marketShare,
  measure,
  nps,
  orderMargin,
  type MeasurableIndicator,
} from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("measure", () => {
  it("returns the value with its formula and its inputs as strings", () => {
    // 950 000 / 1 000 000 = 0.95
    const measured = measure("collectionRate", { collected: 950_000, billed: "1000000.00" });
    expectDecimal(measured.value, "0.95");
    expect(measured.formula).toBe("collected / billed");
    expect(measured.inputs).toEqual({ collected: "950000", billed: "1000000" });
    expect(Object.keys(measured.inputs)).toEqual(["collected", "billed"]);
  });

  it("writes each indicator's formula over its named inputs", () => {
    const cases: [MeasurableIndicator, Record<string, number>, string, string][] = [
      ["growthRate", { current: 120, previous: 100 }, "(current - previous) / |previous|", "0.2"],
      ["marketShare", { sales: 25, market: 100 }, "sales / market", "0.25"],
      ["orderMargin", { revenue: 100, cost: 70 }, "(revenue - cost) / revenue", "0.3"],
      ["complaintRate", { complaints: 3, interactions: 750 }, "complaints / interactions", "0.004"],
      ["nps", { promoters: 60, passives: 25, detractors: 15 }, "100 * (promoters - detractors) / (promoters + passives + detractors)", "45"],
      ["attainment", { actual: 90, target: 100 }, "actual / target", "0.9"],
    ];
    for (const [indicator, inputs, formula, value] of cases) {
      const measured = measure(indicator, inputs);
      expect(measured.formula).toBe(formula);
      expectDecimal(measured.value, value);
      expect(measured.inputs).toEqual(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])));
      expect(Object.keys(measured.inputs)).toEqual(INDICATOR_INPUTS[indicator]);
    }
  });

  it("gives exactly the value of the indicator's own function", () => {
    expect(measure("growthRate", { current: 1, previous: 3 }).value.eq(growthRate(1, 3))).toBe(true);
    expect(measure("marketShare", { sales: 1, market: 7 }).value.eq(marketShare(1, 7))).toBe(true);
    expect(measure("collectionRate", { collected: 2, billed: 3 }).value.eq(collectionRate(2, 3))).toBe(true);
    expect(measure("orderMargin", { revenue: 3, cost: 1 }).value.eq(orderMargin(3, 1))).toBe(true);
    expect(measure("complaintRate", { complaints: 1, interactions: 9 }).value.eq(complaintRate(1, 9))).toBe(true);
    expect(measure("nps", { promoters: 1, passives: 1, detractors: 1 }).value.eq(nps({ promoters: 1, passives: 1, detractors: 1 }).score)).toBe(true);
    const options = { direction: "lower", lowerFormula: "inverse", cap: 2 } as const;
    expect(measure("attainment", { actual: 3, target: 7 }, options).value.eq(attainment(3, 7, options))).toBe(true);
  });

  it("shows the attainment branch taken, with cap and floor among the inputs", () => {
    const capped = measure("attainment", { actual: 1_300_000, target: 1_000_000 }, { cap: 1.2 });
    expectDecimal(capped.value, "1.2");
    expect(capped.formula).toBe("min(actual / target, cap)");
    expect(capped.inputs).toEqual({ actual: "1300000", target: "1000000", cap: "1.2" });

    const lower = measure("attainment", { actual: 90, target: 100 }, { direction: "lower", floor: 0, cap: 1.5 });
    expectDecimal(lower.value, "1.1");
    expect(lower.formula).toBe("min(max(max(0, 2 - actual / target), floor), cap)");
    expect(lower.inputs).toEqual({ actual: "90", target: "100", floor: "0", cap: "1.5" });

    expect(measure("attainment", { actual: 80, target: 100 }, { direction: "lower", lowerFormula: "inverse" }).formula).toBe("target / actual");
    const zeroActual = measure("attainment", { actual: 0, target: 5 }, { direction: "lower", lowerFormula: "inverse", cap: 2 });
    expect(zeroActual.formula).toBe("cap (actual is 0)");
    expectDecimal(zeroActual.value, "2");
    const zeroTarget = measure("attainment", { actual: 5, target: 0 }, { zeroTarget: "full" });
    expect(zeroTarget.formula).toBe("1 (target is 0)");
    expectDecimal(zeroTarget.value, "1");
    expect(measure("attainment", { actual: 5, target: 0 }, { zeroTarget: "zero" }).formula).toBe("0 (target is 0)");
  });

  it("lists the inputs of every indicator", () => {
    expect(INDICATOR_INPUTS.collectionRate).toEqual(["collected", "billed"]);
    expect(Object.isFrozen(INDICATOR_INPUTS)).toBe(true);
    expect(Object.isFrozen(INDICATOR_INPUTS.nps)).toBe(true);
  });

  it("throws the indicator's own errors with paths into inputs", () => {
    expectFault(() => measure("collectionRate", { collected: 1, billed: 0 }), "ZERO_DENOMINATOR", ["inputs", "billed"]);
    expectFault(() => measure("orderMargin", { revenue: -1, cost: 0 }), "INVALID_ARGUMENT", ["inputs", "revenue"]);
    expectFault(() => measure("marketShare", { sales: 2, market: 1 }), "INVALID_DATA", ["inputs", "sales"]);
    expectFault(() => measure("attainment", { actual: 1, target: 0 }), "ZERO_DENOMINATOR", ["inputs", "target"]);
    expectFault(() => measure("attainment", { actual: 1, target: 1 }, { cap: 1, floor: 2 }), "INVALID_ARGUMENT", ["options", "floor"]);
    expectFault(() => measure("growthRate", { current: "x", previous: 1 }), "INVALID_NUMBER", ["inputs", "current"]);
    expectFault(() => measure("nps", { promoters: 0, passives: 0, detractors: 0 }), "EMPTY_INPUT", ["inputs"]);
    expectFault(() => measure("nps", { promoters: 1.5, passives: 0, detractors: 0 }), "INVALID_ARGUMENT", ["inputs", "promoters"]);
    expectFault(() => measure("nps", { promoters: 1, passives: -1, detractors: 0 }), "OUT_OF_RANGE", ["inputs", "passives"]);
  });

  it("accepts nps counts written as decimal strings, as a CSV gives them", () => {
    expectDecimal(measure("nps", { promoters: "60", passives: "25", detractors: "15" }).value, "45");
  });

  it("throws INVALID_ARGUMENT for an unknown indicator, a missing or unexpected input, or misplaced options", () => {
    expectFault(() => measure("winRate" as never, {}), "INVALID_ARGUMENT", ["indicator"]);
    expectFault(() => measure("toString" as never, {}), "INVALID_ARGUMENT", ["indicator"]);
    expectFault(() => measure("collectionRate", { collected: 1 }), "INVALID_ARGUMENT", ["inputs", "billed"]);
    expectFault(() => measure("collectionRate", { collected: 1, billled: 2 }), "INVALID_ARGUMENT", ["inputs", "billled"]);
    expectFault(() => measure("collectionRate", { collected: 1, billed: 2 }, { cap: 1 }), "INVALID_ARGUMENT", ["options"]);
    expectFault(() => measure("collectionRate", null as never), "INVALID_ARGUMENT", ["inputs"]);
  });

  it("does not mutate its input", () => {
    const inputs = Object.freeze({ actual: 3, target: 4 });
    const options = Object.freeze({ cap: 1 });
    measure("attainment", inputs, options);
    expect(inputs).toEqual({ actual: 3, target: 4 });
  });
});

describe("measure: nps counts", () => {
  it("throws OUT_OF_RANGE for a count too large to count exactly", () => {
    const error = expectFault(() => measure("nps", { promoters: "9007199254740992", passives: 0, detractors: 0 }), "OUT_OF_RANGE", ["inputs", "promoters"]);
    expect(error.message).toBe("inputs.promoters is too large to count exactly; got 9007199254740992");
    // 2^53 − 1 is still exact: all promoters, NPS 100
    expectDecimal(measure("nps", { promoters: "9007199254740991", passives: 0, detractors: 0 }).value, "100");
  });
});
