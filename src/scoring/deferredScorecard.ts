// A scored scorecard whose lines are built when first read. Scoring a person needs every KPI's
// attainment, points and contribution, but most callers keep only the score (to rank, grade and
// pay); holding the 3 Decimals of every line of every person is most of the memory of a large
// run and most of its garbage collection. So the score is worked out at once, the line inputs
// (each KPI's plain-number actual and target) are kept, and the lines are built from them — the
// same Decimals, digit for digit — the first time `lines` is read. Internal: nothing here is
// re-exported from index.ts.
import type { Decimal } from "../numeric/index.js";
import type { KpiLine, KpiScorecard } from "./compileScorecard.js";

interface HeldSource {
  readonly context: unknown;
  readonly inputs: unknown;
  readonly build: (context: unknown, inputs: unknown) => KpiLine[];
  /** The lines once built, for a result whose `lines` cannot become a data property (frozen, sealed). */
  lines: KpiLine[] | undefined;
}

/** Returns the object it is given, so a subclass's private field is stamped onto any object. */
class Stamped {
  constructor(target: object) {
    return target as Stamped;
  }
}

/**
 * Where a result holds its line source: a private field stamped onto the plain object, which no
 * reflection, copy, comparison or JSON sees (and which is no property: nothing to define).
 */
class WithSource extends Stamped {
  readonly #source: HeldSource;
  constructor(target: object, source: HeldSource) {
    super(target);
    this.#source = source;
  }
  /** The source of a stamped result, or undefined for any other object (a getter borrowed onto another). */
  static sourceOf(target: object): HeldSource | undefined {
    return #source in target ? (target as WithSource).#source : undefined;
  }
}

/** Node's `util.inspect.custom` (a registered symbol: no import of node:util). */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

type Holder = Record<PropertyKey, unknown>;

/** `lines` as a data property from now on (its place among the keys is kept); false when the result is frozen or sealed. */
function settle(result: Holder, lines: KpiLine[]): boolean {
  return Reflect.defineProperty(result, "lines", { value: lines, writable: true, enumerable: true, configurable: true });
}

/** One accessor pair for every deferred result (the same functions, so every result has the same shape). */
const LINES: PropertyDescriptor = {
  get(this: Holder): KpiLine[] {
    const source = WithSource.sourceOf(this);
    if (source === undefined) return [];
    const lines = source.lines ?? source.build(source.context, source.inputs);
    if (!settle(this, lines)) source.lines = lines;
    return lines;
  },
  set(this: Holder, lines: KpiLine[]): void {
    // As assigning a data property of a frozen object does in strict code.
    if (!settle(this, lines)) throw new TypeError("Cannot assign to read only property 'lines' of object");
  },
  enumerable: true,
  configurable: true,
};

/** What `console.log` shows: the result as the plain object it reads as, lines and all. */
const SHOW_PLAIN: PropertyDescriptor = {
  value(this: Holder, depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    const plain: Holder = {};
    for (const key of Object.keys(this)) plain[key] = this[key];
    return inspect(plain, { ...options, depth });
  },
};

/**
 * A scored scorecard `{ score, lines, difficulty, baseScore }` whose `lines` are built by
 * `build(context, inputs)` on first read (`build` is a module function shared by every result:
 * no closure per person; two arguments, so a caller keeps what many results share apart from
 * what is each one's own without an object to hold both). `lines` is an own enumerable property, so
 * `Object.keys`, spreading, `JSON.stringify`, `structuredClone` and deep equality see the
 * result as the plain object it would otherwise be; the first read (or an assignment) turns it
 * into a plain data property holding the lines, so every later read gives the same array.
 *
 * @internal
 * @param score - the score
 * @param difficulty - the total difficulty
 * @param baseScore - the base score
 * @param context - what the lines are built with, often shared (the checked KPIs)
 * @param inputs - what this result's lines are built from (its actuals and targets)
 * @param build - builds the lines from `context` and `inputs`
 * @returns the result
 * @example
 * ```ts
 * const result = deferredScorecard(score, ONE, score, kpis, numbers, linesOf);
 * result.lines === result.lines; // true: built once
 * ```
 */
export function deferredScorecard<C, I>(score: Decimal, difficulty: Decimal, baseScore: Decimal, context: C, inputs: I, build: (context: C, inputs: I) => KpiLine[]): KpiScorecard {
  const result: Holder = { score };
  Object.defineProperty(result, "lines", LINES);
  result["difficulty"] = difficulty;
  result["baseScore"] = baseScore;
  new WithSource(result, { context, inputs, build: build as HeldSource["build"], lines: undefined });
  Object.defineProperty(result, INSPECT, SHOW_PLAIN);
  return result as unknown as KpiScorecard;
}
