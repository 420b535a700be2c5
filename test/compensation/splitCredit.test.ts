import { describe, expect, it } from "vitest";
import { Decimal, splitCredit } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const three = [
  { id: "li", share: "0.5" },
  { id: "wang", share: "0.3" },
  { id: "zhao", share: "0.2" },
];
const amounts = (parts: { amount: Decimal }[]) => parts.map((p) => p.amount.toString());

describe("splitCredit", () => {
  it("gives each rep its share of the deal (the TSDoc example)", () => {
    // 1000 · 0.5, 1000 · 0.3, 1000 · 0.2
    expect(splitCredit(1000, three).map((c) => `${c.id} ${c.amount.toFixed(2)}`)).toEqual(["li 500.00", "wang 300.00", "zhao 200.00"]);
    expect(splitCredit(1000, three).map((c) => c.share.toString())).toEqual(["0.5", "0.3", "0.2"]);
    // 0.333 · 3 = 0.999: within the tolerance, normalised to 1/3 each; 33.333… → 33.33 × 3 = 99.99, the spare fen to the first
    const normalised = splitCredit(100, [{ id: "a", share: "0.333" }, { id: "b", share: "0.333" }, { id: "c", share: "0.333" }], { tolerance: "0.001" });
    expect(normalised.map((c) => c.amount.toFixed(2))).toEqual(["33.34", "33.33", "33.33"]);
    expect(normalised[0]?.share.times(3).toDecimalPlaces(30).toString()).toBe("1");
    expect(amounts(splitCredit(800, [{ id: "li", share: 1 }, { id: "se", share: "0.5" }], { overlay: true }))).toEqual(["800", "400"]);
  });

  it("splits remainder cents by largest remainder, ties to the earlier rep", () => {
    // 1000.01 · 0.5 = 500.005 each: equal remainders, the spare fen to li
    expect(amounts(splitCredit("1000.01", [{ id: "li", share: "0.5" }, { id: "wang", share: "0.5" }]))).toEqual(["500.01", "500"]);
    // 100 · 0.3333 = 33.33, 100 · 0.3333 = 33.33, 100 · 0.3334 = 33.34 — no remainder at all
    expect(amounts(splitCredit(100, [{ id: "a", share: "0.3333" }, { id: "b", share: "0.3333" }, { id: "c", share: "0.3334" }]))).toEqual(["33.33", "33.33", "33.34"]);
    // 0.07 · (0.45, 0.45, 0.1) = 0.0315, 0.0315, 0.007 → floors 3, 3, 0 fen; the 1 left goes to the largest remainder (c: 0.7)
    expect(amounts(splitCredit("0.07", [{ id: "a", share: "0.45" }, { id: "b", share: "0.45" }, { id: "c", share: "0.1" }]))).toEqual(["0.03", "0.03", "0.01"]);
  });

  it("splits a negative amount as the positive one, negated", () => {
    expect(amounts(splitCredit("-1000.01", [{ id: "li", share: "0.5" }, { id: "wang", share: "0.5" }]))).toEqual(["-500.01", "-500"]);
  });

  it("works in whole units with scale 0 and gives a zero share exactly 0", () => {
    expect(amounts(splitCredit(10, [{ id: "a", share: "0.5" }, { id: "b", share: 0 }, { id: "c", share: "0.5" }], { scale: 0 }))).toEqual(["5", "0", "5"]);
    const zero = splitCredit(0, three)[0]?.amount as Decimal;
    expect(zero.isZero() && !zero.isNegative()).toBe(true);
  });

  it("credits each overlay rep on its own, rounding as asked", () => {
    // 0.05 · 0.5 = 0.025: half-even → 0.02, half-up → 0.03
    expect(amounts(splitCredit("0.05", [{ id: "a", share: "0.5" }, { id: "b", share: 1 }], { overlay: true }))).toEqual(["0.02", "0.05"]);
    expect(amounts(splitCredit("0.05", [{ id: "a", share: "0.5" }], { overlay: true, rounding: "half-up" }))).toEqual(["0.03"]);
    expect(amounts(splitCredit("-0.05", [{ id: "a", share: "0.5" }], { overlay: true, rounding: "half-up" }))).toEqual(["-0.03"]);
    expect(splitCredit(800, [{ id: "a", share: "0.5" }], { overlay: true })[0]?.share.toString()).toBe("0.5");
  });

  it("accepts a sum within the tolerance and refuses one beyond it, naming the sum", () => {
    expect(amounts(splitCredit(100, [{ id: "a", share: "0.5" }, { id: "b", share: "0.501" }], { tolerance: "0.001" }))).toEqual(["49.95", "50.05"]);
    expect(failureOf(() => splitCredit(100, [{ id: "a", share: "0.5" }, { id: "b", share: "0.4" }]))).toEqual({
      code: "INVALID_WEIGHTS",
      path: ["splits"],
      message: "splits: the shares must sum to 1; they sum to 0.9 (give options.tolerance to accept a small rounding difference and normalise the shares)",
    });
    expect(failureOf(() => splitCredit(100, [{ id: "a", share: "0.5" }, { id: "b", share: "0.498" }], { tolerance: "0.001" }))).toEqual({
      code: "INVALID_WEIGHTS",
      path: ["splits"],
      message: "splits: the shares must sum to 1; they sum to 0.998 (0.002 away from 1, beyond the tolerance 0.001)",
    });
  });

  it("checks the sum of the shares exactly, however many digits they have", () => {
    // 1 + 1e-30 is 1 to 40 significant digits, but not 1.
    expect(failureOf(() => splitCredit(100, [{ id: "a", share: 1 }, { id: "b", share: "1e-30" }])).message).toBe(
      "splits: the shares must sum to 1; they sum to 1.000000000000000000000000000001 (give options.tolerance to accept a small rounding difference and normalise the shares)",
    );
    expect(amounts(splitCredit(100, [{ id: "a", share: 1 }, { id: "b", share: "1e-30" }], { tolerance: "1e-30" }))).toEqual(["100", "0"]);
    expect(errorOf(() => splitCredit(100, [{ id: "a", share: "0.5" }, { id: "b", share: "0.5" }, { id: "c", share: "1e-30" }], { tolerance: "1e-31" })).code).toBe("INVALID_WEIGHTS");
  });

  it("refuses bad shares with the share at fault", () => {
    expect(failureOf(() => splitCredit(100, [{ id: "a", share: "-0.5" }, { id: "b", share: "1.5" }]))).toEqual({
      code: "INVALID_WEIGHTS",
      path: ["splits", 0, "share"],
      message: "splits[0].share must not be negative; got -0.5",
    });
    expect(failureOf(() => splitCredit(100, [{ id: "a", share: 50 }]))).toEqual({
      code: "OUT_OF_RANGE",
      path: ["splits", 0, "share"],
      message: "splits[0].share must be at most 1 (100 % is 1); got 50",
    });
    expect(errorOf(() => splitCredit(100, [{ id: "a", share: "50%" }]))).toEqual({ code: "INVALID_NUMBER", path: ["splits", 0, "share"] });
    expect(errorOf(() => splitCredit(100, [{ id: "a" } as never]))).toEqual({ code: "INVALID_NUMBER", path: ["splits", 0, "share"] });
  });

  it("refuses bad splits: not a list, empty, holes, junk, empty or repeated ids", () => {
    expect(failureOf(() => splitCredit(100, null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits"], message: "splits must be an array of { id, share }; got null" });
    expect(failureOf(() => splitCredit(100, []))).toEqual({ code: "EMPTY_INPUT", path: ["splits"], message: "splits must name at least one rep" });
    // eslint-disable-next-line no-sparse-arrays
    const holey = [{ id: "a", share: "0.5" }, , { id: "b", share: "0.5" }] as never;
    expect(failureOf(() => splitCredit(100, holey))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 1], message: "splits[1] is a hole (an empty slot in the array); write null or a value" });
    expect(errorOf(() => splitCredit(100, [7] as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 0] });
    expect(errorOf(() => splitCredit(100, [[1]] as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 0] });
    expect(failureOf(() => splitCredit(100, [{ id: "", share: 1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 0, "id"], message: 'splits[0].id must be a non-empty string; got ""' });
    expect(errorOf(() => splitCredit(100, [{ id: 3, share: 1 }] as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["splits", 0, "id"] });
    expect(failureOf(() => splitCredit(100, [{ id: "a", share: "0.5" }, { id: "a", share: "0.5" }]))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["splits", 1, "id"],
      message: 'splits[1].id repeats the id "a" of splits[0]; ids must be unique',
    });
  });

  it("refuses an amount that is not a whole number of steps, or malformed", () => {
    expect(failureOf(() => splitCredit("100.005", three))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["amount"],
      message: "amount is 100.005, not a whole number of 0.01 (scale 2); round it first",
    });
    expect(failureOf(() => splitCredit(105, three, { scale: -1 })).message).toBe("amount is 105, not a whole number of 10 (scale -1); round it first");
    expect(errorOf(() => splitCredit("1,000", three))).toEqual({ code: "INVALID_NUMBER", path: ["amount"] });
    expect(errorOf(() => splitCredit(Number.NaN, three))).toEqual({ code: "INVALID_NUMBER", path: ["amount"] });
  });

  it("refuses bad options, naming the option", () => {
    expect(failureOf(() => splitCredit(100, three, { tolerance: 1 }))).toEqual({
      code: "OUT_OF_RANGE",
      path: ["options", "tolerance"],
      message: "options.tolerance must be from 0 to below 1; got 1",
    });
    expect(errorOf(() => splitCredit(100, three, { tolerance: "-0.1" }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "tolerance"] });
    expect(failureOf(() => splitCredit(100, three, { overlay: "yes" as never }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "overlay"],
      message: 'options.overlay: must be true or false; got "yes"',
    });
    expect(errorOf(() => splitCredit(100, three, { scale: 21 }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "scale"] });
    expect(errorOf(() => splitCredit(100, three, { rounding: "nearest" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "rounding"] });
    // A misspelt option is refused rather than ignored.
    expect(failureOf(() => splitCredit(100, three, { tolerence: "0.01" } as never))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options"],
      message: 'options: Unrecognized key: "tolerence"',
    });
    expect(errorOf(() => splitCredit(100, three, null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
  });

  it("does not mutate its input and returns fresh results", () => {
    const splits = structuredClone(three);
    const options = { tolerance: "0.001", scale: 2 };
    const first = splitCredit(1000, splits, options);
    expect(splits).toEqual(three);
    expect(options).toEqual({ tolerance: "0.001", scale: 2 });
    expect(splitCredit(1000, splits, options)).toEqual(first);
    expect(splitCredit(new Decimal(1000), splits)).toEqual(first);
    expect(splitCredit(100000n, splits, { scale: 0 }).map((c) => c.amount.toString())).toEqual(["50000", "30000", "20000"]);
  });
});
