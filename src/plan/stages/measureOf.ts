import { Decimal } from "../../numeric/index.js";
import type { Plan } from "../schema.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { KpiScores } from "./kpiStage.js";

/** What a pay rule measures: the score, or a KPI's attainment. */
export type Measure = "score" | { readonly kpi: string };

/**
 * A person's value of a pay rule's measure — `score / 100`, or a KPI's rounded attainment (0
 * when missing) — traced under `step`.
 *
 * @internal
 * @param ctx - the run
 * @param kpis - stage 3's scores
 * @param scores - stage 5's scores
 * @param j - the person's position
 * @param measure - the measure
 * @param step - the trace step's name
 * @returns the value
 *
 * @example
 * ```ts
 * measureOf(ctx, kpis, ["104.5"], 0, "score", "pay.targetIncentive.measure").toString(); // "1.045"
 * ```
 */
export function measureOf(ctx: RunContext, kpis: KpiScores, scores: readonly string[], j: number, measure: Measure, step: string): Decimal {
  const tracer = tracerOf(ctx, j);
  if (measure === "score") {
    const score = scores[j] as string;
    const x = scoreRatio(ctx, score);
    tracer.add(step, "score / 100", () => ({ score }), x.toString());
    return x;
  }
  const k = ctx.p.kpis.findIndex((kpi: Plan["kpis"][number]) => kpi.id === measure.kpi);
  const text = k < 0 ? null : kpis.attainmentText(j, k);
  const x = new Decimal(text ?? 0);
  tracer.add(step, `attainment of KPI ${measure.kpi} (0 when missing)`, () => ({}), x.toString());
  return x;
}

/** `score / 100`, once per distinct score of the run (scores repeat: two decimals over a few hundred points). */
function scoreRatio(ctx: RunContext, score: string): Decimal {
  let x = ctx.ratios.get(score);
  if (x === undefined) {
    x = new Decimal(score).div(100);
    if (ctx.ratios.size >= 1 << 16) ctx.ratios.clear();
    ctx.ratios.set(score, x);
  }
  return x;
}
