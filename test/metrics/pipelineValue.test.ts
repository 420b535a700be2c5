import { describe, expect, it } from "vitest";
import { pipelineValue } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("pipelineValue", () => {
  it("sums amounts at face value and weighted by probability", () => {
    // total 500 000 + 200 000 = 700 000; weighted 500 000 · 0.6 + 200 000 · 0.25 = 350 000
    const value = pipelineValue([
      { amount: 500_000, probability: 0.6 },
      { amount: 200_000, probability: 0.25 },
    ]);
    expectDecimal(value.total, "700000");
    expectDecimal(value.weighted, "350000");
  });

  it("accepts the probability bounds 0 and 1", () => {
    // 100 · 0 + 50 · 1 = 50
    const value = pipelineValue([
      { amount: "100", probability: "0" },
      { amount: "50", probability: 1 },
    ]);
    expectDecimal(value.total, "150");
    expectDecimal(value.weighted, "50");
  });

  it("is worth 0 when the pipeline is empty", () => {
    const value = pipelineValue([]);
    expectDecimal(value.total, "0");
    expectDecimal(value.weighted, "0");
  });

  it("throws OUT_OF_RANGE for a probability outside 0–1, such as a percentage", () => {
    const error = expectFault(() => pipelineValue([{ amount: 1, probability: 60 }]), "OUT_OF_RANGE", ["opportunities", 0, "probability"]);
    expect(error.message).toContain("0.6");
    expectFault(() => pipelineValue([{ amount: 1, probability: 0.5 }, { amount: 1, probability: -0.1 }]), "OUT_OF_RANGE", ["opportunities", 1, "probability"]);
  });

  it("throws INVALID_ARGUMENT for a negative amount", () => {
    expectFault(() => pipelineValue([{ amount: -1, probability: 0.5 }]), "INVALID_ARGUMENT", ["opportunities", 0, "amount"]);
  });

  it("throws INVALID_NUMBER for a missing or malformed number", () => {
    expectFault(() => pipelineValue([{ amount: 1 }] as never), "INVALID_NUMBER", ["opportunities", 0, "probability"]);
    expectFault(() => pipelineValue([{ amount: "1e", probability: 0 }]), "INVALID_NUMBER", ["opportunities", 0, "amount"]);
  });

  it("throws INVALID_ARGUMENT for arguments of the wrong shape", () => {
    expectFault(() => pipelineValue(undefined as never), "INVALID_ARGUMENT", ["opportunities"]);
    expectFault(() => pipelineValue([[1, 0.5]] as never), "INVALID_ARGUMENT", ["opportunities", 0]);
  });

  it("does not mutate its input", () => {
    const opportunities = Object.freeze([Object.freeze({ amount: 10, probability: 0.5 })]);
    expectDecimal(pipelineValue(opportunities).weighted, "5");
    expect(opportunities).toEqual([{ amount: 10, probability: 0.5 }]);
  });
});
