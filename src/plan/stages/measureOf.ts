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
  return measureWithText(ctx, kpis, scores, j, measure, step).value;
}

/** A measured value and its text (`value.toString()`, kept with it: a run asks for both a million times). */
export interface MeasuredValue {
  readonly value: Decimal;
  readonly text: string;
}

/**
 * {@link measureOf} with the value's text, both remembered per distinct score or attainment of
 * the run (shared: treat them as read-only).
 *
 * @internal
 * @param ctx - the run
 * @param kpis - stage 3's scores
 * @param scores - stage 5's scores
 * @param j - the person's position
 * @param measure - the measure
 * @param step - the trace step's name
 * @returns the value and its text
 *
 * @example
 * ```ts
 * measureWithText(ctx, kpis, ["104.5"], 0, "score", "promotion.measure").text; // "1.045"
 * ```
 */
export function measureWithText(ctx: RunContext, kpis: KpiScores, scores: readonly string[], j: number, measure: Measure, step: string): MeasuredValue {
  const tracer = tracerOf(ctx, j);
  if (measure === "score") {
    const score = scores[j] as string;
    const x = remembered(ctx, "score", score, () => new Decimal(score).div(100));
    tracer.add(step, "score / 100", () => ({ score }), x.text);
    return x;
  }
  const k = ctx.p.kpis.findIndex((kpi: Plan["kpis"][number]) => kpi.id === measure.kpi);
  const text = k < 0 ? null : kpis.attainmentText(j, k);
  const x = remembered(ctx, "attainment", text ?? "0", () => new Decimal(text ?? 0));
  tracer.add(step, `attainment of KPI ${measure.kpi} (0 when missing)`, () => ({}), x.text);
  return x;
}

/** Values by their text, per run and kind (scores repeat: two decimals over a few hundred points). */
const measuredByRun = new WeakMap<RunContext, Record<"score" | "attainment", Map<string, MeasuredValue>>>();

function remembered(ctx: RunContext, kind: "score" | "attainment", text: string, make: () => Decimal): MeasuredValue {
  let byKind = measuredByRun.get(ctx);
  if (byKind === undefined) measuredByRun.set(ctx, (byKind = { score: new Map(), attainment: new Map() }));
  const known = byKind[kind];
  let x = known.get(text);
  if (x === undefined) {
    const value = make();
    x = { value, text: value.toString() };
    if (known.size >= 1 << 16) known.clear();
    known.set(text, x);
  }
  return x;
}
