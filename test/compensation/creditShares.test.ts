import { describe, expect, it } from "vitest";
import { creditSteps, readCredit, readTolerance } from "../../src/compensation/creditShares.js";
import { Decimal } from "../../src/index.js";
import { fault } from "../helpers.js";

const none = new Decimal(0);

describe("readCredit", () => {
  it("reads the @example: two halves as 5/10 each", () => {
    const credit = readCredit([{ id: "a", share: "0.5" }, { id: "b", share: "0.5" }], ["splits"], false, none);
    expect(credit).toMatchObject({ ids: ["a", "b"], weights: [5n, 5n], unit: 10n, overlay: false });
    expect(credit.shares.map(String)).toEqual(["0.5", "0.5"]);
  });

  it("puts every share over the finest decimal places given (0.75 and 0.25 → 75 and 25 over 100)", () => {
    // 0.75 + 0.25 = 1: unit 100, weights 75 and 25.
    expect(readCredit([{ id: "a", share: "0.75" }, { id: "b", share: 0.25 }], ["splits"], false, none)).toMatchObject({ weights: [75n, 25n], unit: 100n });
  });

  it("accepts a sum within the tolerance and normalises the shares: 0.333 · 3 = 0.999", () => {
    const credit = readCredit(["a", "b", "c"].map((id) => ({ id, share: "0.333" })), ["splits"], false, new Decimal("0.001"));
    // Each share 333 / 999 = 1/3.
    expect(credit.shares.every((s) => s.eq(new Decimal(1).div(3)))).toBe(true);
    expect(fault(() => readCredit(["a", "b", "c"].map((id) => ({ id, share: "0.333" })), ["splits"], false, new Decimal("0.0009")))).toEqual({ code: "INVALID_WEIGHTS", path: ["splits"] });
  });

  it("keeps overlay shares as given, with no rule on their sum", () => {
    const credit = readCredit([{ id: "rep", share: 1 }, { id: "manager", share: "0.5" }], ["splits"], true, none);
    expect(credit.overlay).toBe(true);
    expect(credit.shares.map(String)).toEqual(["1", "0.5"]);
  });

  it("gives a zero share exactly 0", () => {
    expect(readCredit([{ id: "a", share: 1 }, { id: "b", share: 0 }], ["splits"], false, none).shares.map(String)).toEqual(["1", "0"]);
  });

  it("refuses malformed splits with their codes and paths", () => {
    expect(fault(() => readCredit("a", ["splits"], false, none))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits"] });
    expect(fault(() => readCredit([], ["splits"], false, none))).toEqual({ code: "EMPTY_INPUT", path: ["splits"] });
    expect(fault(() => readCredit([null], ["splits"], false, none))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 0] });
    expect(fault(() => readCredit([{ id: "", share: 1 }], ["splits"], false, none))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 0, "id"] });
    expect(fault(() => readCredit([{ id: "a", share: "0.5" }, { id: "a", share: "0.5" }], ["splits"], false, none))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 1, "id"] });
    expect(fault(() => readCredit([{ id: "a", share: "x" }], ["splits"], false, none))).toEqual({ code: "INVALID_NUMBER", path: ["splits", 0, "share"] });
    expect(fault(() => readCredit([{ id: "a", share: "-0.1" }, { id: "b", share: "1.1" }], ["splits"], false, none))).toEqual({ code: "INVALID_WEIGHTS", path: ["splits", 0, "share"] });
    expect(fault(() => readCredit([{ id: "a", share: "1.5" }], ["splits"], true, none))).toEqual({ code: "OUT_OF_RANGE", path: ["splits", 0, "share"] });
    expect(fault(() => readCredit([{ id: "a", share: "0.5" }, { id: "b", share: "0.4" }], ["splits"], false, none))).toEqual({ code: "INVALID_WEIGHTS", path: ["splits"] });
  });
});

describe("creditSteps", () => {
  it("splits 100.01 (10001 steps) half and half as 5001 and 5000: the tie to the earlier rep", () => {
    expect(creditSteps(10001n, { ids: ["a", "b"], weights: [1n, 1n], unit: 2n, overlay: false, shares: [] }, "half-even")).toEqual([5001n, 5000n]);
  });

  it("splits a refund (negative steps) as the mirror of the payment", () => {
    expect(creditSteps(-10001n, { ids: ["a", "b"], weights: [1n, 1n], unit: 2n, overlay: false, shares: [] }, "half-even")).toEqual([-5001n, -5000n]);
  });

  it("rounds each overlay part on its own: 1001 steps at 0.5 → 500.5 → 500 (half-even) or 501 (half-up)", () => {
    const overlay = { ids: ["rep", "manager"], weights: [10n, 5n], unit: 10n, overlay: true, shares: [] };
    expect(creditSteps(1001n, overlay, "half-even")).toEqual([1001n, 500n]);
    expect(creditSteps(1001n, overlay, "half-up")).toEqual([1001n, 501n]);
  });
});

describe("readTolerance", () => {
  it("is 0 when absent and the value given otherwise", () => {
    expect(readTolerance(undefined, ["tolerance"]).toString()).toBe("0");
    expect(readTolerance("0.001", ["options", "tolerance"]).toString()).toBe("0.001");
  });

  it("refuses a negative tolerance, one of 1 or more, and a malformed one", () => {
    expect(fault(() => readTolerance("-0.1", ["tolerance"]))).toEqual({ code: "OUT_OF_RANGE", path: ["tolerance"] });
    expect(fault(() => readTolerance(1, ["tolerance"]))).toEqual({ code: "OUT_OF_RANGE", path: ["tolerance"] });
    expect(fault(() => readTolerance("abc", ["tolerance"]))).toEqual({ code: "INVALID_NUMBER", path: ["tolerance"] });
  });
});
