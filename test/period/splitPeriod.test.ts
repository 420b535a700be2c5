import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { fiscalYear, splitPeriod } from "../../src/period/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

const year2026 = { start: "2026-01-01", end: "2026-12-31", label: "2026" };

describe("splitPeriod", () => {
  it("cuts a fiscal year starting in April into quarters counted from April", () => {
    expect(splitPeriod(fiscalYear(2026, { startMonth: 4 }), "quarter")).toEqual([
      { start: "2026-04-01", end: "2026-06-30", label: "FY2026-Q1" },
      { start: "2026-07-01", end: "2026-09-30", label: "FY2026-Q2" },
      { start: "2026-10-01", end: "2026-12-31", label: "FY2026-Q3" },
      { start: "2027-01-01", end: "2027-03-31", label: "FY2026-Q4" },
    ]);
  });

  it("cuts a fiscal year into halves labelled H1 and H2", () => {
    expect(splitPeriod(fiscalYear(2026, { startMonth: 4 }), "half")).toEqual([
      { start: "2026-04-01", end: "2026-09-30", label: "FY2026-H1" },
      { start: "2026-10-01", end: "2027-03-31", label: "FY2026-H2" },
    ]);
  });

  it("labels quarters of a plain calendar year after the parent's label", () => {
    expect(splitPeriod(year2026, "quarter").map((q) => q.label)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(splitPeriod({ ...year2026, label: "" }, "quarter").map((q) => q.label)).toEqual(["Q1", "Q2", "Q3", "Q4"]);
  });

  it("cuts into calendar months labelled yyyy-MM, across the new year of a fiscal year", () => {
    const months = splitPeriod(fiscalYear(2026, { startMonth: 4 }), "month");
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ start: "2026-04-01", end: "2026-04-30", label: "2026-04" });
    expect(months[9]).toEqual({ start: "2027-01-01", end: "2027-01-31", label: "2027-01" });
    expect(months[11]).toEqual({ start: "2027-03-01", end: "2027-03-31", label: "2027-03" });
  });

  it("gives February 29 days in a leap year and 28 otherwise", () => {
    expect(splitPeriod({ start: "2024-01-01", end: "2024-12-31", label: "2024" }, "month")[1]).toEqual({ start: "2024-02-01", end: "2024-02-29", label: "2024-02" });
    expect(splitPeriod(year2026, "month")[1]).toEqual({ start: "2026-02-01", end: "2026-02-28", label: "2026-02" });
  });

  it("cuts into ISO weeks, trimming the edge weeks and labelling them with the ISO week-year", () => {
    // 2026 starts on a Thursday: its ISO week 1 is 2025-12-29 … 2026-01-04, and it has 53 ISO weeks
    const weeks = splitPeriod(year2026, "week");
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toEqual({ start: "2026-01-01", end: "2026-01-04", label: "2026-W01" });
    expect(weeks[1]).toEqual({ start: "2026-01-05", end: "2026-01-11", label: "2026-W02" });
    expect(weeks[8]).toEqual({ start: "2026-02-23", end: "2026-03-01", label: "2026-W09" });
    expect(weeks[52]).toEqual({ start: "2026-12-28", end: "2026-12-31", label: "2026-W53" });
  });

  it("keeps an ISO week that straddles the new year in one piece, under its ISO week-year", () => {
    // 2027-01-01 is a Friday in ISO week 2026-W53; 2025-12-29 is the Monday of 2026-W01
    expect(splitPeriod({ start: "2026-12-26", end: "2027-01-05", label: "" }, "week")).toEqual([
      { start: "2026-12-26", end: "2026-12-27", label: "2026-W52" },
      { start: "2026-12-28", end: "2027-01-03", label: "2026-W53" },
      { start: "2027-01-04", end: "2027-01-05", label: "2027-W01" },
    ]);
    expect(splitPeriod({ start: "2025-12-29", end: "2025-12-31", label: "" }, "week")).toEqual([{ start: "2025-12-29", end: "2025-12-31", label: "2026-W01" }]);
  });

  it("trims months to a period that starts and ends mid-month", () => {
    expect(splitPeriod({ start: "2026-03-15", end: "2026-05-10", label: "" }, "month")).toEqual([
      { start: "2026-03-15", end: "2026-03-31", label: "2026-03" },
      { start: "2026-04-01", end: "2026-04-30", label: "2026-04" },
      { start: "2026-05-01", end: "2026-05-10", label: "2026-05" },
    ]);
  });

  it("counts quarters on from the start month of a mid-month start, trimming the first", () => {
    expect(splitPeriod({ start: "2026-01-15", end: "2026-06-30", label: "P" }, "quarter")).toEqual([
      { start: "2026-01-15", end: "2026-03-31", label: "P-Q1" },
      { start: "2026-04-01", end: "2026-06-30", label: "P-Q2" },
    ]);
  });

  it("keeps numbering past four quarters in a period longer than a year, so labels stay distinct", () => {
    const quarters = splitPeriod({ start: "2026-01-01", end: "2027-06-30", label: "Plan" }, "quarter");
    expect(quarters.map((q) => q.label)).toEqual(["Plan-Q1", "Plan-Q2", "Plan-Q3", "Plan-Q4", "Plan-Q5", "Plan-Q6"]);
    expect(splitPeriod({ start: "2026-01-01", end: "2027-06-30", label: "Plan" }, "half").map((h) => h.label)).toEqual(["Plan-H1", "Plan-H2", "Plan-H3"]);
  });

  it("gives a one-day period as a single unit", () => {
    expect(splitPeriod({ start: "2026-03-31", end: "2026-03-31", label: "x" }, "half")).toEqual([{ start: "2026-03-31", end: "2026-03-31", label: "x-H1" }]);
  });

  it("refuses an impossible date, naming the field and the value", () => {
    const error = failure(() => splitPeriod({ start: "2026-02-30", end: "2026-03-31", label: "" }, "month"));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["period", "start"]);
    expect(error.message).toContain("period.start");
    expect(error.message).toContain('"2026-02-30"');
    expect(failure(() => splitPeriod({ start: "2026-02-29", end: "2026-03-31", label: "" }, "month")).path).toEqual(["period", "start"]);
    expect(failure(() => splitPeriod({ start: "2026-1-1", end: "2026-03-31", label: "" }, "month")).code).toBe("INVALID_ARGUMENT");
    expect(failure(() => splitPeriod({ start: "2026-01-01T00:00", end: "2026-03-31", label: "" }, "month")).code).toBe("INVALID_ARGUMENT");
    expect(failure(() => splitPeriod({ start: "2026-01-01", end: "2026-13-01", label: "" }, "month")).path).toEqual(["period", "end"]);
  });

  it("refuses an end before the start", () => {
    const error = failure(() => splitPeriod({ start: "2026-03-02", end: "2026-03-01", label: "" }, "month"));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["period", "end"]);
    expect(error.message).toContain('"2026-03-01"');
    expect(error.message).toContain('"2026-03-02"');
  });

  it("refuses an unknown unit, naming it", () => {
    const error = failure(() => splitPeriod(year2026, "year" as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["unit"]);
    expect(error.message).toContain('"year"');
  });

  it("refuses a period that is not an object or has no string label", () => {
    expect(failure(() => splitPeriod("2026" as never, "month")).path).toEqual(["period"]);
    expect(failure(() => splitPeriod(null as never, "month")).code).toBe("INVALID_ARGUMENT");
    expect(failure(() => splitPeriod({ start: "2026-01-01", end: "2026-01-31" } as never, "month")).path).toEqual(["period", "label"]);
  });

  it("does not mutate its input", () => {
    const period = Object.freeze({ start: "2026-01-01", end: "2026-12-31", label: "2026" });
    splitPeriod(period, "month");
    expect(period).toEqual({ start: "2026-01-01", end: "2026-12-31", label: "2026" });
  });
});
