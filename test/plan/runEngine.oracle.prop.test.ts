import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlan, runPlan, runPlanLazy, type Plan, type PlanData, type TransactionRow, type DealRow, type ResponseRow, type ActivityRow, type TicketRow } from "../../src/plan/index.js";
import { runPerPerson } from "./oracle/perPersonRun.js";
import { outcome } from "./helpers.js";

// The one engine against the oracle (a plain per-person run in test/plan/oracle) on random plans
// that use every plan feature at once — a roster in the plan or in data columns, derived
// indicators, per-person, column, decomposed and prorated targets, 360 with anonymity and
// competencies, composite scores, forced and banded grading with overrides, fixed pay, target
// incentive, commission, team and funded pools with caps, awards and promotion over history —
// with traces and without: the runs must be byte-identical, or fail with the same code.

const money = fc.integer({ min: 0, max: 200000 }).map(String);
const ids = ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11"];
const curve = fc.constantFrom(
  { points: [{ x: "0.6", y: 0 }, { x: 1, y: 100 }, { x: "1.5", y: 130 }], below: "zero" },
  { points: [{ x: 0, y: 0 }, { x: "0.8", y: 60 }, { x: 1, y: 100 }, { x: "1.2", y: 120 }] },
  { points: [{ x: "0.9", y: 50 }, { x: 1, y: 100 }], step: true },
);
const payCurve = fc.constantFrom({ points: [{ x: "0.5", y: 0 }, { x: 1, y: 1 }, { x: "1.3", y: "1.5" }], below: "zero" }, { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] });

interface Setup {
  readonly people: number;
  readonly rosterInPlan: boolean;
  readonly seed: number;
}

const setupArb = fc.record({ people: fc.integer({ min: 1, max: 11 }), rosterInPlan: fc.boolean(), seed: fc.integer({ min: 0, max: 1_000_000 }) });

function kpisArb(setup: Setup): fc.Arbitrary<unknown[]> {
  const who = ids.slice(0, setup.people);
  const revenue = fc.record({
    target: fc.oneof(
      money.map((t) => String(Number(t) + 1)),
      fc.constant({ column: "revenueTarget" }),
      fc.constant({ total: String(100000 * setup.people), weightColumn: "territoryWeight" }),
      fc.constant({ total: "123456.78" }),
      fc.constant({ perPerson: Object.fromEntries(who.map((id, i) => [id, 50000 + i * 1234])) }),
    ),
    prorate: fc.constantFrom(undefined, "calendar-days", "business-days"),
    curve: fc.option(curve, { nil: undefined }),
    cap: fc.constantFrom(undefined, "1.5", "1.2"),
  });
  // A constant difficulty, or one per person or territory from a data column (issue 21, point 7).
  const difficulty = fc.constantFrom<unknown>("1.1", { column: "territoryDifficulty" }, undefined);
  // Issue 21, point 6: now and then the visits KPI reads a list indicator instead of its column.
  const list = fc.constantFrom<unknown>(
    undefined,
    { indicator: "pipeline-value", from: "deals" },
    { indicator: "pipeline-value", from: "deals", value: "total" },
    { indicator: "stage-conversion", from: "deals", stages: ["lead", "quote", "won"], fromStage: "lead", toStage: "won" },
    { indicator: "stage-conversion", from: "deals", stages: ["lead", "quote", "won"], fromStage: "quote", toStage: "won" },
    { indicator: "csat", from: "responses" },
    { indicator: "csat", from: "responses", value: "mean", min: 0, max: 10, satisfiedAtLeast: 9 },
    { indicator: "cycle-days", from: "deals" },
    { indicator: "cycle-days", from: "deals", value: "median" },
    { indicator: "weighted-visits", from: "activities", weights: { byType: { visit: 3, demo: "2.5", call: 1 }, byTier: { key: 2, A: "1.5", B: 1 } } },
    { indicator: "weighted-visits", from: "activities", weights: { byType: { visit: 1, demo: 0, call: "0.25" } } },
    { indicator: "resolution-hours", from: "tickets" },
    { indicator: "margin", from: "deals" },
  );
  return fc.tuple(fc.tuple(revenue, fc.boolean(), fc.boolean(), fc.constantFrom("0.4", "0.5", "0.3"), difficulty, fc.boolean(), fc.constantFrom(undefined, ["0.25", "0.5", "0.75"], ["0.5"])), list).map(([[r, withMargin, withNps, w, visitsDifficulty, revenueDifficulty, ramp], listSource]) => {
    const kpis: unknown[] = [
      { id: "revenue", name: "Revenue 销售额", category: "result", weight: w, actual: "revenue", target: r.target, ...(revenueDifficulty ? { difficulty: { column: "revenueDifficulty" } } : {}), ...(r.prorate === undefined ? {} : { prorate: r.prorate }), ...(r.curve === undefined ? {} : { curve: r.curve }), ...(r.cap === undefined ? {} : { cap: r.cap }) },
      { id: "collection", weight: "0.2", actual: { indicator: "collection-rate", collected: "collected", billed: "billed" }, target: "0.95", cap: "1.1" },
      { id: "complaints", weight: "0.1", direction: "lower", lowerFormula: "reflect", actual: { indicator: "complaint-rate", complaints: "complaints", interactions: "interactions" }, target: "0.02", floor: "0", cap: "1.2" },
      // Issue 20: now and then a ramped target, by months of tenure from activeFrom.
      { id: "visits", weight: "0.1", actual: listSource ?? { column: "visits" }, ...(lowerIsBetter(listSource) ? { direction: "lower" } : {}), target: { column: "visitsTarget" }, cap: "1.2", ...(visitsDifficulty === undefined ? {} : { difficulty: visitsDifficulty }), ...(ramp === undefined ? {} : { ramp: { schedule: ramp } }) },
    ];
    const rest = 1 - Number(w) - 0.4;
    if (withMargin) kpis.push({ id: "margin", weight: withNps ? String(rest / 2) : String(rest), actual: { indicator: "margin", revenue: "revenue", cost: "cost" }, target: "0.3", cap: "1.2" });
    if (withNps || !withMargin) kpis.push({ id: "nps", weight: withMargin ? String(rest / 2) : String(rest), actual: { indicator: "nps", promoters: "promoters", passives: "passives", detractors: "detractors" }, target: "40", cap: "1.2" });
    return kpis;
  });
}

/** Issue 21: cycle days and resolution hours are lower-is-better, and a plan must say so. */
function lowerIsBetter(source: unknown): boolean {
  const indicator = typeof source === "object" && source !== null && "indicator" in source ? source.indicator : undefined;
  return indicator === "cycle-days" || indicator === "resolution-hours";
}

function planArb(setup: Setup): fc.Arbitrary<Plan> {
  const who = ids.slice(0, setup.people);
  const grading = fc.oneof(
    fc.record({
      method: fc.constant("forced"),
      quotas: fc.constant([{ grade: "A", share: "0.2" }, { grade: "B", share: "0.7" }, { grade: "C", share: "0.1" }]),
      ties: fc.constantFrom("share-grade", "by-order"),
      per: fc.constantFrom(undefined, "all", "team", "role"),
      overrides: fc.constantFrom([], [{ person: who[0] as string, grade: "B", reason: "moved territory", by: "committee" }], [{ person: who[0] as string, grade: "C", reason: "audit finding", by: "HR", at: "2026-04-03T10:30:00+08:00" }]),
    }),
    fc.record({ method: fc.constant("bands"), bands: fc.constant([{ grade: "A", min: 110 }, { grade: "B", min: 80 }, { grade: "C", min: -1000 }]) }),
  );
  const pay = fc.record(
    {
      fixed: fc.constant({ share: "0.7" }),
      targetIncentive: fc.record({ amount: fc.constantFrom({ shareOfBasePay: "0.3" }, "8000", { column: "bonusTarget" }), measure: fc.constantFrom("score", { kpi: "revenue" }), curve: payCurve }),
      gradeMultipliers: fc.constant({ A: "1.2", B: "1", C: "0.6" }),
      commission: fc.record({
        base: fc.constantFrom(
          { kpi: "revenue" },
          { column: "revenue" },
          // Issue 20: commission on collections from the transactions.
          { collections: {} },
          { collections: { release: "full-payment", clawbackWindowDays: 40 } },
          { collections: { tolerance: "0.01" } },
        ),
        tiers: fc.constant([{ from: "0", rate: "0.005" }, { from: "100000", rate: "0.01" }]),
        mode: fc.constantFrom("marginal", "retroactive"),
      }),
      // Issue 20: a draw against the commission (kept only when the plan has a commission).
      draw: fc.record(
        { type: fc.constantFrom("recoverable", "non-recoverable"), amount: fc.constantFrom("3000", { column: "draw" }), balance: fc.constant({ column: "drawBalance" }), recoveryShare: fc.constant("0.5") },
        { requiredKeys: ["type", "amount"] },
      ),
      // Issue 20: a year-to-date true-up (kept only when the plan has a commission).
      trueUp: fc.record({ onNegative: fc.constantFrom("clawback", "carry-forward", "forgive") }),
      pools: fc.constantFrom(
        [],
        [{ id: "bonus", budget: "120000.05" }],
        [
          { id: "regional", budget: "120000", funding: { measure: { kpi: "revenue" }, curve: { points: [{ x: "0.8", y: "0" }, { x: "1", y: "1" }, { x: "1.2", y: "1.25" }], below: "zero" } }, weightBy: "basePay-score", cap: { multipleOfBasePay: "0.25" } },
          { id: "west", team: "West", budget: "18000", weightBy: "score", cap: "5000" },
        ],
        [{ id: "equal", budget: "999.99", weightBy: "equal", funding: { measure: "score", curve: { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] } } }],
        // Issue 21, point 4: two-level pools, to the teams by team score, then to the members.
        [
          { id: "teams", budget: "50000", byTeam: { weightBy: "score-headcount" }, cap: "9000" },
          { id: "teams2", budget: "777.77", byTeam: {}, weightBy: "equal", funding: { measure: { kpi: "revenue" }, curve: { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] } } },
        ],
        // Issue 21, point 3: pools per role and per team, by headcount, then by weight in each group.
        [
          { id: "roles", budget: "1000.01", per: "role" },
          { id: "byTeam", budget: "5000", per: "team", cap: "700", weightBy: "basePay-score", funding: { measure: { kpi: "revenue" }, curve: { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] } } },
          { id: "eastRoles", budget: "333.33", team: "East", per: "role", weightBy: "equal" },
        ],
      ),
      awards: fc.constantFrom([], [{ id: "new-logo", name: "Biggest new customer", amount: "5000", people: [who[who.length - 1] as string] }]),
      prorate: fc.constantFrom("none", "calendar-days", "business-days"),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      kpis: kpisArb(setup),
      review: fc.boolean(),
      minSub: fc.constantFrom(1, 3),
      competencies: fc.boolean(),
      // Issue 21, point 5: leniency calibration, per-competency scores and training needs.
      calibration: fc.constantFrom(undefined, {}, { strength: "0.5", minRatings: 2 }, { center: 3 }),
      byCompetency: fc.constantFrom<Record<string, unknown>>({}, { byCompetency: true }, { trainingNeeds: { below: 60 } }, { trainingNeeds: { weakest: 1 } }, { trainingNeeds: { below: "70.5", weakest: 1 } }),
      grading: fc.option(grading, { nil: undefined }),
      pay: fc.option(pay, { nil: undefined }),
      promotion: fc.option(
        fc.record(
          { measure: fc.constantFrom("score", { kpi: "revenue" }), threshold: fc.constantFrom("1", "0.9"), count: fc.constantFrom(1, 2, 3), missingHistory: fc.constantFrom("error", "not-eligible") },
          { requiredKeys: ["measure", "threshold", "count"] },
        ),
        { nil: undefined },
      ),
      mode: fc.constantFrom("half-even", "half-up", "floor", "up"),
      calendar: fc.constantFrom(undefined, { holidays: ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18"], workdays: ["2026-02-14", "2026-02-28"] }),
      teamScores: fc.option(fc.constantFrom<unknown>({}, { by: "target", kpi: "revenue" }, { by: "weight", weightColumn: "territoryWeight" }), { nil: undefined }),
      missing: fc.constantFrom("error", "zero"),
      // Issue 21, point 3: role scorecards — managers only (the reps by kpis, scorecardFallback) or managers and reps.
      scorecards: fc.constantFrom<"none" | "managers" | "both">("none", "managers", "both"),
    })
    .map((r) => {
      if (r.grading !== undefined && (r.grading as { per?: unknown }).per === undefined) delete (r.grading as { per?: unknown }).per;
      const plan: Record<string, unknown> = {
        version: 1,
        currency: "CNY",
        rounding: { mode: r.mode },
        period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
        kpis: r.kpis,
        score: { ...(r.review ? { kpi: "0.7", review360: "0.3" } : { kpi: "1" }), missing: r.missing },
      };
      if (setup.rosterInPlan) plan["people"] = who.map((id, i) => ({ id, name: `Person ${i}`, team: i % 2 === 0 ? "East" : "West", ...(i % 3 === 0 ? { role: "manager" } : i % 3 === 1 ? { role: "rep" } : {}), basePay: String(30000 + i * 1500), ...(i === 2 ? { activeFrom: "2026-02-01" } : {}), ...(i === 5 ? { activeFrom: "2025-12-10" } : {}), ...(i === 4 ? { activeTo: "2026-03-15" } : {}) }));
      if (r.review) {
        plan["review360"] = {
          weights: { manager: 50, peer: 30, subordinate: 20 },
          minRaters: { manager: 1, peer: 1, subordinate: r.minSub },
          ...(r.competencies ? { competencyWeights: { "customer-focus": 60, teamwork: 40 } } : {}),
          scale: { min: 1, max: 5 },
          ...(r.calibration === undefined ? {} : { calibration: r.calibration }),
          ...r.byCompetency,
        };
      }
      if (r.grading !== undefined) plan["grading"] = r.grading;
      if (r.calendar !== undefined) plan["calendar"] = r.calendar;
      if (r.pay !== undefined) {
        const { gradeMultipliers, ...rest } = r.pay as { gradeMultipliers?: unknown; commission?: unknown; draw?: unknown };
        if (rest.commission === undefined) delete rest.draw;
        if (rest.commission === undefined) delete (rest as { trueUp?: unknown }).trueUp;
        plan["pay"] = r.grading === undefined ? rest : { ...rest, ...(gradeMultipliers === undefined ? {} : { gradeMultipliers }) };
      }
      if (r.promotion !== undefined) plan["promotion"] = r.promotion;
      if (r.teamScores !== undefined) plan["teamScores"] = r.teamScores;
      if (r.scorecards !== "none") {
        // Every scorecard has revenue (the KPI the pay, pools, promotion and team scores name), with its own weight.
        const byId = new Map((r.kpis as { id: string }[]).map((kpi) => [kpi.id, kpi]));
        const card = (others: string, weight: string): unknown => ({ kpis: [{ ...byId.get("revenue"), weight }, { ...byId.get(others), weight: String(1 - Number(weight)) }] });
        plan["scorecards"] = r.scorecards === "managers" ? { manager: card("collection", "0.5") } : { manager: card("collection", "0.5"), rep: card("visits", "0.75") };
        if (r.scorecards === "managers") plan["scorecardFallback"] = "kpis";
      }
      return plan as unknown as Plan;
    });
}

/** A small deterministic generator, so the data follows the plan's shape. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function dataOf(setup: Setup, plan: Plan): PlanData {
  const next = random(setup.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const who = ids.slice(0, setup.people);
  const rows = who.map((id, i) => {
    const revenue = int(0, 9) === 0 ? String(int(1, 3) * 50000) : `${int(40000, 180000)}${int(0, 3) === 0 ? `.${int(0, 99)}` : ""}`;
    const billed = int(1000, 2000);
    const row: Record<string, string | number | null> = {
      id,
      revenue,
      revenueTarget: String(int(60000, 140000)),
      territoryWeight: ["1", "1.2", "0.8", "1.5"][i % 4] as string,
      // Now and then an empty coefficient (an error, as the oracle says too).
      territoryDifficulty: int(0, 24) === 0 ? "" : (["1", "1.2", "0.85"][i % 3] as string),
      revenueDifficulty: ["1.05", "0.9", "1.2345678"][int(0, 2)] as string,
      collected: String(int(800, billed)),
      billed: String(billed),
      cost: String(int(0, 30000)),
      promoters: int(0, 30),
      passives: int(0, 10),
      detractors: int(1, 8),
      complaints: String(int(0, 6)),
      interactions: String(int(100, 300)),
      visits: int(0, 9) === 0 && plan.score?.missing === "zero" ? "" : String(int(20, 80)),
      visitsTarget: "60",
      bonusTarget: String(int(5000, 12000)),
      draw: String(int(0, 3) * 1000),
      drawBalance: int(0, 2) === 0 ? "" : String(int(0, 2000)),
    };
    if (!setup.rosterInPlan) {
      row["name"] = i % 3 === 0 ? "" : `Person ${i}`;
      row["team"] = i % 2 === 0 ? "East" : "West";
      row["role"] = i % 3 === 0 ? "manager" : i % 3 === 1 ? "rep" : "";
      row["basePay"] = String(30000 + int(0, 20) * 1500);
      if (i === 2) row["activeFrom"] = "2026-02-01";
      if (i === 5) row["activeFrom"] = "2025-12-10";
      if (i === 4) row["activeTo"] = "2026-03-15";
    }
    return row;
  });
  const data: { rows: typeof rows; ratings?: unknown[]; history?: Record<string, string[]> } = { rows: rows.reverse() };
  if (plan.review360 !== undefined) {
    const ratings: { person: string; rater: string; group: string; score: string; competency?: string }[] = [];
    for (const id of who) {
      const raters: [string, string][] = [["manager", "m1"], ["peer", `p-${int(1, 3)}`], ["peer", "p-9"], ["subordinate", "s1"], ["subordinate", "s2"], ["subordinate", `s${int(3, 4)}`]];
      for (const [group, rater] of raters.slice(0, int(1, 6))) {
        for (const competency of plan.review360.competencyWeights === undefined ? [undefined] : ["customer-focus", "teamwork"]) {
          ratings.push({ person: id, rater, group, score: String(int(1, 4)) + (int(0, 3) === 0 ? ".5" : ""), ...(competency === undefined ? {} : { competency }) });
        }
      }
    }
    data.ratings = ratings.sort(() => next() - 0.5);
  }
  if (plan.promotion !== undefined) {
    // Now and then someone is missing from the history (an error unless missingHistory is
    // "not-eligible"), or a list is short (an empty cell), or the periods have names, or there is no history.
    const shape = int(0, 9);
    if (shape !== 0) {
      const listed = shape === 1 ? who.slice(1) : who;
      data.history = Object.fromEntries(listed.map((id, i) => [id, (shape === 2 && i === 0 ? [] : [String(int(85, 115) / 100)]).concat(String(int(85, 115) / 100))]));
      if (shape >= 5) (data as { historyPeriods?: string[] }).historyPeriods = ["2025-Q3", "2025-Q4"];
    }
  }
  if (plan.pay?.trueUp !== undefined && int(0, 19) !== 0) {
    const extra = data as { paidToDate?: Record<string, string>; forgivenToDate?: Record<string, string> };
    extra.paidToDate = Object.fromEntries(who.filter(() => int(0, 3) !== 0).map((id) => [id, `${int(0, 3000)}.${String(int(0, 99)).padStart(2, "0")}`]));
    if (int(0, 1) === 0) extra.forgivenToDate = Object.fromEntries(who.slice(0, 2).map((id) => [id, String(int(0, 500))]));
  }
  const commission = plan.pay?.commission;
  if (commission !== undefined && "collections" in commission.base && int(0, 19) !== 0) (data as { transactions?: TransactionRow[] }).transactions = transactionsOf(who, next);
  // Issue 21, point 6: deals and responses for a list KPI; now and then someone has none, or a
  // row names someone not on the roster (both runs must report it alike).
  const lists = plan.kpis.map((kpi) => kpi.actual).filter((actual) => typeof actual === "object" && "from" in actual);
  if (lists.length > 0) {
    const extra = data as { deals?: DealRow[]; responses?: ResponseRow[]; activities?: ActivityRow[]; tickets?: TicketRow[] };
    const deals: DealRow[] = [];
    const responses: ResponseRow[] = [];
    const activities: ActivityRow[] = [];
    const tickets: TicketRow[] = [];
    for (const id of who) {
      for (let n = int(0, 24) === 0 ? 0 : int(1, 5); n > 0; n--) {
        // Issue 21: the deal's days, now and then still open (no closedAt), or closed before it opened.
        const opened = int(-60, 80);
        const closedAt = int(0, 3) === 0 ? "" : day(opened + (int(0, 199) === 0 ? -1 : int(0, 7) === 0 ? int(0, 3) : int(0, 60)));
        deals.push({ person: id, amount: `${int(0, 200000)}${int(0, 2) === 0 ? `.${int(0, 99)}` : ""}`, probability: ["0", "0.1", "0.25", "0.5", "0.333", "1"][int(0, 5)] as string, stage: ["lead", "quote", "won"][int(0, 2)] as string, openedAt: day(opened), closedAt, cost: int(0, 3) === 0 ? "" : `${int(0, 150000)}${int(0, 2) === 0 ? `.${int(0, 99)}` : ""}` });
      }
      // Activities of each type and tier, now and then a count, no date, or a fault (an unknown
      // tier, a day outside the period).
      for (let n = int(0, 24) === 0 ? 0 : int(1, 6); n > 0; n--) {
        const fault = int(0, 299);
        const count = int(0, 2) === 0 ? String(int(0, 12)) : undefined;
        activities.push({ person: id, type: ["visit", "demo", "call"][int(0, 2)] as string, tier: fault === 0 ? "C" : (["key", "A", "B"][int(0, 2)] as string), ...(int(0, 3) === 0 ? {} : { date: day(fault === 1 ? 95 : int(0, 89)) }), ...(count === undefined ? {} : { count }) });
      }
      // Tickets resolved after minutes to days, in offsets +08:00 and Z, now and then still open
      // or resolved before they were opened.
      for (let n = int(0, 24) === 0 ? 0 : int(1, 5); n > 0; n--) {
        const opened = Date.UTC(2026, 0, 1) + int(0, 80) * 86_400_000 + int(0, 1439) * 60_000;
        const resolved = opened + (int(0, 199) === 0 ? -60_000 : int(0, 5000) * 60_000 + (int(0, 3) === 0 ? int(0, 59) * 1000 : 0));
        tickets.push({ person: id, openedAt: stamp(opened, int(0, 1) === 0), resolvedAt: int(0, 5) === 0 ? "" : stamp(resolved, int(0, 1) === 0) });
      }
      const [lo, hi] = lists.some((actual) => typeof actual === "object" && "max" in actual && actual.max === 10) ? [0, 10] : [1, 5];
      for (let n = int(0, 24) === 0 ? 0 : int(1, 6); n > 0; n--) responses.push({ person: id, score: String(int(lo, hi + (int(0, 199) === 0 ? 1 : 0))) });
    }
    if (int(0, 39) === 0) deals.push({ person: "p99", amount: "1", probability: "1", stage: "won" });
    extra.deals = deals.sort(() => next() - 0.5);
    extra.responses = responses.sort(() => next() - 0.5);
    extra.activities = activities.sort(() => next() - 0.5);
    extra.tickets = tickets.sort(() => next() - 0.5);
  }
  return data as PlanData;
}

/** An instant as an ISO date-time, in UTC (`Z`) or at +08:00. */
function stamp(ms: number, china: boolean): string {
  if (!china) return new Date(ms).toISOString().replace(".000Z", "Z");
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The day `n` days after 2026-01-01 (inside the plan's quarter for n ≤ 89). */
function day(n: number): string {
  return new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
}

/**
 * Random invoices over the people, each with partial or full payments, now and then a refund
 * after payment or a credit note, shares of one to three reps (a remainder cent, shares within
 * the tolerance), rows shuffled; now and then a fault (a rep not on the roster, a payment on no
 * invoice), which both runs must report alike.
 */
function transactionsOf(who: readonly string[], next: () => number): TransactionRow[] {
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const rows: TransactionRow[] = [];
  const invoices = int(0, 7);
  for (let k = 0; k < invoices; k++) {
    const invoice = `INV-${k + 1}`;
    const n = Math.min(who.length, int(1, 3));
    const start = int(0, who.length - n);
    const reps = who.slice(start, start + n);
    const shares = n === 1 ? (int(0, 1) === 0 ? "" : "1") : n === 2 ? (["0.5;0.5", "0.6;0.4", "0.75;0.25"][int(0, 2)] as string) : (["0.34;0.33;0.33", "0.5;0.3;0.2"][int(0, 1)] as string);
    const fault = int(0, 29);
    const amount = int(1, 50000) * 100 + (int(0, 1) === 0 ? 0 : int(1, 99));
    let date = int(0, 60);
    rows.push({ invoice, date: day(date), kind: "invoice", amount: (amount / 100).toFixed(2), reps: fault === 0 ? `${reps.join(";")};p99` : reps.join(";"), shares: fault === 0 ? `${shares};0` : shares });
    let collected = 0;
    for (let e = int(0, 3); e > 0; e--) {
      date = Math.min(89, date + int(0, 10));
      const pay = int(0, 1) === 0 ? amount - collected : int(0, amount - collected);
      collected += pay;
      rows.push({ invoice, date: day(date), kind: "payment", amount: (pay / 100).toFixed(2), ...(int(0, 1) === 0 ? { id: `RC-${k}-${e}` } : {}) });
    }
    if (collected > 0 && int(0, 2) === 0) {
      date = Math.min(89, date + int(0, 30));
      rows.push({ invoice, date: day(date), kind: "payment", amount: (-int(1, collected) / 100).toFixed(2), id: `RF-${k}` });
    }
    if (int(0, 3) === 0) {
      date = Math.min(89, date + int(0, 30));
      rows.push({ invoice, date: day(date), kind: "credit-note", amount: (int(0, amount) / 100).toFixed(2) });
    }
    if (fault === 1) rows.push({ invoice: "INV-none", date: day(date), kind: "payment", amount: "1.00" });
  }
  return rows.sort(() => next() - 0.5);
}

const cases = setupArb.chain((setup) => planArb(setup).map((plan) => ({ plan, data: dataOf(setup, plan) })));

describe("the one engine against the oracle, every plan feature", () => {
  it("gives byte-identical runs, traced and untraced, or the same error", () => {
    let succeeded = 0;
    let listRuns = 0;
    const listed = new Set<string>();
    fc.assert(
      fc.property(cases, ({ plan, data }) => {
        for (const trace of [true, false]) {
          const reference = outcome(() => runPerPerson(parsePlan(plan), plan, data, trace));
          expect(outcome(() => runPlan(plan, data, { trace }))).toBe(reference);
          if (!reference.startsWith("{")) {
            if (process.env["SHOW_ERRORS"] !== undefined) console.log(reference.slice(0, 200));
            continue;
          }
          succeeded++;
          const indicators = new Set((plan.kpis as { actual: unknown }[]).flatMap((kpi) => (typeof kpi.actual === "object" && kpi.actual !== null && "from" in kpi.actual ? [(kpi.actual as unknown as { indicator: string }).indicator] : [])));
          for (const indicator of indicators) listed.add(indicator);
          if (indicators.size > 0) listRuns++;
          const lazy = runPlanLazy(plan, data, { trace });
          const statements = Array.from({ length: lazy.size }, (_, i) => lazy.statementAt(i));
          expect(JSON.stringify(statements)).toBe(JSON.stringify((JSON.parse(reference) as { statements: unknown }).statements));
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
    // Most cases must run through, not stop at an error.
    expect(succeeded).toBeGreaterThan(150);
    // Issue 21, point 6: the list indicators run through too, each of them.
    expect(listRuns).toBeGreaterThan(30);
    expect([...listed].sort()).toEqual(["csat", "cycle-days", "margin", "pipeline-value", "resolution-hours", "stage-conversion", "weighted-visits"]);
  }, 300_000);

  it("reads ratings from a one-shot iterable exactly as from a list", () => {
    fc.assert(
      fc.property(cases, ({ plan, data }) => {
        if (data.ratings === undefined) return;
        const list = outcome(() => runPlan(plan, data, { trace: false }));
        const ratings = data.ratings;
        function* stream(): Generator<(typeof ratings)[number]> {
          yield* ratings;
        }
        expect(outcome(() => runPlan(plan, { ...data, ratings: stream() }, { trace: false }))).toBe(list);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 300_000);
});
