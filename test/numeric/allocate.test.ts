import { describe, expect, it } from "vitest";
import { PayscoreError, allocate, toDecimal } from "../../src/index.js";

const strings = (parts: readonly { toString(): string }[]) => parts.map(String);

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

describe("allocate", () => {
  it("splits 100.00 three ways, the spare cent to the first", () => {
    // 10000 cents / 3 = 3333 r 1 each; the one spare cent goes to the earliest equal remainder
    expect(strings(allocate(100, [1, 1, 1]))).toEqual(["33.34", "33.33", "33.33"]);
  });

  it("gives the leftover to the largest remainders, not the largest weights", () => {
    // 1.00 over weights 1, 2, 7 (sum 10): exact 10, 20, 70 cents — nothing left
    expect(strings(allocate(1, [1, 2, 7]))).toEqual(["0.1", "0.2", "0.7"]);
    // 0.10 over 0.3, 0.35, 0.35 (sum 1): exact 3, 3.5, 3.5 cents → floors 3, 3, 3 (9), 1 spare;
    // remainders 0, .5, .5 → the earlier of the tie, index 1
    expect(strings(allocate("0.10", ["0.3", "0.35", "0.35"]))).toEqual(["0.03", "0.04", "0.03"]);
    // 100 over 1, 1, 98 at scale 0 (sum 100): exact 1, 1, 98 → no remainders
    expect(strings(allocate(100, [1, 1, 98], { scale: 0 }))).toEqual(["1", "1", "98"]);
    // 5 over 1, 9 at scale 0: exact 0.5, 4.5 → floors 0, 4; tie at .5 → index 0 (dinero would pick the larger ratio)
    expect(strings(allocate(5, [1, 9], { scale: 0 }))).toEqual(["1", "4"]);
  });

  it("mirrors a negative total part by part", () => {
    expect(strings(allocate(-100, [1, 1, 1]))).toEqual(["-33.34", "-33.33", "-33.33"]);
  });

  it("gives a zero weight exactly zero, never negative zero", () => {
    const parts = allocate(-10, [0, 1]);
    expect(parts[0]?.isZero()).toBe(true);
    expect(parts[0]?.isNegative()).toBe(false);
  });

  it("works in whole units and in finer steps", () => {
    expect(strings(allocate(12000000, [1, 1, 1, 1], { scale: 0 }))).toEqual(["3000000", "3000000", "3000000", "3000000"]);
    expect(strings(allocate("1.000", [1, 2], { scale: 3 }))).toEqual(["0.333", "0.667"]);
    expect(strings(allocate(1000, [1, 2], { scale: -2 }))).toEqual(["300", "700"]);
  });

  it("accepts every numeric form, weights as decimals and bigints", () => {
    expect(strings(allocate(10n, [toDecimal("0.5"), "0.25", 0.25]))).toEqual(["5", "2.5", "2.5"]);
    expect(strings(allocate("99999999999999999999.99", [1, 1]))).toEqual(["50000000000000000000", "49999999999999999999.99"]);
  });

  it("does not mutate its input", () => {
    const weights = Object.freeze([1, 2, 3]);
    allocate(6, weights);
    expect(weights).toEqual([1, 2, 3]);
  });

  it("refuses a total that is not a whole number of steps", () => {
    const error = failure(() => allocate("1.005", [1, 1]));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["total"]);
    expect(error.message).toMatch(/1\.005/);
  });

  it("refuses negative weights, all-zero weights and no weights", () => {
    expect(failure(() => allocate(1, [1, -1])).path).toEqual(["weights", 1]);
    expect(failure(() => allocate(1, [1, -1])).code).toBe("INVALID_WEIGHTS");
    expect(failure(() => allocate(1, [0, 0])).code).toBe("INVALID_WEIGHTS");
    expect(failure(() => allocate(1, [])).code).toBe("INVALID_WEIGHTS");
  });

  it("refuses malformed numbers and non-arrays with the place named", () => {
    expect(failure(() => allocate(1, [1, "x"])).path).toEqual(["weights", 1]);
    expect(failure(() => allocate(1, [1, "x"])).code).toBe("INVALID_NUMBER");
    expect(failure(() => allocate(Number.NaN, [1])).code).toBe("INVALID_NUMBER");
    expect(failure(() => allocate(1, "1" as never)).code).toBe("INVALID_ARGUMENT");
    expect(failure(() => allocate(1, [1], { scale: 2.5 })).path).toEqual(["options", "scale"]);
  });
});
