import { PayscoreError, describeValue, formatPath, parseWith } from "../../../src/errors/index.js";
import { Decimal, minorUnits, readDecimal, roundDecimal, type RoundingMode } from "../../../src/numeric/index.js";
import { readCell, within } from "../../../src/plan/dataCells.js";
import * as D from "../../../src/plan/domains.js";
import { inPlanTermsOf } from "../../../src/plan/planErrorMap.js";
import { runHeader } from "../../../src/plan/runHeader.js";
import { buildRoster, type RosterPerson } from "../../../src/plan/roster.js";
import { planDataSchema, type Plan, type PlanData } from "../../../src/plan/schema.js";
import { Tracer } from "../../../src/plan/trace.js";
import { collectionsResult, traceForgiven, traceLine } from "../../../src/plan/stages/collectionsStage.js";
import { readTransactions } from "../../../src/plan/transactions.js";
import { activityWeight, checkListSource, isListSource, noEvents, offScale, readActivity, readDeal, readResponse, readTicket, stageIndex, type CompiledActivityWeights, type ListSource } from "../../../src/plan/listEvents.js";
import { difficultyCellOf, difficultyColumnOf } from "../../../src/plan/stages/kpiDifficulty.js";
import { calibrated360, competencyList } from "../../../src/plan/stages/review360Extras.js";
import { appliedCalibration } from "./appliedCalibration.js";
import { teamWeightOf, wantsTeams } from "../../../src/plan/stages/teamStage.js";
import { frozenKpiSpecs, roundingPlacesOf, type RoundingPlaces } from "../../../src/plan/stages/RunContext.js";
import type { IndicatorLine, StatementKpiLine, PayLine, PayoutRun, PoolReport, Review360Line, Statement } from "../../../src/plan/types.js";

// Reading options, rounding points and the KPI specs is shared with the engine: the oracle is
// about the arithmetic and the order of work, not about option parsing.
export { readRunOptions } from "../../../src/plan/runOptions.js";

type Kpi = Plan["kpis"][number];
type Measure = "score" | { kpi: string };
type Curve = NonNullable<Kpi["curve"]>;

/** Working state of one person during a run. */
interface Work {
  readonly person: RosterPerson;
  readonly tracer: Tracer;
  readonly indicators: IndicatorLine[];
  kpis: StatementKpiLine[];
  attainments: Map<string, Decimal | null>;
  actuals: Map<string, Decimal | null>;
  kpiScore: Decimal;
  review360: Review360Line | null;
  score: Decimal;
  rank: number;
  grade: { initial: string; final: string; reason: string | null; by?: string; at?: string | null } | null;
  pay: { component: PayLine["component"]; id: string; amount: Decimal }[];
}

const str = (x: Decimal): string => x.toString();

/**
 * The oracle: a plain, obviously-correct per-person run (every value a Decimal, one person at a
 * time, traces on request) — what `runPlan` computed before the one engine, kept in `test/` so
 * the properties can compare the engine's statements with it byte for byte.
 *
 * @internal
 * @param p - the parsed plan
 * @param plan - the plan as given (for its hash)
 * @param data - the data as given (validated here)
 * @param traceOption - build traces
 * @returns the run
 * @throws {PayscoreError} as {@link runPlan}
 */
export function runPerPerson(p: Plan, plan: Plan, data: PlanData, traceOption: boolean): PayoutRun {
  const d = parseWith(planDataSchema, data, "INVALID_DATA", []);
  const scale = minorUnits(p.currency);
  const mode: RoundingMode = p.rounding?.mode ?? "half-even";
  const money = (x: Decimal): Decimal => roundDecimal(x, scale, mode);
  const cash = (x: Decimal): string => x.toFixed(scale);

  const places = roundingPlacesOf(p);
  const roster = buildRoster(p, d.rows);
  const works: Work[] = roster.map((person) => ({
    person,
    tracer: new Tracer(traceOption !== false),
    indicators: [],
    kpis: [],
    attainments: new Map(),
    actuals: new Map(),
    kpiScore: new Decimal(0),
    review360: null,
    score: new Decimal(0),
    rank: 0,
    grade: null,
    pay: [],
  }));
  const workById = new Map(works.map((w) => [w.person.id, w]));

  // Issue 21: role scorecards — each card's people scored by its KPIs, as a plan of their own.
  const cardOf = new Map<string, string>();
  if (p.scorecards === undefined) scoreKpiLines(p, works, scale, places, listActuals(p, d, works, places));
  else {
    const cards: [string, Plan["kpis"]][] = [["default", p.kpis], ...Object.entries(p.scorecards).map(([role, card]): [string, Plan["kpis"]] => [role, card.kpis])];
    for (const w of works) {
      const role = w.person.role;
      const card = role === null || role === "" ? "default" : Object.hasOwn(p.scorecards, role) ? role : p.scorecardFallback === "kpis" ? "default" : undefined;
      if (card === undefined) throw new PayscoreError(p.people === undefined ? "INVALID_DATA" : "INVALID_PLAN", `no scorecard for role "${role}"`);
      cardOf.set(w.person.id, card);
    }
    const lists = cards.map(([, kpis]) => listActuals({ ...p, kpis }, d, works, places));
    cards.forEach(([name, kpis], c) => scoreKpiLines({ ...p, kpis }, works.filter((w) => cardOf.get(w.person.id) === name), scale, places, lists[c] ?? []));
  }
  // aggregate360 names its options `options.weights`; the plan calls them `review360.weights`.
  if (p.review360 !== undefined) inPlanTermsOf("options", ["review360"], () => scoreReview360(p, works, d.ratings ?? [], places));
  composeScores(p, works, places);
  rankByScore(works);
  if (p.grading !== undefined) gradeEveryone(p, works, workById);

  const measureOf = (w: Work, measure: Measure, step: string): Decimal => {
    if (measure === "score") {
      const x = w.score.div(100);
      w.tracer.add(step, "score / 100", () => ({ score: str(w.score) }), str(x));
      return x;
    }
    const x = w.attainments.get(measure.kpi) ?? new Decimal(0);
    w.tracer.add(step, `attainment of KPI ${measure.kpi} (0 when missing)`, () => ({}), str(x));
    return x;
  };
  const multiplierOf = (w: Work): Decimal | null => {
    const table = p.pay?.gradeMultipliers;
    if (table === undefined || w.grade === null) return null;
    const grade = w.grade.final;
    return within(["pay", "gradeMultipliers"], `person "${w.person.id}", grade multiplier`, () => D.gradeMultiplier(grade, table));
  };

  const pay = p.pay;
  const prorate = pay?.prorate ?? "none";
  for (const w of works) {
    const { person, tracer } = w;
    const base = ["rows", person.rowIndex];
    // pay.prorate: the days counted one by one, the fraction exact (a wide Decimal), one rounding.
    const days =
      prorate === "none" || !person.partial || (pay?.fixed === undefined && pay?.targetIncentive === undefined)
        ? null
        : { active: countDays(p, prorate, person.activeFrom, person.activeTo), period: countDays(p, prorate, p.period.start, p.period.end) };
    if (days !== null) {
      if (days.period === 0) {
        throw new PayscoreError("ZERO_DENOMINATOR", `pay.prorate: the period ${p.period.start} to ${p.period.end} has no business day, so pay cannot be prorated by business days`, { path: ["pay", "prorate"] });
      }
      tracer.add(
        "pay.prorate",
        `activeDays / periodDays, ${prorate}`,
        () => ({ activeFrom: person.activeFrom, activeTo: person.activeTo, periodStart: p.period.start, periodEnd: p.period.end, activeDays: String(days.active), periodDays: String(days.period) }),
        `${days.active}/${days.period}`,
      );
    }
    const prorated = (x: Decimal): Decimal => (days === null ? x : new Wide(x.toString()).times(days.active).div(days.period));
    if (pay?.fixed !== undefined) {
      const share = readDecimal(pay.fixed.share, ["pay", "fixed", "share"]);
      const basePay = requireBasePay(person);
      const amount = money(new Decimal(roundWide(prorated(basePay.times(share)), scale, mode)));
      if (days === null) tracer.add("pay.fixed", "round(basePay × share)", () => ({ basePay: str(basePay), share: str(share) }), cash(amount));
      else tracer.add("pay.fixed", "round(basePay × share × activeDays / periodDays)", () => ({ basePay: str(basePay), share: str(share), activeDays: String(days.active), periodDays: String(days.period) }), cash(amount));
      w.pay.push({ component: "fixed", id: "fixed", amount });
    }
    if (pay?.targetIncentive !== undefined) {
      const ti = pay.targetIncentive;
      const target = amountOf(ti.amount, person, ["pay", "targetIncentive", "amount"]);
      const x = measureOf(w, ti.measure, "pay.targetIncentive.measure");
      const table = pay.gradeMultipliers;
      const grade = w.grade?.final;
      const bonus = within(base, `person "${person.id}", target incentive`, () =>
        D.composeBonus(
          { variable: { targetAmount: target, attainment: x, curve: ti.curve as D.CurveInput, ...(table !== undefined && grade !== undefined ? { grade, multipliers: table } : {}) } },
          { scale, rounding: mode },
        ),
      );
      const full = bonus.variable;
      let variable = full;
      if (full !== null && days !== null) {
        const incentive = new Decimal(roundWide(prorated(target.times(full.payoutRate)), scale, mode));
        variable = { ...full, incentive, amount: money(incentive.times(full.multiplier)) };
      }
      const amount = variable?.amount ?? new Decimal(0);
      if (variable !== null) {
        tracer.add(
          "pay.targetIncentive",
          days === null
            ? "incentive = round(targetAmount × curve(measure)); amount = round(incentive × gradeMultiplier)"
            : "incentive = round(targetAmount × curve(measure) × activeDays / periodDays); amount = round(incentive × gradeMultiplier)",
          () => ({
            targetAmount: str(target),
            measure: str(x),
            payoutRate: str(variable.payoutRate),
            ...(days === null ? {} : { activeDays: String(days.active), periodDays: String(days.period) }),
            incentive: cash(variable.incentive),
            gradeMultiplier: str(variable.multiplier),
            ...(grade === undefined ? {} : { grade }),
          }),
          cash(amount),
        );
      }
      w.pay.push({ component: "targetIncentive", id: "targetIncentive", amount });
    }
    if (pay?.commission !== undefined && !("collections" in pay.commission.base)) {
      const c = pay.commission;
      let amountBase: Decimal;
      if ("kpi" in c.base) {
        amountBase = w.actuals.get(c.base.kpi) ?? new Decimal(0);
      } else {
        amountBase = "column" in c.base ? (readCell(person.row, person.rowIndex, c.base.column) ?? new Decimal(0)) : new Decimal(0);
      }
      const raw = within([...base], `person "${person.id}", commission`, () => D.tieredCommission(amountBase, c.tiers, { mode: c.mode ?? "marginal" }));
      const amount = money(raw);
      tracer.add(
        "pay.commission",
        `round(tieredCommission(base, tiers, ${c.mode ?? "marginal"}))`,
        () => ({ base: str(amountBase), tiers: c.tiers.map((t) => `${String(t.from)}@${String(t.rate)}`).join(", ") }),
        cash(amount),
      );
      w.pay.push({ component: "commission", id: "commission", amount });
    }
  }
  // Issue 20: commission on collections, person by person (each on only the invoices crediting
  // them), then the draw against each person's commission.
  if (pay?.commission !== undefined && "collections" in pay.commission.base) payCollections(p, pay.commission, d.transactions, works, scale, mode, money, cash);
  if (pay?.draw !== undefined) payDraw(pay.draw, works, scale, cash);
  if (pay?.trueUp !== undefined) payTrueUp(pay.trueUp.onNegative, d.paidToDate, d.forgivenToDate, works, scale, cash);

  // Team scores: each roster team's composite score by rollUp, rounded to the score's places.
  const teamNames = [...new Set(works.flatMap((w) => (w.person.team === null ? [] : [w.person.team])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const teamScore = new Map<string, Decimal>();
  const teams = wantsTeams(p)
    ? teamNames.map((team) => {
        const by = p.teamScores?.by ?? "equal";
        const entries = works
          .filter((w) => w.person.team === team)
          .map((w) => {
            const weight = teamWeightOf(p, w.person, by === "target" ? (w.kpis.find((line) => line.id === p.teamScores?.kpi)?.target ?? null) : null);
            return { id: w.person.id, score: w.score, ...(weight === undefined ? {} : by === "target" ? { target: weight } : { weight }) };
          });
        let score = roundDecimal(within(["teamScores"], `team "${team}", team score`, () => D.rollUp(entries, { by })).score, places.score, places.mode);
        if (score.isZero()) score = new Decimal(0);
        teamScore.set(team, score);
        return { team, people: entries.length, score: str(score) };
      })
    : undefined;

  const pools: PoolReport[] = [];
  (pay?.pools ?? []).forEach((pool, poolIndex) => {
    const path = ["pay", "pools", poolIndex];
    const members = works.filter((w) => (pool.byTeam !== undefined ? w.person.team !== null : pool.team === undefined || w.person.team === pool.team));
    const budget = readDecimal(pool.budget, [...path, "budget"]);
    let ratio = new Decimal(1);
    let fundingMeasure: Decimal | null = null;
    if (pool.funding !== undefined && members.length > 0) {
      const funding = pool.funding;
      const measures = members.map((w) => measureOf(w, funding.measure, `pay.pool.${pool.id}.fundingInput`));
      const mean = measures.reduce((s, x) => s.plus(x), new Decimal(0)).div(measures.length);
      fundingMeasure = mean;
      ratio = within([...path, "funding"], `pool "${pool.id}" funding`, () => D.evaluateCurve(funding.curve as D.CurveInput, mean));
    }
    const fundingCurve = pool.funding?.curve as D.CurveInput | undefined;
    const funded =
      fundingCurve === undefined || fundingMeasure === null
        ? money(budget)
        : within([...path, "funding"], `pool "${pool.id}" funding`, () => D.fundPool(budget, fundingMeasure as Decimal, fundingCurve, { scale, rounding: mode }));
    const weightBy = pool.weightBy ?? "score";
    const entries = members.map((w) => {
      let weight = weightBy === "equal" ? new Decimal(1) : weightBy === "score" ? w.score : requireBasePay(w.person).times(w.score);
      const multiplier = multiplierOf(w);
      if (multiplier !== null) weight = weight.times(multiplier);
      if (weight.isNegative()) weight = new Decimal(0);
      let cap: Decimal | undefined;
      if (pool.cap !== undefined) {
        cap = typeof pool.cap === "object" ? requireBasePay(w.person).times(readDecimal(pool.cap.multipleOfBasePay, [...path, "cap", "multipleOfBasePay"])) : readDecimal(pool.cap, [...path, "cap"]);
      }
      // A cap is paid in whole minor units: round it down so it is never exceeded.
      if (cap !== undefined) cap = roundDecimal(cap, scale, "floor");
      return { id: w.person.id, weight, ...(cap === undefined ? {} : { cap }) };
    });
    if (pool.byTeam !== undefined) {
      pools.push(oracleTeamPool(pool, path, entries, members, teamNames, teamScore, funded, { budget, fundingMeasure, ratio, weightBy }, { scale, cash }));
      return;
    }
    // Issue 21: a pool per team or role — the funded pool to the groups by headcount (allocatePool
    // on Decimals here, the engine's allocatePoolColumns on integers), then each group's part on its own.
    const per = pool.byTeam === undefined ? (pool.per ?? "all") : "all";
    const groupName = (w: Work): string => (per === "team" ? w.person.team : w.person.role) ?? "";
    const names = per === "all" ? [""] : [...new Set(members.map(groupName))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const groupEntries = names.map((name) => entries.filter((_, i) => per === "all" || groupName(members[i] as Work) === name));
    const parts = per === "all" || names.length === 0 ? [funded] : D.allocatePool(funded, names.map((name, g) => ({ id: name, weight: new Decimal((groupEntries[g] as typeof entries).length) })), { scale }).allocations.map((a) => a.amount);
    const byId = new Map<string, { id: string; amount: Decimal; capped: boolean }>();
    const groupReports: NonNullable<PoolReport["groups"]>[number][] = [];
    let unallocatedSum = new Decimal(0);
    names.forEach((name, g) => {
      const part = parts[g] as Decimal;
      const mine = groupEntries[g] as typeof entries;
      const allWeightsZero = mine.every((e) => e.weight.isZero());
      const result =
        mine.length === 0 || allWeightsZero || part.isZero()
          ? { allocations: mine.map((e) => ({ id: e.id, amount: new Decimal(0), capped: false })), unallocated: part }
          : within(path, `pool "${pool.id}"`, () => D.allocatePool(part, mine, { scale }));
      unallocatedSum = unallocatedSum.plus(result.unallocated);
      const weightTotal = mine.reduce((s, e) => s.plus(e.weight), new Decimal(0));
      const groupAllocated = result.allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
      if (per !== "all") groupReports.push({ group: name, people: mine.length, amount: cash(part), allocated: cash(groupAllocated), unallocated: cash(part.minus(groupAllocated)) });
    result.allocations.forEach((allocation, i) => {
      byId.set(allocation.id, allocation);
      const w = workById.get(allocation.id);
      const entry = mine[i];
      if (w === undefined || entry === undefined) return;
      w.pay.push({ component: "pool", id: pool.id, amount: allocation.amount });
      w.tracer.add(
        `pay.pool.${pool.id}`,
        "allocatePool(funded, weights, caps): funded × weight / Σweight, capped, in steps of the minor unit",
        () => ({
          budget: cash(budget),
          ...(fundingMeasure === null ? {} : { fundingMeasure: str(fundingMeasure) }),
          fundingRatio: str(ratio),
          funded: cash(funded),
          ...(per === "all" ? {} : { group: name, groupPeople: String(mine.length), poolPeople: String(members.length), groupAmount: cash(part) }),
          weightBy,
          weight: str(entry.weight),
          totalWeight: str(weightTotal),
          ...(entry.cap === undefined ? {} : { cap: str(entry.cap) }),
          capped: String(allocation.capped),
        }),
        cash(allocation.amount),
      );
    });
    });
    const result = { allocations: entries.map((e) => byId.get(e.id) as { id: string; amount: Decimal; capped: boolean }), unallocated: unallocatedSum };
    const allocated = result.allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
    pools.push({
      id: pool.id,
      team: pool.team ?? null,
      budget: cash(budget),
      fundingRatio: str(ratio),
      funded: cash(funded),
      allocated: cash(allocated),
      unallocated: cash(result.unallocated),
      allocations: result.allocations.map((a) => ({ person: a.id, amount: cash(a.amount), capped: a.capped })),
      ...(per === "all" ? {} : { groups: groupReports }),
    });
  });

  (pay?.awards ?? []).forEach((award, a) => {
    const amount = money(readDecimal(award.amount, ["pay", "awards", a, "amount"]));
    award.people.forEach((id, j) => {
      const w = workById.get(id);
      if (w === undefined) {
        const path = ["pay", "awards", a, "people", j];
        throw new PayscoreError("INVALID_PLAN", `${formatPath(path)}: no person "${id}" in this run`, { path });
      }
      w.pay.push({ component: "award", id: award.id, amount });
      w.tracer.add(`pay.award.${award.id}`, "round(amount)", () => ({ amount: String(award.amount), ...(award.name === undefined ? {} : { name: award.name }) }), cash(amount));
    });
  });

  const promotions = new Map<string, Statement["promotion"]>();
  if (p.promotion !== undefined) {
    const rule = p.promotion;
    // Earlier periods are needed when the rule counts more than this one; missing ones are an
    // error unless the plan says a person without them is simply not eligible.
    const needsHistory = rule.count > 1 && (rule.missingHistory ?? "error") === "error";
    if (needsHistory && d.history === undefined && works.length > 0) {
      throw new PayscoreError(
        "INVALID_DATA",
        `history is missing: the promotion rule counts the last ${rule.count} periods, so it needs each person's earlier ${rule.count - 1 === 1 ? "period" : `${rule.count - 1} periods`}; give the history, or set promotion.missingHistory to "not-eligible"`,
        { path: ["history"] },
      );
    }
    for (const w of works) {
      const id = w.person.id;
      const listed = d.history !== undefined && Object.hasOwn(d.history, id);
      if (needsHistory && !listed) {
        throw new PayscoreError(
          "INVALID_DATA",
          `${formatPath(["history", id])} is missing: person ${JSON.stringify(id)} has no earlier periods in the history, which the promotion rule needs (it counts the last ${rule.count}); add them, or set promotion.missingHistory to "not-eligible"`,
          { path: ["history", id] },
        );
      }
      const earlier = ((listed ? d.history?.[id] : undefined) ?? []).map((value, j) => {
        const path = ["history", w.person.id, j];
        try {
          return readDecimal(value, path);
        } catch (error) {
          throw new PayscoreError("INVALID_DATA", `${formatPath(path)} must be a plain decimal number; got ${describeValue(value)}`, { path, cause: error });
        }
      });
      const now = measureOf(w, rule.measure, "promotion.measure");
      const history = [...earlier, now];
      const streak = within(["promotion"], `person "${w.person.id}", promotion`, () => D.meetsStreak(history, { threshold: rule.threshold, count: rule.count }));
      w.tracer.add(
        "promotion",
        "eligible when the last `count` values (history, then this period) are all ≥ threshold",
        () => {
          // Each value's period: the history's names (the latest ones for a shorter list), then this period.
          const names = d.historyPeriods;
          const named = names !== undefined && names.length >= earlier.length;
          const labels = named ? earlier.map((_, i) => names[names.length - earlier.length + i] as string) : [];
          return { history: history.map(str).join(", "), ...(named ? { periods: [...labels, p.period.label].join(", ") } : {}), threshold: String(rule.threshold), count: String(rule.count) };
        },
        `eligible=${String(streak.eligible)}, current=${streak.current}, longest=${streak.longest}`,
      );
      promotions.set(w.person.id, { eligible: streak.eligible, longest: streak.longest, current: streak.current });
    }
  }

  const totals = { fixed: new Decimal(0), targetIncentive: new Decimal(0), commission: new Decimal(0), pool: new Decimal(0), award: new Decimal(0) };
  let payout = new Decimal(0);
  const statements: Statement[] = works.map((w) => {
    const total = w.pay.reduce((s, line) => s.plus(line.amount), new Decimal(0));
    for (const line of w.pay) totals[line.component] = totals[line.component].plus(line.amount);
    payout = payout.plus(total);
    w.tracer.add("pay.total", "Σ pay components", () => Object.fromEntries(w.pay.map((line) => [`${line.component}:${line.id}`, cash(line.amount)])), cash(total));
    const person = w.person;
    return {
      person: {
        id: person.id,
        name: person.name,
        team: person.team,
        region: person.region,
        role: person.role,
        activeFrom: person.activeFrom,
        activeTo: person.activeTo,
        basePay: person.basePay === null ? null : str(person.basePay),
      },
      indicators: w.indicators,
      kpis: w.kpis,
      kpiScore: str(w.kpiScore),
      ...(p.scorecards === undefined ? {} : { scorecard: cardOf.get(person.id) as string }),
      review360: w.review360,
      score: str(w.score),
      rank: w.rank,
      grade: w.grade,
      pay: w.pay.map((line) => ({ component: line.component, id: line.id, amount: cash(line.amount) })),
      totalPayout: cash(total),
      promotion: promotions.get(person.id) ?? null,
      trace: w.tracer.steps,
    };
  });

  return {
    ...runHeader(plan, p, scale, mode),
    statements,
    totals: {
      people: statements.length,
      fixed: cash(totals.fixed),
      targetIncentive: cash(totals.targetIncentive),
      commission: cash(totals.commission),
      pool: cash(totals.pool),
      award: cash(totals.award),
      payout: cash(payout),
    },
    pools,
    ...(teams === undefined ? {} : { teams }),
  };
}

/** A two-level pool, plainly: teams by (team score, × headcount), then members, by allocateTeamPool. */
function oracleTeamPool(
  pool: NonNullable<NonNullable<Plan["pay"]>["pools"]>[number],
  path: (string | number)[],
  entries: { id: string; weight: Decimal; cap?: Decimal }[],
  members: Work[],
  teamNames: readonly string[],
  teamScore: ReadonlyMap<string, Decimal>,
  funded: Decimal,
  t: { budget: Decimal; fundingMeasure: Decimal | null; ratio: Decimal; weightBy: string },
  money: { scale: number; cash: (x: Decimal) => string },
): PoolReport {
  const { scale, cash } = money;
  const teamOfPerson = new Map(members.map((w) => [w.person.id, w.person.team as string]));
  const teamWeight = new Map(
    teamNames.map((team) => {
      const score = teamScore.get(team) as Decimal;
      const w = score.isNegative() ? new Decimal(0) : score;
      const size = members.filter((m) => m.person.team === team).length;
      return [team, pool.byTeam?.weightBy === "score-headcount" ? w.times(size) : w];
    }),
  );
  const teams = teamNames.map((team) => ({ id: team, weight: teamWeight.get(team) as Decimal, members: entries.filter((e) => teamOfPerson.get(e.id) === team) }));
  const any = teams.some((team) => !team.weight.isZero());
  const result = teams.length > 0 && any && !funded.isZero() ? within(path, `pool "${pool.id}"`, () => D.allocateTeamPool(funded, teams, { scale })) : undefined;
  const amountOf = new Map<string, { amount: Decimal; capped: boolean }>();
  const teamAmount = new Map<string, string>();
  for (const team of result?.teams ?? []) {
    teamAmount.set(team.id, cash(team.amount));
    for (const a of team.allocations) amountOf.set(a.id, { amount: a.amount, capped: a.capped });
  }
  const totalTeamWeight = [...teamWeight.values()].reduce((s, w) => s.plus(w), new Decimal(0));
  const allocations = members.map((w, i) => {
    const entry = entries[i] as (typeof entries)[number];
    const got = amountOf.get(w.person.id) ?? { amount: new Decimal(0), capped: false };
    const team = teamOfPerson.get(w.person.id) as string;
    const teamMembers = teams.find((x) => x.id === team)?.members ?? [];
    const totalWeight = result === undefined ? new Decimal(0) : teamMembers.reduce((s, e) => s.plus(e.weight), new Decimal(0));
    w.pay.push({ component: "pool", id: pool.id, amount: got.amount });
    w.tracer.add(
      `pay.pool.${pool.id}`,
      "allocateTeamPool(funded, teams, members): funded × teamWeight / ΣteamWeight to each team, then the team's amount × weight / Σweight of its members, capped, in steps of the minor unit",
      () => ({
        budget: cash(t.budget),
        ...(t.fundingMeasure === null ? {} : { fundingMeasure: str(t.fundingMeasure) }),
        fundingRatio: str(t.ratio),
        funded: cash(funded),
        weightBy: t.weightBy,
        team,
        teamWeight: str(teamWeight.get(team) as Decimal),
        totalTeamWeight: str(totalTeamWeight),
        teamAmount: teamAmount.get(team) ?? cash(new Decimal(0)),
        weight: str(entry.weight),
        totalWeight: str(totalWeight),
        ...(entry.cap === undefined ? {} : { cap: str(entry.cap) }),
        capped: String(got.capped),
      }),
      cash(got.amount),
    );
    return { person: w.person.id, amount: cash(got.amount), capped: got.capped };
  });
  const allocated = allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
  return {
    id: pool.id,
    team: null,
    budget: cash(t.budget),
    fundingRatio: str(t.ratio),
    funded: cash(funded),
    allocated: cash(allocated),
    unallocated: cash(result === undefined ? funded : result.unallocated),
    allocations,
    teams: teamNames.map((team) => {
      const got = result?.teams.find((x) => x.id === team);
      return { team, weight: str(teamWeight.get(team) as Decimal), amount: got === undefined ? cash(new Decimal(0)) : cash(got.amount), capped: got?.capped ?? false };
    }),
  };
}

/** A Decimal wide enough that a quotient of days is exact to far past any rounding point. */
const Wide = Decimal.clone({ precision: 200 });

/** Rounds a wide value to `scale` places in `mode`, as text. */
function roundWide(x: Decimal | InstanceType<typeof Wide>, scale: number, mode: RoundingMode): string {
  const modes: Record<RoundingMode, number> = { "half-even": Decimal.ROUND_HALF_EVEN, "half-up": Decimal.ROUND_HALF_UP, "half-down": Decimal.ROUND_HALF_DOWN, up: Decimal.ROUND_UP, down: Decimal.ROUND_DOWN, ceil: Decimal.ROUND_CEIL, floor: Decimal.ROUND_FLOOR };
  return new Wide(x.toString()).toDecimalPlaces(scale, modes[mode] as Parameters<Decimal["toDecimalPlaces"]>[1]).toString();
}

/** The plan's calendar as prorateTarget's options. */
function calendarOf(p: Plan): { holidays?: readonly string[]; workdays?: readonly string[] } {
  return { ...(p.calendar?.holidays === undefined ? {} : { holidays: p.calendar.holidays }), ...(p.calendar?.workdays === undefined ? {} : { workdays: p.calendar.workdays }) };
}

/** Days from `start` to `end`, both inclusive, one by one: every day, or the working days (Monday–Friday and the plan's workdays, less its holidays). */
function countDays(p: Plan, basis: "calendar-days" | "business-days", start: string, end: string): number {
  const holidays = new Set(p.calendar?.holidays ?? []);
  const workdays = new Set(p.calendar?.workdays ?? []);
  let count = 0;
  for (let day = new Date(`${start}T00:00:00Z`); day.toISOString().slice(0, 10) <= end; day = new Date(day.getTime() + 86_400_000)) {
    const text = day.toISOString().slice(0, 10);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    if (basis === "calendar-days" || workdays.has(text) || (!weekend && !holidays.has(text))) count++;
  }
  return count;
}

function requireBasePay(person: RosterPerson): Decimal {
  if (person.basePay === null) {
    const path = ["rows", person.rowIndex, "basePay"];
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)}: person "${person.id}" has no base pay, which the plan's pay rules need`, { path });
  }
  return person.basePay;
}

function amountOf(amount: NonNullable<NonNullable<Plan["pay"]>["targetIncentive"]>["amount"], person: RosterPerson, path: (string | number)[]): Decimal {
  if (typeof amount === "object" && "column" in amount) return readCell(person.row, person.rowIndex, amount.column) ?? new Decimal(0);
  if (typeof amount === "object" && "shareOfBasePay" in amount) return requireBasePay(person).times(readDecimal(amount.shareOfBasePay, [...path, "shareOfBasePay"]));
  return readDecimal(amount, path);
}

// ─── KPIs ────────────────────────────────────────────────────────────────────────────────────

/** A list KPI's value for one person (issue 21). */
interface OracleListActual {
  readonly value: Decimal | null;
  readonly formula: string;
  readonly inputs: Record<string, string>;
}

/**
 * Issue 21, the list indicators, plainly: each person's events gathered in a list, then the
 * metric function called on that list. The rows are checked in the engine's order.
 */
function listActuals(p: Plan, d: PlanData, works: readonly Work[], places: RoundingPlaces): Map<string, OracleListActual>[] {
  const sources = p.kpis.map((kpi) => (isListSource(kpi.actual) ? kpi.actual : undefined));
  if (sources.every((source) => source === undefined)) return [];
  const scales = sources.map((source, k) => (source === undefined ? undefined : checkListSource(source, k, (p.kpis[k] as Kpi).direction)));
  sources.forEach((source, k) => {
    if (source !== undefined && d[source.from] === undefined) {
      throw new PayscoreError("INVALID_DATA", `${source.from}: KPI "${(p.kpis[k] as Kpi).id}" (${source.indicator}) reads the data's ${source.from}, but none were given (pass --${source.from} or name them in the plan's "inputs")`, { path: [source.from] });
    }
  });
  const roster = new Map(works.map((w, j) => [w.person.id, j]));
  const round = (x: Decimal): Decimal => roundDecimal(x, places.indicator, places.mode);
  const dealsOf = works.map((): OracleDeal[] => []);
  const scoresOf = works.map((): number[] => []);
  const activitiesOf = works.map((): D.Activity[] => []);
  const ticketsOf = works.map((): OracleTickets => ({ events: 0, resolved: [], ms: 0n }));
  const needs = { value: sources.some((s) => s?.indicator === "pipeline-value"), stage: sources.some((s) => s?.indicator === "stage-conversion"), cycle: sources.some((s) => s?.indicator === "cycle-days"), margin: sources.some((s) => s?.indicator === "margin") };
  if (sources.some((s) => s?.from === "deals")) {
    (d.deals ?? []).forEach((row, i) => {
      const deal = readDeal(row, i, roster, needs);
      sources.forEach((source, k) => {
        if (source?.indicator === "stage-conversion") stageIndex(source.stages, deal.stage as string, i, (p.kpis[k] as Kpi).id);
      });
      const closed = deal.days === undefined ? {} : { openedAt: row.openedAt as string, closedAt: row.closedAt as string };
      (dealsOf[deal.j] as object[]).push({ ...(deal.amount === undefined ? {} : { amount: deal.amount, probability: deal.probability }), ...(deal.stage === undefined ? {} : { stage: deal.stage }), ...closed, ...(deal.cost === undefined ? {} : { revenue: deal.amount, cost: deal.cost }) });
    });
  }
  if (sources.some((s) => s?.from === "activities")) {
    const compiled = new Map<number, CompiledActivityWeights>();
    sources.forEach((source, k) => {
      if (source?.indicator !== "weighted-visits") return;
      const read = (w: Readonly<Record<string, string | number>>): Map<string, Decimal> => new Map(Object.entries(w).map(([name, x]) => [name, readDecimal(x, [])]));
      compiled.set(k, { weights: source.weights, byType: read(source.weights.byType), byTier: source.weights.byTier === undefined ? undefined : read(source.weights.byTier), unit: new Map() });
    });
    (d.activities ?? []).forEach((row, i) => {
      const activity = readActivity(row, i, roster, p.period);
      for (const [k, weights] of compiled) activityWeight(weights, activity, i, (p.kpis[k] as Kpi).id);
      (activitiesOf[activity.j] as D.Activity[]).push({ type: activity.type, count: activity.count, ...(activity.tier === undefined ? {} : { tier: activity.tier }) });
    });
  }
  if (sources.some((s) => s?.from === "tickets")) {
    (d.tickets ?? []).forEach((row, i) => {
      const { j, ms } = readTicket(row, i, roster);
      const t = ticketsOf[j] as OracleTickets;
      t.events++;
      if (ms === undefined) return;
      t.resolved.push({ openedAt: row.openedAt, resolvedAt: row.resolvedAt as string });
      t.ms += BigInt(ms);
    });
  }
  if (sources.some((s) => s?.from === "responses")) {
    (d.responses ?? []).forEach((row, i) => {
      const { j, score } = readResponse(row, i, roster);
      sources.forEach((source, k) => {
        const scale = scales[k];
        if (source?.indicator === "csat" && scale !== undefined && (score < scale.min || score > scale.max)) throw offScale(i, score, scale.min, scale.max, (p.kpis[k] as Kpi).id);
      });
      (scoresOf[j] as number[]).push(score);
    });
  }
  return sources.map((source, k) => {
    const byPerson = new Map<string, OracleListActual>();
    if (source === undefined) return byPerson;
    works.forEach((w, j) => {
      const deals = dealsOf[j] as OracleDeal[];
      const scores = scoresOf[j] as number[];
      byPerson.set(w.person.id, oracleListValue(source, scales[k], { deals, scores, activities: activitiesOf[j] as D.Activity[], tickets: ticketsOf[j] as OracleTickets }, round));
    });
    return byPerson;
  });
}

interface OracleDeal {
  readonly amount?: Decimal;
  readonly probability?: Decimal;
  readonly stage?: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly revenue?: Decimal;
  readonly cost?: Decimal;
}

interface OracleTickets {
  events: number;
  readonly resolved: D.ResolvedComplaint[];
  ms: bigint;
}

function oracleListValue(
  source: ListSource,
  scale: { min: number; max: number; satisfiedAtLeast: number } | undefined,
  events: { readonly deals: readonly OracleDeal[]; readonly scores: readonly number[]; readonly activities: readonly D.Activity[]; readonly tickets: OracleTickets },
  round: (x: Decimal) => Decimal,
): OracleListActual {
  const { deals, scores } = events;
  if (source.indicator === "cycle-days") {
    const closed = deals.flatMap((deal) => (deal.closedAt === undefined ? [] : [{ openedAt: deal.openedAt as string, closedAt: deal.closedAt }]));
    const cycle = closed.length === 0 ? undefined : D.salesCycleDays(closed);
    const median = source.value === "median";
    const daysSum = str(closed.reduce((sum, deal) => sum.plus(D.salesCycleDays([deal]).mean), new Decimal(0)));
    return { value: cycle === undefined ? null : round(median ? cycle.median : cycle.mean), formula: median ? "median(days)" : "daysSum / closed", inputs: { from: "deals", events: String(deals.length), closed: String(closed.length), daysSum } };
  }
  if (source.indicator === "weighted-visits") {
    const weighted = D.weightedActivity(events.activities, source.weights);
    const tiers = source.weights.byTier !== undefined;
    return {
      value: round(weighted),
      formula: tiers ? "Σ count · byType[type] · byTier[tier]" : "Σ count · byType[type]",
      inputs: { from: "activities", events: String(events.activities.length), activities: String(events.activities.reduce((a, x) => a + (x.count ?? 1), 0)), weighted: str(weighted) },
    };
  }
  if (source.indicator === "resolution-hours") {
    const t = events.tickets;
    const mean = t.resolved.length === 0 ? null : round(D.meanResolutionHours(t.resolved));
    return { value: mean, formula: "hours / resolved", inputs: { from: "tickets", events: String(t.events), resolved: String(t.resolved.length), hours: str(new Decimal(t.ms.toString()).div(3_600_000)) } };
  }
  if (source.indicator === "pipeline-value") {
    const value = D.pipelineValue(deals.map((deal) => ({ amount: deal.amount as Decimal, probability: deal.probability as Decimal })));
    const weighted = source.value !== "total";
    return {
      value: round(weighted ? value.weighted : value.total),
      formula: weighted ? "Σ amount · probability" : "Σ amount",
      inputs: { from: "deals", events: String(deals.length), total: str(value.total), weighted: str(value.weighted) },
    };
  }
  if (source.indicator === "margin") {
    // The oracle: aggregateMargin over the costed deals themselves, one line each.
    const lines = deals.flatMap((deal) => (deal.cost === undefined ? [] : [{ revenue: deal.revenue as Decimal, cost: deal.cost }]));
    const revenue = lines.reduce((sum, line) => sum.plus(line.revenue), new Decimal(0));
    const cost = lines.reduce((sum, line) => sum.plus(line.cost), new Decimal(0));
    return {
      value: lines.length === 0 || revenue.isZero() ? null : round(D.aggregateMargin(lines)),
      formula: "(revenue - cost) / revenue",
      inputs: { from: "deals", events: String(deals.length), costed: String(lines.length), revenue: str(revenue), cost: str(cost) },
    };
  }
  if (source.indicator === "stage-conversion") {
    const from = source.stages.indexOf(source.fromStage);
    const to = source.stages.indexOf(source.toStage);
    const reachedFrom = deals.filter((deal) => source.stages.indexOf(deal.stage as string) >= from).length;
    const reachedTo = deals.filter((deal) => source.stages.indexOf(deal.stage as string) >= to).length;
    const rates = reachedFrom === 0 ? undefined : D.stageConversion([{ stage: source.fromStage, count: reachedFrom }, { stage: source.toStage, count: reachedTo }]);
    return {
      value: rates === undefined ? null : round((rates[0] as { rate: Decimal }).rate),
      formula: "reachedTo / reachedFrom",
      inputs: { from: "deals", events: String(deals.length), fromStage: source.fromStage, toStage: source.toStage, reachedFrom: String(reachedFrom), reachedTo: String(reachedTo) },
    };
  }
  const s = scale as { min: number; max: number; satisfiedAtLeast: number };
  const result = scores.length === 0 ? undefined : D.csat(scores, s);
  const satisfied = scores.filter((x) => x >= s.satisfiedAtLeast).length;
  const mean = source.value === "mean";
  return {
    value: result === undefined ? null : round(mean ? result.mean : result.satisfied),
    formula: mean ? "scoreSum / events" : "satisfied / events",
    inputs: { from: "responses", events: String(scores.length), satisfied: String(satisfied), scoreSum: String(scores.reduce((a, b) => a + b, 0)) },
  };
}

function scoreKpiLines(p: Plan, works: Work[], scale: number, places: RoundingPlaces, lists: readonly Map<string, OracleListActual>[]): void {
  const missing = p.score?.missing ?? "error";
  const decomposed = p.kpis.map((kpi, k) => decomposedTargets(kpi, k, works, scale));
  // Deeply frozen, so scoreRounded checks the KPIs (ids, weights, curves) once for the whole run.
  const frozen = frozenKpiSpecs(p);
  const options = { missing, attainmentScale: places.attainment, pointsScale: places.points, scoreScale: places.score, mode: places.mode };
  within(["kpis"], "KPIs", () => D.compileScorecard(frozen, { missing }));
  const scorecard = (specs: readonly D.KpiSpec[], values: Record<string, { actual: Decimal; target: Decimal }>): ReturnType<typeof D.scoreRounded> => D.scoreRounded(specs, values, options);
  // Every person's actuals and targets first, then every person's column difficulties, then the
  // scores: the order in which the engine meets a fault (its input stage, then its KPI stage).
  const measured = works.map((w) => {
    const values: Record<string, { actual: Decimal; target: Decimal }> = {};
    const shown = new Map<string, { actual: Decimal | null; target: Decimal | null }>();
    p.kpis.forEach((kpi, k) => {
      const actual = actualOf(kpi, w, missing, places, lists[k]);
      const target = targetOf(p, kpi, k, w, decomposed[k] ?? null, missing, scale);
      shown.set(kpi.id, { actual, target });
      w.actuals.set(kpi.id, actual);
      if (actual !== null && target !== null) values[kpi.id] = { actual, target };
    });
    return { values, shown };
  });
  // A difficulty from a data column: each person's coefficient in their own specs.
  const specsOf = works.map((w) =>
    frozen.map((spec, k) => {
      const kpi = p.kpis[k] as Kpi;
      const column = difficultyColumnOf(kpi);
      return column === undefined ? spec : { ...spec, difficulty: difficultyCellOf(kpi, column, w.person) };
    }),
  );
  for (const [i, w] of works.entries()) {
    const { person, tracer } = w;
    const specs = specsOf[i] as D.KpiSpec[];
    const { values, shown } = measured[i] as (typeof measured)[number];
    const result = within(["rows", person.rowIndex], `person "${person.id}", KPI score`, () => scorecard(specs, values));
    w.kpis = p.kpis.map((kpi) => {
      const line = result.lines.find((l) => l.id === kpi.id);
      const difficulty = line?.difficulty ?? new Decimal(1);
      const points = line?.points ?? new Decimal(0);
      const weight = line?.weight ?? new Decimal(0);
      const contribution = line?.contribution ?? new Decimal(0);
      const attainment = line?.attainment ?? null;
      w.attainments.set(kpi.id, attainment);
      const { actual, target } = shown.get(kpi.id) ?? { actual: null, target: null };
      tracer.add(
        `kpi.${kpi.id}.attainment`,
        kpi.direction === "lower"
          ? `lower is better: attainment per the KPI's lowerFormula (default max(0, 2 − actual / target)), clamped to [floor, cap], rounded to ${places.attainment} places`
          : `actual / target, clamped to [floor, cap], rounded to ${places.attainment} places`,
        () => ({
          actual: actual === null ? "missing" : str(actual),
          target: target === null ? "missing" : str(target),
          ...(kpi.cap === undefined ? {} : { cap: String(kpi.cap) }),
          ...(kpi.floor === undefined ? {} : { floor: String(kpi.floor) }),
        }),
        attainment === null ? "missing" : str(attainment),
      );
      const difficultyColumn = difficultyColumnOf(kpi);
      if (difficultyColumn !== undefined) tracer.add(`kpi.${kpi.id}.difficulty`, `column ${difficultyColumn}`, () => ({}), str(difficulty));
      tracer.add(
        `kpi.${kpi.id}.points`,
        `round(${kpi.curve === undefined ? (difficulty.eq(1) ? "100 × attainment" : "100 × attainment × difficulty") : difficulty.eq(1) ? "curve(attainment)" : "curve(attainment × difficulty)"}, ${places.points})`,
        () => ({
          attainment: attainment === null ? "missing" : str(attainment),
          ...(difficulty.eq(1) ? {} : { difficulty: str(difficulty) }),
          ...(kpi.curve === undefined ? {} : { curve: curveText(kpi.curve) }),
        }),
        str(points),
      );
      tracer.add(
        `kpi.${kpi.id}.contribution`,
        "weight × points",
        () => ({ weight: str(weight), points: str(points) }),
        str(contribution),
      );
      return {
        id: kpi.id,
        name: kpi.name ?? null,
        category: kpi.category ?? null,
        actual: actual === null ? null : str(actual),
        target: target === null ? null : str(target),
        attainment: attainment === null ? null : str(attainment),
        points: str(points),
        weight: str(weight),
        difficulty: str(difficulty),
        contribution: str(contribution),
      };
    });
    w.kpiScore = result.score;
    tracer.add("score.kpi", `round(Σ contribution, ${places.score})`, () => Object.fromEntries(w.kpis.map((line) => [line.id, line.contribution])), str(w.kpiScore));
  }
}

function curveText(curve: Curve): string {
  const points = curve.points.map((pt) => `(${String(pt.x)}, ${String(pt.y)})`).join(" ");
  const flags = [curve.step === true ? "step" : "", curve.below === undefined ? "" : `below=${curve.below}`, curve.above === undefined ? "" : `above=${curve.above}`].filter((f) => f !== "");
  return flags.length === 0 ? points : `${points} ${flags.join(" ")}`;
}

const INDICATORS: Readonly<Record<Exclude<Kpi["actual"], string | { column: string } | ListSource>["indicator"], D.MeasurableIndicator>> = {
  "collection-rate": "collectionRate",
  margin: "orderMargin",
  nps: "nps",
  growth: "growthRate",
  "market-share": "marketShare",
  "complaint-rate": "complaintRate",
};

function actualOf(kpi: Kpi, w: Work, missing: "error" | "zero" | "reweight", places: RoundingPlaces, list: Map<string, OracleListActual> | undefined): Decimal | null {
  const { person, tracer } = w;
  const source = kpi.actual;
  if (isListSource(source)) {
    const measured = list?.get(person.id) as OracleListActual;
    if (measured.value === null && missing === "error") throw noEvents(source, kpi.id, person.id);
    if (measured.value !== null) w.indicators.push({ kpi: kpi.id, indicator: source.indicator, inputs: { ...measured.inputs }, value: str(measured.value) });
    tracer.add(`kpi.${kpi.id}.actual`, `${source.indicator}: round(${measured.formula}, ${places.indicator})`, () => ({ ...measured.inputs }), measured.value === null ? "missing" : str(measured.value));
    return measured.value;
  }
  const cell = (column: string): Decimal | null => {
    const value = readCell(person.row, person.rowIndex, column);
    if (value === null && missing === "error") {
      const path = ["rows", person.rowIndex, column];
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" needs it (or set score.missing)`, { path });
    }
    return value;
  };
  if (typeof source === "string" || "column" in source) {
    const column = typeof source === "string" ? source : source.column;
    const value = cell(column);
    tracer.add(`kpi.${kpi.id}.actual`, `column ${column}`, () => ({ [column]: value === null ? "empty" : str(value) }), value === null ? "missing" : str(value));
    return value;
  }
  const columns = Object.entries(source).filter(([key]) => key !== "indicator") as [string, string][];
  const inputs: Record<string, Decimal> = {};
  for (const [key, column] of columns) {
    const value = cell(column);
    if (value === null) return null;
    inputs[key] = value;
  }
  const indicator = INDICATORS[source.indicator];
  let measured: ReturnType<typeof D.measure>;
  try {
    measured = D.measure(indicator, inputs);
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    // The metric names its input (["inputs", "billed"]); point at that column of this row.
    const key = error.path[0] === "inputs" && typeof error.path[1] === "string" ? error.path[1] : undefined;
    const column = columns.find(([name]) => name === key)?.[1] ?? columns[columns.length - 1]?.[1] ?? "id";
    const at = ["rows", person.rowIndex, column];
    const code = error.code === "INVALID_ARGUMENT" || error.code === "OUT_OF_RANGE" || error.code === "INVALID_NUMBER" ? "INVALID_DATA" : error.code;
    throw new PayscoreError(code, `${formatPath(at)}: person "${person.id}", KPI "${kpi.id}" (${source.indicator}): ${error.message}`, { path: at, cause: error });
  }
  const value = roundDecimal(measured.value, places.indicator, places.mode);
  w.indicators.push({ kpi: kpi.id, indicator: source.indicator, inputs: measured.inputs, value: str(value) });
  tracer.add(`kpi.${kpi.id}.actual`, `${source.indicator}: round(${measured.formula}, ${places.indicator})`, () => ({ ...measured.inputs }), str(value));
  return value;
}

function decomposedTargets(kpi: Kpi, k: number, works: readonly Work[], scale: number): Map<string, Decimal> | null {
  const target = kpi.target;
  if (typeof target !== "object" || !("total" in target)) return null;
  const total = readDecimal(target.total, ["kpis", k, "target", "total"]);
  const weightColumn = target.weightColumn;
  const parts = works.map((w) => {
    let weight = new Decimal(1);
    if (weightColumn !== undefined) {
      const value = readCell(w.person.row, w.person.rowIndex, weightColumn);
      if (value === null) {
        const path = ["rows", w.person.rowIndex, weightColumn];
        throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" splits its total by it`, { path });
      }
      weight = value;
    }
    return { key: w.person.id, weight };
  });
  if (parts.length === 0) return new Map();
  const split = within(["kpis", k, "target"], `KPI "${kpi.id}" target decomposition`, () => D.decomposeTarget(total, parts, { scale }));
  return new Map(split.map((part) => [part.key, part.amount]));
}

function targetOf(p: Plan, kpi: Kpi, k: number, w: Work, decomposed: Map<string, Decimal> | null, missing: "error" | "zero" | "reweight", scale: number): Decimal | null {
  const { person, tracer } = w;
  const target = kpi.target;
  let value: Decimal | null;
  let source: string;
  if (decomposed !== null) {
    value = decomposed.get(person.id) ?? null;
    source = "decomposeTarget(total, weights) — this person's share";
  } else if (typeof target === "object" && "column" in target) {
    value = readCell(person.row, person.rowIndex, target.column);
    if (value === null && missing === "error") {
      const path = ["rows", person.rowIndex, target.column];
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" needs its target`, { path });
    }
    source = `column ${target.column}`;
  } else if (typeof target === "object" && "perPerson" in target) {
    const given = target.perPerson[person.id];
    if (given === undefined) {
      const path = ["kpis", k, "target", "perPerson"];
      throw new PayscoreError("INVALID_PLAN", `${formatPath(path)} has no target for person "${person.id}"`, { path });
    }
    value = readDecimal(given, [...path(k), person.id]);
    source = "plan, per person";
  } else {
    value = readDecimal(target as string | number, ["kpis", k, "target"]);
    source = "plan";
  }
  if (value !== null && kpi.prorate !== undefined && person.partial) {
    const full = value;
    const basis = kpi.prorate;
    value = within(["kpis", k, "prorate"], `person "${person.id}", KPI "${kpi.id}" proration`, () =>
      D.prorateTarget(full, p.period, { from: person.activeFrom, to: person.activeTo }, { basis, scale, ...calendarOf(p) }),
    );
    const prorated = value;
    tracer.add(
      `kpi.${kpi.id}.target`,
      `round(target × active ${basis} / period ${basis})`,
      () => ({ target: str(full), source, activeFrom: person.activeFrom, activeTo: person.activeTo, periodStart: p.period.start, periodEnd: p.period.end }),
      str(prorated),
    );
    return value;
  }
  const shown = value;
  tracer.add(`kpi.${kpi.id}.target`, source, () => ({}), shown === null ? "missing" : str(shown));
  // Issue 20: a ramp from the start date as the plan or the row gives it (unclipped); none without one.
  const ramp = kpi.ramp;
  const entry = p.people?.find((x) => x.id === person.id);
  const cell = person.row["activeFrom"];
  const start = p.people !== undefined ? (entry?.activeFrom ?? null) : typeof cell === "string" && cell.trim() !== "" ? cell.trim() : null;
  if (ramp === undefined || value === null || start === null) return value;
  const full = value;
  const r = within(["kpis", k, "ramp"], `person "${person.id}", KPI "${kpi.id}" ramp`, () => D.rampTarget(full, ramp.schedule, start, p.period, { scale, rounding: p.rounding?.mode ?? "half-even" }));
  tracer.add(
    `kpi.${kpi.id}.ramp`,
    "round(target × the mean ramp factor of the months of tenure in the period)",
    () => ({ target: str(full), start, tenureMonths: r.months.map((m) => String(m.tenureMonth)).join(", "), schedule: ramp.schedule.map(String).join(", "), factor: str(r.factor) }),
    str(r.target),
  );
  return r.target;
}

function path(k: number): (string | number)[] {
  return ["kpis", k, "target", "perPerson"];
}

// ─── 360, score, rank, grade ─────────────────────────────────────────────────────────────────

function scoreReview360(p: Plan, works: Work[], ratings: readonly { person: string; rater: string; group: string; score: string | number; competency?: string | undefined }[], places: RoundingPlaces): void {
  const setup = p.review360;
  if (setup === undefined) return;
  const byPerson = new Map<string, { rater: string; group: string; score: Decimal; competency?: string }[]>();
  const indexOf = new Map<string, number[]>();
  const known = new Set(works.map((w) => w.person.id));
  ratings.forEach((rating, i) => {
    if (!known.has(rating.person)) {
      const at = ["ratings", i, "person"];
      throw new PayscoreError("INVALID_DATA", `${formatPath(at)}: no person "${rating.person}" in this run`, { path: at });
    }
    let score: Decimal;
    try {
      score = readDecimal(rating.score, ["ratings", i, "score"]);
    } catch (error) {
      const at = ["ratings", i, "score"];
      throw new PayscoreError("INVALID_DATA", `${formatPath(at)} must be a plain decimal number; got ${describeValue(rating.score)}`, { path: at, cause: error });
    }
    const list = byPerson.get(rating.person) ?? [];
    list.push({ rater: rating.rater, group: rating.group, score, ...(rating.competency === undefined ? {} : { competency: rating.competency }) });
    byPerson.set(rating.person, list);
    indexOf.set(rating.person, [...(indexOf.get(rating.person) ?? []), i]);
  });
  // Leniency calibration: every rating of the run through calibrate360, then aggregated as usual.
  const applied = setup.calibration === undefined ? undefined : appliedCalibration(setup, ratings);
  if (setup.calibration !== undefined) {
    const calibrated = calibrated360(ratings.map((r) => ({ rater: r.rater, group: r.group, score: r.score })), setup);
    const seen = new Map<string, number>();
    ratings.forEach((rating, i) => {
      const k = seen.get(rating.person) ?? 0;
      seen.set(rating.person, k + 1);
      const own = byPerson.get(rating.person)?.[k];
      if (own !== undefined) own.score = (calibrated[i] as { score: Decimal }).score;
    });
  }
  const competencies = competencyList(setup, ratings.flatMap((r) => (r.competency === undefined ? [] : [r.competency])));
  const options = {
    weights: setup.weights,
    ...(setup.minRaters === undefined ? {} : { minRaters: setup.minRaters }),
    ...(setup.competencyWeights === undefined ? {} : { competencyWeights: setup.competencyWeights }),
    ...(setup.scale === undefined ? {} : { scale: setup.scale }),
  };
  for (const w of works) {
    const mine = byPerson.get(w.person.id) ?? [];
    if (applied !== undefined) {
      w.tracer.add(
        "review360.calibration",
        "each rater's scores + strength × (center − that rater's mean over the run), clamped to the scale",
        () => ({ center: applied.center, strength: applied.strength, minRatings: String(applied.minRatings) }),
        applied.center,
      );
    }
    let result: ReturnType<typeof D.aggregate360>;
    try {
      result = D.aggregate360(mine, options);
    } catch (error) {
      if (!(error instanceof PayscoreError)) throw error;
      // A fault in one rating points at that rating in data.ratings (the CLI maps it to a file row).
      const [head, local, ...rest] = error.path;
      const global = head === "ratings" && typeof local === "number" ? indexOf.get(w.person.id)?.[local] : undefined;
      const at = global === undefined ? ["ratings"] : ["ratings", global, ...rest];
      const code = global === undefined ? error.code : "INVALID_DATA";
      throw new PayscoreError(code, `${formatPath(at)}: person "${w.person.id}", 360 review: ${error.message}`, { path: at, cause: error });
    }
    const scaleRange = setup.scale;
    const score = result.score;
    const unrounded = score === null ? null : scaleRange === undefined ? score : within(["review360", "scale"], `person "${w.person.id}", 360 rescale`, () => D.rescale(score, scaleRange, { min: 0, max: 100 }));
    const points = unrounded === null ? null : roundDecimal(unrounded, places.points, places.mode);
    w.review360 = {
      score: score === null ? null : str(score),
      points: points === null ? null : str(points),
      groups: result.groups.map((g) => ({
        group: g.group,
        raters: g.raters,
        mean: g.mean === null ? null : str(g.mean),
        weight: str(g.weight),
        included: g.included,
        ...(g.reason === undefined ? {} : { reason: g.reason }),
      })),
    };
    w.tracer.add(
      "score.review360",
      scaleRange === undefined
        ? `round(Σ groupWeight × groupMean, ${places.points}) (groups below minRaters left out, weights rescaled)`
        : `round(rescale(Σ groupWeight × groupMean, scale → 0–100), ${places.points})`,
      () => Object.fromEntries(result.groups.map((g) => [g.group, g.included && g.mean !== null ? `${str(g.mean)} × ${str(g.weight)}` : `excluded (${g.reason ?? "weight 0"})`])),
      points === null ? "none" : str(points),
    );
    if (competencies !== undefined) {
      const lines = competencies.map((competency) => {
        const of = mine.filter((r) => r.competency === competency).map((r) => ({ rater: r.rater, group: r.group, score: r.score }));
        const r = D.aggregate360(of, { weights: setup.weights, ...(setup.minRaters === undefined ? {} : { minRaters: setup.minRaters }) });
        const s = r.score;
        const onScale = s === null ? null : scaleRange === undefined ? s : D.rescale(s, scaleRange, { min: 0, max: 100 });
        const pts = onScale === null ? null : roundDecimal(onScale, places.points, places.mode);
        return { competency, score: s === null ? null : str(s), points: pts === null ? null : str(pts) };
      });
      w.tracer.add(
        "review360.competencies",
        `per competency: round(rescale(Σ groupWeight × groupMean of its ratings), ${places.points})`,
        () => Object.fromEntries(lines.map((line) => [line.competency, line.points ?? "none"])),
        lines.map((line) => `${line.competency} ${line.points ?? "none"}`).join(", "),
      );
      const needs = setup.trainingNeeds;
      let trainingNeeds: string[] | undefined;
      if (needs !== undefined) {
        // Scored competencies below the threshold (all, without one), weakest first, ties in competency order; the first `weakest`.
        const scored = lines.filter((line) => line.points !== null && (needs.below === undefined || new Decimal(line.points).lt(String(needs.below))));
        const weakestFirst = scored.map((line, i) => ({ line, i })).sort((a, b) => new Decimal(a.line.points as string).comparedTo(b.line.points as string) || a.i - b.i);
        trainingNeeds = weakestFirst.map((x) => x.line.competency).slice(0, needs.weakest ?? Infinity);
        const below = needs.below;
        const weakest = needs.weakest;
        w.tracer.add(
          "review360.trainingNeeds",
          below !== undefined && weakest !== undefined ? "the weakest competencies below the threshold" : below !== undefined ? "competencies below the threshold" : "the weakest competencies",
          () => ({ ...(below === undefined ? {} : { below: new Decimal(String(below)).toString() }), ...(weakest === undefined ? {} : { weakest: String(weakest) }) }),
          trainingNeeds.length === 0 ? "none" : trainingNeeds.join(", "),
        );
      }
      w.review360 = { ...w.review360, competencies: lines, ...(trainingNeeds === undefined ? {} : { trainingNeeds }) };
    }
  }
}

function composeScores(p: Plan, works: Work[], places: RoundingPlaces): void {
  const kpiWeight = p.score?.kpi;
  const reviewWeight = p.score?.review360;
  for (const w of works) {
    const points = w.review360?.points ?? null;
    if (reviewWeight === undefined || kpiWeight === undefined || points === null) {
      w.score = w.kpiScore;
      w.tracer.add("score", reviewWeight === undefined ? "KPI score" : "KPI score (no usable 360 score)", () => ({ kpi: str(w.kpiScore) }), str(w.score));
      continue;
    }
    const combined = within(["score"], `person "${w.person.id}", composite score`, () =>
      D.combineScores([
        { id: "kpi", score: w.kpiScore, weight: kpiWeight },
        { id: "review360", score: points, weight: reviewWeight },
      ]),
    );
    w.score = roundDecimal(combined, places.score, places.mode);
    w.tracer.add(
      "score",
      `round(kpiWeight × kpiScore + review360Weight × review360Score, ${places.score})`,
      () => ({ kpiScore: str(w.kpiScore), kpiWeight: String(kpiWeight), review360Score: points, review360Weight: String(reviewWeight) }),
      str(w.score),
    );
  }
}

/** Standard competition ranking by score, best first (1, 2, 2, 4). */
function rankByScore(works: Work[]): void {
  const order = [...works].sort((a, b) => b.score.comparedTo(a.score));
  order.forEach((w, i) => {
    const previous = order[i - 1];
    w.rank = previous !== undefined && previous.score.eq(w.score) ? previous.rank : i + 1;
  });
}

function gradeEveryone(p: Plan, works: Work[], workById: Map<string, Work>): void {
  const grading = p.grading;
  if (grading === undefined) return;
  let assignments: { id: string; grade: string }[];
  if (grading.method === "bands") {
    assignments = works.map((w) => ({
      id: w.person.id,
      grade: within(["grading", "bands"], `person "${w.person.id}", grade`, () => D.gradeByScore(w.score, grading.bands)),
    }));
  } else {
    // Per team or role: each group's people on their own quotas (people without one are one group).
    const per = grading.per ?? "all";
    const groupOf = (w: Work): string => (per === "all" ? "" : ((per === "team" ? w.person.team : w.person.role) ?? ""));
    assignments = [];
    for (const group of new Set(works.map(groupOf))) {
      const entries = works.filter((w) => groupOf(w) === group).map((w) => ({ id: w.person.id, score: w.score }));
      assignments.push(...within(["grading", "quotas"], "forced distribution", () => D.forcedDistribution(entries, grading.quotas, { ties: grading.ties ?? "share-grade" })).map((a) => ({ id: a.id, grade: a.grade })));
    }
  }
  const initial = new Map(assignments.map((a) => [a.id, a.grade]));
  const decisions = new Map<string, NonNullable<typeof grading.overrides>[number]>();
  const overrides = grading.overrides ?? [];
  if (overrides.length > 0) {
    overrides.forEach((o, i) => {
      if (!workById.has(o.person)) {
        const at = ["grading", "overrides", i, "person"];
        throw new PayscoreError("INVALID_PLAN", `${formatPath(at)}: no person "${o.person}" in this run`, { path: at });
      }
      decisions.set(o.person, o);
    });
    const grades = grading.method === "bands" ? grading.bands.map((b) => b.grade) : grading.quotas.map((q) => q.grade);
    const result = within(["grading", "overrides"], "calibration", () =>
      D.applyOverrides(
        assignments,
        overrides.map((o) => ({ id: o.person, grade: o.grade, reason: o.reason, by: o.by, ...(o.at === undefined ? {} : { at: o.at }) })),
        { grades },
      ),
    );
    assignments = result.assignments;
  }
  for (const a of assignments) {
    const w = workById.get(a.id);
    if (w === undefined) continue;
    const first = initial.get(a.id) ?? a.grade;
    const decision = decisions.get(a.id);
    const grade = decision === undefined ? { initial: first, final: a.grade, reason: null } : { initial: first, final: a.grade, reason: decision.reason, by: decision.by, at: decision.at ?? null };
    w.grade = grade;
    w.tracer.add(
      "grade",
      grading.method === "bands" ? "the band with the greatest min ≤ score" : "forced distribution by rank",
      () => ({
        score: str(w.score),
        rank: String(w.rank),
        ...(grading.method === "forced" && (grading.per ?? "all") !== "all" ? { gradingGroup: ((grading.per === "team" ? w.person.team : w.person.role) ?? "") } : {}),
        ...(decision === undefined ? {} : { calibratedFrom: first, reason: decision.reason, by: decision.by, ...(decision.at === undefined ? {} : { at: decision.at }) }),
      }),
      a.grade,
    );
  }
}

type Commission = NonNullable<NonNullable<Plan["pay"]>["commission"]>;

/**
 * Commission on collections, one person at a time: the transactions are checked as the engine
 * checks them (all of them, for the same errors), then each person's commission is
 * `round(tieredCommission(Σ their release bases))` over only the invoices that credit them, and
 * their clawback the sum of their clawback lines.
 */
function payCollections(
  p: Plan,
  c: Commission,
  transactions: PlanData["transactions"],
  works: readonly Work[],
  scale: number,
  mode: RoundingMode,
  money: (x: Decimal) => Decimal,
  cash: (x: Decimal) => string,
): void {
  const roster = new Set(works.map((w) => w.person.id));
  collectionsResult(p, c, transactions, roster, scale, mode);
  const read = readTransactions(transactions ?? [], roster);
  const options = "collections" in c.base ? c.base.collections : {};
  const tiersText = c.tiers.map((t) => `${String(t.from)}@${String(t.rate)}`).join(", ");
  const lines = works.map((w) => {
    const id = w.person.id;
    const mine = read.invoices.filter((invoice) => invoice.reps.some((rep) => rep.id === id));
    const result = D.commissionOnCollections(mine, {
      period: p.period,
      tiers: c.tiers,
      mode: c.mode ?? "marginal",
      scale,
      rounding: mode,
      ...(options.release === undefined ? {} : { release: options.release }),
      ...(options.clawbackWindowDays === undefined ? {} : { clawbackWindowDays: options.clawbackWindowDays }),
      ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
    });
    const own = result.lines.filter((line) => line.rep === id);
    const credited = own.filter((line) => line.kind === "release").reduce((s, line) => s.plus(line.base), new Decimal(0));
    const commission = money(D.tieredCommission(credited, c.tiers, { mode: c.mode ?? "marginal" }));
    const clawback = own.filter((line) => line.kind === "clawback").reduce((s, line) => s.plus(line.commission), new Decimal(0));
    w.tracer.add("pay.commission", `round(tieredCommission(base, tiers, ${c.mode ?? "marginal"}))`, () => ({ base: str(credited), tiers: tiersText }), cash(commission));
    w.pay.push({ component: "commission", id: "commission", amount: commission });
    w.pay.push({ component: "commission", id: "clawback", amount: clawback });
    return { own, forgiven: result.forgiven.filter((line) => line.rep === id) };
  });
  // The engine traces every person's tiered step first, then the lines: the same per person.
  works.forEach((w, j) => {
    const { own, forgiven } = lines[j] as (typeof lines)[number];
    for (const line of own) traceLine(w.tracer, line, cash);
    for (const line of forgiven) traceForgiven(w.tracer, line, cash);
  });
}

/** The draw against each person's commission lines (all of them so far), by `applyDraw`. */
function payDraw(draw: NonNullable<NonNullable<Plan["pay"]>["draw"]>, works: readonly Work[], scale: number, cash: (x: Decimal) => string): void {
  for (const w of works) {
    const { person } = w;
    const earned = w.pay.filter((line) => line.component === "commission").reduce((s, line) => s.plus(line.amount), new Decimal(0));
    const amount = typeof draw.amount === "object" ? (readCell(person.row, person.rowIndex, draw.amount.column) ?? new Decimal(0)) : readDecimal(draw.amount, ["pay", "draw", "amount"]);
    const balance = draw.balance === undefined ? new Decimal(0) : (readCell(person.row, person.rowIndex, draw.balance.column) ?? new Decimal(0));
    const r = within(["rows", person.rowIndex], `person "${person.id}", draw`, () =>
      D.applyDraw(earned, amount, balance, { type: draw.type, scale, ...(draw.recoveryShare === undefined ? {} : { recoveryShare: draw.recoveryShare }) }),
    );
    w.tracer.add(
      "pay.draw",
      `applyDraw(earned, draw, balance, ${draw.type})`,
      () => ({ earned: cash(r.earned), draw: cash(r.draw), openingBalance: cash(r.openingBalance), advance: cash(r.advance), recovery: cash(r.recovery), balance: cash(r.balance) }),
      cash(r.pay),
    );
    w.pay.push({ component: "commission", id: "draw", amount: r.advance });
    if (draw.type === "recoverable") w.pay.push({ component: "commission", id: "drawRecovery", amount: r.recovery.isZero() ? r.recovery : r.recovery.negated() });
  }
}

/** The year-to-date true-up of each person's commission lines so far, by `trueUp`. */
function payTrueUp(
  onNegative: "clawback" | "carry-forward" | "forgive",
  paidToDate: PlanData["paidToDate"],
  forgivenToDate: PlanData["forgivenToDate"],
  works: readonly Work[],
  scale: number,
  cash: (x: Decimal) => string,
): void {
  if (paidToDate === undefined) {
    throw new PayscoreError(
      "INVALID_DATA",
      "paidToDate: the plan has a true-up (pay.trueUp) but the data says nothing of what was paid to date; give data.paidToDate ({ id: amount }; {} when nothing was paid), or payscore run --paid <earlier-run.json>",
      { path: ["paidToDate"] },
    );
  }
  const amount = (table: PlanData["paidToDate"], name: string, id: string): Decimal => {
    if (table === undefined || !Object.hasOwn(table, id)) return new Decimal(0);
    const path = [name, id];
    try {
      return readDecimal(table[id], path);
    } catch (error) {
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)} must be a plain decimal number such as "1200.50"; got ${JSON.stringify(table[id])}`, { path, cause: error });
    }
  };
  for (const w of works) {
    const id = w.person.id;
    const earned = w.pay.filter((line) => line.component === "commission").reduce((s, line) => s.plus(line.amount), new Decimal(0));
    const paid = amount(paidToDate, "paidToDate", id);
    const forgiven = amount(forgivenToDate, "forgivenToDate", id);
    const r = within(["paidToDate", id], `person "${id}", true-up`, () => D.trueUp(earned, paid, { onNegative, forgivenToDate: forgiven, scale }));
    w.tracer.add(
      "pay.trueUp",
      `trueUp(earnedToDate, paidToDate, ${onNegative})`,
      () => ({ earnedToDate: cash(r.earnedToDate), paidToDate: cash(r.paidToDate), forgivenToDate: cash(r.forgivenToDate), difference: cash(r.difference), carried: cash(r.carried), forgiven: cash(r.forgiven) }),
      cash(r.pay),
    );
    w.pay.push({ component: "commission", id: "paidToDate", amount: r.paidToDate.isZero() ? r.paidToDate : r.paidToDate.negated() });
    if (onNegative === "forgive" || forgivenToDate !== undefined) w.pay.push({ component: "commission", id: "forgivenToDate", amount: r.forgivenToDate });
    if (onNegative === "carry-forward") w.pay.push({ component: "commission", id: "trueUpCarried", amount: r.carried });
    if (onNegative === "forgive") w.pay.push({ component: "commission", id: "trueUpForgiven", amount: r.forgiven });
  }
}
