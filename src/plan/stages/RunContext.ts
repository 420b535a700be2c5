import { minorUnits, roundDecimal, type Decimal, type RoundingMode } from "../../numeric/index.js";
import type * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import { Tracer } from "../trace.js";

/** The plan's rounding points with their defaults. @internal */
export interface RoundingPlaces {
  readonly mode: RoundingMode;
  readonly indicator: number;
  readonly attainment: number;
  readonly points: number;
  readonly score: number;
}

/**
 * What every stage of a run reads: the parsed plan, its money and rounding, and the roster in
 * statement order (ids in code-unit order). A stage's results are columns indexed by a
 * person's position `j` in `people`.
 *
 * @internal
 */
export interface RunContext {
  readonly p: Plan;
  /** The currency's minor-unit places. */
  readonly scale: number;
  readonly mode: RoundingMode;
  readonly places: RoundingPlaces;
  readonly people: readonly RosterPerson[];
  /** A person's position by id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** One tracer per person, or `undefined` when the run builds no traces. */
  readonly tracers: readonly Tracer[] | undefined;
  /** Rounds money to the minor unit with the plan's mode. */
  readonly money: (x: Decimal) => Decimal;
  /** Money as text with exactly `scale` decimals. */
  readonly cash: (x: Decimal) => string;
}

/** The tracer of a run without traces: every `add` returns at once. */
const NO_TRACE = new Tracer(false);

/**
 * Person `j`'s tracer (one that records nothing when the run builds no traces).
 *
 * @internal
 * @param ctx - the run
 * @param j - the person's position
 * @returns the tracer
 *
 * @example
 * ```ts
 * tracerOf(ctx, 0).add("score", "KPI score", () => ({}), "96.5");
 * ```
 */
export function tracerOf(ctx: RunContext, j: number): Tracer {
  return ctx.tracers?.[j] ?? NO_TRACE;
}

/**
 * The run's context from the parsed plan and the roster.
 *
 * @internal
 * @param p - the parsed plan
 * @param people - the roster, in id order
 * @param trace - whether to build traces
 * @returns the context
 *
 * @example
 * ```ts
 * const ctx = runContext(plan, buildRoster(plan, rows), false);
 * ctx.scale; // 2 for CNY
 * ```
 */
export function runContext(p: Plan, people: readonly RosterPerson[], trace: boolean): RunContext {
  const scale = minorUnits(p.currency);
  const places = roundingPlacesOf(p);
  const mode = places.mode;
  const indexOf = new Map<string, number>();
  people.forEach((person, j) => indexOf.set(person.id, j));
  return {
    p,
    scale,
    mode,
    places,
    people,
    indexOf,
    tracers: trace ? people.map(() => new Tracer(true)) : undefined,
    money: (x) => roundDecimal(x, scale, mode),
    cash: (x) => x.toFixed(scale),
  };
}

/**
 * Reads `plan.rounding` with the defaults: half-even; indicator 4, attainment 4, points 2, score 2.
 *
 * @internal
 * @param p - the parsed plan
 * @returns the rounding points
 *
 * @example
 * ```ts
 * roundingPlacesOf(plan).points; // 2 unless plan.rounding.points says otherwise
 * ```
 */
export function roundingPlacesOf(p: Plan): RoundingPlaces {
  const r = p.rounding;
  return { mode: r?.mode ?? "half-even", indicator: r?.indicator ?? 4, attainment: r?.attainment ?? 4, points: r?.points ?? 2, score: r?.score ?? 2 };
}

/**
 * The plan's KPIs as the scoring module's specs, deeply frozen (copies: the plan is not frozen),
 * so the scoring module checks them once for the whole run.
 *
 * @internal
 * @param p - the parsed plan
 * @returns the specs
 *
 * @example
 * ```ts
 * frozenKpiSpecs(plan)[0].id; // the first KPI's id
 * ```
 */
export function frozenKpiSpecs(p: Plan): readonly D.KpiSpec[] {
  const specs: D.KpiSpec[] = p.kpis.map((kpi) => ({
    id: kpi.id,
    weight: kpi.weight,
    ...(kpi.direction === undefined ? {} : { direction: kpi.direction }),
    ...(kpi.lowerFormula === undefined ? {} : { lowerFormula: kpi.lowerFormula }),
    ...(kpi.zeroTarget === undefined ? {} : { zeroTarget: kpi.zeroTarget }),
    ...(kpi.cap === undefined ? {} : { cap: kpi.cap }),
    ...(kpi.floor === undefined ? {} : { floor: kpi.floor }),
    ...(kpi.curve === undefined ? {} : { curve: { ...kpi.curve, points: kpi.curve.points.map((pt) => ({ ...pt })) } as D.CurveInput }),
    // A difficulty from a data column is put in per person (see kpiDifficulty.ts).
    ...(kpi.difficulty === undefined || typeof kpi.difficulty === "object" ? {} : { difficulty: kpi.difficulty }),
  }));
  return deepFreeze(specs);
}

/**
 * Freezes a value and everything in it.
 *
 * @internal
 * @param value - any value
 * @returns the same value, frozen all the way down
 *
 * @example
 * ```ts
 * Object.isFrozen(deepFreeze({ a: [1] }).a); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
