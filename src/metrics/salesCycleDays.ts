import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { Decimal } from "../numeric/index.js";
import { exactSum, fault, readCalendarDate, readEntry, readList } from "./internal.js";
import { guard } from "../errors/index.js";

/** One closed deal for {@link salesCycleDays}. */
export interface ClosedDeal {
  /** The day the opportunity was opened, `yyyy-MM-dd`. */
  readonly openedAt: string;
  /** The day it closed (won or lost), `yyyy-MM-dd`, not before `openedAt`. */
  readonly closedAt: string;
}

/** The result of {@link salesCycleDays}. */
export interface SalesCycle {
  /** The mean cycle in days (exact, not rounded). */
  readonly mean: Decimal;
  /** The median cycle in days: the middle deal's, or the mean of the two middle deals'. */
  readonly median: Decimal;
  /** The number of deals. */
  readonly count: number;
}

/**
 * The length of the sales cycle (销售周期) in calendar days: for each deal
 * `days = closedAt − openedAt` (2026-01-01 → 2026-01-31 is 30; a deal opened and closed the same
 * day is 0), then the mean `Σ days / count` and the median.
 *
 * Days are counted with date-fns `differenceInCalendarDays` on the dates as written, on a UTC
 * calendar, so the result is the same in every time zone and across daylight-saving changes.
 * It is a lower-is-better figure.
 *
 * @category Metrics
 * @param deals - closed deals, at least one
 * @returns the mean and median days and the number of deals
 * @throws {PayscoreError} `INVALID_ARGUMENT` when `deals` is not an array of objects or a date is not a real `yyyy-MM-dd` date; `EMPTY_INPUT` for no deals; `INVALID_DATA` when a deal closed before it opened
 *
 * @example
 * ```ts
 * const cycle = salesCycleDays([
 *   { openedAt: "2026-01-01", closedAt: "2026-01-31" }, // 30
 *   { openedAt: "2026-02-10", closedAt: "2026-03-02" }, // 20
 *   { openedAt: "2026-03-01", closedAt: "2026-04-15" }, // 45
 *   { openedAt: "2026-04-01", closedAt: "2026-04-11" }, // 10
 * ]);
 * cycle.mean.toString(); // "26.25"  (105 / 4)
 * cycle.median.toString(); // "25"   ((20 + 30) / 2)
 * cycle.count; // 4
 * ```
 */
export function salesCycleDays(deals: readonly ClosedDeal[]): SalesCycle {
  return guard(computeSalesCycleDays, [deals]);
}

function computeSalesCycleDays(deals: readonly ClosedDeal[]): SalesCycle {
  const list = readList(deals, ["deals"]);
  const count = list.length;
  if (count === 0) throw fault("EMPTY_INPUT", ["deals"], "must contain at least one deal");
  const days = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const deal = readEntry(list[i], "deals", i);
    const opened = readCalendarDate(deal["openedAt"], ["deals", i, "openedAt"]);
    const closed = readCalendarDate(deal["closedAt"], ["deals", i, "closedAt"]);
    const length = differenceInCalendarDays(closed, opened);
    if (length < 0) {
      throw fault("INVALID_DATA", ["deals", i, "closedAt"], `(${String(deal["closedAt"])}) is before openedAt (${String(deal["openedAt"])})`);
    }
    days[i] = length;
  }
  const total = exactSum(days);
  days.sort(); // a typed array sorts numerically
  const middle = count >> 1;
  const median =
    count % 2 === 1
      ? new Decimal(days[middle] as number)
      : new Decimal((days[middle - 1] as number) + (days[middle] as number)).div(2);
  return { mean: total.isZero() ? total : total.div(count), median, count };
}
