// The checked form of a scorecard and the arithmetic of scoreKpis, shared by compileScorecard,
// scoreKpis, scoreRounded and compileRoundedScorecard. Internal: nothing here is re-exported from
// index.ts.
import { PayscoreError, formatPath, type ErrorPath } from "../errors/index.js";
import { attainment, type AttainmentOptions } from "../metrics/index.js";
import { Decimal, productDecimal, quotientDecimal, readDecimal, roundDecimal, splitDecimal, splitNumber, sumInOrder, compareDecimal, differenceDecimal, type Digits, type RoundingMode } from "../numeric/index.js";
import { curveValue, readCurve, type CheckedCurve } from "./curve.js";
import type { KpiLine, KpiScorecard } from "./compileScorecard.js";
import { LineMemo } from "./lineMemo.js";
import { deferredScorecard, type LineSource } from "./deferredScorecard.js";
import { KeptNumbers, type KeptChunk } from "./keptNumbers.js";
import { matchesSnapshot, snapshotKpis, type KpiSnapshot } from "./kpiSnapshot.js";
import { canonicalOrder, fault, hasOwn, pathTo, readChoice, readList, readName, readRecord, readWeight, requireSumOfOne } from "./internal.js";

/**
 * One KPI after checking.
 *
 * @internal
 */
export interface CheckedKpi {
  readonly id: string;
  readonly weight: Decimal;
  readonly attainmentOptions: CheckedAttainmentOptions;
  readonly curve: CheckedCurve | undefined;
  readonly difficulty: Decimal;
  /** The weight as `mantissa · 10^exponent` (at most 15 digits), for the exact fast product; undefined when longer. */
  readonly weightDigits: Readonly<Digits> | undefined;
  /** Points worked out once for the attainments many people share (see {@link KnownProducts}). */
  readonly knownPoints: KnownProducts;
  /** Contributions at the KPI's own weight worked out once for the points many people share. */
  readonly knownContributions: KnownProducts;
  /** The unrounded lines of plain-number (actual, target) pairs seen before (see {@link LineMemo}). */
  readonly memo: LineMemo;
}

/**
 * Results of a product worked out once for inputs that are the same Decimal instance for many
 * people — the cap, the floor and zero as attainments; their points and a curve's `y` values as
 * points — found by identity (Decimals are immutable, so the same instance gives the same result).
 *
 * @internal
 */
export interface KnownProducts {
  readonly inputs: readonly Decimal[];
  readonly outputs: readonly Decimal[];
}

/**
 * A KPI's attainment options after checking: every choice filled in, cap and floor as Decimals.
 *
 * @internal
 */
export interface CheckedAttainmentOptions extends AttainmentOptions {
  readonly direction: "higher" | "lower";
  readonly lowerFormula: "reflect" | "inverse";
  readonly zeroTarget: "error" | "zero" | "full";
  readonly cap: Decimal | undefined;
  readonly floor: Decimal | undefined;
}

/**
 * A checked KPI list with the order its sums are taken in.
 *
 * @internal
 */
export interface CheckedKpis {
  readonly kpis: readonly CheckedKpi[];
  /** Indexes of `kpis` sorted by id. */
  readonly order: readonly number[];
  /** Where deferred results keep the numbers their lines are built from (one per list, shared by its results). */
  readonly kept: KeptNumbers<readonly CheckedKpi[]>;
}

/**
 * Rounding points of the rounded reference path: attainment, points and score rounded with `mode`.
 *
 * @internal
 */
export interface CheckedRounding {
  readonly attainmentScale: number;
  readonly pointsScale: number;
  readonly scoreScale: number;
  readonly mode: RoundingMode;
}

const DIRECTIONS = ["higher", "lower"] as const;
const LOWER_FORMULAS = ["reflect", "inverse"] as const;
const ZERO_TARGETS = ["error", "zero", "full"] as const;
const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
const TWO = new Decimal(2);
const NO_PATH: ErrorPath = Object.freeze([]);
/** The path of `values` (PayscoreError copies a path, so one frozen list serves every call). */
const VALUES_PATH: ErrorPath = Object.freeze(["values"]);

/**
 * Checked KPI lists of deeply frozen `kpis` arrays, keyed by the array. A frozen array of frozen
 * plain-data KPIs (no getters, nested objects frozen too) cannot change, so checking it again
 * would find the same thing: the cache is only ever filled for such arrays.
 */
const CHECKED = new WeakMap<object, CheckedKpis>();

/** A checked KPI list with the snapshot of what it was checked from. */
interface Remembered {
  readonly snapshot: KpiSnapshot;
  readonly checked: CheckedKpis;
}

/**
 * Checked KPI lists of arrays that are not frozen, keyed by the array, each with the
 * {@link KpiSnapshot} it was checked from. The list was checked from the snapshot's detached
 * copy, so it depends on nothing but the values in the snapshot; it is used again only while
 * the array still reads as the snapshot (compared on every call), and checked afresh — and
 * remembered again — as soon as anything the check reads has changed.
 */
const REMEMBERED = new WeakMap<object, Remembered>();

/**
 * Checks a KPI list once: ids, weights summing to 1, attainment options, curves, difficulty.
 * The checked list is remembered per array: a deeply frozen array is checked once; any other
 * array is checked again only when something the check reads has changed since (see
 * {@link REMEMBERED}: the same KPI, curve and point objects, the same field values by
 * `Object.is`; Decimal values are immutable, so the same instance is the same number).
 *
 * @internal
 * @param kpis - the caller's KPIs (anything: they are checked)
 * @returns the checked KPIs and their sum order
 * @throws {PayscoreError} as `scoreKpis` for the KPIs
 * @example
 * ```ts
 * const kpis = [{ id: "a", weight: 1 }];
 * readKpis(kpis) === readKpis(kpis); // true: checked once, remembered while unchanged
 * ```
 */
export function readKpis(kpis: unknown): CheckedKpis {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a WeakMap lookup with a primitive key finds nothing; it does not throw
  if (typeof kpis === "object" && kpis !== null) {
    const cached = CHECKED.get(kpis);
    if (cached !== undefined) return cached;
    const remembered = REMEMBERED.get(kpis);
    // Stryker disable next-line ConditionalExpression: checking the list again gives an equal result, only slower
    if (remembered !== undefined && matchesSnapshot(kpis as readonly unknown[], remembered.snapshot)) return remembered.checked;
  }
  if (isFrozenData(kpis, 0)) {
    const checked = checkKpis(kpis);
    CHECKED.set(kpis as object, checked);
    return checked;
  }
  const snapshot = snapshotKpis(kpis);
  if (snapshot === undefined) return checkKpis(kpis);
  let checked: CheckedKpis;
  try {
    checked = checkKpis(snapshot.copy);
  } catch {
    // The caller's list is at fault: check it as it is, for the error's own paths and message.
    return checkKpis(kpis);
  }
  REMEMBERED.set(kpis as object, { snapshot, checked });
  return checked;
}

/** Whether a value is a primitive, or a frozen object whose own properties are all frozen data (no accessors). */
function isFrozenData(value: unknown, depth: number): boolean {
  // Stryker disable next-line ConditionalExpression: counting a function as frozen data changes nothing: a function-valued KPI field is ignored or refused
  if (typeof value !== "object" || value === null) return typeof value !== "function";
  if (depth > 8 || !Object.isFrozen(value)) return false;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const key of Reflect.ownKeys(descriptors)) {
    const d = descriptors[key as keyof typeof descriptors] as PropertyDescriptor;
    if (!("value" in d) || !isFrozenData(d.value, depth + 1)) return false;
  }
  return true;
}

/**
 * Checks a KPI list as it is, remembering nothing: the reference that {@link readKpis}'s
 * remembered lists must equal (and what it runs on a list it has not seen or that has changed).
 *
 * @internal
 * @param kpis - the caller's KPIs (anything: they are checked)
 * @returns the checked KPIs and their sum order, with empty line memos
 * @throws {PayscoreError} as `scoreKpis` for the KPIs
 * @example
 * ```ts
 * checkKpis([{ id: "a", weight: 1, cap: 1.2 }]).kpis[0]?.attainmentOptions.cap?.toString(); // "1.2"
 * ```
 */
export function checkKpis(kpis: unknown): CheckedKpis {
  const list = readList(kpis, ["kpis"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["kpis"], "must hold at least one KPI");
  const seen = new Set<string>();
  const checked: CheckedKpi[] = [];
  for (let i = 0; i < list.length; i++) {
    const path: ErrorPath = ["kpis", i];
    const kpi = readRecord(list[i], path);
    const id = readName(kpi["id"], pathTo(path, "id"));
    if (seen.has(id)) throw fault("INVALID_ARGUMENT", pathTo(path, "id"), `repeats the id "${id}"; KPI ids must be unique`);
    seen.add(id);
    const weight = readWeight(kpi["weight"], pathTo(path, "weight"));
    const direction = readChoice(kpi["direction"], pathTo(path, "direction"), DIRECTIONS, "higher");
    const lowerFormula = readChoice(kpi["lowerFormula"], pathTo(path, "lowerFormula"), LOWER_FORMULAS, "reflect");
    const zeroTarget = readChoice(kpi["zeroTarget"], pathTo(path, "zeroTarget"), ZERO_TARGETS, "error");
    const cap = kpi["cap"] === undefined ? undefined : readDecimal(kpi["cap"], pathTo(path, "cap"));
    const floor = kpi["floor"] === undefined ? undefined : readDecimal(kpi["floor"], pathTo(path, "floor"));
    if (cap !== undefined && floor !== undefined && floor.gt(cap)) {
      throw fault("INVALID_ARGUMENT", pathTo(path, "floor"), `must not be greater than cap; got floor ${floor.toString()} and cap ${cap.toString()}`);
    }
    const curve = kpi["curve"] === undefined ? undefined : readCurve(kpi["curve"], pathTo(path, "curve"));
    const difficulty = kpi["difficulty"] === undefined ? ONE : readDifficulty(kpi["difficulty"], pathTo(path, "difficulty"));
    // Stryker disable next-line ObjectLiteral: splitDecimal sets both fields whenever the digits are used
    const digits: Digits = { mantissa: 0, exponent: 0 };
    const weightDigits = splitDecimal(weight, digits) ? Object.freeze(digits) : undefined;
    const none: KnownProducts = { inputs: [], outputs: [] };
    const bare: CheckedKpi = { id, weight, attainmentOptions: Object.freeze({ direction, lowerFormula, zeroTarget, cap, floor }), curve, difficulty, weightDigits, knownPoints: none, knownContributions: none, memo: new LineMemo() };
    checked.push(withKnownProducts(bare));
  }
  const order = canonicalOrder(checked.map((k) => k.id));
  let sum = ZERO;
  for (const i of order) sum = sum.plus((checked[i] as CheckedKpi).weight);
  requireSumOfOne(sum, ["kpis"], "KPI weights");
  const frozen = Object.freeze(checked);
  return Object.freeze({ kpis: frozen, order: Object.freeze(order), kept: new KeptNumbers(frozen, 2 * frozen.length, linesOfKept) });
}

/**
 * The KPI with its {@link KnownProducts}: points for the attainments the quick path returns as
 * shared instances (cap, floor, zero), and contributions for the points shared in turn (those
 * points, a curve's `y` values, zero), each computed by the same {@link pointsOf} and
 * {@link contributionOf} as any other person's.
 */
function withKnownProducts(kpi: CheckedKpi): CheckedKpi {
  const attainments: Decimal[] = [];
  for (const a of [kpi.attainmentOptions.cap, kpi.attainmentOptions.floor, ZERO]) if (a !== undefined && !attainments.includes(a)) attainments.push(a);
  const points = attainments.map((a) => pointsOf(kpi, a));
  const shared: Decimal[] = [];
  for (const p of [...points, ...(kpi.curve?.ys ?? []), ZERO]) if (!shared.includes(p)) shared.push(p);
  return {
    ...kpi,
    knownPoints: Object.freeze({ inputs: Object.freeze(attainments), outputs: Object.freeze(points) }),
    knownContributions: Object.freeze({ inputs: Object.freeze(shared), outputs: Object.freeze(shared.map((p) => contributionOf(kpi, kpi.weight, p))) }),
  };
}

/** The output for an input that is one of `known`'s inputs (the same instance), else undefined. */
function knownProduct(known: KnownProducts, input: Decimal): Decimal | undefined {
  const { inputs } = known;
  for (let k = 0; k < inputs.length; k++) if (inputs[k] === input) return known.outputs[k];
  return undefined;
}

/**
 * Reads a difficulty coefficient: a number greater than 0.
 *
 * @internal
 * @param value - the caller's value
 * @param path - where it sits
 * @returns the coefficient
 * @throws {PayscoreError} `INVALID_NUMBER`, `OUT_OF_RANGE` for a value ≤ 0
 * @example
 * ```ts
 * readDifficulty("1.1", ["difficulty"]).toString(); // "1.1"
 * readDifficulty(0, ["difficulty"]); // throws OUT_OF_RANGE
 * ```
 */
export function readDifficulty(value: unknown, path: ErrorPath): Decimal {
  const d = readDecimal(value, path);
  if (!d.gt(0)) throw fault("OUT_OF_RANGE", path, `must be a coefficient greater than 0 (1 = no adjustment); got ${d.toString()}`);
  return d;
}

/**
 * Scores one person's values on a checked scorecard: the arithmetic of `scoreKpis`, and with
 * `rounding` the rounded reference path of `scoreRounded` (attainment, points and score rounded
 * at their scales; contributions and the base score exact).
 *
 * @internal
 * @param checked - the checked KPIs
 * @param missing - the missing-KPI policy
 * @param difficulty - the total difficulty
 * @param values - the caller's values (anything: they are checked)
 * @param rounding - the rounding points, or undefined for the unrounded `scoreKpis`
 * @returns the scored scorecard
 * @throws {PayscoreError} as `scoreKpis` for the values
 * @example
 * ```ts
 * scoreChecked(checkKpis([{ id: "a", weight: 1 }]), "error", new Decimal(1), { a: { actual: 9, target: 10 } }).score.toString(); // "90"
 * ```
 */
export function scoreChecked(
  checked: CheckedKpis,
  missing: "error" | "zero" | "reweight",
  difficulty: Decimal,
  values: unknown,
  rounding?: CheckedRounding | undefined,
): KpiScorecard {
  const table = readRecord(values, VALUES_PATH);
  // The module's scratch list when it is free (a getter in `values` may score another person
  // while this call is under way: that call then makes its own list).
  const scratch = CONTRIBUTIONS;
  CONTRIBUTIONS = undefined;
  // Stryker disable next-line ArrayDeclaration: pre-sizing only; every cell is written before it is read
  const contributions = scratch ?? new Array<Decimal>(checked.kpis.length);
  try {
    return scoreInto(checked, missing, difficulty, table, rounding, contributions);
  } finally {
    if (scratch !== undefined) CONTRIBUTIONS = scratch;
  }
}

/** Scratch contributions of {@link scoreChecked}: only read at indexes written in the same call; undefined while in use. */
let CONTRIBUTIONS: Decimal[] | undefined = [];

/** {@link scoreChecked} with the values read as a record and a contributions list to fill. */
function scoreInto(
  checked: CheckedKpis,
  missing: "error" | "zero" | "reweight",
  difficulty: Decimal,
  table: Readonly<Record<string, unknown>>,
  rounding: CheckedRounding | undefined,
  contributions: Decimal[],
): KpiScorecard {
  const { kpis, order } = checked;
  const count = kpis.length;
  let lines: KpiLine[] | undefined;
  let kept: LineSource<KeptChunk<readonly CheckedKpi[]>, number> | undefined;
  let offset = 0;
  if (missing === "reweight") {
    // Stryker disable next-line ArrayDeclaration: pre-sizing only; every cell is written before it is read
    lines = new Array<KpiLine>(count);
    reweightedLines(checked, table, rounding, lines);
  } else if (rounding === undefined) {
    // Reserved before any entry is read (a getter may score another person meanwhile).
    offset = checked.kept.reserve();
    kept = checked.kept.source;
    lines = unroundedPass(kpis, table, missing, kept.context.data, offset, contributions);
    if (lines !== undefined) checked.kept.giveBack(kept, offset);
  } else {
    // Stryker disable next-line ArrayDeclaration: pre-sizing only; every cell is written before it is read
    lines = new Array<KpiLine>(count);
    // One pass: each KPI's attainment, points and contribution in turn (nothing but the
    // attainment can throw, so the first bad KPI in order still raises the error).
    for (let i = 0; i < count; i++) {
      const kpi = kpis[i] as CheckedKpi;
      lines[i] = lineOf(kpi, attainmentAt(kpi, table, missing, rounding), kpi.weight, rounding);
    }
  }
  if (lines !== undefined) for (let i = 0; i < count; i++) contributions[i] = (lines[i] as KpiLine).contribution;
  // Σ contribution in id order, each partial sum rounded as chained `plus` rounds it.
  let baseScore = sumInOrder(contributions, order);
  // Stryker disable next-line ConditionalExpression: chained plus in id order is the sum sumInOrder reproduces (property-tested), only slower
  if (baseScore === undefined) {
    baseScore = ZERO;
    for (const i of order) baseScore = baseScore.plus(contributions[i] as Decimal);
  }
  baseScore = nonNegativeZero(baseScore);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path: multiplying by a difficulty of 1 gives the same Decimal
  let score = difficulty === ONE || compareDecimal(difficulty, ONE) === 0 ? baseScore : nonNegativeZero(baseScore.times(difficulty));
  if (rounding !== undefined) score = roundDecimal(score, rounding.scoreScale, rounding.mode);
  if (lines !== undefined) return { score, lines, difficulty, baseScore };
  // Only the unrounded pass gives no lines, and it has kept the numbers.
  return deferredScorecard(score, difficulty, baseScore, kept as LineSource<KeptChunk<readonly CheckedKpi[]>, number>, offset);
}

/**
 * The unrounded pass of `scoreKpis`: each KPI's contribution in turn. While every entry is a
 * plain-number `{ actual, target }`, it keeps the two numbers in `data` (from `offset`: actual₀,
 * target₀, actual₁, …) and builds no line
 * (undefined: the result builds them when first read, see {@link deferredScorecard}); at the
 * first entry that is not (missing, text, a Decimal…), it builds the lines of the KPIs before it
 * from their numbers and scores the rest line by line, as the eager path always has. Nothing but
 * an attainment can throw, so the first bad KPI in order still raises the error.
 */
function unroundedPass(
  kpis: readonly CheckedKpi[],
  table: Readonly<Record<string, unknown>>,
  missing: "error" | "zero",
  data: Float64Array,
  offset: number,
  contributions: Decimal[],
): KpiLine[] | undefined {
  const count = kpis.length;
  for (let i = 0; i < count; i++) {
    const kpi = kpis[i] as CheckedKpi;
    const entry = hasOwn(table, kpi.id) ? table[kpi.id] : undefined;
    if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      const actual = (entry as Readonly<Record<string, unknown>>)["actual"];
      const target = (entry as Readonly<Record<string, unknown>>)["target"];
      if (typeof actual === "number" && typeof target === "number") {
        data[offset + 2 * i] = actual;
        data[offset + 2 * i + 1] = target;
        contributions[i] = lineAt(kpi, actual, target, false).contribution;
        continue;
      }
    }
    // Stryker disable next-line ArrayDeclaration: pre-sizing only; every cell is written before it is read
    const lines = new Array<KpiLine>(count);
    for (let k = 0; k < i; k++) lines[k] = keptLine(kpis[k] as CheckedKpi, data, offset, k);
    for (let k = i; k < count; k++) {
      const other = kpis[k] as CheckedKpi;
      // Stryker disable next-line ConditionalExpression: the remembered line is the line lineOf gives (property-tested), only shared
      lines[k] = other.memo.on ? rememberedLine(other, table, missing) : lineOf(other, attainmentAt(other, table, missing, undefined), other.weight, undefined);
    }
    return lines;
  }
  return undefined;
}

/**
 * The lines of a deferred result, built from the numbers it kept — `actual₀, target₀, actual₁,
 * target₁, …` as read from `values`, from `offset` in its chunk — the lines the eager path
 * gives, digit for digit.
 */
function linesOfKept(chunk: KeptChunk<readonly CheckedKpi[]>, offset: number): KpiLine[] {
  const { kpis, data } = chunk;
  const count = kpis.length;
  // Stryker disable next-line ArrayDeclaration: pre-sizing only; every cell is written before it is read
  const lines = new Array<KpiLine>(count);
  for (let i = 0; i < count; i++) lines[i] = keptLine(kpis[i] as CheckedKpi, data, offset, i);
  return lines;
}

/** KPI `i`'s line from the numbers kept for it (already scored once: the memo is only read). */
function keptLine(kpi: CheckedKpi, data: Float64Array, offset: number, i: number): KpiLine {
  return lineFrom(kpi, lineAt(kpi, data[offset + 2 * i] as number, data[offset + 2 * i + 1] as number, true));
}

/** A line's Decimals, written in place by {@link lineAt} (see there). */
interface LineScratch {
  attainment: Decimal;
  points: Decimal;
  contribution: Decimal;
}

// Scratch of lineAt and the pair it scores (single-threaded, never held across calls).
const LINE: LineScratch = { attainment: ZERO, points: ZERO, contribution: ZERO };
const PAIR = { actual: 0, target: 0 };

/**
 * Writes into {@link LINE} a KPI's unrounded line Decimals for a plain-number pair at its own
 * weight: remembered ones when the KPI's {@link LineMemo} has them, else worked out (and
 * remembered while it is on). `again` is for building the lines of a result scored before: the
 * memo is read without counting a hit and nothing new is remembered, so reading lines does not
 * change what later calls remember. In place rather than as a new object per call: an object made
 * here would live as long as the memo keeps some of them, and V8 would then make every one of
 * them in the old generation, where the Decimals they point to outlive the young collections.
 */
function lineAt(kpi: CheckedKpi, actual: number, target: number, again: boolean): LineScratch {
  const memo = kpi.memo;
  if (memo.on) {
    const known = again ? memo.peek(actual, target) : memo.find(actual, target);
    if (known !== undefined) {
      LINE.attainment = known.attainment;
      LINE.points = known.points;
      LINE.contribution = known.contribution;
      return LINE;
    }
  }
  // From the very numbers read (an entry's getter may give others on a second read).
  PAIR.actual = actual;
  PAIR.target = target;
  const a = attainmentOf(kpi, PAIR);
  const points = pointsOf(kpi, a);
  const contribution = nonNegativeZero(contributionOf(kpi, kpi.weight, points));
  if (memo.on && !again) memo.keep(actual, target, { attainment: a, points, contribution });
  LINE.attainment = a;
  LINE.points = points;
  LINE.contribution = contribution;
  return LINE;
}

/** The line object of a KPI's line Decimals (a new object each time: the caller may change it). */
function lineFrom(kpi: CheckedKpi, line: LineScratch): KpiLine {
  return { id: kpi.id, attainment: line.attainment, difficulty: kpi.difficulty, points: line.points, weight: kpi.weight, contribution: line.contribution };
}

/**
 * A KPI's attainment from `values` (rounded on the rounded path), or `null` when it is missing
 * and `missing` allows that.
 */
function attainmentAt(kpi: CheckedKpi, table: Readonly<Record<string, unknown>>, missing: "error" | "zero" | "reweight", rounding: CheckedRounding | undefined): Decimal | null {
  const entry = hasOwn(table, kpi.id) ? table[kpi.id] : undefined;
  if (entry === undefined || entry === null) {
    if (missing === "error") {
      throw fault("INVALID_DATA", ["values", kpi.id], `is missing: no actual and target for the KPI "${kpi.id}" (set missing to "zero" or "reweight" to score without it)`);
    }
    return null;
  }
  const a = attainmentOf(kpi, entry);
  return rounding === undefined ? a : roundDecimal(a, rounding.attainmentScale, rounding.mode);
}

/**
 * A KPI's unrounded line at its own weight, its Decimals shared with every earlier call that had
 * the same plain-number actual and target (see {@link LineMemo}); any other entry is scored as
 * {@link lineOf} scores it.
 */
function rememberedLine(kpi: CheckedKpi, table: Readonly<Record<string, unknown>>, missing: "error" | "zero" | "reweight"): KpiLine {
  const entry = hasOwn(table, kpi.id) ? table[kpi.id] : undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: an entry sent to lineOf is scored the same, only not remembered
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return lineOf(kpi, attainmentAt(kpi, table, missing, undefined), kpi.weight, undefined);
  const value = entry as Readonly<Record<string, unknown>>;
  const actual = value["actual"];
  const target = value["target"];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: an entry sent to lineOf is scored the same, only not remembered
  if (typeof actual !== "number" || typeof target !== "number") return lineOf(kpi, attainmentAt(kpi, table, missing, undefined), kpi.weight, undefined);
  const memo = kpi.memo;
  const known = memo.find(actual, target);
  if (known !== undefined) {
    return { id: kpi.id, attainment: known.attainment, difficulty: kpi.difficulty, points: known.points, weight: kpi.weight, contribution: known.contribution };
  }
  // From the very numbers read above (an entry's getter may give others on a second read), so
  // the line remembered for the pair is the line of that pair.
  const a = attainmentOf(kpi, { actual, target });
  const line = lineOf(kpi, a, kpi.weight, undefined);
  // Its own object: the caller may change the line it is given, never what is remembered.
  memo.keep(actual, target, { attainment: a, points: line.points, contribution: line.contribution });
  return line;
}

/** A KPI's line: points from the attainment (0 when missing), then `weight · points`. */
function lineOf(kpi: CheckedKpi, a: Decimal | null, weight: Decimal, rounding: CheckedRounding | undefined): KpiLine {
  let points = a === null ? ZERO : pointsOf(kpi, a);
  // Stryker disable next-line ConditionalExpression: a missing KPI has points 0, which rounds to 0
  if (rounding !== undefined && a !== null) points = roundDecimal(points, rounding.pointsScale, rounding.mode);
  return { id: kpi.id, attainment: a, difficulty: kpi.difficulty, points, weight, contribution: nonNegativeZero(contributionOf(kpi, weight, points)) };
}

/** The lines under `missing: "reweight"`: every attainment first, then the weights rescaled over the present KPIs. */
function reweightedLines(checked: CheckedKpis, table: Readonly<Record<string, unknown>>, rounding: CheckedRounding | undefined, lines: KpiLine[]): void {
  const { kpis, order } = checked;
  const count = kpis.length;
  // Stryker disable next-line ArrayDeclaration: pre-sizing only; every cell is written before it is read
  const attainments: (Decimal | null)[] = new Array<Decimal | null>(count);
  for (let i = 0; i < count; i++) attainments[i] = attainmentAt(kpis[i] as CheckedKpi, table, "reweight", rounding);
  let present = ZERO;
  for (const i of order) if (attainments[i] !== null) present = present.plus((kpis[i] as CheckedKpi).weight);
  if (present.isZero()) {
    throw fault(
      "INVALID_DATA",
      ["values"],
      `holds no KPI with a weight above 0, so there is nothing to reweight (missing: ${kpis
        .filter((_, i) => attainments[i] === null)
        .map((k) => `"${k.id}"`)
        .join(", ")})`,
    );
  }
  for (let i = 0; i < count; i++) {
    const kpi = kpis[i] as CheckedKpi;
    const a = attainments[i] ?? null;
    const w = kpi.weight;
    lines[i] = lineOf(kpi, a, a === null || w.isZero() ? ZERO : w.div(present), rounding);
  }
}

function attainmentOf(kpi: CheckedKpi, entry: unknown): Decimal {
  const quick = quickAttainment(kpi, entry);
  // Stryker disable next-line ConditionalExpression: the general path gives the same Decimal as the quick one (property-tested), only slower
  if (quick !== undefined) return quick;
  const base: ErrorPath = ["values", kpi.id];
  const value = readRecord(entry, base);
  const actual = readValue(value["actual"], kpi.id, "actual");
  const target = readValue(value["target"], kpi.id, "target");
  try {
    return attainment(actual, target, kpi.attainmentOptions);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: attainment throws only PayscoreErrors
    if (!(error instanceof PayscoreError)) throw error;
    // attainment names its own arguments (`target`); name them where they sit in `values`.
    const path = [...base, ...error.path];
    const own = formatPath(error.path);
    const message = error.message.startsWith(own) ? formatPath(path) + error.message.slice(own.length) : error.message;
    throw new PayscoreError(error.code, message, { path, cause: error });
  }
}

/** `readDecimal` for `values[id][key]`, building the error path only when the value is bad (the hot path). */
function readValue(value: unknown, id: string, key: string): Decimal {
  try {
    return readDecimal(value, NO_PATH);
  } catch {
    return readDecimal(value, ["values", id, key]); // throws again, now with the path
  }
}

function pointsOf(kpi: CheckedKpi, a: Decimal): Decimal {
  const known = knownProduct(kpi.knownPoints, a);
  if (known !== undefined) return known;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path: multiplying by a difficulty of 1 gives the same Decimal
  const adjusted = kpi.difficulty === ONE || compareDecimal(kpi.difficulty, ONE) === 0 ? a : a.times(kpi.difficulty);
  // Stryker disable next-line LogicalOperator: productDecimal by 100 gives a Decimal for every finite input, equal to times(100)
  return nonNegativeZero(kpi.curve === undefined ? (productDecimal(adjusted, 100, 0) ?? adjusted.times(HUNDRED)) : curveValue(kpi.curve, adjusted));
}

/** `weight · points`, by the exact word product when the weight is the KPI's own short one. */
function contributionOf(kpi: CheckedKpi, weight: Decimal, points: Decimal): Decimal {
  if (weight === kpi.weight) {
    const known = knownProduct(kpi.knownContributions, points);
    if (known !== undefined) return known;
  }
  const digits = kpi.weightDigits;
  // Stryker disable next-line ConditionalExpression,BlockStatement: the word product is the same Decimal as weight.times(points), only faster
  if (digits !== undefined && weight === kpi.weight) {
    const product = productDecimal(points, digits.mantissa, digits.exponent);
    // Stryker disable next-line ConditionalExpression: the word product is the same Decimal as weight.times(points), only faster
    if (product !== undefined) return product;
  }
  return weight.times(points);
}

// Scratch digits of the quick path (single-threaded, never held across calls).
const ACTUAL: Digits = { mantissa: 0, exponent: 0 };
const TARGET: Digits = { mantissa: 0, exponent: 0 };

/**
 * `attainment(actual, target, settings)` for the common case — both numbers of at most 15
 * significant digits, a target above 0, direction higher or lower-reflect — by exact long
 * division on their digits (`quotientDecimal`) instead of parsing both into Decimals and
 * dividing. The same Decimal as the general path (property-tested); `undefined` sends anything
 * else — strings, Decimals, zero or negative targets, faults — to the general path.
 */
// Stryker disable next-line BlockStatement: without the quick path every entry takes the general path, which gives the same Decimal
function quickAttainment(kpi: CheckedKpi, entry: unknown): Decimal | undefined {
  const s = kpi.attainmentOptions;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: sending a higher-is-better KPI to the exact general path gives the same Decimal, only slower
  if (s.direction === "lower" && s.lowerFormula !== "reflect") return undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: entries reach here neither null nor undefined, a primitive or an array has no numeric actual, and a refused object takes the general path to the same result
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return undefined;
  const value = entry as Readonly<Record<string, unknown>>;
  const actual = value["actual"];
  const target = value["target"];
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BooleanLiteral: splitNumber refuses non-numbers and quotientDecimal a divisor below 1 (0, negative), sending them to the general path, which gives the same result
  if (typeof actual !== "number" || typeof target !== "number" || !(target > 0)) return undefined;
  // Stryker disable next-line ConditionalExpression: skipped, the scratch digits stay 0 and quotientDecimal refuses a divisor of 0; always refusing takes the general path to the same result
  if (!splitNumber(actual, ACTUAL) || !splitNumber(target, TARGET)) return undefined;
  const quotient = quotientDecimal(ACTUAL.mantissa, TARGET.mantissa, ACTUAL.exponent - TARGET.exponent);
  // Stryker disable next-line ConditionalExpression: always refusing takes the general path to the same result
  if (quotient === undefined) return undefined;
  let result = quotient;
  if (s.direction === "lower") {
    // max(0, 2 − actual / target)
    // Stryker disable next-line EqualityOperator: at a quotient of exactly 2, 2 − 2 is 0 too
    result = compareDecimal(quotient, TWO) >= 0 ? ZERO : (differenceDecimal(TWO, quotient) ?? TWO.minus(quotient));
  }
  // Stryker disable next-line EqualityOperator: at equality the floor is the same value
  if (s.floor !== undefined && compareDecimal(result, s.floor) < 0) result = s.floor;
  // Stryker disable next-line EqualityOperator: at equality the cap is the same value
  if (s.cap !== undefined && compareDecimal(result, s.cap) > 0) result = s.cap;
  // Stryker disable next-line ConditionalExpression: readDecimal never gives −0 and the quotient and 2 − quotient are never −0, so a zero here is already plain
  return result.isZero() ? ZERO : result;
}

function nonNegativeZero(x: Decimal): Decimal {
  return x.isZero() ? ZERO : x;
}
