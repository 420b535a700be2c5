import { describe, expect, it } from "vitest";
import { Decimal, PayscoreError, allocate, toDecimal } from "../../src/index.js";
import { allocateDecimal, apportion } from "../../src/numeric/index.js";

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

describe("allocate: what a failure says", () => {
  it("names the total and the step it must be a multiple of", () => {
    const error = failure(() => allocate("1.005", [1, 1]));
    expect(error.message).toBe("total 1.005 is not a whole number of steps of 0.01; round it to 2 decimal places first");
    // scale −2: steps of 100
    expect(failure(() => allocate(150, [1], { scale: -2 })).message).toBe("total 150 is not a whole number of steps of 100; round it to -2 decimal places first");
    expect(failure(() => allocate("abc", [1])).path).toEqual(["total"]);
  });

  it("names a negative weight by its index and value", () => {
    const error = failure(() => allocate(1, [1, 2, "-0.5"]));
    expect(error.path).toEqual(["weights", 2]);
    expect(error.message).toBe("weights[2] must not be negative; got -0.5");
  });

  it("says that at least one weight must be positive, at the weights", () => {
    const error = failure(() => allocate(1, [0, "0.00"]));
    expect(error.path).toEqual(["weights"]);
    expect(error.message).toBe("weights must contain at least one weight greater than 0");
  });

  it("says what it got instead of an array", () => {
    const error = failure(() => allocate(1, { 0: 1 } as never));
    expect(error.path).toEqual(["weights"]);
    expect(error.message).toBe("weights must be an array; got an object");
  });
});

describe("allocateDecimal", () => {
  it("splits validated Decimals the same way", () => {
    // 1.00 over 1 : 2 → 33.3 and 66.7 cents → 33 and 66, the spare cent to the larger remainder (0.7)
    expect(strings(allocateDecimal(new Decimal(1), [new Decimal(1), new Decimal(2)], 2))).toEqual(["0.33", "0.67"]);
  });

  it("reports faults at the weights path it is given, or at 'weights' by default", () => {
    expect(failure(() => allocateDecimal(new Decimal(1), [new Decimal(0)], 2)).path).toEqual(["weights"]);
    const error = failure(() => allocateDecimal(new Decimal(1), [new Decimal(1), new Decimal(-1)], 2, ["teams", 4, "shares"]));
    expect(error.path).toEqual(["teams", 4, "shares", 1]);
    expect(error.message).toBe("teams[4].shares[1] must not be negative; got -1");
    const none = failure(() => allocateDecimal(new Decimal(1), [], 2, ["teams", 4, "shares"]));
    expect(none.path).toEqual(["teams", 4, "shares"]);
    expect(none.message).toMatch(/^teams\[4\]\.shares must contain/);
  });
});

describe("apportion", () => {
  it("shares whole units by largest remainder, ties to the earlier index", () => {
    // 10 over 1:1:1 → 3, 3, 3 and one left: equal remainders, index 0 gets it
    expect(apportion(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    // 7 over 1:2:4 → exact 1, 2, 4: nothing left over
    expect(apportion(7n, [1n, 2n, 4n])).toEqual([1n, 2n, 4n]);
    // 5 over 1:1:1:1 → 1 each, one left: index 0
    expect(apportion(5n, [1n, 1n, 1n, 1n])).toEqual([2n, 1n, 1n, 1n]);
    // 2 over 3:1:3:1 (sum 8) → exact .75, .25, .75, .25 → floors 0; the two .75s (indexes 0 and 2) get one each
    expect(apportion(2n, [3n, 1n, 3n, 1n])).toEqual([1n, 0n, 1n, 0n]);
    // 3 over 1:3:3:1 → exact .375, 1.125, 1.125, .375 → floors 0, 1, 1, 0; one left: the .375 at index 0
    expect(apportion(3n, [1n, 3n, 3n, 1n])).toEqual([1n, 1n, 1n, 0n]);
    expect(apportion(0n, [1n, 2n])).toEqual([0n, 0n]);
  });
});
