import * as z from "zod";
import { describeValue } from "../errors/index.js";
import { parseDay } from "./day.js";

/**
 * A span of whole days, both ends inclusive, with a label: `{ start: "2026-04-01", end: "2027-03-31", label: "FY2026" }`.
 * Dates are ISO `yyyy-MM-dd` strings (years 0001–9999); `start ≤ end`. A period has no time of day
 * and no time zone: `2026-03-31` means that calendar day wherever the code runs.
 */
export interface Period {
  /** The first day, `yyyy-MM-dd`. */
  readonly start: string;
  /** The last day (inclusive), `yyyy-MM-dd`. */
  readonly end: string;
  /** A name for the period (`FY2026`, `FY2026-Q1`, `2026-03`, `2026-W09`); may be empty. */
  readonly label: string;
}

/** How {@link splitPeriod} cuts a period: halves, quarters, calendar months or ISO weeks. */
export type PeriodUnit = "half" | "quarter" | "month" | "week";

/** Every {@link PeriodUnit}, largest first. */
export const PERIOD_UNITS: readonly PeriodUnit[] = Object.freeze(["half", "quarter", "month", "week"]);

/**
 * A zod schema for one calendar day written `yyyy-MM-dd`: a real date (`2026-02-30` and
 * `2026-2-3` are refused; `2024-02-29` is accepted, `2026-02-29` is not).
 *
 * @example
 * ```ts
 * isoDateSchema.safeParse("2024-02-29").success; // true
 * isoDateSchema.safeParse("2026-02-30").success; // false
 * ```
 */
export const isoDateSchema = z.custom<string>((value) => typeof value === "string" && parseDay(value) !== undefined, {
  error: (issue) => `must be a real date written yyyy-MM-dd (such as "2026-03-31"); got ${describeValue(issue.input)}`,
});

/**
 * A zod schema for a {@link Period}: `start` and `end` are real `yyyy-MM-dd` dates, `end` is not
 * before `start`, `label` is a string. Unknown keys are dropped from the parsed value.
 *
 * @example
 * ```ts
 * periodSchema.safeParse({ start: "2026-01-01", end: "2026-12-31", label: "2026" }).success; // true
 * periodSchema.safeParse({ start: "2026-03-01", end: "2026-02-28", label: "" }).success; // false (end before start)
 * ```
 */
export const periodSchema = z
  .object(
    {
      start: isoDateSchema,
      end: isoDateSchema,
      label: z.string({ error: (issue) => `must be a string (it may be empty); got ${describeValue(issue.input)}` }),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type" ? `must be a period { start, end, label } with yyyy-MM-dd dates; got ${describeValue(issue.input)}` : undefined,
    },
  )
  .check((ctx) => {
    const { start, end } = ctx.value;
    if (end < start) {
      ctx.issues.push({ code: "custom", path: ["end"], input: end, message: `must not be before start ${JSON.stringify(start)}; got ${JSON.stringify(end)}` });
    }
  });

/**
 * A zod schema for a {@link PeriodUnit}.
 *
 * @example
 * ```ts
 * periodUnitSchema.parse("quarter"); // "quarter"
 * ```
 */
export const periodUnitSchema = z.enum(["half", "quarter", "month", "week"], {
  error: (issue) => `must be one of "half", "quarter", "month", "week"; got ${describeValue(issue.input)}`,
});
