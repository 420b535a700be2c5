import { describe, expect, it } from "vitest";
import { aggregateMargin } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("aggregateMargin", () => {
  it("is total profit over total revenue", () => {
    // (30 000 + 120 000) / (100 000 + 300 000) = 150 000 / 400 000 = 0.375
    expectDecimal(
      aggregateMargin([
        { revenue: 100_000, cost: 70_000 },
        { revenue: 300_000, cost: 180_000 },
      ]),
      "0.375",
    );
  });

  it("weighs lines by revenue, unlike the plain mean of line margins", () => {
    // line margins 0.5 and 0; plain mean 0.25; revenue-weighted (50 + 0) / (100 + 900) = 0.05
    expectDecimal(
      aggregateMargin([
        { revenue: 100, cost: 50 },
        { revenue: 900, cost: 900 },
      ]),
      "0.05",
    );
  });

  it("allows a line with revenue 0 (a free sample with a cost)", () => {
    // (100 − 60 + 0 − 10) / 100 = 0.3
    expectDecimal(
      aggregateMargin([
        { revenue: 100, cost: 60 },
        { revenue: 0, cost: 10 },
      ]),
      "0.3",
    );
  });

  it("throws EMPTY_INPUT for no lines", () => {
    expectFault(() => aggregateMargin([]), "EMPTY_INPUT", ["lines"]);
  });

  it("throws ZERO_DENOMINATOR when the total revenue is 0", () => {
    expectFault(() => aggregateMargin([{ revenue: 0, cost: 5 }]), "ZERO_DENOMINATOR", ["lines"]);
  });

  it("throws INVALID_ARGUMENT for a negative amount, naming the line", () => {
    expectFault(() => aggregateMargin([{ revenue: 1, cost: 0 }, { revenue: -5, cost: 0 }]), "INVALID_ARGUMENT", ["lines", 1, "revenue"]);
    expectFault(() => aggregateMargin([{ revenue: 1, cost: -1 }]), "INVALID_ARGUMENT", ["lines", 0, "cost"]);
  });

  it("throws INVALID_ARGUMENT for lines of the wrong shape", () => {
    expectFault(() => aggregateMargin("lines" as never), "INVALID_ARGUMENT", ["lines"]);
    expectFault(() => aggregateMargin([null] as never), "INVALID_ARGUMENT", ["lines", 0]);
  });

  it("throws INVALID_NUMBER for a missing or malformed amount, naming the field", () => {
    expectFault(() => aggregateMargin([{ revenue: 1 }] as never), "INVALID_NUMBER", ["lines", 0, "cost"]);
    expectFault(() => aggregateMargin([{ revenue: "1 000", cost: 1 }]), "INVALID_NUMBER", ["lines", 0, "revenue"]);
  });

  it("does not mutate its input", () => {
    const lines = [Object.freeze({ revenue: "100", cost: "40" })];
    const copy = JSON.stringify(lines);
    expectDecimal(aggregateMargin(Object.freeze(lines)), "0.6");
    expect(JSON.stringify(lines)).toBe(copy);
  });
});
