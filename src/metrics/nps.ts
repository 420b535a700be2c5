import { Decimal } from "../numeric/index.js";
import { describeValue, guard, type ErrorPath } from "../errors/index.js";
import { fault, readCount } from "./internal.js";

/** Response counts for {@link nps}: each a whole number ≥ 0. */
export interface NpsCounts {
  /** Responses of 9 or 10. */
  readonly promoters: number;
  /** Responses of 7 or 8. */
  readonly passives: number;
  /** Responses of 0 to 6. */
  readonly detractors: number;
}

/** The result of {@link nps}. */
export interface NpsResult {
  /** `100 · (promoters − detractors) / total`, from −100 to 100 (not a ratio). */
  readonly score: Decimal;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** `promoters + passives + detractors`. */
  readonly total: number;
}

const RESPONSES: ErrorPath = Object.freeze(["responses"]);

/**
 * The Net Promoter Score (净推荐值, NPS): `100 · (promoters − detractors) / total`, from −100
 * (everyone a detractor) to 100 (everyone a promoter).
 *
 * From responses to "how likely are you to recommend us?" on the 0–10 scale: 9–10 are
 * promoters, 7–8 passives, 0–6 detractors. Or from the three counts directly, as survey tools
 * export them. The score is exact to the library's precision, not rounded (1 promoter in 3
 * responses is 33.333…).
 *
 * @category Metrics
 * @param responses - whole-number answers from 0 to 10, or `{ promoters, passives, detractors }`
 * @returns the score and the counts it was computed from
 * @throws {PayscoreError} `EMPTY_INPUT` for no responses (an empty list or three zero counts); `OUT_OF_RANGE` for a response outside 0–10 or not a whole number, a negative count, or counts whose total passes 2^53; `INVALID_ARGUMENT` for a count that is not a whole number or an argument that is neither a list nor an object
 *
 * @example
 * ```ts
 * nps([10, 9, 9, 8, 7, 6, 3, 10]).score.toString(); // "25"  (100 · (4 − 2) / 8)
 * nps({ promoters: 60, passives: 25, detractors: 15 }).score.toString(); // "45"
 * ```
 */
export function nps(responses: readonly number[] | NpsCounts): NpsResult {
  return guard(computeNps, [responses]);
}

function computeNps(responses: readonly number[] | NpsCounts): NpsResult {
  if (Array.isArray(responses)) {
    const list = responses as readonly unknown[];
    let promoters = 0;
    let passives = 0;
    let detractors = 0;
    for (let i = 0; i < list.length; i++) {
      const response = list[i];
      if (typeof response !== "number" || !Number.isInteger(response) || response < 0 || response > 10) {
        throw fault("OUT_OF_RANGE", ["responses", i], `must be a whole number from 0 to 10; got ${describeValue(response)}`);
      }
      if (response >= 9) promoters++;
      else if (response >= 7) passives++;
      else detractors++;
    }
    return npsOf(promoters, passives, detractors, RESPONSES);
  }
  if (typeof responses !== "object" || responses === null) {
    throw fault("INVALID_ARGUMENT", ["responses"], `must be a list of 0–10 responses or { promoters, passives, detractors }; got ${describeValue(responses)}`);
  }
  const counts = responses as unknown as Readonly<Record<string, unknown>>;
  return npsOf(
    readCount(counts["promoters"], ["responses", "promoters"]),
    readCount(counts["passives"], ["responses", "passives"]),
    readCount(counts["detractors"], ["responses", "detractors"]),
    RESPONSES,
  );
}

/**
 * {@link nps} from checked counts.
 *
 * @internal
 * @param promoters - count ≥ 0
 * @param passives - count ≥ 0
 * @param detractors - count ≥ 0
 * @param path - where the counts sit in the caller's input, for errors
 * @returns the result
 * @throws {PayscoreError} `EMPTY_INPUT` when all are 0; `OUT_OF_RANGE` when the total passes 2^53
 */
export function npsOf(promoters: number, passives: number, detractors: number, path: ErrorPath): NpsResult {
  const total = promoters + passives + detractors;
  if (total === 0) throw fault("EMPTY_INPUT", path, "must contain at least one response");
  if (!Number.isSafeInteger(total)) throw fault("OUT_OF_RANGE", path, `hold more responses than can be counted exactly (${total})`);
  const net = promoters - detractors; // exact: both are safe integers ≥ 0
  const score = net === 0 ? new Decimal(0) : new Decimal(net).times(100).div(total);
  return { score, promoters, passives, detractors, total };
}
