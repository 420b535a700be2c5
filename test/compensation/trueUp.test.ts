import { describe, expect, it } from "vitest";
import { trueUp, type TrueUpResult } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const text = (r: TrueUpResult) => ({ difference: r.difference.toString(), pay: r.pay.toString(), carried: r.carried.toString(), forgiven: r.forgiven.toString() });

describe("trueUp", () => {
  it("pays what is still owed year to date (the TSDoc example)", () => {
    // 30000 − 28000 = 2000
    expect(text(trueUp(30000, 28000, { onNegative: "carry-forward" }))).toEqual({ difference: "2000", pay: "2000", carried: "0", forgiven: "0" });
  });

  it("applies the policy for a negative result", () => {
    // 55000 − 62000 = −7000
    expect(text(trueUp(55000, 62000, { onNegative: "clawback" }))).toEqual({ difference: "-7000", pay: "-7000", carried: "0", forgiven: "0" });
    expect(text(trueUp(55000, 62000, { onNegative: "carry-forward" }))).toEqual({ difference: "-7000", pay: "0", carried: "7000", forgiven: "0" });
    expect(text(trueUp(55000, 62000, { onNegative: "forgive" }))).toEqual({ difference: "-7000", pay: "0", carried: "0", forgiven: "7000" });
  });

  it("nets a carried deficit at the next true-up without bookkeeping, and a forgiven one not at all", () => {
    // Carried: Q3 year to date earned 90000, paid 62000 → 28000 (the Q2 deficit is inside the figures).
    expect(trueUp(90000, 62000, { onNegative: "carry-forward" }).pay.toString()).toBe("28000");
    // Forgiven: 90000 − 62000 + 7000 forgiven = 35000.
    const r = trueUp(90000, 62000, { onNegative: "forgive", forgivenToDate: 7000 });
    expect(text(r)).toEqual({ difference: "35000", pay: "35000", carried: "0", forgiven: "0" });
    expect(r.forgivenToDate.toString()).toBe("7000");
  });

  it("is exact to the cent and echoes its inputs", () => {
    const r = trueUp("12345.67", "12345.68", { onNegative: "clawback" });
    expect(text(r)).toMatchObject({ difference: "-0.01", pay: "-0.01" });
    expect([r.earnedToDate.toString(), r.paidToDate.toString(), r.forgivenToDate.toString()]).toEqual(["12345.67", "12345.68", "0"]);
    // Whole units with scale 0; negative earnings year to date are allowed.
    expect(text(trueUp(-300, 200, { onNegative: "carry-forward", scale: 0 }))).toMatchObject({ difference: "-500", carried: "500" });
    const zero = trueUp(100, 100, { onNegative: "clawback" }).pay;
    expect(zero.isZero() && !zero.isNegative()).toBe(true);
  });

  it("refuses bad amounts", () => {
    expect(failureOf(() => trueUp("1.005", 0, { onNegative: "forgive" }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["earnedToDate"],
      message: "earnedToDate is 1.005, not a whole number of 0.01 (scale 2); round it first",
    });
    expect(errorOf(() => trueUp(0, "abc", { onNegative: "forgive" }))).toEqual({ code: "INVALID_NUMBER", path: ["paidToDate"] });
    expect(failureOf(() => trueUp(0, 0, { onNegative: "forgive", forgivenToDate: -1 }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "forgivenToDate"],
      message: "options.forgivenToDate must not be negative; got -1",
    });
  });

  it("refuses missing or bad options, naming the option", () => {
    expect(failureOf(() => trueUp(0, 0, { onNegative: "ignore" as never }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "onNegative"],
      message: 'options.onNegative: must be one of "clawback", "carry-forward", "forgive"; got "ignore"',
    });
    expect(failureOf(() => trueUp(0, 0, null as never))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options"],
      message: "options: must be an object { onNegative, forgivenToDate?, scale? }; got null",
    });
    expect(errorOf(() => trueUp(0, 0, { onNegative: "forgive", scale: 99 }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "scale"] });
    expect(errorOf(() => trueUp(0, 0, { onNegative: "forgive", policy: "x" } as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
  });

  it("does not mutate its input", () => {
    const options = { onNegative: "forgive" as const, forgivenToDate: "7000" };
    const first = text(trueUp(90000, 62000, options));
    expect(options).toEqual({ onNegative: "forgive", forgivenToDate: "7000" });
    expect(text(trueUp(90000, 62000, options))).toEqual(first);
  });
});
