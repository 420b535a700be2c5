import type * as z from "zod";
import { PayscoreError, describeValue, formatPath, type ErrorPath, type PayscoreIssue } from "../errors/index.js";

/**
 * The edit distance between two words (optimal string alignment): the fewest one-letter
 * insertions, deletions, substitutions and swaps of neighbours that turn one into the other
 * (for "did you mean …" hints).
 *
 * @internal
 * @param a - a word
 * @param b - another word
 * @returns the distance, 0 for equal words
 *
 * @example
 * ```ts
 * editDistance("wieght", "weight"); // 1 (a swap)
 * editDistance("margn", "margin"); // 1
 * editDistance("bonus", "kpis"); // 4
 * ```
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The candidate closest to a misspelt word, when one is close enough to be what was meant: at most
 * one edit for a word of up to four letters, two up to eight, three beyond (a difference of case
 * only counts as close).
 *
 * @internal
 * @param word - what the user wrote
 * @param candidates - the words allowed there
 * @returns the closest candidate, or `undefined`
 *
 * @example
 * ```ts
 * didYouMean("wieght", ["id", "weight", "target"]); // "weight"
 * didYouMean("bonus", ["version", "currency", "kpis"]); // undefined
 * ```
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip the quadratic table when that alone
    // is over the limit (a 1 MB value in an enum field must not take seconds).
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** A zod issue as an error function sees it (before zod fills in the message). */
type RawIssue = z.core.$ZodRawIssue;

/** The keys an object allows, kept for each unknown-key issue (zod passes the `keys` list on as it is). */
const allowedKeys = new WeakMap<readonly PropertyKey[], readonly string[]>();

/** Plain words for zod's type names. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a text in quotes",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object { … }",
  array: "a list [ … ]",
  record: "an object { … }",
};

/**
 * How a plan field is named in a message: its JSON path (`kpis[0].weight`), or `the plan` for
 * the whole document.
 */
function fieldOf(path: readonly PropertyKey[] | undefined): string {
  const keys = (path ?? []).map((key) => (typeof key === "symbol" ? String(key) : key));
  return keys.length === 0 ? "the plan" : formatPath(keys);
}

/**
 * A message for a value that is not what a field expects: `kpis[0].weight is missing: a number
 * or decimal string, e.g. "0.4"`, or `period.start is "2026-3-1": expected …`, with a hint for a
 * percent sign, a thousands separator or a close spelling of an allowed word.
 *
 * @internal
 * @param path - where the value is
 * @param input - the value found
 * @param expected - what the field takes, in plain words
 * @param choices - the words allowed there, for a "did you mean" hint
 * @returns the message
 *
 * @example
 * ```ts
 * expectedMessage(["kpis", 0, "weight"], undefined, 'a number or decimal string, e.g. "0.4"');
 * // 'kpis[0].weight is missing: a number or decimal string, e.g. "0.4"'
 * expectedMessage(["kpis", 1, "target"], "95%", "a number");
 * // 'kpis[1].target is "95%": expected a number; write a percentage as a ratio: "95%" → 0.95'
 * ```
 */
export function expectedMessage(path: readonly PropertyKey[] | undefined, input: unknown, expected: string, choices?: readonly string[] | undefined): string {
  const field = fieldOf(path);
  if (input === undefined) return `${field} is missing: ${expected}`;
  const found = Array.isArray(input) && input.length === 0 ? "an empty list" : describeValue(input);
  return `${field} is ${found}: expected ${expected}${hintFor(input, choices)}`;
}

function hintFor(input: unknown, choices: readonly string[] | undefined): string {
  if (typeof input !== "string") return "";
  const text = input.trim();
  const percent = /^([-+]?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent !== null) return `; write a percentage as a ratio: ${JSON.stringify(input)} → ${ratioText(percent[1] as string)}`;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return `; write it without thousands separators: ${text.replaceAll(",", "")}`;
  if (/^[-+]?\d+,\d+$/.test(text)) return `; use a point for decimals: ${text.replace(",", ".")}`;
  if (/^[¥￥$€£]/.test(text) || /(元|RMB|CNY)$/i.test(text)) return "; write the amount alone, without a currency sign or name";
  if (choices !== undefined) {
    const near = didYouMean(input, choices);
    if (near !== undefined) return `; did you mean ${JSON.stringify(near)}?`;
  }
  return "";
}

/** `"95"` → `"0.95"`: a percentage's digits as the ratio, exactly (the decimal point moved two places). */
function ratioText(digits: string): string {
  const negative = digits.startsWith("-");
  const unsigned = digits.replace(/^[-+]/, "");
  const [whole = "0", fraction = ""] = unsigned.split(".");
  const padded = whole.padStart(3, "0");
  const text = `${padded.slice(0, -2)}.${padded.slice(-2)}${fraction}`.replace(/^0+(?=\d)/, "").replace(/\.?0+$/, "");
  const shown = text === "" || text === "." ? "0" : text.startsWith(".") ? `0${text}` : text;
  return negative && shown !== "0" ? `-${shown}` : shown;
}

/**
 * A zod error function that gives a field's expectation in plain words; attach it to a schema
 * (`z.string({ error: expecting("a column name") })`) so every issue it raises reads
 * `<field> is <value found>: expected <what>`.
 *
 * @internal
 * @param expected - what the field takes
 * @returns the error function
 *
 * @example
 * ```ts
 * const name = z.string({ error: expecting("a name (text)") });
 * ```
 */
export function expecting(expected: string): (issue: RawIssue) => string {
  return (issue) => expectedMessage(issue.path, issue.input, expected);
}

/** What a KPI's `actual` takes. */
const ACTUAL = 'a data column name, { "column": … }, or a derived indicator { "indicator": …, …the columns it reads }';

/** Issue 21: the list input each list indicator reads (the others read "deals"). */
const LIST_OF: Readonly<Record<string, string>> = { csat: "responses", "weighted-visits": "activities", "resolution-hours": "tickets" };

/**
 * The message for a KPI's `actual` that matches none of its forms: for a derived indicator, which
 * columns it reads, which of the fields given is not one of them (with the closest name) and
 * which is missing.
 *
 * @internal
 * @param path - the actual's path (`kpis[2].actual`)
 * @param input - the value found
 * @param indicators - each indicator's column fields
 * @returns the message
 *
 * @example
 * ```ts
 * indicatorMessage(["kpis", 2, "actual"], { indicator: "margin", revenue: "rev", cots: "cost" }, { margin: ["revenue", "cost"] });
 * // 'kpis[2].actual is a "margin" indicator, which reads the columns revenue and cost: "cots" is not one of them (did you mean "cost"?); cost is missing'
 * ```
 */
export function indicatorMessage(path: readonly PropertyKey[] | undefined, input: unknown, indicators: Readonly<Record<string, readonly string[]>>): string {
  const field = fieldOf(path);
  if (typeof input !== "object" || input === null || Array.isArray(input) || !("indicator" in input)) return expectedMessage(path, input, ACTUAL);
  const record = input as Record<string, unknown>;
  const names = Object.keys(indicators);
  const indicator = record["indicator"];
  if (typeof indicator !== "string" || !Object.hasOwn(indicators, indicator)) {
    return expectedMessage([...(path ?? []), "indicator"], indicator, `one of ${names.map((n) => JSON.stringify(n)).join(", ")}`, names);
  }
  const fields = indicators[indicator] as readonly string[];
  const given = Object.keys(record).filter((key) => key !== "indicator");
  const problems = [
    ...given.filter((key) => !fields.includes(key)).map((key) => {
      const near = didYouMean(key, fields);
      return `${JSON.stringify(key)} is not one of them${near === undefined ? "" : ` (did you mean ${JSON.stringify(near)}?)`}`;
    }),
    ...fields.filter((key) => !given.includes(key)).map((key) => `${key} is missing`),
  ];
  const list = fields.length === 2 ? `${fields[0] as string} and ${fields[1] as string}` : `${fields.slice(0, -1).join(", ")} and ${fields[fields.length - 1] as string}`;
  // Issue 21: a list indicator ("from": a list input) takes fields, not columns.
  if (fields.includes("from")) {
    const listHead = `${field} is a ${JSON.stringify(indicator)} list indicator, which takes ${list}`;
    const from = LIST_OF[indicator] ?? "deals";
    return problems.length === 0 ? `${listHead}: from must be ${JSON.stringify(from)}; see "List indicators" in docs/plan-format.md for the other fields` : `${listHead}: ${problems.join("; ")}`;
  }
  const head = `${field} is a ${JSON.stringify(indicator)} indicator, which reads the columns ${list}`;
  return problems.length === 0 ? `${head}: each must be a data column name (non-empty text)` : `${head}: ${problems.join("; ")}`;
}

/**
 * The plan's zod error map (passed to `safeParse` as `error`): every message names the field,
 * the value found and what is expected, with hints (a percent sign, a misspelt option or key) —
 * never zod's bare `Invalid input`. Schemas that know their field better (numbers, names, dates,
 * a KPI's actual) carry their own error function, which zod asks first.
 *
 * @internal
 * @param issue - the issue as zod raised it
 * @returns the message
 *
 * @example
 * ```ts
 * planSchema.safeParse(plan, { error: planErrorMap });
 * // kpis[0].direction is "up": expected one of "higher", "lower"
 * ```
 */
export function planErrorMap(issue: RawIssue): string {
  const input = issue.input;
  switch (issue.code) {
    case "invalid_type":
      return expectedMessage(issue.path, input, TYPE_WORDS[issue.expected] ?? issue.expected);
    case "invalid_value": {
      const words = issue.values.map((value) => (typeof value === "string" ? value : String(value)));
      const listed = issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
      return expectedMessage(issue.path, input, listed, words);
    }
    case "too_small":
      return expectedMessage(issue.path, input, tooSmallWords(issue));
    case "too_big":
      return expectedMessage(issue.path, input, `${issue.origin === "array" ? "at most" : issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}${issue.origin === "array" ? " entries" : ""}`);
    case "unrecognized_keys": {
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      if (shape !== undefined) allowedKeys.set(issue.keys, Object.keys(shape));
      return `${fieldOf(issue.path)} has ${issue.keys.length === 1 ? "an unknown key" : "unknown keys"}: ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}`;
    }
    case "invalid_union": {
      const note = (issue as { note?: string }).note;
      const options = (issue as { options?: readonly unknown[] }).options;
      if (note === "No matching discriminator" && options !== undefined) {
        const value = typeof input === "object" && input !== null ? (input as Record<string, unknown>)[String((issue as { discriminator?: string }).discriminator)] : input;
        return expectedMessage(issue.path, value, `one of ${options.map((option) => JSON.stringify(option)).join(", ")}`, options.map(String));
      }
      return expectedMessage(issue.path, input, "one of the forms this field takes (see docs/plan-format.md)");
    }
    case "invalid_format":
      return expectedMessage(issue.path, input, issue.format === "regex" ? "text in the documented format" : issue.format);
    default:
      return expectedMessage(issue.path, input, "a value of the documented form (see docs/plan-format.md)");
  }
}

function tooSmallWords(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  const minimum = String(issue.minimum);
  if (issue.origin === "array") return minimum === "1" ? "a list with at least one entry" : `a list with at least ${minimum} entries`;
  if (issue.origin === "string") return minimum === "1" ? "a non-empty text" : `a text of at least ${minimum} characters`;
  return issue.inclusive === false ? `a number greater than ${minimum}` : `a number of at least ${minimum}`;
}

/**
 * The plan's issues as the `INVALID_PLAN` error: one issue per unknown key (with the key in its
 * path and the closest allowed key as a hint), and every message starting with its field.
 *
 * @internal
 * @param issues - zod's issues (made with {@link planErrorMap})
 * @returns the error to throw
 *
 * @example
 * ```ts
 * planIssuesError(result.error.issues).message;
 * // 'kpis[0].wieght is an unknown key; did you mean "weight"?'
 * ```
 */
export function planIssuesError(issues: readonly z.core.$ZodIssue[]): PayscoreError {
  const listed: PayscoreIssue[] = issues.flatMap(periodFormIssues).flatMap((issue): PayscoreIssue[] => {
    const path: ErrorPath = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeys.get(issue.keys) ?? [];
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage([...path, key], key, allowed) }));
    }
    return [{ path, message: startsWithField(path, issue.message) }];
  });
  const first = listed[0] ?? { path: [], message: "the plan is not valid" };
  const all = listed.length > 0 ? listed : [first];
  return new PayscoreError("INVALID_PLAN", all.map((issue) => issue.message).join("; "), { path: first.path, issues: all });
}

/**
 * Issue 21: the plan's `period` is `{ start, end, label }` or a fiscal year `{ fiscalYear, … }`.
 * When it is neither, the problems of the form it was written in (the one whose keys it uses)
 * are reported, not "one of the forms": `period.label is missing`, as before the second form.
 */
function periodFormIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.path.length !== 1 || issue.path[0] !== "period") return [issue];
  const forms = issue.errors.filter((branch) => !branch.some((inner) => inner.code === "unrecognized_keys" && inner.path.length === 0));
  const form = forms.length === 1 ? forms[0] : undefined;
  if (form === undefined || form.length === 0) return [issue];
  return form.map((inner) => {
    // The form's messages were written from inside the period: name the field from the plan.
    const path = [...issue.path, ...inner.path];
    const own = fieldOf(inner.path);
    return { ...inner, path, message: inner.message.startsWith(own) ? `${fieldOf(path)}${inner.message.slice(own.length)}` : inner.message };
  });
}

function unknownKeyMessage(path: ErrorPath, key: string, allowed: readonly string[]): string {
  const near = didYouMean(key, allowed);
  if (near !== undefined) return `${formatPath(path)} is an unknown key; did you mean ${JSON.stringify(near)}?`;
  return `${formatPath(path)} is an unknown key; the keys here are ${allowed.join(", ")}`;
}

/**
 * A message that starts with its field (`kpis[1].weight …`): a message that does not gets the
 * field and a colon in front.
 *
 * @internal
 * @param path - the issue's path
 * @param message - the message
 * @returns the message, starting with the field
 *
 * @example
 * ```ts
 * startsWithField(["kpis", 1, "id"], 'duplicate KPI id "sales"'); // 'kpis[1].id: duplicate KPI id "sales"'
 * ```
 */
export function startsWithField(path: ErrorPath, message: string): string {
  const field = fieldOf(path);
  return message.startsWith(field) ? message : `${field}: ${message}`;
}

/**
 * A domain function's words in the plan's terms: the option object the plan's section is passed
 * as (`options.weights`, for `aggregate360`) named as the plan names it (`review360.weights`).
 *
 * @internal
 * @param error - what the domain threw
 * @param from - the domain's name for the section (`options`)
 * @param to - the plan's path of it (`["review360"]`)
 * @returns the same fault, in the plan's words
 *
 * @example
 * ```ts
 * inPlanTerms(error, "options", ["review360"]).message;
 * // 'ratings[4].group must be one of the groups in review360.weights ("manager", "peer"); got "boss"'
 * ```
 */
export function inPlanTerms(error: PayscoreError, from: string, to: ErrorPath): PayscoreError {
  const pattern = new RegExp(`(^|[^\\w.$\\]])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[.[])`, "g");
  const prefix = formatPath(to);
  const reword = (text: string): string => text.replace(pattern, (_match, before: string) => `${before}${prefix}`);
  const path = error.path[0] === from ? [...to, ...error.path.slice(1)] : error.path;
  const issues = error.issues.map((issue) => ({ path: issue.path[0] === from ? [...to, ...issue.path.slice(1)] : issue.path, message: reword(issue.message) }));
  return new PayscoreError(error.code, reword(error.message), { path, issues, cause: error });
}

/**
 * Runs a step of a run whose domain function names the plan's section by its option object
 * (`aggregate360`'s `options.weights`), and rewords its faults in the plan's terms
 * (`review360.weights`) with {@link inPlanTerms}.
 *
 * @internal
 * @param from - the domain's name for the section (`options`)
 * @param to - the plan's path of it (`["review360"]`)
 * @param compute - the step
 * @returns what the step returns
 * @throws {PayscoreError} the step's fault, reworded
 *
 * @example
 * ```ts
 * const review = inPlanTermsOf("options", ["review360"], () => review360Stage(ctx, ratings));
 * ```
 */
export function inPlanTermsOf<T>(from: string, to: ErrorPath, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof PayscoreError) throw inPlanTerms(error, from, to);
    throw error;
  }
}

/** The names domain functions give the values a run passes them, and the plan's words for them. */
const DOMAIN_NAMES: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  // scoreRounded / scoreKpis: values.<kpi>.target, values["a b"].actual
  [/(^|[^\w.$\]])values(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])\.(target|actual)\b/g, (before, id, quoted, field) => `${before}KPI ${quoted ?? JSON.stringify(id)} ${field}`],
  // composeBonus: parts.variable.* is the plan's target incentive
  [/(^|[^\w.$\]])parts\.variable\.targetAmount\b/g, (before) => `${before}pay.targetIncentive.amount`],
  [/(^|[^\w.$\]])parts\.variable\.attainment\b/g, (before) => `${before}pay.targetIncentive.measure`],
  [/(^|[^\w.$\]])parts\.variable\.curve\b/g, (before) => `${before}pay.targetIncentive.curve`],
  [/(^|[^\w.$\]])parts\.variable\.(?:grade|multipliers)\b/g, (before) => `${before}pay.gradeMultipliers`],
];

/**
 * A domain function's message about a value the run passed it, in the plan's words: the
 * scorer's `values.sales.target` becomes `KPI "sales" target`, `composeBonus`'s
 * `parts.variable.targetAmount` becomes `pay.targetIncentive.amount` — names the user wrote, not
 * the options of a function they never called (issue 18).
 *
 * @internal
 * @param message - the domain's message
 * @returns the message with the internal names replaced
 *
 * @example
 * ```ts
 * inPlanWords("values.sales.target must not be negative; got -5"); // 'KPI "sales" target must not be negative; got -5'
 * inPlanWords("parts.variable.targetAmount must not be negative; got -5"); // "pay.targetIncentive.amount must not be negative; got -5"
 * ```
 */
export function inPlanWords(message: string): string {
  let text = message;
  for (const [pattern, words] of DOMAIN_NAMES) text = text.replace(pattern, (_match, ...groups: unknown[]) => words(...groups.slice(0, 4).map((g) => (typeof g === "string" ? g : (undefined as unknown as string)))));
  return text;
}
