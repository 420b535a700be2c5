import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal, isNumeric } from "../numeric/index.js";
import * as D from "./domains.js";
import { checkOrgTarget } from "./orgTargetChecks.js";
import { inPlanTerms } from "./planErrorMap.js";

/** Records one problem of the plan: where it is and what is wrong, in words starting with the field. */
export type AddPlanIssue = (path: ErrorPath, message: string) => void;

/** The parts of a parsed plan the checks read (the schema's output; kept structural to avoid a cycle). */
interface CheckedPlan {
  readonly people?: readonly { readonly id: string }[] | undefined;
  readonly kpis: readonly {
    readonly id: string;
    readonly weight: string | number;
    readonly direction?: "higher" | "lower" | undefined;
    readonly lowerFormula?: "reflect" | "inverse" | undefined;
    readonly zeroTarget?: "error" | "zero" | "full" | undefined;
    readonly cap?: string | number | undefined;
    readonly floor?: string | number | undefined;
    readonly difficulty?: string | number | { readonly column: string } | undefined;
    readonly curve?: D.CurveInput | undefined;
    readonly target: unknown;
  }[];
  readonly score?: { readonly kpi: string | number; readonly review360?: string | number | undefined } | undefined;
  readonly review360?: {
    readonly weights: Readonly<Record<string, string | number>>;
    readonly minRaters?: number | Readonly<Record<string, number>> | undefined;
    readonly competencyWeights?: Readonly<Record<string, string | number>> | undefined;
    readonly scale?: { readonly min: string | number; readonly max: string | number } | undefined;
    readonly calibration?: { readonly strength?: string | number | undefined; readonly center?: string | number | undefined; readonly minRatings?: number | undefined } | undefined;
  } | undefined;
  readonly grading?:
    | {
        readonly method: "bands" | "forced";
        readonly bands?: readonly { readonly grade: string; readonly min: string | number }[];
        readonly quotas?: readonly { readonly grade: string; readonly share: string | number }[];
        readonly overrides?: readonly { readonly person: string; readonly grade: string }[] | undefined;
      }
    | undefined;
  readonly pay?: {
    readonly targetIncentive?: { readonly amount: unknown; readonly curve: D.CurveInput } | undefined;
    readonly gradeMultipliers?: Readonly<Record<string, string | number>> | undefined;
    readonly commission?: { readonly tiers: readonly { readonly from: string | number; readonly rate: string | number }[] } | undefined;
    readonly pools?: readonly { readonly budget: string | number; readonly cap?: unknown; readonly funding?: { readonly curve: D.CurveInput } | undefined }[] | undefined;
    readonly awards?: readonly { readonly people: readonly string[] }[] | undefined;
  } | undefined;
}

/**
 * Every check of a plan that needs no data — everything a run would refuse about the plan itself,
 * so `payscore validate` finds it and a run never blames a data line for it: commission tiers
 * start at 0 and rise, rates, budgets, caps, targets and multipliers are not negative, curves
 * can be evaluated (no extrapolating step curve) and funding curves do not fall below 0, the
 * scorecard, the 360 set-up and the forced-distribution quotas are what their domain functions
 * take, band mins and grade names are distinct, one override per person, and every person the
 * plan names is on its roster (when it lists `people`). Sums of 100 where 1 is meant get a hint.
 *
 * @internal
 * @param plan - the plan, its shape already checked by the schema
 * @param add - records a problem
 *
 * @example
 * ```ts
 * checkPlanRules(plan, (path, message) => problems.push(message));
 * // "pay.commission.tiers[0].from is 1: the first tier must start at 0"
 * ```
 */
export function checkPlanRules(plan: CheckedPlan, add: AddPlanIssue): void {
  checkKpis(plan, add);
  checkScore(plan, add);
  checkReview360(plan, add);
  checkGrading(plan, add);
  checkPay(plan, add);
  checkNamedPeople(plan, add);
}

const dec = (value: unknown): Decimal => new Decimal(String(value));

/** The message for a value that must not be negative. */
function notNegative(add: AddPlanIssue, path: ErrorPath, value: unknown, what: string): void {
  if (isNumeric(value) && dec(value).isNegative()) add(path, `${formatPath(path)} is ${describeValue(value)}: ${what} must not be negative`);
}

/** Runs a domain function's own validation; its fault is recorded at `base` + its path, in the plan's words. */
function domainCheck(add: AddPlanIssue, base: ErrorPath, check: () => unknown, rename?: { from: string; to: ErrorPath } | undefined): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    const reworded = rename === undefined ? error : inPlanTerms(error, rename.from, rename.to);
    const local = reworded.path;
    const path = rename !== undefined && local[0] === rename.to[0] ? local : [...base, ...local];
    const localText = local.length === 0 ? "" : formatPath(local);
    const fullText = formatPath(path);
    const message = localText !== "" && reworded.message.startsWith(localText) ? `${fullText}${reworded.message.slice(localText.length)}` : `${fullText}: ${reworded.message}`;
    add(path, message);
  }
}

/**
 * A hint for weights written as percentages: `60/25/15 → write 0.6, 0.25, 0.15`.
 *
 * @internal
 * @param values - the weights as written
 * @param sum - their sum
 * @returns the hint, or `""` unless they sum to exactly 100
 *
 * @example
 * ```ts
 * percentWeightsHint([60, 25, 15], new Decimal(100)); // "; write them as ratios that sum to 1: 0.6, 0.25, 0.15 (not 60/25/15)"
 * percentWeightsHint([0.5, 0.4], new Decimal("0.9")); // ""
 * ```
 */
export function percentWeightsHint(values: readonly (string | number)[], sum: Decimal): string {
  if (!sum.eq(100)) return "";
  return `; write them as ratios that sum to 1: ${values.map((v) => dec(v).div(100).toString()).join(", ")} (not ${values.map(String).join("/")})`;
}

function checkKpis(plan: CheckedPlan, add: AddPlanIssue): void {
  plan.kpis.forEach((kpi, k) => {
    const target = kpi.target;
    const base = ["kpis", k, "target"];
    if (checkOrgTarget(target, base, add)) return;
    if (isNumeric(target)) notNegative(add, base, target, "a target");
    else if (typeof target === "object" && target !== null && "total" in target) notNegative(add, [...base, "total"], (target as { total: unknown }).total, "a total target");
    else if (typeof target === "object" && target !== null && "perPerson" in target) {
      for (const [id, value] of Object.entries((target as { perPerson: Record<string, unknown> }).perPerson)) notNegative(add, [...base, "perPerson", id], value, "a target");
    }
  });
  const weights = plan.kpis.map((kpi) => kpi.weight);
  if (!weights.every(isNumeric)) return;
  const sum = weights.reduce<Decimal>((s, w) => s.plus(String(w)), new Decimal(0));
  if (sum.minus(1).abs().greaterThan("1e-12")) return; // reported by the schema
  const specs = plan.kpis.map((kpi) => ({
    id: kpi.id,
    weight: kpi.weight,
    ...(kpi.direction === undefined ? {} : { direction: kpi.direction }),
    ...(kpi.lowerFormula === undefined ? {} : { lowerFormula: kpi.lowerFormula }),
    ...(kpi.zeroTarget === undefined ? {} : { zeroTarget: kpi.zeroTarget }),
    ...(kpi.cap === undefined ? {} : { cap: kpi.cap }),
    ...(kpi.floor === undefined ? {} : { floor: kpi.floor }),
    ...(kpi.curve === undefined ? {} : { curve: kpi.curve }),
    ...(kpi.difficulty === undefined || typeof kpi.difficulty === "object" ? {} : { difficulty: kpi.difficulty }),
  }));
  // The scorecard's own paths are the plan's (kpis[1].weight).
  domainCheck(add, [], () => D.compileScorecard(specs as D.KpiSpec[]));
}

function checkScore(plan: CheckedPlan, add: AddPlanIssue): void {
  const score = plan.score;
  if (score === undefined) return;
  notNegative(add, ["score", "kpi"], score.kpi, "a weight");
  notNegative(add, ["score", "review360"], score.review360, "a weight");
}

function checkReview360(plan: CheckedPlan, add: AddPlanIssue): void {
  const setup = plan.review360;
  if (setup === undefined) return;
  const options = {
    weights: setup.weights,
    ...(setup.minRaters === undefined ? {} : { minRaters: setup.minRaters }),
    ...(setup.competencyWeights === undefined ? {} : { competencyWeights: setup.competencyWeights }),
    ...(setup.scale === undefined ? {} : { scale: setup.scale }),
  };
  domainCheck(add, ["review360"], () => D.compileAggregate360(options), { from: "options", to: ["review360"] });
  // Issue 21: the calibration's options as calibrate360 reads them (strength 0–1, center on the scale).
  const calibration = setup.calibration;
  if (calibration !== undefined) domainCheck(add, [], () => D.calibrate360([], calibrationOptions(setup)), { from: "options", to: ["review360", "calibration"] });
}

/**
 * The options of `calibrate360` for a plan's 360 set-up: its calibration and its scale.
 *
 * @internal
 * @param setup - the plan's `review360`
 * @returns the options
 *
 * @example
 * ```ts
 * calibrationOptions({ weights: { peer: 1 }, calibration: { strength: "0.5" }, scale: { min: 1, max: 5 } }); // { strength: "0.5", scale: { min: 1, max: 5 } }
 * ```
 */
export function calibrationOptions(setup: NonNullable<CheckedPlan["review360"]>): D.Calibrate360Options {
  const c = setup.calibration ?? {};
  return {
    ...(c.strength === undefined ? {} : { strength: c.strength }),
    ...(c.center === undefined ? {} : { center: c.center }),
    ...(c.minRatings === undefined ? {} : { minRatings: c.minRatings }),
    ...(setup.scale === undefined ? {} : { scale: setup.scale }),
  };
}

function checkGrading(plan: CheckedPlan, add: AddPlanIssue): void {
  const grading = plan.grading;
  if (grading === undefined) return;
  const list = grading.method === "bands" ? (grading.bands ?? []) : (grading.quotas ?? []);
  const key = grading.method === "bands" ? "bands" : "quotas";
  const seenGrade = new Map<string, number>();
  list.forEach((entry, i) => {
    const before = seenGrade.get(entry.grade);
    if (before !== undefined) add(["grading", key, i, "grade"], `${formatPath(["grading", key, i, "grade"])} is ${describeValue(entry.grade)}: grade names must be distinct; grading.${key}[${before}] has it already`);
    else seenGrade.set(entry.grade, i);
  });
  if (grading.method === "bands") {
    const seenMin = new Map<string, number>();
    (grading.bands ?? []).forEach((band, i) => {
      if (!isNumeric(band.min)) return;
      const text = dec(band.min).toString();
      const before = seenMin.get(text);
      const path = ["grading", "bands", i, "min"];
      if (before !== undefined) add(path, `${formatPath(path)} is ${describeValue(band.min)}: each band needs its own min; grading.bands[${before}] starts at ${text} too`);
      else seenMin.set(text, i);
    });
  } else {
    const quotas = grading.quotas ?? [];
    const shares = quotas.map((q) => q.share);
    const sum = shares.every(isNumeric) ? shares.reduce<Decimal>((s, v) => s.plus(String(v)), new Decimal(0)) : undefined;
    if (sum !== undefined && sum.eq(100) && shares.every((v) => !dec(v).isNegative())) {
      add(["grading", "quotas"], `grading.quotas: the shares sum to 100, not 1${percentWeightsHint(shares, sum)}`);
    } else {
      domainCheck(add, ["grading"], () => D.forcedDistribution([{ id: "check", score: 0 }], quotas));
    }
  }
  const decided = new Map<string, number>();
  (grading.overrides ?? []).forEach((o, i) => {
    const before = decided.get(o.person);
    const path = ["grading", "overrides", i, "person"];
    if (before !== undefined) add(path, `${formatPath(path)} is ${describeValue(o.person)}: grading.overrides[${before}] decides this person's grade already; give one decision per person`);
    else decided.set(o.person, i);
  });
}

function checkPay(plan: CheckedPlan, add: AddPlanIssue): void {
  const pay = plan.pay;
  if (pay === undefined) return;
  const ti = pay.targetIncentive;
  if (ti !== undefined) {
    if (isNumeric(ti.amount)) notNegative(add, ["pay", "targetIncentive", "amount"], ti.amount, "a target incentive");
    else if (typeof ti.amount === "object" && ti.amount !== null && "shareOfBasePay" in ti.amount) {
      notNegative(add, ["pay", "targetIncentive", "amount", "shareOfBasePay"], (ti.amount as { shareOfBasePay: unknown }).shareOfBasePay, "a share of base pay");
    }
    // compileCurve names its faults from `curve` on.
    domainCheck(add, ["pay", "targetIncentive"], () => D.compileCurve(ti.curve));
  }
  const grades = plan.grading === undefined ? undefined : plan.grading.method === "bands" ? (plan.grading.bands ?? []).map((b) => b.grade) : (plan.grading.quotas ?? []).map((q) => q.grade);
  for (const [grade, multiplier] of Object.entries(pay.gradeMultipliers ?? {})) {
    const path = ["pay", "gradeMultipliers", grade];
    if (grades !== undefined && !grades.includes(grade)) add(path, `${formatPath(path)} names a grade that grading does not have; the grades are ${grades.join(", ")}`);
    notNegative(add, path, multiplier, "a grade multiplier");
  }
  const tiers = pay.commission?.tiers ?? [];
  tiers.forEach((tier, i) => {
    const path = ["pay", "commission", "tiers", i];
    notNegative(add, [...path, "rate"], tier.rate, "a commission rate");
    if (!isNumeric(tier.from)) return;
    const from = dec(tier.from);
    if (i === 0 && !from.isZero()) add([...path, "from"], `${formatPath([...path, "from"])} is ${describeValue(tier.from)}: the first tier must start at 0 (it pays the slice from 0 up to the next tier)`);
    const previous = tiers[i - 1]?.from;
    if (i > 0 && isNumeric(previous) && !from.greaterThan(String(previous))) {
      add([...path, "from"], `${formatPath([...path, "from"])} is ${describeValue(tier.from)}: tiers must rise; the tier before starts at ${String(previous)}`);
    }
  });
  (pay.pools ?? []).forEach((pool, i) => {
    const path = ["pay", "pools", i];
    notNegative(add, [...path, "budget"], pool.budget, "a pool's budget");
    const cap = pool.cap;
    if (isNumeric(cap)) notNegative(add, [...path, "cap"], cap, "a cap");
    else if (typeof cap === "object" && cap !== null && "multipleOfBasePay" in cap) notNegative(add, [...path, "cap", "multipleOfBasePay"], (cap as { multipleOfBasePay: unknown }).multipleOfBasePay, "a cap");
    const curve = pool.funding?.curve;
    if (curve === undefined) return;
    domainCheck(add, [...path, "funding"], () => D.compileCurve(curve));
    curve.points.forEach((point, p) => {
      const at = [...path, "funding", "curve", "points", p, "y"];
      if (isNumeric(point.y) && dec(point.y).isNegative()) add(at, `${formatPath(at)} is ${describeValue(point.y)}: a funding curve must not fall below 0 (a pool cannot be negative)`);
    });
  });
}

/** When the plan lists its people, everyone it names elsewhere must be one of them. */
function checkNamedPeople(plan: CheckedPlan, add: AddPlanIssue): void {
  if (plan.people === undefined) return;
  const ids = plan.people.map((person) => person.id);
  const known = new Set(ids);
  const unknown = (path: ErrorPath, id: string): void => {
    if (known.has(id)) return;
    add(path, `${formatPath(path)} is ${describeValue(id)}: no such person in people (the plan lists ${ids.length} ${ids.length === 1 ? "person" : "people"})`);
  };
  (plan.grading?.overrides ?? []).forEach((o, i) => unknown(["grading", "overrides", i, "person"], o.person));
  (plan.pay?.awards ?? []).forEach((award, a) => award.people.forEach((id, j) => unknown(["pay", "awards", a, "people", j], id)));
  plan.kpis.forEach((kpi, k) => {
    const target = kpi.target;
    if (typeof target !== "object" || target === null || !("perPerson" in target)) return;
    const perPerson = (target as { perPerson: Record<string, unknown> }).perPerson;
    const path = ["kpis", k, "target", "perPerson"];
    const without = ids.filter((id) => !Object.hasOwn(perPerson, id));
    if (without.length > 0) add(path, `${formatPath(path)} has no target for ${without.map((id) => JSON.stringify(id)).join(", ")} (every person in people needs one)`);
  });
}
