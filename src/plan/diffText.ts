import { PayscoreError, describeValue, guard } from "../errors/index.js";
import { Decimal } from "../numeric/index.js";
import type { DataChange, DiffLine, RunDiff } from "./diffRuns.js";
import { diffEn, diffZhCN, type DiffWords } from "./locales/diffWords.js";
import { en } from "./locales/en.js";
import { formatMoney, formatNumber, formatPercent, type ExplainLocale } from "./locales/numberText.js";
import type { TraceWords } from "./locales/words.js";
import { zhCN } from "./locales/zh-CN.js";
import { readDiffShape } from "./runShapes.js";

/** Options for {@link diffText}. */
export interface DiffTextOptions {
  /** `"zh-CN"` or `"en"`. */
  readonly locale: ExplainLocale;
  /** The names of the two runs as the reader knows them (file names); default `before` and `after`. */
  readonly names?: { readonly before: string; readonly after: string } | undefined;
}

const WORDS: Readonly<Record<ExplainLocale, { diff: DiffWords; trace: TraceWords; components: Readonly<Record<string, string>> }>> = {
  en: { diff: diffEn, trace: en.trace, components: en.components },
  "zh-CN": { diff: diffZhCN, trace: zhCN.trace, components: zhCN.components },
};

/**
 * Writes a {@link RunDiff} as a change log for an appeal or a recalculation (申诉复核): whether the
 * plan changed, the total before → after, then each person who changed — who, the cause (their
 * own data, naming the cell where the trace knows it; the plan; or other people's changes, since
 * pools, ranks and forced grades depend on everyone), and each line that differs, before → after
 * with the change. Amounts are money in the run's currency for the locale (`Intl.NumberFormat`),
 * attainment and rates are percentages, and lines are named in words (`Commission`, not
 * `pay.commission.commission`).
 *
 * @category Plans and runs
 * @param diff - from {@link diffRuns} (or read back from `payscore diff --format json`)
 * @param options - `locale`, and the names of the two runs
 * @returns the text, lines separated by `\n`, ending with a newline
 * @throws {PayscoreError} `INVALID_ARGUMENT` for something that is not a diff (or a misshapen part of one), an unknown locale or a name that is not a string
 *
 * @example
 * ```ts
 * // the worked example (test/fixtures/plan) rerun after correcting p04's sales from 60000 to 64000
 * diffText(diffRuns(run, rerun), { locale: "en", names: { before: "before.json", after: "after.json" } });
 * // Changes from before.json to after.json
 * // Plan: the same (sha256:…)
 * // Total payout: CN¥51,053.80 → CN¥51,360.55 (+CN¥306.75)
 * // People: 3 changed, 1 unchanged
 * // …
 * // p04 Zhao Qiang: total payout CN¥10,648.66 → CN¥10,910.04 (+CN¥261.38)
 * //   Cause: data changed: sales actual (row p04, column sales) 60,000 → 64,000
 * //   sales actual      60,000 → 64,000 (+4,000)
 * //   sales attainment  75% → 80% (+5%)
 * //   Commission        CN¥600.00 → CN¥640.00 (+CN¥40.00)
 * //   …
 * ```
 */
export function diffText(diff: RunDiff, options: DiffTextOptions): string {
  return guard(computeDiffText, [diff, options]);
}

function computeDiffText(given: RunDiff, options: DiffTextOptions): string {
  if (typeof given !== "object" || given === null || !Array.isArray((given as { changed?: unknown }).changed)) {
    throw new PayscoreError("INVALID_ARGUMENT", `diff must be a diff from diffRuns; got ${describeValue(given)}`, { path: ["diff"] });
  }
  const diff = readDiffShape(given, ["diff"]);
  const locale: unknown = (options as { locale?: unknown } | undefined)?.locale;
  if (locale !== "en" && locale !== "zh-CN") {
    throw new PayscoreError("INVALID_ARGUMENT", `options.locale must be "zh-CN" or "en"; got ${describeValue(locale)}`, { path: ["options", "locale"] });
  }
  const { diff: w, trace, components } = WORDS[locale];
  const currency = diff.currency ?? undefined;
  const rates = new Set(diff.rateKpis ?? []);
  const money = (value: string): string => formatMoney(value, locale, currency);
  const signed = (delta: string, format: (value: string) => string): string => {
    const d = new Decimal(delta);
    return d.isZero() ? format("0") : d.isNegative() ? `−${format(d.negated().toString())}` : `+${format(d.toString())}`;
  };

  const out: string[] = [];
  out.push(w.title(runName(options.names, "before"), runName(options.names, "after")));
  const hashes = diff.planHashes ?? { before: null, after: null };
  out.push(diff.planChanged ? w.planChanged(short(hashes.before), short(hashes.after)) : w.planSame(short(hashes.after)));
  out.push(`${w.total}${w.colon}${money(diff.totals.before)} → ${money(diff.totals.after)} (${signed(diff.totals.delta, money)})`);
  const people = [w.people(diff.changed.length, diff.unchanged)];
  if (diff.added.length > 0) people.push(w.added(diff.added.join(w.list)));
  if (diff.removed.length > 0) people.push(w.removed(diff.removed.join(w.list)));
  out.push(people.join(w.list));

  for (const person of diff.changed) {
    out.push("");
    const who = person.name === null || person.name === undefined ? person.person : `${person.person} ${person.name}`;
    out.push(`${who}${w.colon}${w.totalPayout} ${money(person.before)} → ${money(person.after)} (${signed(person.delta, money)})`);
    const causes: string[] = [];
    const data = (person.causes ?? []).map((change) => `${w.cell({ person: person.person, what: dataWhat(change, w, trace), column: change.column })} ${dataValue(change, locale)}`);
    if (data.length > 0) causes.push(`${w.causeData}${w.colon}${data.join(w.list)}`);
    if (diff.planChanged) causes.push(w.causePlan);
    if (causes.length === 0) causes.push(w.causeOthers);
    for (const cause of causes) out.push(`  ${w.cause}${w.colon}${cause}`);
    const rows = (person.lines ?? []).map((line) => {
      const kind = kindOf(line.field, rates);
      const format = (value: string | null): string => (value === null ? w.none : kind === "money" ? money(value) : kind === "percent" ? formatPercent(value, locale) : kind === "flag" ? (value === "true" ? w.yes : value === "false" ? w.no : value) : formatNumber(value, locale));
      const change = line.delta === null ? "" : ` (${signed(line.delta, (value) => format(value))})`;
      return [fieldName(line, w, components), `${format(line.before)} → ${format(line.after)}${change}`] as const;
    });
    const width = Math.max(0, ...rows.map(([name]) => displayWidth(name)));
    for (const [name, text] of rows) out.push(`  ${name}${" ".repeat(width - displayWidth(name))}  ${text}`);
  }
  return `${out.join("\n")}\n`;
}

/** A run's name from `options.names`, or the default (`before`, `after`). */
function runName(names: unknown, which: "before" | "after"): string {
  if (names === undefined) return which;
  const name: unknown = typeof names === "object" && names !== null ? (names as Record<string, unknown>)[which] : undefined;
  if (name === undefined && typeof names === "object" && names !== null) return which;
  if (typeof name !== "string" || name.length > 10_000) {
    throw new PayscoreError("INVALID_ARGUMENT", `options.names.${which} must be a string (a file name); got ${describeValue(name)}`, { path: ["options", "names", which] });
  }
  return name;
}

function short(hash: string | null | undefined): string {
  return hash === null || hash === undefined ? "?" : hash.length > 19 ? `${hash.slice(0, 19)}…` : hash;
}

type Kind = "money" | "percent" | "number" | "flag" | "text";

function kindOf(field: string, rates: ReadonlySet<string>): Kind {
  if (field === "totalPayout" || field.startsWith("pay.")) return "money";
  if (field === "promotion") return "flag";
  if (field === "grade" || field === "scorecard") return "text";
  const kpi = /^kpi\.(.+)\.(actual|target|attainment|points|weight|contribution)$/s.exec(field);
  if (kpi !== null && (kpi[2] === "attainment" || ((kpi[2] === "actual" || kpi[2] === "target") && rates.has(kpi[1] as string)))) return "percent";
  return "number";
}

function fieldName(line: DiffLine, w: DiffWords, components: Readonly<Record<string, string>>): string {
  const f = line.field;
  const kpi = /^kpi\.(.+)\.(actual|target|attainment|points|weight|contribution)$/s.exec(f);
  if (kpi !== null) return `${kpi[1] as string} ${w.fields.kpi[kpi[2] as string] as string}`;
  const sub = /^score@(.+)$/s.exec(f);
  if (sub !== null) return w.fields.subPeriodScore(sub[1] as string);
  const pay = /^pay\.([A-Za-z]+)\.(.+)$/s.exec(f);
  if (pay !== null) {
    const component = pay[1] as string;
    const label = Object.prototype.hasOwnProperty.call(components, component) ? (components[component] as string) : component;
    return pay[2] === component ? label : `${label} ${pay[2] as string}`;
  }
  const fixed = w.fields as unknown as Readonly<Record<string, unknown>>;
  const name = f === "kpi" ? undefined : fixed[f];
  return typeof name === "string" ? name : f;
}

function dataWhat(change: DataChange, w: DiffWords, trace: TraceWords): string {
  const kpi = /^kpi\.(.+)\.(actual|target)$/s.exec(change.step);
  if (kpi !== null) {
    const id = kpi[1] as string;
    if (kpi[2] === "target") return Object.prototype.hasOwnProperty.call(w.data.active, change.input) ? (w.data.active[change.input] as string) : w.data.target(id);
    const input = change.column !== null ? "actual" : Object.prototype.hasOwnProperty.call(trace.inputs, change.input) ? (trace.inputs[change.input] as string) : change.input;
    return w.data.actual(id, input);
  }
  if (change.step === "score.review360") return w.data.rating(Object.prototype.hasOwnProperty.call(trace.groups, change.input) ? (trace.groups[change.input] as string) : change.input);
  if (change.step === "pay.fixed") return w.data.basePay;
  if (change.step === "pay.targetIncentive") return w.data.targetAmount;
  return w.data.history;
}

function dataValue(change: DataChange, locale: ExplainLocale): string {
  const format = (value: string | null): string => (value === null || value === "" ? "–" : value.split(", ").map((part) => formatNumber(part, locale)).join(", "));
  return `${format(change.before)} → ${format(change.after)}`;
}

/** Columns a line takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
