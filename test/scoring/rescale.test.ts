import { describe, expect, it } from "vitest";
import { rescale, type ScaleRange } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

const fivePoint = { min: 1, max: 5 };
const hundred = { min: 0, max: 100 };

describe("rescale", () => {
  it("maps a 1–5 rating onto 0–100", () => {
    // 0 + (4 − 1) · 100 / 4 = 75
    expectDecimal(rescale(4, fivePoint, hundred), "75");
    // 60 + (3.5 − 1) · 40 / 4 = 85
    expectDecimal(rescale(3.5, fivePoint, { min: 60, max: 100 }), "85");
  });

  it("maps the ends exactly onto the ends", () => {
    expectDecimal(rescale(1, fivePoint, hundred), "0");
    expectDecimal(rescale(5, fivePoint, hundred), "100");
    expectDecimal(rescale(3, { min: 0, max: 3 }, { min: 0, max: 1 }), "1");
    // (1 − 0) · 1 / 3, rounded at the 40th digit
    expectDecimal(rescale(1, { min: 0, max: 3 }, { min: 0, max: 1 }), "0.3333333333333333333333333333333333333333");
  });

  it("flips a scale when to runs downwards", () => {
    // 100 + (2 − 1) · (0 − 100) / 4 = 75
    expectDecimal(rescale(2, fivePoint, { min: 100, max: 0 }), "75");
  });

  it("does not mutate its input", () => {
    const from = { min: 1, max: 5 };
    rescale(2, from, hundred);
    expect(from).toEqual({ min: 1, max: 5 });
  });

  it("refuses a value outside the from scale", () => {
    const error = expectFault(() => rescale(6, fivePoint, hundred), "OUT_OF_RANGE", ["value"]);
    expect(error.message).toContain("from 1 to 5");
    expectFault(() => rescale(0.5, fivePoint, hundred), "OUT_OF_RANGE", ["value"]);
  });

  it("refuses an empty or reversed from scale and malformed scales", () => {
    expectFault(() => rescale(1, { min: 1, max: 1 }, hundred), "INVALID_ARGUMENT", ["from", "max"]);
    expectFault(() => rescale(1, { min: 5, max: 1 }, hundred), "INVALID_ARGUMENT", ["from", "max"]);
    expectFault(() => rescale(1, null as unknown as ScaleRange, hundred), "INVALID_ARGUMENT", ["from"]);
    expectFault(() => rescale(1, fivePoint, { min: 0 } as unknown as ScaleRange), "INVALID_NUMBER", ["to", "max"]);
    expectFault(() => rescale("4,5", fivePoint, hundred), "INVALID_NUMBER", ["value"]);
  });
});
