import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { businessDays, fiscalYear } from "../../src/period/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

// China 2026, National Day and Mid-Autumn: 1–7 October off; Sunday 20 September and Saturday 10 October worked.
const nationalDay = {
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-20", "2026-10-10"],
};

describe("businessDays", () => {
  it("counts Monday to Friday by default", () => {
    // March 2026: starts on a Sunday, 31 days = 4 weeks (20 weekdays) + Sun, Mon, Tue (2) = 22
    expect(businessDays({ start: "2026-03-01", end: "2026-03-31", label: "2026-03" })).toBe(22);
    // 2026: 365 days from a Thursday = 52 weeks (260) + one Thursday = 261
    expect(businessDays(fiscalYear(2026))).toBe(261);
    // a single Saturday and a single Monday
    expect(businessDays({ start: "2026-03-07", end: "2026-03-07", label: "" })).toBe(0);
    expect(businessDays({ start: "2026-03-09", end: "2026-03-09", label: "" })).toBe(1);
  });

  it("counts the leap day of a leap year", () => {
    // February 2024: 29 days from a Thursday = 4 weeks (20) + Thursday 29th = 21
    expect(businessDays({ start: "2024-02-01", end: "2024-02-29", label: "2024-02" })).toBe(21);
    expect(businessDays({ start: "2026-02-01", end: "2026-02-28", label: "2026-02" })).toBe(20);
  });

  it("takes out China's National Day week and adds back its make-up Saturday", () => {
    // 28 Sep – 11 Oct 2026: 10 weekdays − 5 holidays on weekdays (1, 2, 5, 6, 7 Oct) + Saturday 10 Oct = 6;
    // the holidays on Saturday 3 and Sunday 4 were days off anyway; 20 September lies outside
    expect(businessDays({ start: "2026-09-28", end: "2026-10-11", label: "" }, nationalDay)).toBe(6);
    // October 2026: 22 weekdays − 5 + 1 = 18
    expect(businessDays({ start: "2026-10-01", end: "2026-10-31", label: "2026-10" }, nationalDay)).toBe(18);
    // September 2026: 22 weekdays + Sunday 20 September = 23
    expect(businessDays({ start: "2026-09-01", end: "2026-09-30", label: "2026-09" }, nationalDay)).toBe(23);
  });

  it("ignores repeated dates, holidays on weekends and make-up days that are weekdays", () => {
    const march = { start: "2026-03-01", end: "2026-03-31", label: "2026-03" };
    expect(businessDays(march, { holidays: ["2026-03-02", "2026-03-02"] })).toBe(21);
    expect(businessDays(march, { holidays: ["2026-03-07"] })).toBe(22); // a Saturday
    expect(businessDays(march, { workdays: ["2026-03-09", "2026-03-14", "2026-03-14"] })).toBe(23); // Monday ignored, Saturday once
    expect(businessDays(march, { holidays: ["2026-04-01"], workdays: ["2026-04-04"] })).toBe(22); // outside
  });

  it("uses any weekend", () => {
    const march = { start: "2026-03-01", end: "2026-03-31", label: "2026-03" };
    // Friday–Saturday weekend: March 2026 has 4 Fridays and 4 Saturdays → 31 − 8 = 23
    expect(businessDays(march, { weekend: [5, 6] })).toBe(23);
    // Sunday only: 5 Sundays (1, 8, 15, 22, 29) → 26
    expect(businessDays(march, { weekend: [0, 0] })).toBe(26);
    expect(businessDays(march, { weekend: [] })).toBe(31);
  });

  it("refuses a date that is both a holiday and a make-up working day", () => {
    const error = failure(() => businessDays(fiscalYear(2026), { holidays: ["2026-10-01"], workdays: ["2026-10-10", "2026-10-01"] }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["options", "workdays", 1]);
    expect(error.message).toContain('"2026-10-01"');
    expect(error.message).toContain("options.holidays");
  });

  it("refuses an impossible holiday, naming its index and value", () => {
    const error = failure(() => businessDays(fiscalYear(2026), { holidays: ["2026-10-01", "2026-02-30"] }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["options", "holidays", 1]);
    expect(error.message).toContain('"2026-02-30"');
    expect(failure(() => businessDays(fiscalYear(2026), { holidays: "2026-10-01" as never })).path).toEqual(["options", "holidays"]);
  });

  it("refuses a weekend day outside 0–6 and options that are not an object", () => {
    const error = failure(() => businessDays(fiscalYear(2026), { weekend: [6, 7] }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["options", "weekend", 1]);
    expect(error.message).toContain("7");
    expect(failure(() => businessDays(fiscalYear(2026), { weekend: [1.5] })).path).toEqual(["options", "weekend", 0]);
    expect(failure(() => businessDays(fiscalYear(2026), "CN" as never)).path).toEqual(["options"]);
  });

  it("refuses an impossible period", () => {
    expect(failure(() => businessDays({ start: "2026-04-31", end: "2026-05-31", label: "" })).path).toEqual(["period", "start"]);
    expect(failure(() => businessDays({ start: "2026-05-31", end: "2026-05-01", label: "" })).path).toEqual(["period", "end"]);
  });

  it("does not mutate its input", () => {
    const holidays = Object.freeze(["2026-10-01", "2026-10-01"]);
    const options = Object.freeze({ holidays, workdays: Object.freeze(["2026-10-10"]), weekend: Object.freeze([6, 0]) });
    businessDays(fiscalYear(2026), options);
    expect(options).toEqual({ holidays: ["2026-10-01", "2026-10-01"], workdays: ["2026-10-10"], weekend: [6, 0] });
  });
});

describe("businessDays: options of the wrong shape", () => {
  it("says what a weekend that is not an array was", () => {
    const error = failure(() => businessDays(fiscalYear(2026), { weekend: "Sat,Sun" } as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["options", "weekend"]);
    expect(error.message).toBe('options.weekend: must be an array of days of the week (0 = Sunday … 6 = Saturday); got "Sat,Sun"');
  });

  it("says what options that are not an object were", () => {
    const error = failure(() => businessDays(fiscalYear(2026), [] as never));
    expect(error.path).toEqual(["options"]);
    expect(error.message).toBe("options: must be an object or undefined; got an array of 0");
  });
});
