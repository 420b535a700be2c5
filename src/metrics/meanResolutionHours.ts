import { fault, exactSum, readEntry, readList, readTimestamp } from "./internal.js";
import { Decimal } from "../numeric/index.js";
import { guard } from "../errors/index.js";

/** One resolved complaint (or ticket) for {@link meanResolutionHours}. */
export interface ResolvedComplaint {
  /** When it was raised: ISO 8601 with an offset, e.g. `"2026-03-02T09:30:00+08:00"`. */
  readonly openedAt: string;
  /** When it was resolved, not before `openedAt`; same format. */
  readonly resolvedAt: string;
}

const MS_PER_HOUR = 3_600_000;

/**
 * The mean time to resolve a complaint, in hours (平均投诉处理时长):
 * `Σ(resolvedAt − openedAt) / count`, elapsed time measured to the millisecond.
 *
 * Timestamps must carry an offset (`+08:00` or `Z`) so the result does not depend on the time
 * zone of the machine that runs it; seconds and milliseconds are optional
 * (`"2026-03-02T09:30+08:00"`). Elapsed time is real time: a complaint open across a
 * daylight-saving change counts the hours that actually passed. Complaints still open are left
 * out by the caller (they have no resolution time yet). The mean is exact to the library's
 * precision, not rounded. It is a lower-is-better figure.
 *
 * @category Metrics
 * @param complaints - resolved complaints, at least one
 * @returns the mean resolution time in hours (1.5 = 90 minutes)
 * @throws {PayscoreError} `INVALID_ARGUMENT` when `complaints` is not an array of objects or a timestamp is malformed or not a real date and time; `EMPTY_INPUT` for no complaints; `INVALID_DATA` when a complaint was resolved before it was opened
 *
 * @example
 * ```ts
 * meanResolutionHours([
 *   { openedAt: "2026-03-02T09:00:00+08:00", resolvedAt: "2026-03-02T13:30:00+08:00" }, // 4.5 h
 *   { openedAt: "2026-03-02T17:00:00+08:00", resolvedAt: "2026-03-03T02:30:00Z" },     // 17.5 h
 * ]).toString(); // "11"   ((4.5 + 17.5) / 2)
 * ```
 */
export function meanResolutionHours(complaints: readonly ResolvedComplaint[]): Decimal {
  return guard(computeMeanResolutionHours, [complaints]);
}

function computeMeanResolutionHours(complaints: readonly ResolvedComplaint[]): Decimal {
  const list = readList(complaints, ["complaints"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["complaints"], "must contain at least one resolved complaint");
  const elapsed = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const complaint = readEntry(list[i], "complaints", i);
    const opened = readTimestamp(complaint["openedAt"], ["complaints", i, "openedAt"]);
    const resolved = readTimestamp(complaint["resolvedAt"], ["complaints", i, "resolvedAt"]);
    if (resolved < opened) {
      throw fault("INVALID_DATA", ["complaints", i, "resolvedAt"], `(${String(complaint["resolvedAt"])}) is before openedAt (${String(complaint["openedAt"])})`);
    }
    elapsed[i] = resolved - opened;
  }
  const total = exactSum(elapsed);
  return total.isZero() ? total : total.div(new Decimal(MS_PER_HOUR).times(list.length));
}
