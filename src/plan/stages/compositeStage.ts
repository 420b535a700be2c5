import { Decimal, roundDecimal, roundedQuotient, scaledInteger, type RoundingMode } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { KpiScores } from "./kpiStage.js";
import type { Review360Scores } from "./review360Stage.js";
import { cachedText } from "./unitsText.js";

/**
 * Stage 5, composite score (per person, independent): the KPI score, or with `score.kpi` and
 * `score.review360` weights and a usable 360 score, `round(kpiWeight × kpiScore +
 * review360Weight × review360Score, rounding.score)`. Equal pairs of scores give equal
 * results, so each distinct pair is computed once.
 *
 * @internal
 * @param ctx - the run
 * @param kpis - stage 3's scores
 * @param review - stage 4's lines
 * @returns each person's score as text
 * @throws {PayscoreError} as `combineScores`
 *
 * @example
 * ```ts
 * compositeStage(ctx, kpis, review)[0]; // e.g. "87.35"
 * ```
 */
export function compositeStage(ctx: RunContext, kpis: KpiScores, review: Review360Scores): string[] {
  const { p, places } = ctx;
  const kpiWeight = p.score?.kpi;
  const reviewWeight = p.score?.review360;
  const n = ctx.people.length;
  const scores = new Array<string>(n);
  const combined = new Map<string, string>();
  const onIntegers = kpiWeight === undefined || reviewWeight === undefined ? undefined : integerComposite(kpiWeight, reviewWeight, places.score, places.mode);
  for (let j = 0; j < n; j++) {
    const kpiScore = kpis.scoreText(j);
    const points = review.lineOf(j)?.points ?? null;
    const tracer = tracerOf(ctx, j);
    if (reviewWeight === undefined || kpiWeight === undefined || points === null) {
      scores[j] = kpiScore;
      tracer.add("score", reviewWeight === undefined ? "KPI score" : "KPI score (no usable 360 score)", () => ({ kpi: kpiScore }), kpiScore);
      continue;
    }
    let score = onIntegers?.(kpiScore, points);
    const key = score === undefined ? `${kpiScore} ${points}` : "";
    if (score === undefined) score = combined.get(key);
    if (score === undefined) {
      const person = ctx.people[j] as (typeof ctx.people)[number];
      const value = within(["score"], `person "${person.id}", composite score`, () =>
        D.combineScores([
          { id: "kpi", score: kpiScore, weight: kpiWeight },
          { id: "review360", score: points, weight: reviewWeight },
        ]),
      );
      score = roundDecimal(value, places.score, places.mode).toString();
      combined.set(key, score);
    }
    scores[j] = score;
    tracer.add(
      "score",
      `round(kpiWeight × kpiScore + review360Weight × review360Score, ${places.score})`,
      () => ({ kpiScore, kpiWeight: String(kpiWeight), review360Score: points, review360Weight: String(reviewWeight) }),
      score,
    );
  }
  return scores;
}

/** Scores are read in units of 10⁻⁴ on the integer path (the default rounding has 2 places). */
const SCORE_SCALE = 4;

/**
 * The composite score on integers: `round(kW·k + rW·r, places)` from the scores and weights as
 * whole numbers of their smallest steps — the same result as `combineScores` and
 * `roundDecimal`, whose arithmetic is exact too — or `undefined` for the cases it does not
 * decide (weights not summing to exactly 1, more decimals, values past 2^53), which then take
 * the Decimal path. Undefined as a whole when the weights have no integer form.
 *
 * @internal
 * @param kpiWeight - the plan's `score.kpi`
 * @param reviewWeight - the plan's `score.review360`
 * @param places - `rounding.score`
 * @param mode - the rounding mode
 * @returns `(kpiScore, points) ↦ text`, or undefined
 *
 * @example
 * ```ts
 * integerComposite("0.7", "0.3", 2, "half-even")?.("88.5", "91.25"); // "89.32" (61.95 + 27.375 = 89.325, half to even)
 * ```
 */
export function integerComposite(kpiWeight: string | number, reviewWeight: string | number, places: number, mode: RoundingMode): ((kpiScore: string, points: string) => string | undefined) | undefined {
  const weightScale = Math.max(new Decimal(kpiWeight).decimalPlaces(), new Decimal(reviewWeight).decimalPlaces());
  if (weightScale > 6 || places > 6) return undefined;
  const kW = scaledInteger(kpiWeight, weightScale);
  const rW = scaledInteger(reviewWeight, weightScale);
  if (kW === undefined || rW === undefined || kW < 0 || rW < 0 || kW + rW !== 10 ** weightScale) return undefined;
  const denominator = 10 ** (SCORE_SCALE + weightScale);
  const texts = cachedText(places);
  return (kpiScore, points) => {
    const k = scaledInteger(kpiScore, SCORE_SCALE);
    const r = scaledInteger(points, SCORE_SCALE);
    if (k === undefined || r === undefined) return undefined;
    const total = k * kW + r * rW;
    if (!Number.isSafeInteger(total)) return undefined;
    const units = roundedQuotient(total, denominator, places, mode);
    // −0 is written "0", as Decimal writes it.
    return units === undefined ? undefined : texts.value(units === 0 ? 0 : units);
  };
}
