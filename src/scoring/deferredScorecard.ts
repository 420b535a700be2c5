// A scored scorecard whose lines are built when first read. Scoring a person needs every KPI's
// attainment, points and contribution, but most callers keep only the score (to rank, grade and
// pay); holding the 3 Decimals of every line of every person is most of the memory of a large
// run and most of its garbage collection. So the score is worked out at once, the line inputs
// (each KPI's plain-number actual and target) are kept, and the lines are built from them — the
// same Decimals, digit for digit — the first time `lines` is read. Internal: nothing here is
// re-exported from index.ts.
import type { Decimal } from "../numeric/index.js";
import type { KpiLine, KpiScorecard } from "./compileScorecard.js";

/**
 * How the lines of many results are built: `build(context, inputs)`, where `context` is what
 * they share (the checked KPIs) and `inputs` is each result's own. Made once per scorecard, so a
 * result holds a reference to it rather than an object of its own.
 *
 * @internal
 */
export interface LineSource<C = unknown, I = unknown> {
  readonly context: C;
  readonly build: (context: C, inputs: I) => KpiLine[];
}

/** Returns the object it is given, so a subclass's private fields are stamped onto any object. */
class Stamped {
  constructor(target: object) {
    return target as Stamped;
  }
}

/**
 * Where a result holds what its lines are built from: private fields stamped onto the plain
 * object, which no reflection, copy, comparison or JSON sees (and which are no properties:
 * nothing to define).
 */
class WithSource extends Stamped {
  readonly #source: LineSource;
  readonly #inputs: unknown;
  constructor(target: object, source: LineSource, inputs: unknown) {
    super(target);
    this.#source = source;
    this.#inputs = inputs;
  }
  /** The lines of a stamped result, built now; undefined for any other object (a getter borrowed onto another). */
  static build(target: object): KpiLine[] | undefined {
    if (!(#source in target)) return undefined;
    const stamped = target as WithSource;
    return stamped.#source.build(stamped.#source.context, stamped.#inputs);
  }
}

/** The lines built for results whose `lines` cannot become a data property (frozen, sealed), so every read gives the same array. */
const FIXED = new WeakMap<object, KpiLine[]>();

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
    const fixed = FIXED.get(this);
    if (fixed !== undefined) return fixed;
    const lines = WithSource.build(this);
    if (lines === undefined) return [];
    if (!settle(this, lines)) FIXED.set(this, lines);
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
 * Makes a deferred result's plain object by `new`, with `Object.prototype` as its prototype (so
 * it is the plain object a literal would be: no constructor of its own, `Object` inherited). Objects
 * a constructor makes get room for all their properties in the object itself, where a literal
 * `{ score }` keeps the properties added later in a second, separate store: one object less per
 * result, and about 40 % less time to make it.
 */
const PlainResult = function (this: Holder, score: Decimal, difficulty: Decimal, baseScore: Decimal) {
  this["score"] = score;
  // Two defineProperty calls, not one defineProperties with a map of both: that reads its map
  // afresh on every call (alone, about 1.2 µs a result against 0.6; 5 % of a scoring run).
  Object.defineProperty(this, "lines", LINES);
  Object.defineProperty(this, INSPECT, SHOW_PLAIN);
  this["difficulty"] = difficulty;
  this["baseScore"] = baseScore;
} as unknown as new (score: Decimal, difficulty: Decimal, baseScore: Decimal) => Holder;
(PlainResult as unknown as { prototype: object }).prototype = Object.prototype;

/**
 * A scored scorecard `{ score, lines, difficulty, baseScore }` whose `lines` are built by
 * `source.build(source.context, inputs)` on first read (`source` is made once and shared by every
 * result of a scorecard: no closure or holder object per person). `lines` is an own enumerable property, so
 * `Object.keys`, spreading, `JSON.stringify`, `structuredClone` and deep equality see the
 * result as the plain object it would otherwise be; the first read (or an assignment) turns it
 * into a plain data property holding the lines, so every later read gives the same array.
 *
 * @internal
 * @param score - the score
 * @param difficulty - the total difficulty
 * @param baseScore - the base score
 * @param source - how the lines are built, shared by many results (see {@link LineSource})
 * @param inputs - what this result's lines are built from (its actuals and targets)
 * @returns the result
 * @example
 * ```ts
 * const source = { context: kpis, build: linesOf }; // once per scorecard
 * const result = deferredScorecard(score, ONE, score, source, numbers);
 * result.lines === result.lines; // true: built once
 * ```
 */
export function deferredScorecard<C, I>(score: Decimal, difficulty: Decimal, baseScore: Decimal, source: LineSource<C, I>, inputs: I): KpiScorecard {
  const result = new PlainResult(score, difficulty, baseScore);
  new WithSource(result, source as LineSource, inputs);
  return result as unknown as KpiScorecard;
}
