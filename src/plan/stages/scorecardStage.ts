import { PayscoreError, formatPath, type ErrorPath } from "../../errors/index.js";
import { didYouMean } from "../planErrorMap.js";
import type { RosterPerson } from "../roster.js";
import type { ActivityRow, DealRow, Plan, ResponseRow, TicketRow } from "../schema.js";
import type { IndicatorLine } from "../types.js";
import type { RunContext } from "./RunContext.js";
import { indicatorLinesOf, kpiInputStage, type KpiInputs } from "./kpiInputStage.js";
import { kpiStage, type KpiScores } from "./kpiStage.js";
import { listIndicatorStage, type ListActuals } from "./listIndicatorStage.js";

type Kpi = Plan["kpis"][number];

/** The name statements give the plan's top-level `kpis` when it has `scorecards`. */
export const DEFAULT_SCORECARD = "default";

/** Which scorecard scored each person, and the indicator lines of that scorecard. */
export interface Scorecards {
  /** The name of person `j`'s scorecard: their role, or `"default"` for the plan's `kpis`. */
  readonly nameOf: (j: number) => string;
  /** Person `j`'s indicator lines, from their scorecard's KPIs. */
  readonly indicatorLinesOf: (j: number) => IndicatorLine[];
}

/** Stages 2 and 3 over scorecards: the run's KPI columns (by the run's KPI list) and the scorecards. */
export interface ScorecardKpis {
  readonly inputs: KpiInputs;
  readonly kpis: KpiScores;
  readonly scorecards: Scorecards;
}

interface Card {
  readonly name: string;
  readonly kpis: readonly Kpi[];
  /** The plan path of the card's KPI list. */
  readonly at: ErrorPath;
}

/**
 * The plan as the run's later stages read it when it has `scorecards`: its `kpis` are every
 * KPI id of `kpis` and the scorecards, each once, in order of first appearance (a stage that
 * looks a KPI up by id — a measure, the commission base, team scores by target — finds it; the
 * schema makes sure such a KPI is in every scorecard). A plan without scorecards is returned as
 * it is.
 *
 * @internal
 * @param p - the parsed plan
 * @returns the plan with the run's KPI list
 *
 * @example
 * ```ts
 * scorecardRunPlan({ ...plan, kpis: [sales], scorecards: { manager: { kpis: [sales, team] } } }).kpis.map((k) => k.id); // ["sales", "team"]
 * ```
 */
export function scorecardRunPlan(p: Plan): Plan {
  if (p.scorecards === undefined) return p;
  const seen = new Set<string>();
  const kpis: Kpi[] = [];
  for (const card of cardsOf(p)) {
    for (const kpi of card.kpis) {
      if (seen.has(kpi.id)) continue;
      seen.add(kpi.id);
      kpis.push(kpi);
    }
  }
  return { ...p, kpis };
}

function cardsOf(p: Plan): Card[] {
  return [{ name: DEFAULT_SCORECARD, kpis: p.kpis, at: ["kpis"] }, ...Object.entries(p.scorecards ?? {}).map(([role, card]) => ({ name: role, kpis: card.kpis, at: ["scorecards", role, "kpis"] }))];
}

/** The data's list inputs, which the list indicators of every scorecard read once. */
export interface ScorecardLists {
  readonly deals: readonly DealRow[] | undefined;
  readonly responses: readonly ResponseRow[] | undefined;
  readonly activities: readonly ActivityRow[] | undefined;
  readonly tickets: readonly TicketRow[] | undefined;
}

/**
 * Stages 2 and 3 for a plan with role scorecards (岗位评分卡, issue 21): each person is scored
 * by the scorecard of their roster `role` (the plan's `kpis` when they have no role). The list
 * indicators are measured once for every scorecard; then each scorecard's people go through
 * the usual KPI input and KPI score stages on their own — a scorecard's `target.total` is
 * decomposed over its own people — and the results are put together by the run's KPI list
 * (see {@link scorecardRunPlan}); a KPI a person's scorecard lacks is missing for them. Every
 * scorecard's weights sum to 1, so every score is on the same scale and the later stages (one
 * ranking, grading, pools) run over everyone as usual. A role without a scorecard is an error
 * (a misspelt role is never paid by another scorecard) unless `scorecardFallback` is `"kpis"`,
 * which scores it by the plan's `kpis`. A fault in a scorecard's KPI is reported
 * at its path (`["scorecards", role, "kpis", k, …]`).
 *
 * @internal
 * @param ctx - the run (its plan from {@link scorecardRunPlan})
 * @param p - the parsed plan, with `scorecards`
 * @param given - the data's deals, responses, activities and tickets, for the list indicators
 * @param shareLines - as for `kpiStage`
 * @returns the KPI columns, the scores and each person's scorecard
 * @throws {PayscoreError} `INVALID_DATA` at `["rows", i, "role"]` (`INVALID_PLAN` at
 *   `["people", i, "role"]`) for a role that has no scorecard (without `scorecardFallback: "kpis"`); as `kpiInputStage` and
 *   `kpiStage`, with the scorecard's path
 *
 * @example
 * ```ts
 * scorecardKpiStage(ctx, plan, { deals: undefined, responses: undefined, activities: undefined, tickets: undefined }, false).scorecards.nameOf(0); // "manager"
 * ```
 */
export function scorecardKpiStage(ctx: RunContext, p: Plan, given: ScorecardLists, shareLines: boolean): ScorecardKpis {
  const n = ctx.people.length;
  const cards = cardsOf(p);
  const { cardOf, localOf, members } = assignCards(ctx, p, cards);
  const { lists, offsets } = cardListActuals(ctx, p, cards, given);
  const parts = cards.map((card, c) => scoreCard(ctx, p, card, members[c] as number[], lists, offsets[c] as number, shareLines));
  const part = (j: number): CardPart => parts[cardOf[j] as number] as CardPart;
  const kpis: KpiScores = {
    scoreText: (j) => part(j).kpis.scoreText(localOf[j] as number),
    linesOf: (j) => part(j).kpis.linesOf(localOf[j] as number),
    attainmentText: (j, u) => {
      const { kpis: scored, local } = part(j);
      const k = local[u] ?? -1;
      return k < 0 ? null : scored.attainmentText(localOf[j] as number, k);
    },
  };
  const scorecards: Scorecards = {
    nameOf: (j) => (cards[cardOf[j] as number] as Card).name,
    indicatorLinesOf: (j) => {
      const { sub, inputs, hasIndicators } = part(j);
      return hasIndicators ? indicatorLinesOf(sub, inputs, localOf[j] as number) : [];
    },
  };
  return { inputs: runColumns(ctx.p.kpis, n, part, localOf), kpis, scorecards };
}

/** Step 1: each person's scorecard (`cardOf`), their position among its people (`localOf`), and each scorecard's people. */
function assignCards(ctx: RunContext, p: Plan, cards: readonly Card[]): { cardOf: Int32Array; localOf: Int32Array; members: number[][] } {
  const { people } = ctx;
  const n = people.length;
  const cardOf = new Int32Array(n);
  const localOf = new Int32Array(n);
  const members = cards.map((): number[] => []);
  const fallback = p.scorecardFallback === "kpis";
  const byRole = new Map(cards.slice(1).map((card, c) => [card.name, c + 1]));
  for (let j = 0; j < n; j++) {
    const person = people[j] as RosterPerson;
    const c = person.role === null || person.role === "" ? 0 : (byRole.get(person.role) ?? (fallback ? 0 : undefined));
    if (c === undefined) throw noScorecard(p, person, [...byRole.keys()]);
    cardOf[j] = c;
    localOf[j] = (members[c] as number[]).length;
    (members[c] as number[]).push(j);
  }
  return { cardOf, localOf, members };
}

/** Step 2, the list indicators: one pass over each list for every scorecard's list KPIs, laid end to end (each card's KPIs from its offset). */
function cardListActuals(ctx: RunContext, p: Plan, cards: readonly Card[], given: ScorecardLists): { lists: ListActuals; offsets: number[] } {
  const all = cards.flatMap((card) => card.kpis);
  const offsets: number[] = [];
  cards.reduce((offset, card) => (offsets.push(offset), offset + card.kpis.length), 0);
  const lists = inCard(cards, offsets, () => listIndicatorStage({ ...ctx, p: { ...p, kpis: all } }, given.deals, given.responses, given.activities, given.tickets));
  return { lists, offsets };
}

/** One scorecard's stages 2 and 3 over its people, and where each of the run's KPIs is in it. */
interface CardPart {
  readonly sub: RunContext;
  readonly inputs: KpiInputs;
  readonly kpis: KpiScores;
  /** Per run KPI, its position in the scorecard (−1: not in it). */
  readonly local: Int32Array;
  readonly hasIndicators: boolean;
}

/** Step 3: a scorecard's people through stages 2 and 3, as a run of their own (faults at the scorecard's path). */
function scoreCard(ctx: RunContext, p: Plan, card: Card, mine: readonly number[], lists: ListActuals, offset: number, shareLines: boolean): CardPart {
  const subPeople = mine.map((j) => ctx.people[j] as RosterPerson);
  const tracers = ctx.tracers;
  const sub: RunContext = {
    ...ctx,
    p: { ...p, kpis: card.kpis as Kpi[] },
    people: subPeople,
    indexOf: new Map(subPeople.map((person, i) => [person.id, i])),
    tracers: tracers === undefined ? undefined : mine.map((j) => tracers[j] as NonNullable<typeof tracers>[number]),
  };
  const subLists: ListActuals = card.kpis.map((_, k) => {
    const column = lists[offset + k];
    return column === undefined ? undefined : mine.map((j) => column[j] as NonNullable<typeof column>[number]);
  });
  const inputs = inCard([card], [0], () => kpiInputStage(sub, subLists));
  const kpis = inCard([card], [0], () => kpiStage(sub, inputs, shareLines));
  const position = new Map(card.kpis.map((kpi, k) => [kpi.id, k]));
  const local = Int32Array.from(ctx.p.kpis, (kpi) => position.get(kpi.id) ?? -1);
  const hasIndicators = card.kpis.some((kpi) => typeof kpi.actual === "object" && !("column" in kpi.actual));
  return { sub, inputs, kpis, local, hasIndicators };
}

/** Step 4: the run's KPI columns (by the run's KPI list), each person's from their scorecard (`null` for a KPI not in it). */
function runColumns(runKpis: readonly Kpi[], n: number, part: (j: number) => CardPart, localOf: Int32Array): KpiInputs {
  const actual = runKpis.map(() => new Array<unknown>(n));
  const target = runKpis.map(() => new Array<unknown>(n));
  for (let j = 0; j < n; j++) {
    const { inputs, local } = part(j);
    const i = localOf[j] as number;
    for (let u = 0; u < runKpis.length; u++) {
      const k = local[u] as number;
      (actual[u] as unknown[])[j] = k < 0 ? null : (inputs.actual[k] as unknown[])[i];
      (target[u] as unknown[])[j] = k < 0 ? null : (inputs.target[k] as unknown[])[i];
    }
  }
  return { actual, target };
}

/** A role without a scorecard: at the roster's role (the plan's people, or the data row). */
function noScorecard(p: Plan, person: RosterPerson, roles: readonly string[]): PayscoreError {
  const planIndex = p.people?.findIndex((entry) => entry.id === person.id) ?? -1;
  const path = planIndex >= 0 ? ["people", planIndex, "role"] : ["rows", person.rowIndex, "role"];
  const role = person.role ?? "";
  const hint = didYouMean(role, roles);
  return new PayscoreError(
    planIndex >= 0 ? "INVALID_PLAN" : "INVALID_DATA",
    `${formatPath(path)} is "${role}" (person "${person.id}"): no scorecard for this role; the scorecards are ${roles.map((r) => `"${r}"`).join(", ")}${hint === undefined ? "" : ` (did you mean "${hint}"?)`}, and people without a role use kpis (or set scorecardFallback: "kpis")`,
    { path },
  );
}

/**
 * Runs `fn` over the KPIs of `cards` laid end to end (from `offsets`): a fault at
 * `["kpis", k, …]` is moved to its scorecard's path.
 */
function inCard<T>(cards: readonly Card[], offsets: readonly number[], fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof PayscoreError) || error.path[0] !== "kpis") throw error;
    const k = error.path[1];
    let c = 0;
    if (typeof k === "number") while (c + 1 < cards.length && (offsets[c + 1] as number) <= k) c++;
    const card = cards[c] as Card;
    const rest = typeof k === "number" ? [k - (offsets[c] as number), ...error.path.slice(2)] : error.path.slice(1);
    if (card.at[0] === "kpis" && rest[0] === k) throw error;
    const path = [...card.at, ...rest];
    const message = error.message.startsWith(formatPath(error.path)) ? `${formatPath(path)}${error.message.slice(formatPath(error.path).length)}` : error.message.replace(/^kpis/, formatPath(card.at));
    throw new PayscoreError(error.code, message, { path, cause: error });
  }
}
