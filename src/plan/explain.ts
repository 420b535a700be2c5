import { PayscoreError, describeValue, guard } from "../errors/index.js";
import { en } from "./locales/en.js";
import { formatMoney, formatNumber, formatPercent, type ExplainLocale } from "./locales/numberText.js";
import { traceText } from "./locales/traceText.js";
import type { ExplainWords } from "./locales/words.js";
import { zhCN } from "./locales/zh-CN.js";
import { readStatement } from "./runShapes.js";
import type { Statement } from "./types.js";

export type { ExplainLocale } from "./locales/numberText.js";

/** Options for {@link explain}. */
export interface ExplainOptions {
  /** `"zh-CN"` or `"en"`. */
  readonly locale: ExplainLocale;
  /** Append every trace step (default true). */
  readonly trace?: boolean | undefined;
  /**
   * The run's currency (ISO 4217, `run.currency`): amounts are written with its symbol and the
   * locale's grouping (`¥82,596.14`). Without it amounts are grouped numbers (`82,596.14`).
   */
  readonly currency?: string | undefined;
}

/** Indicators whose value is a rate (shown as a percentage); NPS is a score. */
const RATE_INDICATORS = new Set(["collection-rate", "margin", "growth", "market-share", "complaint-rate"]);

const WORDS: Readonly<Record<ExplainLocale, ExplainWords>> = { en, "zh-CN": zhCN };

/**
 * Writes a statement as readable text (绩效结算说明) in Chinese or English, every word in the
 * chosen language: who, each KPI with actual, target, attainment, points and contribution, the
 * derived indicators, the scored sub-periods (each with its score and every KPI's actual,
 * target, attainment and points, when the plan's `subPeriods` scores them), the 360 groups (上级 / 同事 / 下属, and why a group was left out), the
 * score, rank and grade, each pay component and the total, then the trace — each step's name,
 * its formula in words, the result and the inputs — so the person can redo the arithmetic by
 * hand. Amounts are money for the locale and the run's currency (`Intl.NumberFormat`:
 * `¥82,596.14`), other numbers are grouped (`1,320,000`), and attainment and rates (collection
 * rate, margin, growth, market share, complaint rate) are percentages (`0.94` → `94%`). No digit
 * of the statement is rounded away.
 *
 * @category Plans and runs
 * @param statement - a statement from `runPlan` (or read back from a run's JSON)
 * @param options - `locale` (`"zh-CN"` or `"en"`), `trace` (default true), `currency` (the run's)
 * @returns multi-line text, lines separated by `\n`, ending without a newline
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a statement that is not an object or an unknown locale
 *
 * @example
 * ```ts
 * explain(run.statements[3], { locale: "en", trace: false, currency: run.currency }); // p04 of the worked example (test/fixtures/plan)
 * // Performance and pay statement: Zhao Qiang (p04)
 * // …
 * //   Sales (sales): actual 60,000, target 80,000, attainment 75%, points 75 × weight 0.6 = 45
 * // …
 * // Grade: B (calibrated from C: covered the West key accounts during p03's ramp-up)
 * // …
 * // Total payout: CN¥10,648.66
 * explain(run.statements[3], { locale: "zh-CN", currency: "CNY" });
 * // 绩效与薪酬结算单：Zhao Qiang (p04) … 应发合计：¥10,648.66 … 计算过程
 * //   sales · 达成率：实际值 ÷ 目标值，限定在 [下限, 上限] 之间，保留 4 位小数 = 75%  [实际值=60,000；目标值=80,000；上限=150%] …
 * ```
 */
export function explain(statement: Statement, options: ExplainOptions): string {
  return guard(computeExplain, [statement, options]);
}

function computeExplain(given: Statement, options: ExplainOptions): string {
  if (typeof given !== "object" || given === null || typeof given.person !== "object" || !Array.isArray(given.kpis)) {
    throw new PayscoreError("INVALID_ARGUMENT", `statement must be a statement from runPlan; got ${describeValue(given)}`, { path: ["statement"] });
  }
  const statement = readStatement(given, ["statement"]);
  const locale: unknown = (options as { locale?: unknown } | undefined)?.locale;
  if (locale !== "en" && locale !== "zh-CN") {
    throw new PayscoreError("INVALID_ARGUMENT", `options.locale must be "zh-CN" or "en"; got ${describeValue(locale)}`, { path: ["options", "locale"] });
  }
  const t = WORDS[locale];
  const w = t.trace;
  const currency = typeof options.currency === "string" && options.currency !== "" ? options.currency : undefined;
  const list = <T>(value: readonly T[] | undefined | null): readonly T[] => (Array.isArray(value) ? value : []);
  // A statement read from JSON may lack any part; an absent part is worded like a null one.
  const s = {
    ...statement,
    indicators: list(statement.indicators),
    pay: list(statement.pay),
    trace: list(statement.trace),
    review360: statement.review360 ?? null,
    grade: statement.grade ?? null,
    promotion: statement.promotion ?? null,
  };
  const colon = t.colon;
  const money = (amount: string): string => formatMoney(amount, locale, currency);
  const num = (value: string): string => formatNumber(value, locale);
  const pct = (value: string): string => formatPercent(value, locale);
  const known = (table: Readonly<Record<string, string>>, key: string): string => (Object.prototype.hasOwnProperty.call(table, key) ? (table[key] as string) : key);
  const rateKpis = new Set(s.indicators.filter((i) => RATE_INDICATORS.has(i.indicator)).map((i) => i.kpi));
  const lines: string[] = [];
  const who = s.person.name === null ? s.person.id : `${s.person.name} (${s.person.id})`;
  lines.push(t.title(who));
  const facts: string[] = [];
  if (s.person.team !== null) facts.push(`${t.team}${colon}${s.person.team}`);
  if (s.person.region !== null) facts.push(`${t.region}${colon}${s.person.region}`);
  if (s.person.role !== null) facts.push(`${t.role}${colon}${s.person.role}`);
  facts.push(t.active(s.person.activeFrom, s.person.activeTo));
  if (s.person.basePay !== null) facts.push(`${t.basePay}${colon}${money(s.person.basePay)}`);
  lines.push(facts.join(" · "));
  // Issue 21: the scorecard of the person's role, when the plan has role scorecards.
  const card = typeof s.scorecard === "string" ? (s.scorecard === "default" ? t.defaultScorecard : s.scorecard) : undefined;
  lines.push("", card === undefined ? t.kpis : `${t.kpis} · ${t.scorecard}${colon}${card}`);
  for (const k of s.kpis) {
    const value = rateKpis.has(k.id) ? pct : num;
    lines.push(
      `  ${t.kpiLine({
        name: k.name === null ? k.id : `${k.name} (${k.id})`,
        actual: k.actual === null ? t.missing : value(k.actual),
        target: k.target === null ? t.missing : value(k.target),
        attainment: k.attainment === null ? t.missing : pct(k.attainment),
        points: num(k.points),
        weight: k.weight,
        contribution: num(k.contribution),
        difficulty: k.difficulty === "1" ? null : k.difficulty,
      })}`,
    );
  }
  if (s.indicators.length > 0) {
    lines.push(t.indicators);
    for (const i of s.indicators) {
      const inputs = Object.entries(i.inputs)
        .map(([key, value]) => `${known(w.inputs, key)}=${num(value)}`)
        .join(w.separator);
      const value = RATE_INDICATORS.has(i.indicator) ? pct(i.value) : num(i.value);
      lines.push(`  ${i.kpi} · ${known(w.indicators, i.indicator)}${colon}${value} (${inputs})`);
    }
  }
  lines.push(`${t.kpiScore}${colon}${num(s.kpiScore)}`);
  // Issue 21: the scored sub-periods, each with its KPIs' targets and actuals.
  const subPeriods = list(statement.subPeriods);
  if (subPeriods.length > 0) {
    const names = new Map(s.kpis.map((k) => [k.id, k.name === null ? k.id : `${k.name} (${k.id})`]));
    lines.push("", t.subPeriods);
    for (const sub of subPeriods) {
      lines.push(`  ${t.subPeriodLine({ label: sub.label, start: sub.start ?? "?", end: sub.end ?? "?", score: sub.score == null ? null : num(sub.score) })}`);
      for (const k of list(sub.kpis)) {
        const value = rateKpis.has(k.id) ? pct : num;
        const shown = (text: string | null | undefined, as: (v: string) => string): string => (text == null ? t.missing : as(text));
        lines.push(
          `    ${t.subPeriodKpiLine({ name: names.get(k.id) ?? k.id, actual: shown(k.actual, value), target: shown(k.target, value), attainment: shown(k.attainment, pct), points: shown(k.points, num) })}`,
        );
      }
    }
  }
  if (s.review360 !== null) {
    lines.push("", `${t.review360}${colon}${s.review360.points === null ? t.review360None : num(s.review360.points)}`);
    for (const g of list(s.review360.groups)) {
      const reason = known(w.exclusions, g.reason ?? "weight 0");
      lines.push(`  ${t.groupLine({ ...g, group: known(w.groups, g.group), mean: g.mean === null ? null : num(g.mean), reason })}`);
    }
    // Issue 21: each competency's points and the training needs (培训需求), when the plan asked for them.
    const competencies = list(s.review360.competencies);
    if (competencies.length > 0) lines.push(`  ${t.competencies}${colon}${competencies.map((c) => `${c.competency} ${c.points === null ? "-" : num(c.points)}`).join(t.listSeparator)}`);
    const needs = s.review360.trainingNeeds;
    if (Array.isArray(needs)) lines.push(`  ${t.trainingNeeds}${colon}${needs.length === 0 ? t.trainingNone : needs.join(t.listSeparator)}`);
  }
  lines.push("", `${t.score}${colon}${num(s.score)} (${t.rank(s.rank)})`);
  if (s.grade !== null) {
    lines.push(`${t.grade}${colon}${s.grade.final}${s.grade.reason === null ? "" : ` (${t.calibrated(s.grade.initial, s.grade.reason, s.grade.by, s.grade.at)})`}`);
  }
  if (s.pay.length > 0) {
    lines.push("", t.pay);
    for (const line of s.pay) {
      const label = known(t.components, line.component);
      // Issue 20: the commission's other lines (clawback, draw) by their own names.
      const own = line.component === "commission" && line.id !== line.component && Object.hasOwn(t.commissionLines, line.id) ? t.commissionLines[line.id] : undefined;
      lines.push(`  ${own ?? (line.id === line.component ? label : `${label} ${line.id}`)}${colon}${money(line.amount)}`);
    }
  }
  lines.push(`${t.total}${colon}${money(s.totalPayout)}`);
  if (s.promotion !== null) lines.push(`${t.promotion}${colon}${t.promotionLine(s.promotion.eligible, s.promotion.current, s.promotion.longest)}`);
  if (options.trace !== false && s.trace.length > 0) {
    lines.push("", t.traceTitle);
    for (const step of s.trace) {
      const text = traceText(step, locale, w, { currency, rateKpis });
      const inputs = text.inputs.map(([key, value]) => `${key}=${value}`).join(w.separator);
      lines.push(`  ${text.label}${colon}${text.formula} = ${text.result}${inputs === "" ? "" : `  [${inputs}]`}`);
    }
  }
  return lines.join("\n");
}
