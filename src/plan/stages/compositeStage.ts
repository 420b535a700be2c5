import { roundDecimal } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { KpiScores } from "./kpiStage.js";
import type { Review360Scores } from "./review360Stage.js";

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
  for (let j = 0; j < n; j++) {
    const kpiScore = kpis.scoreText(j);
    const points = review.lineOf(j)?.points ?? null;
    const tracer = tracerOf(ctx, j);
    if (reviewWeight === undefined || kpiWeight === undefined || points === null) {
      scores[j] = kpiScore;
      tracer.add("score", reviewWeight === undefined ? "KPI score" : "KPI score (no usable 360 score)", () => ({ kpi: kpiScore }), kpiScore);
      continue;
    }
    const key = `${kpiScore} ${points}`;
    let score = combined.get(key);
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
