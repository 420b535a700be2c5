import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { fiscalYear } from "../../src/period/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

describe("fiscalYear", () => {
  it("is the calendar year when the fiscal year starts in January", () => {
    expect(fiscalYear(2026)).toEqual({ start: "2026-01-01", end: "2026-12-31", label: "FY2026" });
  });

  it("runs from April to March when it starts in April, named after the year it starts in", () => {
    expect(fiscalYear(2026, { startMonth: 4 })).toEqual({ start: "2026-04-01", end: "2027-03-31", label: "FY2026" });
  });

  it("ends on a leap day when it starts in March before a leap year", () => {
    // 2023-03-01 + 12 months = 2024-03-01, minus one day = 2024-02-29
    expect(fiscalYear(2023, { startMonth: 3 })).toEqual({ start: "2023-03-01", end: "2024-02-29", label: "FY2023" });
    expect(fiscalYear(2024, { startMonth: 3 }).end).toBe("2025-02-28");
  });

  it("handles a December start and small years", () => {
    expect(fiscalYear(2026, { startMonth: 12 })).toEqual({ start: "2026-12-01", end: "2027-11-30", label: "FY2026" });
    expect(fiscalYear(5)).toEqual({ start: "0005-01-01", end: "0005-12-31", label: "FY5" });
  });

  it("accepts undefined options", () => {
    expect(fiscalYear(2026, undefined).start).toBe("2026-01-01");
    expect(fiscalYear(2026, { startMonth: undefined }).start).toBe("2026-01-01");
  });

  it("refuses a year that is not a whole number with INVALID_ARGUMENT", () => {
    const error = failure(() => fiscalYear(2026.5));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["year"]);
    expect(error.message).toContain("2026.5");
    expect(failure(() => fiscalYear("2026" as never)).code).toBe("INVALID_ARGUMENT");
  });

  it("refuses a month outside 1–12 and a year outside 1–9999 with OUT_OF_RANGE", () => {
    const error = failure(() => fiscalYear(2026, { startMonth: 13 }));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.path).toEqual(["options", "startMonth"]);
    expect(error.message).toContain("13");
    expect(failure(() => fiscalYear(2026, { startMonth: 0 })).code).toBe("OUT_OF_RANGE");
    expect(failure(() => fiscalYear(0)).code).toBe("OUT_OF_RANGE");
    expect(failure(() => fiscalYear(9999, { startMonth: 2 })).code).toBe("OUT_OF_RANGE");
    expect(fiscalYear(9999).end).toBe("9999-12-31");
  });

  it("refuses options that are not an object", () => {
    const error = failure(() => fiscalYear(2026, 4 as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["options"]);
  });

  it("does not mutate its input", () => {
    const options = Object.freeze({ startMonth: 4 });
    fiscalYear(2026, options);
    expect(options).toEqual({ startMonth: 4 });
  });
});
