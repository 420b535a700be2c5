import { describe, expect, it } from "vitest";
import { stageConversion } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

const funnel = [
  { stage: "lead", count: 200 },
  { stage: "quote", count: 50 },
  { stage: "won", count: 10 },
];

describe("stageConversion", () => {
  it("gives each stage-to-stage rate, then the overall first-to-last rate", () => {
    // 50 / 200 = 0.25; 10 / 50 = 0.2; overall 10 / 200 = 0.05
    const rates = stageConversion(funnel);
    expect(rates.map((r) => [r.from, r.to])).toEqual([
      ["lead", "quote"],
      ["quote", "won"],
      ["lead", "won"],
    ]);
    expectDecimal(rates[0]?.rate, "0.25");
    expectDecimal(rates[1]?.rate, "0.2");
    expectDecimal(rates[2]?.rate, "0.05");
  });

  it("repeats the single rate as the overall rate for a two-stage funnel", () => {
    const rates = stageConversion([
      { stage: "线索", count: 3 },
      { stage: "成交", count: 1 },
    ]);
    expect(rates).toHaveLength(2);
    expectDecimal(rates[0]?.rate, "0.3333333333333333333333333333333333333333");
    expect(rates[1]).toEqual(rates[0]);
  });

  it("allows a last stage of 0 and reports a rate above 1 as it is", () => {
    // 30 / 20 = 1.5; 0 / 30 = 0; overall 0 / 20 = 0
    const rates = stageConversion([
      { stage: "a", count: 20 },
      { stage: "b", count: 30 },
      { stage: "c", count: 0 },
    ]);
    expectDecimal(rates[0]?.rate, "1.5");
    expectDecimal(rates[1]?.rate, "0");
    expectDecimal(rates[2]?.rate, "0");
  });

  it("throws ZERO_DENOMINATOR for a count of 0 before the last stage", () => {
    expectFault(
      () => stageConversion([{ stage: "a", count: 5 }, { stage: "b", count: 0 }, { stage: "c", count: 0 }]),
      "ZERO_DENOMINATOR",
      ["funnel", 1, "count"],
    );
  });

  it("throws EMPTY_INPUT for no stages and INVALID_ARGUMENT for a single stage", () => {
    expectFault(() => stageConversion([]), "EMPTY_INPUT", ["funnel"]);
    expectFault(() => stageConversion([{ stage: "a", count: 1 }]), "INVALID_ARGUMENT", ["funnel"]);
  });

  it("throws OUT_OF_RANGE for a negative count and INVALID_ARGUMENT for a fractional one", () => {
    expectFault(() => stageConversion([{ stage: "a", count: 5 }, { stage: "b", count: -1 }]), "OUT_OF_RANGE", ["funnel", 1, "count"]);
    expectFault(() => stageConversion([{ stage: "a", count: 5.5 }, { stage: "b", count: 1 }]), "INVALID_ARGUMENT", ["funnel", 0, "count"]);
  });

  it("throws INVALID_ARGUMENT for a repeated, empty or missing stage name", () => {
    expectFault(() => stageConversion([{ stage: "a", count: 5 }, { stage: "a", count: 1 }]), "INVALID_ARGUMENT", ["funnel", 1, "stage"]);
    expectFault(() => stageConversion([{ stage: "", count: 5 }, { stage: "b", count: 1 }]), "INVALID_ARGUMENT", ["funnel", 0, "stage"]);
    expectFault(() => stageConversion([{ count: 5 }, { stage: "b", count: 1 }] as never), "INVALID_ARGUMENT", ["funnel", 0, "stage"]);
  });

  it("throws INVALID_ARGUMENT for arguments of the wrong shape", () => {
    expectFault(() => stageConversion({} as never), "INVALID_ARGUMENT", ["funnel"]);
    expectFault(() => stageConversion([{ stage: "a", count: 1 }, "b"] as never), "INVALID_ARGUMENT", ["funnel", 1]);
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(funnel.map((s) => Object.freeze({ ...s })));
    stageConversion(frozen);
    expect(frozen).toEqual(funnel);
  });
});
