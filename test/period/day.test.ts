import { describe, expect, it } from "vitest";
import { dayCount, formatDay, localDay, nextDay, parseDay, toDay } from "../../src/period/day.js";

describe("localDay", () => {
  it("is local midnight of the day asked for", () => {
    const day = localDay(2026, 3, 1); // month index 3 = April
    expect([day.getFullYear(), day.getMonth(), day.getDate()]).toEqual([2026, 3, 1]);
    expect([day.getHours(), day.getMinutes(), day.getSeconds(), day.getMilliseconds()]).toEqual([0, 0, 0, 0]);
  });

  it("keeps years below 100 as they are (no 19xx mapping)", () => {
    expect(localDay(26, 0, 1).getFullYear()).toBe(26);
    expect(formatDay(localDay(1, 0, 1))).toBe("0001-01-01");
    expect(formatDay(localDay(9999, 11, 31))).toBe("9999-12-31");
  });

  it("rolls an overflowing day into the next month, as Date does", () => {
    // 32 January is 1 February
    expect(formatDay(localDay(2026, 0, 32))).toBe("2026-02-01");
  });
});

describe("parseDay", () => {
  it("reads a real yyyy-MM-dd date as local midnight", () => {
    expect(formatDay(parseDay("2026-03-31") as Date)).toBe("2026-03-31");
    expect((parseDay("2026-03-31") as Date).getHours()).toBe(0);
    expect(formatDay(parseDay("0001-01-01") as Date)).toBe("0001-01-01");
    expect(formatDay(parseDay("9999-12-31") as Date)).toBe("9999-12-31");
  });

  it("knows the leap years: 2024 and 2000 have 29 February, 1900 and 2026 do not", () => {
    expect(parseDay("2024-02-29")).toBeInstanceOf(Date);
    expect(parseDay("2000-02-29")).toBeInstanceOf(Date);
    expect(parseDay("1900-02-29")).toBeUndefined();
    expect(parseDay("2026-02-29")).toBeUndefined();
  });

  it("gives undefined for a day that does not exist", () => {
    for (const text of ["2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01"]) {
      expect(parseDay(text)).toBeUndefined();
    }
  });

  it("gives undefined for anything not written yyyy-MM-dd", () => {
    for (const text of ["2026-1-01", "2026-01-1", "26-01-01", " 2026-01-01", "2026-01-01 ", "2026-01-01T00:00", "2026/01/01", "20260101", "", "１２３４-01-01"]) {
      expect(parseDay(text)).toBeUndefined();
    }
  });
});

describe("toDay and formatDay", () => {
  it("turn a valid day into a Date and back", () => {
    expect(formatDay(toDay("2026-03-01"))).toBe("2026-03-01");
    expect(formatDay(toDay("2024-02-29"))).toBe("2024-02-29");
  });

  it("formatDay pads year, month and day", () => {
    expect(formatDay(localDay(987, 0, 5))).toBe("0987-01-05");
  });
});

describe("dayCount", () => {
  it("counts both ends", () => {
    expect(dayCount(toDay("2026-01-01"), toDay("2026-12-31"))).toBe(365);
    expect(dayCount(toDay("2024-01-01"), toDay("2024-12-31"))).toBe(366);
    expect(dayCount(toDay("2026-03-31"), toDay("2026-03-31"))).toBe(1);
  });

  it("is not thrown off by daylight-saving changes", () => {
    // 28 to 30 March 2026 spans Europe's change (29 March): still 3 days
    expect(dayCount(toDay("2026-03-28"), toDay("2026-03-30"))).toBe(3);
    // US change on 1 November 2026
    expect(dayCount(toDay("2026-10-31"), toDay("2026-11-02"))).toBe(3);
  });

  it("gives 0 for an end the day before the start (callers check the order first)", () => {
    expect(dayCount(toDay("2026-03-02"), toDay("2026-03-01"))).toBe(0);
  });
});

describe("nextDay", () => {
  it("steps over month, leap-day and year ends", () => {
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2024-02-29")).toBe("2024-03-01");
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("0001-01-01")).toBe("0001-01-02");
    expect(nextDay("9999-12-30")).toBe("9999-12-31");
  });
});
