import { describe, expect, it } from "vitest";
import { errorOf } from "../helpers.js";
import { readOptions, readPeriod, readUnit, unitAt } from "../../src/period/calendar.js";

const FY2026 = { start: "2026-04-01", end: "2027-03-31", label: "FY2026" };

describe("readPeriod", () => {
  it("returns a copy of the three fields, dropping any other", () => {
    const period = { start: "2026-01-01", end: "2026-12-31", label: "2026", extra: 1 };
    const read = readPeriod(period, ["period"]);
    expect(read).toEqual({ start: "2026-01-01", end: "2026-12-31", label: "2026" });
    expect(read).not.toBe(period);
  });

  it("refuses a bad period with INVALID_ARGUMENT at the field's path", () => {
    const cases: [unknown, (string | number)[]][] = [
      [null, ["period"]],
      [{ start: "2026-02-01", end: "2026-01-31", label: "" }, ["period", "end"]],
      [{ start: "2026-02-30", end: "2026-03-31", label: "" }, ["plan", "period", "start"]],
      [{ start: "2026-01-01", end: "2026-03-31" }, ["period", "label"]],
    ];
    const bases = [["period"], ["period"], ["plan", "period"], ["period"]];
    cases.forEach(([value, path], i) => {
      const error = errorOf(() => readPeriod(value, bases[i] as string[]));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(path);
    });
    expect(errorOf(() => readPeriod({ start: "2026-02-01", end: "2026-01-31", label: "" }, ["period"])).message).toBe('period.end: must not be before start "2026-02-01"; got "2026-01-31"');
  });
});

describe("readUnit", () => {
  it("accepts the four units", () => {
    for (const unit of ["half", "quarter", "month", "week"]) expect(readUnit(unit, ["unit"])).toBe(unit);
  });

  it("refuses anything else, naming the allowed units", () => {
    const error = errorOf(() => readUnit("year", ["unit"]));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toBe('unit: must be one of "half", "quarter", "month", "week"; got "year"');
    expect(errorOf(() => readUnit(3, ["split", "unit"])).path).toEqual(["split", "unit"]);
  });
});

describe("unitAt", () => {
  it("counts quarters and halves from the period's start month", () => {
    // April–June is the first quarter of a fiscal year starting in April
    expect(unitAt(FY2026, "quarter", "2026-05-20")).toEqual({ start: "2026-04-01", end: "2026-06-30", label: "FY2026-Q1" });
    expect(unitAt(FY2026, "quarter", "2027-03-31")).toEqual({ start: "2027-01-01", end: "2027-03-31", label: "FY2026-Q4" });
    expect(unitAt({ start: "2026-04-15", end: "2027-03-31", label: "FY" }, "half", "2026-10-01")).toEqual({ start: "2026-10-01", end: "2027-03-31", label: "FY-H2" });
  });

  it("numbers on past a year (Q5) and labels without a prefix when the period has no label", () => {
    expect(unitAt({ start: "2026-01-01", end: "2027-06-30", label: "P" }, "quarter", "2027-02-14")).toEqual({ start: "2027-01-01", end: "2027-03-31", label: "P-Q5" });
    expect(unitAt({ start: "2026-04-15", end: "2027-03-31", label: "" }, "half", "2026-04-15")).toEqual({ start: "2026-04-15", end: "2026-09-30", label: "H1" });
  });

  it("trims a calendar month to the period at either end", () => {
    const period = { start: "2026-03-15", end: "2026-05-10", label: "" };
    expect(unitAt(period, "month", "2026-03-20")).toEqual({ start: "2026-03-15", end: "2026-03-31", label: "2026-03" });
    expect(unitAt(period, "month", "2026-05-01")).toEqual({ start: "2026-05-01", end: "2026-05-10", label: "2026-05" });
    expect(unitAt({ start: "2024-01-01", end: "2024-12-31", label: "" }, "month", "2024-02-10")).toEqual({ start: "2024-02-01", end: "2024-02-29", label: "2024-02" });
  });

  it("uses ISO weeks, labelled by ISO week-year", () => {
    // 1 January 2026 is a Thursday: ISO week 1 runs 29 Dec 2025 – 4 Jan 2026, trimmed to the period
    expect(unitAt({ start: "2026-01-01", end: "2026-12-31", label: "" }, "week", "2026-01-01")).toEqual({ start: "2026-01-01", end: "2026-01-04", label: "2026-W01" });
    // 2026 has 53 ISO weeks; the last runs into 2027
    expect(unitAt({ start: "2026-01-01", end: "2027-12-31", label: "" }, "week", "2026-12-31")).toEqual({ start: "2026-12-28", end: "2027-01-03", label: "2026-W53" });
  });
});

describe("readOptions", () => {
  it("gives an empty record for undefined and the object itself otherwise", () => {
    expect(readOptions(undefined, ["options"])).toEqual({});
    const options = { startMonth: 4 };
    expect(readOptions(options, ["options"])).toBe(options);
  });

  it("refuses null, an array or a primitive with INVALID_ARGUMENT", () => {
    for (const bad of [null, [], "x", 4]) {
      const error = errorOf(() => readOptions(bad, ["plan", "options"]));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(["plan", "options"]);
      expect(error.message).toMatch(/^plan\.options must be an object or undefined; got /);
    }
  });
});
