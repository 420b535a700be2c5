import { PayscoreError, describeValue } from "../errors/index.js";
import { Decimal } from "../numeric/index.js";
import { en } from "./locales/en.js";
import type { ExplainWords } from "./locales/words.js";
import { zhCN } from "./locales/zh-CN.js";
import type { Statement } from "./types.js";

/** The languages {@link explain} writes. */
export type ExplainLocale = "zh-CN" | "en";

/** Options for {@link explain}. */
export interface ExplainOptions {
  /** `"zh-CN"` or `"en"`. */
  readonly locale: ExplainLocale;
  /** Append every trace step (default true). */
  readonly trace?: boolean | undefined;
}

const WORDS: Readonly<Record<ExplainLocale, ExplainWords>> = { en, "zh-CN": zhCN };

/**
 * Writes a statement as readable text (绩效结算说明): who, each KPI with actual, target,
 * attainment (as a percentage), points and contribution, the 360 groups, the score, rank and
 * grade, each pay component and the total, then the trace steps (`step: formula = result`,
 * with the inputs) so the person can redo the arithmetic by hand. Numbers are printed exactly
 * as in the statement; attainment is shown as a percentage (`1.15` → `115%`).
 *
 * @param statement - a statement from `runPlan` (or read back from a run's JSON)
 * @param options - `locale` (`"zh-CN"` or `"en"`), `trace` (default true)
 * @returns multi-line text, lines separated by `\n`, ending without a newline
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a statement that is not an object or an unknown locale
 *
 * @example
 * ```ts
 * explain(run.statements[3], { locale: "en", trace: false }); // p04 of the worked example (test/fixtures/plan)
 * // Performance and pay statement: Zhao Qiang (p04)
 * // …
 * //   Sales (sales): actual 60000, target 80000, attainment 75%, points 75 × weight 0.6 = 45
 * // …
 * // Grade: B (calibrated from C: covered the West key accounts during p03's ramp-up)
 * // …
 * // Total payout: 10648.66
 * explain(run.statements[3], { locale: "zh-CN" }); // 绩效与薪酬结算单：Zhao Qiang (p04) … 应发合计：10648.66 … 计算过程 …
 * ```
 */
export function explain(statement: Statement, options: ExplainOptions): string {
  if (typeof statement !== "object" || statement === null || typeof statement.person !== "object" || !Array.isArray(statement.kpis)) {
    throw new PayscoreError("INVALID_ARGUMENT", `statement must be a statement from runPlan; got ${describeValue(statement)}`, { path: ["statement"] });
  }
  const locale: unknown = (options as { locale?: unknown } | undefined)?.locale;
  if (locale !== "en" && locale !== "zh-CN") {
    throw new PayscoreError("INVALID_ARGUMENT", `options.locale must be "zh-CN" or "en"; got ${describeValue(locale)}`, { path: ["options", "locale"] });
  }
  const t = WORDS[locale];
  const list = <T>(value: readonly T[] | undefined | null): readonly T[] => (Array.isArray(value) ? value : []);
  const s = { ...statement, indicators: list(statement.indicators), pay: list(statement.pay), trace: list(statement.trace) };
  const colon = locale === "zh-CN" ? "：" : ": ";
  const lines: string[] = [];
  const who = s.person.name === null ? s.person.id : `${s.person.name} (${s.person.id})`;
  lines.push(t.title(who));
  const facts: string[] = [];
  if (s.person.team !== null) facts.push(`${t.team}${colon}${s.person.team}`);
  if (s.person.region !== null) facts.push(`${t.region}${colon}${s.person.region}`);
  if (s.person.role !== null) facts.push(`${t.role}${colon}${s.person.role}`);
  facts.push(t.active(s.person.activeFrom, s.person.activeTo));
  if (s.person.basePay !== null) facts.push(`${t.basePay}${colon}${s.person.basePay}`);
  lines.push(facts.join(" · "));
  lines.push("", t.kpis);
  for (const k of s.kpis) {
    lines.push(
      `  ${t.kpiLine({
        name: k.name === null ? k.id : `${k.name} (${k.id})`,
        actual: k.actual ?? t.missing,
        target: k.target ?? t.missing,
        attainment: k.attainment === null ? t.missing : percent(k.attainment),
        points: k.points,
        weight: k.weight,
        contribution: k.contribution,
        difficulty: k.difficulty === "1" ? null : k.difficulty,
      })}`,
    );
  }
  if (s.indicators.length > 0) {
    lines.push(t.indicators);
    for (const i of s.indicators) lines.push(`  ${i.kpi} · ${i.indicator}${colon}${i.value} (${entries(i.inputs)})`);
  }
  lines.push(`${t.kpiScore}${colon}${s.kpiScore}`);
  if (s.review360 !== null) {
    lines.push("", `${t.review360}${colon}${s.review360.points ?? t.review360None}`);
    for (const g of s.review360.groups) lines.push(`  ${t.groupLine({ ...g, reason: g.reason ?? null })}`);
  }
  lines.push("", `${t.score}${colon}${s.score} (${t.rank(s.rank)})`);
  if (s.grade !== null) {
    lines.push(`${t.grade}${colon}${s.grade.final}${s.grade.reason === null ? "" : ` (${t.calibrated(s.grade.initial, s.grade.reason)})`}`);
  }
  if (s.pay.length > 0) {
    lines.push("", t.pay);
    for (const line of s.pay) {
      const label = t.components[line.component] ?? line.component;
      lines.push(`  ${line.id === line.component ? label : `${label} ${line.id}`}${colon}${line.amount}`);
    }
  }
  lines.push(`${t.total}${colon}${s.totalPayout}`);
  if (s.promotion !== null) lines.push(`${t.promotion}${colon}${t.promotionLine(s.promotion.eligible, s.promotion.current, s.promotion.longest)}`);
  if (options.trace !== false && s.trace.length > 0) {
    lines.push("", t.trace);
    for (const step of s.trace) {
      const inputs = entries(step.inputs);
      lines.push(`  ${step.step}${colon}${step.formula} = ${step.result}${inputs === "" ? "" : `  [${inputs}]`}`);
    }
  }
  return lines.join("\n");
}

function entries(record: Readonly<Record<string, string>>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key}=${value}`)
    .join(", ");
}

function percent(ratio: string): string {
  try {
    return `${new Decimal(ratio).times(100).toDecimalPlaces(2).toString()}%`;
  } catch {
    return ratio;
  }
}
