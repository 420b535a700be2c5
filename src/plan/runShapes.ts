// The shapes of a run, a statement and a diff as explain, diffRuns and diffText read them: runs
// made by runPlan and runs read back from JSON (hand-edited, older, sparse). Every field may be
// absent or null — the readers word what is missing — but a field that is present must have its
// type, and no text is longer than MAX_TEXT, so a malformed statement is refused with its path
// instead of failing inside the formatting. The schemas are built on first use (a bundle that
// never explains a statement carries no zod).
import * as z from "zod";
import { parseWith, type ErrorPath } from "../errors/index.js";
import { isNumeric } from "../numeric/index.js";
import type { RunDiff } from "./diffRuns.js";
import type { PayoutRun, Statement } from "./types.js";

/** The longest text a statement field may hold (an amount has at most about 2 100 characters). */
export const MAX_TEXT = 10_000;

interface Shapes {
  readonly statement: z.ZodType;
  readonly run: z.ZodType;
  readonly diff: z.ZodType;
}

let built: Shapes | undefined;

function shapes(): Shapes {
  if (built !== undefined) return built;
  const text = z.string().max(MAX_TEXT);
  const maybe = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
  const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
  const texts = z.record(z.string().max(MAX_TEXT), text);
  const list = <T extends z.ZodType>(schema: T) => z.array(schema).max(10_000_000);
  const person = z.object({
    id: text,
    name: maybe(text),
    team: maybe(text),
    region: maybe(text),
    role: maybe(text),
    activeFrom: maybe(text),
    activeTo: maybe(text),
    basePay: maybe(text),
  });
  const kpi = z.object({
    id: text,
    name: maybe(text),
    category: maybe(text),
    actual: maybe(text),
    target: maybe(text),
    attainment: maybe(text),
    points: maybe(text),
    weight: maybe(text),
    difficulty: maybe(text),
    contribution: maybe(text),
  });
  const group = z.object({
    group: text,
    raters: maybe(count),
    mean: maybe(text),
    weight: maybe(text),
    included: maybe(z.boolean()),
    reason: maybe(text),
  });
  const statement = z.object({
    person,
    indicators: maybe(list(z.object({ kpi: text, indicator: text, inputs: texts, value: text }))),
    kpis: maybe(list(kpi)),
    kpiScore: maybe(text),
    // Issue 21: the scored sub-periods.
    subPeriods: maybe(
      list(
        z.object({
          label: text,
          start: maybe(text),
          end: maybe(text),
          kpis: maybe(list(z.object({ id: text, target: maybe(text), actual: maybe(text), attainment: maybe(text), points: maybe(text), weight: maybe(text), contribution: maybe(text) }))),
          score: maybe(text),
        }),
      ),
    ),
    scorecard: maybe(text),
    review360: maybe(
      z.object({
        score: maybe(text),
        points: maybe(text),
        groups: maybe(list(group)),
        competencies: maybe(list(z.object({ competency: text, score: maybe(text), points: maybe(text) }))),
        trainingNeeds: maybe(list(text)),
      }),
    ),
    score: maybe(text),
    rank: maybe(count),
    grade: maybe(z.object({ initial: maybe(text), final: maybe(text), reason: maybe(text), by: maybe(text), at: maybe(text) })),
    pay: maybe(list(z.object({ component: text, id: text, amount: text }))),
    totalPayout: maybe(text),
    promotion: maybe(z.object({ eligible: maybe(z.boolean()), longest: maybe(count), current: maybe(count) })),
    trace: maybe(list(z.object({ step: text, formula: text, inputs: texts, result: text }))),
  });
  const run = z.object({
    version: maybe(text),
    planHash: maybe(text),
    planName: maybe(text),
    currency: maybe(text),
    statements: list(statement),
    totals: maybe(z.object({ payout: maybe(text) })),
  });
  // diffText words every part of a diff; an older payscore's diff may lack hashes, currency, names and causes.
  const amount = text.refine((value) => isNumeric(value), { message: "expected a plain decimal string" });
  const line = z.object({ field: text, before: maybe(text), after: maybe(text), delta: maybe(amount) });
  const cause = z.object({ step: text, column: maybe(text), input: text, before: maybe(text), after: maybe(text) });
  const diff = z.object({
    planChanged: maybe(z.boolean()),
    planHashes: maybe(z.object({ before: maybe(text), after: maybe(text) })),
    currency: maybe(text),
    rateKpis: maybe(list(text)),
    added: list(text),
    removed: list(text),
    changed: list(z.object({ person: text, name: maybe(text), before: text, after: text, delta: amount, lines: list(line), causes: maybe(list(cause)) })),
    unchanged: count,
    totals: z.object({ before: text, after: text, delta: amount }),
  });
  built = { statement, run, diff };
  return built;
}

/**
 * Checks a statement's shape (from runPlan or read back from JSON) and returns a plain copy.
 *
 * @internal
 * @param value - the caller's statement
 * @param path - its name, `["statement"]`
 * @returns the statement, fields that were absent left absent
 * @throws {PayscoreError} `INVALID_ARGUMENT` with the path of every misshapen field
 *
 * @example
 * ```ts
 * readStatement({ person: { id: "p01" } }, ["statement"]); // { person: { id: "p01" } }
 * readStatement({ person: null }, ["statement"]); // throws INVALID_ARGUMENT at statement.person
 * ```
 */
export function readStatement(value: unknown, path: ErrorPath): Statement {
  return parseWith(shapes().statement, value, "INVALID_ARGUMENT", path) as Statement;
}

/**
 * Checks a run's shape (the parts diffRuns reads) and returns a plain copy.
 *
 * @internal
 * @param value - the caller's run
 * @param path - its name, `["before"]` or `["after"]`
 * @returns the run
 * @throws {PayscoreError} `INVALID_ARGUMENT` with the path of every misshapen field
 *
 * @example
 * ```ts
 * readRunShape({ statements: [] }, ["before"]).statements; // []
 * ```
 */
export function readRunShape(value: unknown, path: ErrorPath): PayoutRun {
  return parseWith(shapes().run, value, "INVALID_ARGUMENT", path) as PayoutRun;
}

/**
 * Checks a diff's shape (from diffRuns or read back from JSON) and returns a plain copy.
 *
 * @internal
 * @param value - the caller's diff
 * @param path - its name, `["diff"]`
 * @returns the diff
 * @throws {PayscoreError} `INVALID_ARGUMENT` with the path of every misshapen field
 *
 * @example
 * ```ts
 * readDiffShape({ changed: [] }, ["diff"]).changed; // []
 * ```
 */
export function readDiffShape(value: unknown, path: ErrorPath): RunDiff {
  return parseWith(shapes().diff, value, "INVALID_ARGUMENT", path) as RunDiff;
}
