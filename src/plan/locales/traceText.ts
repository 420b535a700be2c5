import type { TraceStep } from "../types.js";
import { formatMoney, formatNumber, formatPercent, type ExplainLocale } from "./numberText.js";
import type { FormulaId, StepLabel, TraceWords } from "./words.js";

/** What {@link traceText} needs to know beyond the step: the currency, and which KPIs measure a rate. */
export interface TraceTextContext {
  /** An ISO 4217 code for the amounts; without one amounts are grouped numbers. */
  readonly currency?: string | undefined;
  /** KPIs whose actual and target are rates (collection rate, margin…): shown as percentages. */
  readonly rateKpis?: ReadonlySet<string> | undefined;
}

/** A trace step in words. */
export interface TraceStepText {
  readonly label: string;
  readonly formula: string;
  readonly result: string;
  /** `[name, value]` for each input, in the step's order. */
  readonly inputs: readonly (readonly [string, string])[];
  /** The parts that had no words in the locale (shown as the run wrote them); empty when all did. */
  readonly untranslated: readonly string[];
}

type Kind = "money" | "percent" | "number" | "text" | "grade";

const FORMULAS: readonly (readonly [RegExp, FormulaId, readonly string[]])[] = [
  [/^column (.+)$/s, "column", ["column"]],
  [/^([a-z-]+): round\((.+), (\d+)\)$/s, "indicator", ["indicator", "measure", "places"]],
  [/^decomposeTarget\(total, weights\) — this person's share$/, "targetDecomposed", []],
  [/^decomposeTree\((total|totals), (.+) → person\) — this person's share at each level$/, "targetOrg", ["given", "levels"]],
  [/^plan, per person$/, "targetPerPerson", []],
  [/^plan$/, "targetPlan", []],
  [/^round\(target × active (calendar-days|business-days) \/ period \1\)$/, "targetProrated", ["basis"]],
  [/^actual \/ target, clamped to \[floor, cap\], rounded to (\d+) places$/, "attainmentHigher", ["places"]],
  [
    /^lower is better: attainment per the KPI's lowerFormula \(default max\(0, 2 − actual \/ target\)\), clamped to \[floor, cap\], rounded to (\d+) places$/,
    "attainmentLower",
    ["places"],
  ],
  [/^round\(100 × attainment, (\d+)\)$/, "pointsLinear", ["places"]],
  [/^round\(100 × attainment × difficulty, (\d+)\)$/, "pointsLinearDifficulty", ["places"]],
  [/^round\(curve\(attainment\), (\d+)\)$/, "pointsCurve", ["places"]],
  [/^round\(curve\(attainment × difficulty\), (\d+)\)$/, "pointsCurveDifficulty", ["places"]],
  [/^weight × points$/, "contribution", []],
  [/^round\(Σ contribution, (\d+)\)$/, "kpiScore", ["places"]],
  [/^round\(Σ groupWeight × groupMean, (\d+)\) \(groups below minRaters left out, weights rescaled\)$/, "review360", ["places"]],
  [/^round\(rescale\(Σ groupWeight × groupMean, scale → 0–100\), (\d+)\)$/, "review360Scaled", ["places"]],
  [/^KPI score$/, "scoreKpiOnly", []],
  [/^KPI score \(no usable 360 score\)$/, "scoreNo360", []],
  [/^round\(kpiWeight × kpiScore \+ review360Weight × review360Score, (\d+)\)$/, "scoreCombined", ["places"]],
  [/^the band with the greatest min ≤ score$/, "gradeBands", []],
  [/^forced distribution by rank$/, "gradeForced", []],
  [/^score \/ 100$/, "measureScore", []],
  [/^attainment of KPI (.+) \(0 when missing\)$/s, "measureKpi", ["kpi"]],
  [/^round\(basePay × share\)$/, "fixed", []],
  [/^round\(basePay × share × activeDays \/ periodDays\)$/, "fixedProrated", []],
  [/^activeDays \/ periodDays, (calendar-days|business-days)$/, "payProrate", ["basis"]],
  [/^incentive = round\(targetAmount × curve\(measure\) × activeDays \/ periodDays\); amount = round\(incentive × gradeMultiplier\)$/, "targetIncentiveProrated", []],
  [/^incentive = round\(targetAmount × curve\(measure\)\); amount = round\(incentive × gradeMultiplier\)$/, "targetIncentive", []],
  [/^round\(tieredCommission\(base, tiers, (marginal|retroactive)\)\)$/, "commission", ["mode"]],
  [/^allocatePool\(funded, weights, caps\): funded × weight \/ Σweight, capped, in steps of the minor unit$/, "pool", []],
  [/^round\(amount\)$/, "award", []],
  [/^eligible when the last `count` values \(history, then this period\) are all ≥ threshold$/, "promotion", []],
  [/^Σ pay components$/, "total", []],
  [/^commission × base \/ credited, shared over the releases by largest remainder$/, "commissionRelease", []],
  [/^−\(commission of the reversed release × reversed base \/ its base\), rounded$/, "commissionClawback", []],
  [/^outside the clawback window: nothing clawed back$/, "commissionForgiven", []],
  [/^round\(target × the mean ramp factor of the months of tenure in the period\)$/, "ramp", []],
  [/^trueUp\(earnedToDate, paidToDate, (clawback|carry-forward|forgive)\)$/, "trueUp", ["onNegative"]],
  [/^applyDraw\(earned, draw, balance, (recoverable|non-recoverable)\)$/, "draw", ["type"]],
  [/^each rater's scores \+ strength × \(center − that rater's mean over the run\), clamped to the scale$/, "calibration360", []],
  [/^per competency: round\(rescale\(Σ groupWeight × groupMean of its ratings\), (\d+)\)$/, "competencies360", ["places"]],
  [/^the weakest competencies below the threshold$/, "trainingBelowWeakest", []],
  [/^competencies below the threshold$/, "trainingBelow", []],
  [/^the weakest competencies$/, "trainingWeakest", []],
  [
    /^allocateTeamPool\(funded, teams, members\): funded × teamWeight \/ ΣteamWeight to each team, then the team's amount × weight \/ Σweight of its members, capped, in steps of the minor unit$/,
    "poolByTeam",
    [],
  ],
];

/** Reads a step's dotted name. */
function labelOf(step: string): StepLabel | null {
  const kpi = /^kpi\.(.+)\.(actual|target|difficulty|attainment|points|contribution|ramp)$/s.exec(step);
  if (kpi !== null) return { kind: "kpi", kpi: kpi[1] as string, part: kpi[2] as "actual" };
  const funding = /^pay\.pool\.(.+)\.fundingInput$/s.exec(step);
  if (funding !== null) return { kind: "fundingInput", id: funding[1] as string };
  const fixedNames: Readonly<Record<string, StepLabel["kind"]>> = {
    "score.kpi": "scoreKpi",
    "score.review360": "score360",
    score: "score",
    grade: "grade",
    "pay.prorate": "prorate",
    "pay.fixed": "fixed",
    "pay.targetIncentive.measure": "incentiveMeasure",
    "pay.targetIncentive": "incentive",
    "pay.commission": "commission",
    "promotion.measure": "promotionMeasure",
    promotion: "promotion",
    "pay.total": "total",
    "review360.calibration": "calibration360",
    "review360.competencies": "competencies360",
    "review360.trainingNeeds": "trainingNeeds",
  };
  const fixed = Object.prototype.hasOwnProperty.call(fixedNames, step) ? fixedNames[step] : undefined;
  if (fixed !== undefined) return { kind: fixed } as StepLabel;
  const line = /^pay\.commission\.(release|clawback|forgiven)\./.exec(step);
  if (line !== null) return { kind: line[1] === "release" ? "commissionRelease" : line[1] === "clawback" ? "commissionClawback" : "commissionForgiven" };
  if (step === "pay.draw") return { kind: "draw" };
  if (step === "pay.trueUp") return { kind: "trueUp" };
  const pool = /^pay\.pool\.(.+)$/s.exec(step);
  if (pool !== null) return { kind: "pool", id: pool[1] as string };
  const award = /^pay\.award\.(.+)$/s.exec(step);
  if (award !== null) return { kind: "award", id: award[1] as string };
  return null;
}

/** How the result of a step reads. */
function resultKind(label: StepLabel, rate: boolean): Kind {
  switch (label.kind) {
    case "kpi":
      return label.part === "attainment" ? "percent" : (label.part === "actual" || label.part === "target") && rate ? "percent" : "number";
    case "incentiveMeasure":
    case "fundingInput":
    case "promotionMeasure":
      return "percent";
    case "fixed":
    case "incentive":
    case "commission":
    case "pool":
    case "award":
    case "total":
    case "commissionRelease":
    case "commissionClawback":
    case "commissionForgiven":
    case "draw":
    case "trueUp":
      return "money";
    case "grade":
    case "prorate": // the fraction as days, "45/90", shown as written
      return "grade";
    default:
      return "number";
  }
}

const MONEY_INPUTS = new Set(["basePay", "targetAmount", "incentive", "budget", "funded", "base", "earned", "draw", "openingBalance", "advance", "recovery", "balance", "earnedToDate", "paidToDate", "forgivenToDate", "difference", "carried", "forgiven", "teamAmount"]);
const PERCENT_INPUTS = new Set(["attainment", "measure", "payoutRate", "fundingMeasure", "fundingRatio", "share", "threshold"]);
const TEXT_INPUTS = new Set(["weightBy", "capped", "source", "curve", "tiers", "history", "name", "reason", "calibratedFrom", "by", "at", "grade", "activeFrom", "activeTo", "periodStart", "periodEnd", "team", "gradingGroup"]);

/** How an input reads. */
function inputKind(label: StepLabel, key: string, rate: boolean): Kind {
  if (label.kind === "total" || (label.kind === "award" && key === "amount") || (label.kind === "pool" && key === "cap")) return "money";
  if (label.kind === "kpi" && (key === "cap" || key === "floor")) return "percent";
  if (label.kind === "kpi" && (key === "actual" || key === "target")) return rate ? "percent" : "number";
  if (MONEY_INPUTS.has(key)) return "money";
  if (PERCENT_INPUTS.has(key)) return "percent";
  if (TEXT_INPUTS.has(key)) return "text";
  return "number";
}

/**
 * Writes one trace step in words for a locale: the step's label, its formula in words, the
 * result and the inputs, with amounts as money (`Intl.NumberFormat` with the currency), rates
 * and attainment as percentages and other numbers grouped. The step names and formulas a run
 * writes (`kpi.revenue.attainment`, `actual / target, clamped to [floor, cap], rounded to 4
 * places`) are read by pattern; anything the locale has no words for is shown as the run wrote
 * it and listed in `untranslated`, so a test can tell when a new step appears.
 *
 * @param step - a step of a statement's trace
 * @param locale - `"zh-CN"` or `"en"`
 * @param words - the locale's trace words
 * @param context - the currency and the KPIs whose values are rates
 * @returns the step in words
 *
 * @example
 * ```ts
 * traceText({ step: "pay.fixed", formula: "round(basePay × share)", inputs: { basePay: "60000", share: "0.7" }, result: "42000.00" }, "zh-CN", zhCN.trace, { currency: "CNY" });
 * // { label: "固定工资", formula: "基本工资 × 固定比例，按货币最小单位舍入", result: "¥42,000.00",
 * //   inputs: [["基本工资", "¥60,000.00"], ["固定比例", "70%"]], untranslated: [] }
 * ```
 */
export function traceText(step: TraceStep, locale: ExplainLocale, words: TraceWords, context?: TraceTextContext | undefined): TraceStepText {
  const untranslated: string[] = [];
  const label = labelOf(step.step);
  if (label === null) {
    untranslated.push(`step ${step.step}`);
    const inputs = Object.entries(step.inputs).map(([key, value]) => [key, value] as const);
    return { label: step.step, formula: step.formula, result: step.result, inputs, untranslated: [...untranslated, `formula ${step.formula}`] };
  }
  const rate = label.kind === "kpi" && context?.rateKpis?.has(label.kpi) === true;
  const currency = context?.currency;

  const word = (table: Readonly<Record<string, string>>, key: string, what: string): string => {
    if (Object.prototype.hasOwnProperty.call(table, key)) return table[key] as string;
    untranslated.push(`${what} ${key}`);
    return key;
  };
  const formulaWords = (formula: string): string => {
    for (const [pattern, id, names] of FORMULAS) {
      const match = pattern.exec(formula);
      if (match === null) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = match[i + 1] as string;
      });
      if (id === "indicator") {
        params["measure"] = word(words.measures, params["measure"] as string, "measure formula");
        params["indicator"] = word(words.indicators, params["indicator"] as string, "indicator");
      }
      // Issue 21: the org levels (region → team) in the locale's words.
      if (id === "targetOrg") params["levels"] = (params["levels"] as string).split(" → ").map((level) => word(words.inputs, level, "input")).join(" → ");
      if (id === "targetProrated" || id === "payProrate") params["basis"] = word(words.values, params["basis"] as string, "value");
      if (id === "commission") params["mode"] = word(words.values, params["mode"] as string, "value");
      if (id === "trueUp") params["onNegative"] = word(words.values, params["onNegative"] as string, "value");
      if (id === "draw") params["type"] = word(words.values, params["type"] as string, "value");
      return words.formulas[id](params);
    }
    untranslated.push(`formula ${formula}`);
    return formula;
  };
  const value = (text: string, kind: Kind): string => {
    if (kind === "grade") return text;
    if (/^-?\d+(?:\.\d+)?$/.test(text)) {
      if (kind === "money") return formatMoney(text, locale, currency);
      if (kind === "percent") return formatPercent(text, locale);
      return formatNumber(text, locale);
    }
    return word(words.values, text, "value");
  };

  const inputs = Object.entries(step.inputs).map(([key, raw]): readonly [string, string] => {
    // Keys that are ids (a KPI in score.kpi, a group in score.review360, a column) stay as they are.
    if (label.kind === "scoreKpi") return [key, formatNumber(raw, locale)];
    if (label.kind === "total") {
      const [component, ...rest] = key.split(":");
      const id = rest.join(":");
      const name = word(words.inputs, `component:${component as string}`, "pay component");
      // Issue 20: commission lines other than the commission itself have their own names.
      const own = component === "commission" && id !== component ? words.inputs[`commission:${id}`] : undefined;
      return [own ?? (id === component ? name : `${name} ${id}`), formatMoney(raw, locale, currency)];
    }
    if (label.kind === "score360") {
      const group = Object.prototype.hasOwnProperty.call(words.groups, key) ? (words.groups[key] as string) : key;
      const excluded = /^excluded \((.+)\)$/s.exec(raw);
      if (excluded !== null) return [group, words.excluded(word(words.exclusions, excluded[1] as string, "exclusion"))];
      const product = /^(-?\d+(?:\.\d+)?) × (-?\d+(?:\.\d+)?)$/.exec(raw);
      return [group, product === null ? value(raw, "number") : `${formatNumber(product[1] as string, locale)} × ${formatNumber(product[2] as string, locale)}`];
    }
    // The per-competency step's keys are competencies (ids, as given).
    if (label.kind === "competencies360") return [key, value(raw, "number")];
    if (label.kind === "kpi" && label.part === "actual" && step.formula.startsWith("column ")) {
      return [key, value(raw, rate ? "percent" : "number")];
    }
    const name = word(words.inputs, key, "input");
    const kind = inputKind(label, key, rate);
    if (key === "source") return [name, formulaWords(raw)];
    if (key === "curve") return [name, curveWords(raw, words, untranslated)];
    if (key === "tiers") return [name, tiersWords(raw, locale, words)];
    if (key === "history") return [name, raw.split(", ").map((part) => formatPercent(part, locale)).join(words.separator === "；" ? "、" : ", ")];
    // Issue 21: an org target's units are names as given.
    if (key === "region" || key === "parent") return [name, raw];
    if (key === "invoice" || key === "event" || key === "reverses" || key === "tenureMonths") return [name, raw];
    // Issue 21: a list indicator's list and stages are names as given.
    if (key === "from" || key === "fromStage" || key === "toStage") return [name, raw];
    if (key === "schedule") return [name, raw.split(", ").map((part) => formatPercent(part, locale)).join(words.separator === "；" ? "、" : ", ")];
    if (key === "factor") return [name, formatPercent(raw, locale)];
    if (key === "reason" || key === "name" || key === "calibratedFrom" || key === "by" || key === "at" || key === "grade" || key === "periods" || key === "team" || key === "gradingGroup" || /^\d{4}-\d{2}-\d{2}$/.test(raw)) return [name, raw];
    return [name, value(raw, kind)];
  });

  let result: string;
  const promotion = /^eligible=(true|false), current=(\d+), longest=(\d+)$/.exec(step.result);
  if (label.kind === "competencies360" || label.kind === "trainingNeeds") {
    // A list of competencies (with their points): ids as given, numbers in the locale's words.
    result = step.result === "none" ? value("none", "text") : step.result.split(", ").map((part) => part.replace(/(\S+)$/, (last) => (last === "none" ? value("none", "text") : /^-?\d+(?:\.\d+)?$/.test(last) ? formatNumber(last, locale) : last))).join(words.separator === "；" ? "、" : ", ");
  } else if (label.kind === "promotion" && promotion !== null) {
    result = words.promotionResult(promotion[1] === "true", promotion[2] as string, promotion[3] as string);
  } else {
    result = value(step.result, resultKind(label, rate));
  }
  const formula = formulaWords(step.formula);
  return { label: words.label(label), formula, result, inputs, untranslated };
}

/** A curve as the trace writes it: `(0.6, 0) (1, 100) below=zero` → points, then the flags in words. */
function curveWords(text: string, words: TraceWords, untranslated: string[]): string {
  const parts = text.split(/ (?=[a-z])/);
  const points = parts[0] as string;
  const flags = parts.slice(1).map((flag) => {
    if (Object.prototype.hasOwnProperty.call(words.curveFlags, flag)) return words.curveFlags[flag] as string;
    untranslated.push(`curve flag ${flag}`);
    return flag;
  });
  return [points, ...flags].join(words.separator === "；" ? "，" : ", ");
}

/** Commission tiers as the trace writes them: `0@0.005, 1000000@0.01`. */
function tiersWords(text: string, locale: ExplainLocale, words: TraceWords): string {
  return text
    .split(", ")
    .map((tier) => {
      const at = tier.indexOf("@");
      return words.tier(formatNumber(tier.slice(0, at), locale), formatPercent(tier.slice(at + 1), locale));
    })
    .join(words.separator === "；" ? "，" : ", ");
}
