import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { calendarDays, fiscalYear } from "../../src/period/index.js";

describe("calendarDays", () => {
  it("counts both ends", () => {
    expect(calendarDays(fiscalYear(2026))).toBe(365);
    expect(calendarDays(fiscalYear(2024))).toBe(366);
    expect(calendarDays({ start: "2026-03-31", end: "2026-03-31", label: "" })).toBe(1);
    expect(calendarDays({ start: "1900-02-01", end: "1900-03-01", label: "" })).toBe(29); // 1900 is not a leap year
    expect(calendarDays({ start: "2000-02-01", end: "2000-03-01", label: "" })).toBe(30); // 2000 is
  });

  it("is not thrown off by daylight-saving changes", () => {
    // US DST starts 8 March 2026 and Europe's on 29 March; neither shortens the month
    expect(calendarDays({ start: "2026-03-01", end: "2026-03-31", label: "" })).toBe(31);
    expect(calendarDays({ start: "2026-11-01", end: "2026-11-30", label: "" })).toBe(30);
  });

  it("refuses an impossible period with INVALID_ARGUMENT", () => {
    expect(() => calendarDays({ start: "2026-02-29", end: "2026-03-01", label: "" })).toThrow(PayscoreError);
  });
});
