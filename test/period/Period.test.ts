import { describe, expect, it } from "vitest";
import { PERIOD_UNITS, isoDateSchema, periodSchema, periodUnitSchema } from "../../src/period/Period.js";

describe("the Period schemas", () => {
  it("read the @examples: real dates only, end not before start, the four units", () => {
    expect([isoDateSchema.safeParse("2024-02-29").success, isoDateSchema.safeParse("2026-02-30").success, isoDateSchema.safeParse(20260101).success]).toEqual([true, false, false]);
    expect(periodSchema.safeParse({ start: "2026-01-01", end: "2026-12-31", label: "2026" }).success).toBe(true);
    expect(periodSchema.parse({ start: "2026-01-01", end: "2026-01-01", label: "", extra: 1 })).toEqual({ start: "2026-01-01", end: "2026-01-01", label: "" });
    expect(periodUnitSchema.parse("quarter")).toBe("quarter");
    expect(PERIOD_UNITS).toEqual(periodUnitSchema.options);
    expect(Object.isFrozen(PERIOD_UNITS)).toBe(true);
  });

  it("names the field and the value at fault", () => {
    const backwards = periodSchema.safeParse({ start: "2026-03-01", end: "2026-02-28", label: "" });
    expect(backwards.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[["end"], 'must not be before start "2026-03-01"; got "2026-02-28"']]);
    expect(isoDateSchema.safeParse("2026-02-30").error?.issues[0]?.message).toMatch(/^must be a real date written yyyy-MM-dd \(such as "2026-03-31"\); got /);
    expect(periodSchema.safeParse("Q1").error?.issues[0]?.message).toMatch(/^must be a period \{ start, end, label \} with yyyy-MM-dd dates; got /);
    expect(periodSchema.safeParse({ start: "2026-01-01", end: "2026-01-31", label: 3 }).error?.issues[0]?.path).toEqual(["label"]);
    expect(periodUnitSchema.safeParse("year").error?.issues[0]?.message).toMatch(/^must be one of "half", "quarter", "month", "week"; got /);
  });
});
