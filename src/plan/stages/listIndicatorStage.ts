import { PayscoreError } from "../../errors/index.js";
import { Decimal, roundDecimal } from "../../numeric/index.js";
import * as D from "../domains.js";
import { checkListSource, isListSource, offScale, readDeal, readResponse, stageIndex, type ListSource } from "../listEvents.js";
import type { DealRow, ResponseRow } from "../schema.js";
import type { RunContext } from "./RunContext.js";

/** One person's value of a list KPI, with what the trace and the statement show. */
export interface ListActual {
  /** The rounded value as text, or `null` when the person has no value (no events to measure). */
  readonly value: string | null;
  /** The formula, e.g. `"Σ amount · probability"`. */
  readonly formula: string;
  /** The inputs shown: the list, the number of events and the aggregates. */
  readonly inputs: Readonly<Record<string, string>>;
}

/** Per KPI (by index; `undefined` for a KPI that is not a list indicator), each person's value. */
export type ListActuals = readonly (readonly ListActual[] | undefined)[];

/** A pipeline KPI's running sums for one person. */
interface PipelineSums {
  events: number;
  total: Decimal;
  weighted: Decimal;
}

/**
 * Stage 1b, list indicators (issue 21): reads each list input once — the deals for
 * `pipeline-value` and `stage-conversion`, the responses for `csat` — adding each event to its
 * person's running aggregates (sums and counts: no event is kept), then gives each list KPI's
 * per-person value, rounded to `rounding.indicator`, which the KPI input stage uses like a
 * column.
 *
 * A person with no deals has a pipeline of 0; with no deal reaching `fromStage` no conversion,
 * with no responses no CSAT: those are missing (`null`), and `score.missing` decides.
 *
 * @internal
 * @param ctx - the run
 * @param deals - the data's deals
 * @param responses - the data's responses
 * @returns the list KPIs' values per person
 * @throws {PayscoreError} `INVALID_PLAN` for a funnel or a scale that does not hold together;
 *   `INVALID_DATA` with path `["deals" | "responses", row, column]` for a bad cell, a person not
 *   on the roster, a stage outside a funnel or a rating off a scale; `INVALID_DATA` when a list
 *   KPI has no list to read
 *
 * @example
 * ```ts
 * listIndicatorStage(ctx, [{ person: "p01", amount: "500", probability: "0.6" }], undefined)[0]?.[0]?.value; // "300"
 * ```
 */
export function listIndicatorStage(ctx: RunContext, deals: readonly DealRow[] | undefined, responses: readonly ResponseRow[] | undefined): ListActuals {
  const { p, people, places } = ctx;
  const sources = p.kpis.map((kpi) => (isListSource(kpi.actual) ? kpi.actual : undefined));
  if (sources.every((source) => source === undefined)) return sources.map(() => undefined);
  const scales = sources.map((source, k) => (source === undefined ? undefined : checkListSource(source, k)));
  sources.forEach((source, k) => {
    if (source !== undefined && (source.from === "deals" ? deals : responses) === undefined) throw noList(source, (p.kpis[k] as { id: string }).id);
  });
  const n = people.length;
  const roster = new Map<string, number>();
  people.forEach((person, j) => roster.set(person.id, j));
  const round = (x: Decimal): string => roundDecimal(x, places.indicator, places.mode).toString();
  const result: (ListActual[] | undefined)[] = sources.map(() => undefined);

  // Deals: one pass for every deals KPI.
  const dealKpis = sources.flatMap((source, k) => (source?.from === "deals" ? [k] : []));
  if (dealKpis.length > 0) {
    const needs = { value: dealKpis.some((k) => sources[k]?.indicator === "pipeline-value"), stage: dealKpis.some((k) => sources[k]?.indicator === "stage-conversion") };
    const events = new Uint32Array(n);
    const sums = needs.value ? people.map((): PipelineSums => ({ events: 0, total: new Decimal(0), weighted: new Decimal(0) })) : [];
    // Per conversion KPI, per person, the deals at each stage of its funnel.
    const atStage = dealKpis.map((k) => {
      const source = sources[k];
      return source?.indicator === "stage-conversion" ? new Uint32Array(n * source.stages.length) : undefined;
    });
    (deals ?? []).forEach((row, i) => {
      const deal = readDeal(row, i, roster, needs);
      events[deal.j] = (events[deal.j] as number) + 1;
      if (deal.amount !== undefined && deal.probability !== undefined) {
        const s = sums[deal.j] as PipelineSums;
        s.total = s.total.plus(deal.amount);
        s.weighted = s.weighted.plus(deal.amount.times(deal.probability));
      }
      dealKpis.forEach((k, d) => {
        const counts = atStage[d];
        const source = sources[k];
        if (counts === undefined || source?.indicator !== "stage-conversion") return;
        const at = deal.j * source.stages.length + stageIndex(source.stages, deal.stage as string, i, (p.kpis[k] as { id: string }).id);
        counts[at] = (counts[at] as number) + 1;
      });
    });
    dealKpis.forEach((k, d) => {
      const source = sources[k] as ListSource;
      if (source.indicator === "pipeline-value") {
        const weighted = source.value !== "total";
        result[k] = people.map((_, j) => {
          const s = sums[j] as PipelineSums;
          return {
            value: round(weighted ? s.weighted : s.total),
            formula: weighted ? "Σ amount · probability" : "Σ amount",
            inputs: { from: "deals", events: String(events[j]), total: s.total.toString(), weighted: s.weighted.toString() },
          };
        });
      } else if (source.indicator === "stage-conversion") {
        const counts = atStage[d] as Uint32Array;
        const width = source.stages.length;
        const from = source.stages.indexOf(source.fromStage);
        const to = source.stages.indexOf(source.toStage);
        result[k] = people.map((_, j) => {
          // A deal at a later stage passed through the earlier ones.
          let reachedFrom = 0;
          let reachedTo = 0;
          for (let s = width - 1; s >= from; s--) {
            const c = counts[j * width + s] as number;
            reachedFrom += c;
            if (s >= to) reachedTo += c;
          }
          const value = reachedFrom === 0 ? null : round((D.stageConversion([{ stage: source.fromStage, count: reachedFrom }, { stage: source.toStage, count: reachedTo }])[0] as { rate: Decimal }).rate);
          return {
            value,
            formula: "reachedTo / reachedFrom",
            inputs: { from: "deals", events: String(events[j]), fromStage: source.fromStage, toStage: source.toStage, reachedFrom: String(reachedFrom), reachedTo: String(reachedTo) },
          };
        });
      }
    });
  }

  // Responses: one pass for every CSAT KPI.
  const csatKpis = sources.flatMap((source, k) => (source?.from === "responses" ? [k] : []));
  if (csatKpis.length > 0) {
    const total = new Uint32Array(n);
    const sum = new Float64Array(n); // exact: |rating| ≤ 10^6 and fewer than 2^32 ratings
    const satisfied = csatKpis.map(() => new Uint32Array(n));
    (responses ?? []).forEach((row, i) => {
      const { j, score } = readResponse(row, i, roster);
      csatKpis.forEach((k, c) => {
        const scale = scales[k] as { min: number; max: number; satisfiedAtLeast: number };
        if (score < scale.min || score > scale.max) throw offScale(i, score, scale.min, scale.max, (p.kpis[k] as { id: string }).id);
        if (score >= scale.satisfiedAtLeast) (satisfied[c] as Uint32Array)[j] = ((satisfied[c] as Uint32Array)[j] as number) + 1;
      });
      total[j] = (total[j] as number) + 1;
      sum[j] = (sum[j] as number) + score;
    });
    csatKpis.forEach((k, c) => {
      const source = sources[k] as Extract<ListSource, { indicator: "csat" }>;
      const mean = source.value === "mean";
      result[k] = people.map((_, j) => {
        const count = total[j] as number;
        const good = (satisfied[c] as Uint32Array)[j] as number;
        const value = count === 0 ? null : round(mean ? new Decimal(sum[j] as number).div(count) : new Decimal(good).div(count));
        return {
          value,
          formula: mean ? "scoreSum / events" : "satisfied / events",
          inputs: { from: "responses", events: String(count), satisfied: String(good), scoreSum: String(sum[j]) },
        };
      });
    });
  }
  return result;
}

function noList(source: ListSource, kpi: string): PayscoreError {
  return new PayscoreError("INVALID_DATA", `${source.from}: KPI "${kpi}" (${source.indicator}) reads the data's ${source.from}, but none were given (pass --${source.from} or name them in the plan's "inputs")`, {
    path: [source.from],
  });
}
