import { PayscoreError } from "../../errors/index.js";
import { Decimal, roundDecimal } from "../../numeric/index.js";
import * as D from "../domains.js";
import { activityWeight, checkListSource, isListSource, offScale, readActivity, readDeal, readResponse, readTicket, stageIndex, type CompiledActivityWeights, type ListSource } from "../listEvents.js";
import type { ActivityRow, DealRow, ResponseRow, TicketRow } from "../schema.js";
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

/** A margin KPI's running sums for one person: the deals with a cost, their amounts and costs. */
interface MarginSums {
  costed: number;
  revenue: Decimal;
  cost: Decimal;
}

/** The list inputs of a run, by name. */
interface Lists {
  readonly deals: readonly DealRow[] | undefined;
  readonly responses: readonly ResponseRow[] | undefined;
  readonly activities: readonly ActivityRow[] | undefined;
  readonly tickets: readonly TicketRow[] | undefined;
}

/**
 * Stage 1b, list indicators (issue 21): reads each list input once — the deals for
 * `pipeline-value`, `stage-conversion`, `cycle-days` and `margin`, the responses for `csat`, the activities
 * for `weighted-visits`, the tickets for `resolution-hours` — adding each event to its person's
 * running aggregates (sums, counts, and for a median cycle the count of deals of each length: no
 * event is kept), then gives each list KPI's per-person value, rounded to `rounding.indicator`,
 * which the KPI input stage uses like a column.
 *
 * A person with no deals has a pipeline of 0, with no activities a weighted count of 0; with no
 * deal reaching `fromStage` no conversion, with no costed deal no margin, with no responses no CSAT, with no closed deal no
 * cycle, with no resolved ticket no resolution time: those are missing (`null`), and
 * `score.missing` decides.
 *
 * @internal
 * @param ctx - the run
 * @param deals - the data's deals
 * @param responses - the data's responses
 * @param activities - the data's activities
 * @param tickets - the data's tickets
 * @returns the list KPIs' values per person
 * @throws {PayscoreError} `INVALID_PLAN` for a funnel, a scale or weights that do not hold
 *   together, or a lower-is-better indicator without a `direction`; `INVALID_DATA` with path
 *   `[list, row, column]` for a bad cell, a person not on the roster, a stage outside a funnel, a
 *   rating off a scale, a type or tier without a weight, a date outside the period, a deal closed
 *   or a ticket resolved before it opened; `INVALID_DATA` when a list KPI has no list to read
 *
 * @example
 * ```ts
 * listIndicatorStage(ctx, [{ person: "p01", amount: "500", probability: "0.6" }], undefined)[0]?.[0]?.value; // "300"
 * ```
 */
export function listIndicatorStage(
  ctx: RunContext,
  deals: readonly DealRow[] | undefined,
  responses: readonly ResponseRow[] | undefined,
  activities?: readonly ActivityRow[] | undefined,
  tickets?: readonly TicketRow[] | undefined,
): ListActuals {
  const { p, people, places } = ctx;
  const sources = p.kpis.map((kpi) => (isListSource(kpi.actual) ? kpi.actual : undefined));
  if (sources.every((source) => source === undefined)) return sources.map(() => undefined);
  const scales = sources.map((source, k) => (source === undefined ? undefined : checkListSource(source, k, p.kpis[k]?.direction)));
  const lists: Lists = { deals, responses, activities, tickets };
  sources.forEach((source, k) => {
    if (source !== undefined && lists[source.from] === undefined) throw noList(source, (p.kpis[k] as { id: string }).id);
  });
  const n = people.length;
  const roster = new Map<string, number>();
  people.forEach((person, j) => roster.set(person.id, j));
  const round = (x: Decimal): string => roundDecimal(x, places.indicator, places.mode).toString();
  const result: (ListActual[] | undefined)[] = sources.map(() => undefined);
  const run: ListRun = { p, people, n, roster, sources, scales, round, result };

  // Deals: one pass for every deals KPI.
  const dealKpis = sources.flatMap((source, k) => (source?.from === "deals" ? [k] : []));
  if (dealKpis.length > 0) dealActuals(run, dealKpis, deals);
  // Activities: one pass for every weighted-visits KPI.
  const activityKpis = sources.flatMap((source, k) => (source?.from === "activities" ? [k] : []));
  if (activityKpis.length > 0) activityActuals(run, activityKpis, activities);
  // Tickets: one pass for every resolution-hours KPI.
  const ticketKpis = sources.flatMap((source, k) => (source?.from === "tickets" ? [k] : []));
  if (ticketKpis.length > 0) ticketActuals(run, ticketKpis, tickets);
  // Responses: one pass for every CSAT KPI.
  const csatKpis = sources.flatMap((source, k) => (source?.from === "responses" ? [k] : []));
  if (csatKpis.length > 0) responseActuals(run, csatKpis, responses);
  return result;
}

/** What each list's pass reads and where it writes: the run, its list KPIs, the result. */
interface ListRun {
  readonly p: RunContext["p"];
  readonly people: RunContext["people"];
  readonly n: number;
  readonly roster: ReadonlyMap<string, number>;
  readonly sources: readonly (ListSource | undefined)[];
  readonly scales: readonly ReturnType<typeof checkListSource>[];
  readonly round: (x: Decimal) => string;
  readonly result: (ListActual[] | undefined)[];
}

/** One pass over the deals, for pipeline-value, stage-conversion, cycle-days and margin: each KPI's per-person values into `run.result`. */
function dealActuals(run: ListRun, dealKpis: readonly number[], deals: readonly DealRow[] | undefined): void {
  const { p, people, n, roster, sources, round, result } = run;
  const needs = {
    value: dealKpis.some((k) => sources[k]?.indicator === "pipeline-value"),
    stage: dealKpis.some((k) => sources[k]?.indicator === "stage-conversion"),
    cycle: dealKpis.some((k) => sources[k]?.indicator === "cycle-days"),
    margin: dealKpis.some((k) => sources[k]?.indicator === "margin"),
  };
  const events = new Uint32Array(n);
  // Cycle days: per person the closed deals, the sum of their days and, for a median, how many
  // deals took each number of days (bounded by the distinct lengths, not by the deals).
  const closed = new Uint32Array(needs.cycle ? n : 0);
  const daysSum = new Float64Array(needs.cycle ? n : 0); // exact: whole days, far below 2^53
  const lengths: (Map<number, number> | undefined)[] = needs.cycle && dealKpis.some((k) => sources[k]?.indicator === "cycle-days" && sources[k].value === "median") ? people.map(() => undefined) : [];
  const sums = needs.value ? people.map((): PipelineSums => ({ events: 0, total: new Decimal(0), weighted: new Decimal(0) })) : [];
  const margins = needs.margin ? people.map((): MarginSums => ({ costed: 0, revenue: new Decimal(0), cost: new Decimal(0) })) : [];
  // Per conversion KPI, per person, the deals at each stage of its funnel.
  const atStage = dealKpis.map((k) => {
    const source = sources[k];
    return source?.indicator === "stage-conversion" ? new Uint32Array(n * source.stages.length) : undefined;
  });
  (deals ?? []).forEach((row, i) => {
    const deal = readDeal(row, i, roster, needs);
    events[deal.j] = (events[deal.j] as number) + 1;
    if (deal.days !== undefined) {
      closed[deal.j] = (closed[deal.j] as number) + 1;
      daysSum[deal.j] = (daysSum[deal.j] as number) + deal.days;
      if (lengths.length > 0) {
        const byLength = lengths[deal.j] ?? new Map<number, number>();
        byLength.set(deal.days, (byLength.get(deal.days) ?? 0) + 1);
        lengths[deal.j] = byLength;
      }
    }
    if (deal.cost !== undefined && deal.amount !== undefined) {
      const m = margins[deal.j] as MarginSums;
      m.costed += 1;
      m.revenue = m.revenue.plus(deal.amount);
      m.cost = m.cost.plus(deal.cost);
    }
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
    } else if (source.indicator === "margin") {
      result[k] = people.map((_, j) => marginActual(margins[j] as MarginSums, events[j] as number, round));
    } else if (source.indicator === "cycle-days") {
      const median = source.value === "median";
      result[k] = people.map((_, j) => {
        const count = closed[j] as number;
        const sum = new Decimal(daysSum[j] as number);
        // salesCycleDays: mean Σ days / count; median the middle deal's, or the mean of the two middle deals'.
        const value = count === 0 ? null : round(median ? medianOf(lengths[j] as Map<number, number>, count) : sum.isZero() ? sum : sum.div(count));
        return { value, formula: median ? "median(days)" : "daysSum / closed", inputs: { from: "deals", events: String(events[j]), closed: String(count), daysSum: sum.toString() } };
      });
    }
  });
}

/** One pass over the activities, for weighted-visits: each KPI's per-person values into `run.result`. */
function activityActuals(run: ListRun, activityKpis: readonly number[], activities: readonly ActivityRow[] | undefined): void {
  const { p, people, n, roster, sources, round, result } = run;
  const events = new Uint32Array(n);
  const counted = new Float64Array(n); // exact: whole counts ≤ 10^9 a row, far below 2^53 in all
  const compiled = activityKpis.map((k) => compileWeights(sources[k] as Extract<ListSource, { indicator: "weighted-visits" }>));
  const ZERO = new Decimal(0);
  const sums = activityKpis.map((): Decimal[] => people.map(() => ZERO));
  (activities ?? []).forEach((row, i) => {
    const activity = readActivity(row, i, roster, p.period);
    events[activity.j] = (events[activity.j] as number) + 1;
    counted[activity.j] = (counted[activity.j] as number) + activity.count;
    activityKpis.forEach((k, a) => {
      const unit = activityWeight(compiled[a] as CompiledActivityWeights, activity, i, (p.kpis[k] as { id: string }).id);
      const s = sums[a] as Decimal[];
      if (activity.count !== 0) s[activity.j] = (s[activity.j] as Decimal).plus(unit.times(activity.count));
    });
  });
  activityKpis.forEach((k, a) => {
    const tiers = (sources[k] as Extract<ListSource, { indicator: "weighted-visits" }>).weights.byTier !== undefined;
    result[k] = people.map((_, j) => {
      const weighted = (sums[a] as Decimal[])[j] as Decimal;
      return {
        value: round(weighted),
        formula: tiers ? "Σ count · byType[type] · byTier[tier]" : "Σ count · byType[type]",
        inputs: { from: "activities", events: String(events[j]), activities: String(counted[j]), weighted: weighted.toString() },
      };
    });
  });
}

/** One pass over the tickets, for resolution-hours: each KPI's per-person values into `run.result`. */
function ticketActuals(run: ListRun, ticketKpis: readonly number[], tickets: readonly TicketRow[] | undefined): void {
  const { people, n, roster, round, result } = run;
  const events = new Uint32Array(n);
  const resolved = new Uint32Array(n);
  const elapsed = new BigInt64Array(n); // milliseconds, exact
  (tickets ?? []).forEach((row, i) => {
    const { j, ms } = readTicket(row, i, roster);
    events[j] = (events[j] as number) + 1;
    if (ms === undefined) return; // still open
    resolved[j] = (resolved[j] as number) + 1;
    elapsed[j] = (elapsed[j] as bigint) + BigInt(ms);
  });
  const perHour = new Decimal(3_600_000);
  const values = people.map((_, j): ListActual => {
    const count = resolved[j] as number;
    const total = new Decimal((elapsed[j] as bigint).toString());
    // meanResolutionHours: Σ(resolvedAt − openedAt) / count, in hours.
    const value = count === 0 ? null : round(total.isZero() ? total : total.div(perHour.times(count)));
    return { value, formula: "hours / resolved", inputs: { from: "tickets", events: String(events[j]), resolved: String(count), hours: total.div(perHour).toString() } };
  });
  for (const k of ticketKpis) result[k] = values;
}

/** One pass over the responses, for csat: each KPI's per-person values into `run.result`. */
function responseActuals(run: ListRun, csatKpis: readonly number[], responses: readonly ResponseRow[] | undefined): void {
  const { p, people, n, roster, sources, scales, round, result } = run;
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

/**
 * A person's margin over their costed deals by `aggregateMargin` (the sums are its lines taken
 * together: `Σ(amount − cost) / Σamount`); no value with no costed deal or a total amount of 0.
 */
function marginActual(m: MarginSums, events: number, round: (x: Decimal) => string): ListActual {
  const value = m.costed === 0 || m.revenue.isZero() ? null : round(D.aggregateMargin([{ revenue: m.revenue, cost: m.cost }]));
  return { value, formula: "(revenue - cost) / revenue", inputs: { from: "deals", events: String(events), costed: String(m.costed), revenue: m.revenue.toString(), cost: m.cost.toString() } };
}

/** The median of `count` deals, given how many took each number of days (as `salesCycleDays` takes it). */
function medianOf(byLength: ReadonlyMap<number, number>, count: number): Decimal {
  const sorted = [...byLength.keys()].sort((a, b) => a - b);
  const at = (index: number): number => {
    let seen = 0;
    for (const days of sorted) {
      seen += byLength.get(days) as number;
      if (index < seen) return days;
    }
    return sorted[sorted.length - 1] as number;
  };
  const middle = count >> 1;
  return count % 2 === 1 ? new Decimal(at(middle)) : new Decimal(at(middle - 1) + at(middle)).div(2);
}

/** A weighted-visits KPI's weights as maps (checked not negative by `checkListSource`). */
function compileWeights(source: Extract<ListSource, { indicator: "weighted-visits" }>): CompiledActivityWeights {
  const read = (weights: Readonly<Record<string, string | number>>): Map<string, Decimal> => new Map(Object.entries(weights).map(([name, weight]) => [name, new Decimal(weight)]));
  const byTier = source.weights.byTier;
  return { weights: source.weights, byType: read(source.weights.byType), byTier: byTier === undefined ? undefined : read(byTier), unit: new Map() };
}

function noList(source: ListSource, kpi: string): PayscoreError {
  return new PayscoreError("INVALID_DATA", `${source.from}: KPI "${kpi}" (${source.indicator}) reads the data's ${source.from}, but none were given (pass --${source.from} or name them in the plan's "inputs")`, {
    path: [source.from],
  });
}
