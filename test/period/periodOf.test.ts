import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { fiscalYear, periodOf } from "../../src/period/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

const fy = fiscalYear(2026, { startMonth: 4 });

describe("periodOf", () => {
  it("finds the fiscal quarter, half and month a date falls in", () => {
    expect(periodOf("2026-11-11", fy, "quarter")).toEqual({ start: "2026-10-01", end: "2026-12-31", label: "FY2026-Q3" });
    expect(periodOf("2027-03-31", fy, "quarter")).toEqual({ start: "2027-01-01", end: "2027-03-31", label: "FY2026-Q4" });
    expect(periodOf("2026-04-01", fy, "half")).toEqual({ start: "2026-04-01", end: "2026-09-30", label: "FY2026-H1" });
    expect(periodOf("2027-02-14", fy, "month")).toEqual({ start: "2027-02-01", end: "2027-02-28", label: "2027-02" });
  });

  it("finds the ISO week, trimmed to the period", () => {
    expect(periodOf("2026-02-26", fiscalYear(2026), "week")).toEqual({ start: "2026-02-23", end: "2026-03-01", label: "2026-W09" });
    expect(periodOf("2026-01-02", fiscalYear(2026), "week")).toEqual({ start: "2026-01-01", end: "2026-01-04", label: "2026-W01" });
  });

  it("refuses a date outside the period with OUT_OF_RANGE", () => {
    const error = failure(() => periodOf("2026-03-31", fy, "month"));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.path).toEqual(["date"]);
    expect(error.message).toContain('"2026-03-31"');
  });

  it("refuses an impossible date and an unknown unit", () => {
    const error = failure(() => periodOf("2026-02-30", fy, "month"));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["date"]);
    expect(error.message).toContain('"2026-02-30"');
    expect(failure(() => periodOf("2026-05-01", fy, "day" as never)).path).toEqual(["unit"]);
  });

  it("does not mutate its input", () => {
    const period = Object.freeze({ ...fy });
    periodOf("2026-05-01", period, "quarter");
    expect(period).toEqual(fy);
  });
});
