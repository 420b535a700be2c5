import { Decimal } from "../numeric/index.js";
import { fault, readCount, readEntry, readList, readName } from "./internal.js";
import { guard } from "../errors/index.js";

/** One stage of a sales funnel for {@link stageConversion}. */
export interface FunnelStage {
  /** The stage's name (线索, 商机, 报价, 成交…), unique in the funnel. */
  readonly stage: string;
  /** How many leads or deals reached it: a whole number ≥ 0. */
  readonly count: number;
}

/** One conversion rate of {@link stageConversion}. */
export interface StageRate {
  readonly from: string;
  readonly to: string;
  /** `count(to) / count(from)`. */
  readonly rate: Decimal;
}

/**
 * The conversion rates of a sales funnel (转化率): each stage to the next,
 * `rateᵢ = countᵢ₊₁ / countᵢ`, and as the last element the overall rate from the first stage
 * to the last, `count_last / count_first`.
 *
 * The stage rates multiply to the overall rate. The overall rate is computed directly (not as
 * that product) so it is exact to the library's precision; none is rounded. A rate above 1 (a
 * stage that counts more than the one before, e.g. counted over a different window) is
 * reported as it is.
 *
 * @category Metrics
 * @param funnel - the stages in funnel order, at least two
 * @returns `funnel.length − 1` stage-to-stage rates, then the overall first→last rate
 * @throws {PayscoreError} `EMPTY_INPUT` for no stages; `INVALID_ARGUMENT` for a single stage, an entry that is not `{ stage, count }`, an empty or repeated stage name, or a count that is not a whole number; `OUT_OF_RANGE` for a negative count; `ZERO_DENOMINATOR` for a count of 0 on any stage but the last
 *
 * @example
 * ```ts
 * stageConversion([
 *   { stage: "lead", count: 200 },
 *   { stage: "quote", count: 50 },
 *   { stage: "won", count: 10 },
 * ]).map((r) => `${r.from}→${r.to} ${r.rate.toString()}`);
 * // ["lead→quote 0.25", "quote→won 0.2", "lead→won 0.05"]
 * ```
 */
export function stageConversion(funnel: readonly FunnelStage[]): StageRate[] {
  return guard(computeStageConversion, [funnel]);
}

function computeStageConversion(funnel: readonly FunnelStage[]): StageRate[] {
  const list = readList(funnel, ["funnel"]);
  const n = list.length;
  if (n === 0) throw fault("EMPTY_INPUT", ["funnel"], "must contain at least two stages");
  if (n === 1) throw fault("INVALID_ARGUMENT", ["funnel"], "must contain at least two stages to convert between; got one");
  const names: string[] = new Array<string>(n);
  const counts: number[] = new Array<number>(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const entry = readEntry(list[i], "funnel", i);
    const name = readName(entry["stage"], ["funnel", i, "stage"]);
    if (seen.has(name)) throw fault("INVALID_ARGUMENT", ["funnel", i, "stage"], `repeats the stage ${JSON.stringify(name)}; each stage appears once`);
    seen.add(name);
    names[i] = name;
    counts[i] = readCount(entry["count"], ["funnel", i, "count"]);
  }
  for (let i = 0; i < n - 1; i++) {
    if (counts[i] === 0) {
      throw fault("ZERO_DENOMINATOR", ["funnel", i, "count"], `is 0, so the conversion from ${JSON.stringify(names[i])} to ${JSON.stringify(names[i + 1])} is undefined (division by zero)`);
    }
  }
  const rates: StageRate[] = new Array<StageRate>(n);
  for (let i = 0; i < n - 1; i++) {
    rates[i] = { from: names[i] as string, to: names[i + 1] as string, rate: ratio(counts[i + 1] as number, counts[i] as number) };
  }
  rates[n - 1] = { from: names[0] as string, to: names[n - 1] as string, rate: ratio(counts[n - 1] as number, counts[0] as number) };
  return rates;
}

function ratio(numerator: number, denominator: number): Decimal {
  return numerator === 0 ? new Decimal(0) : new Decimal(numerator).div(denominator);
}
