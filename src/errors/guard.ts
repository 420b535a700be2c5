import { PayscoreError, type ErrorPath } from "./PayscoreError.js";
import { checkReadable } from "./checkReadable.js";
import { isPayscoreError } from "./isPayscoreError.js";

/**
 * Runs a public function's computation on arguments that are first checked to be readable plain
 * data ({@link checkReadable}), and turns anything but a {@link PayscoreError} thrown on the way
 * into one, so that nothing foreign (a `TypeError`, a decimal.js error, a stack overflow) leaves
 * the library:
 *
 * - a `RangeError` for the call stack → `INVALID_ARGUMENT` (the input is nested too deeply);
 * - any other foreign throw → `INTERNAL_ERROR`, the original kept as `cause` (a bug in payscore).
 *
 * A function result (a compiled scorecard, a curve evaluator) is guarded the same way.
 *
 * @internal
 * @param compute - the computation, a function of the public function's arguments
 * @param args - the arguments as the caller passed them
 * @returns what `compute` returns
 * @throws {PayscoreError} only
 *
 * @example
 * ```ts
 * export function attainment(actual: Numeric, target: Numeric, options?: AttainmentOptions | undefined): Decimal {
 *   return guard(attainmentOf, [actual, target, options]);
 * }
 * guard((x: number) => x * 2, [21]); // 42
 * guard((xs: number[]) => xs.length, [[1, , 1]]); // throws INVALID_ARGUMENT: xs[1] is a hole …
 * guard(() => { throw new TypeError("bug"); }, []); // throws INTERNAL_ERROR (the TypeError as cause)
 * ```
 */
export function guard<A extends readonly unknown[], R>(compute: (...args: A) => R, args: A): R {
  // Inside another guarded call (the plan engine calling the domain functions, say), the
  // outermost one has checked the caller's input and turns whatever is thrown: no second walk.
  if (depth > 0) return compute(...args);
  depth++;
  try {
    checkReadable(args, parameterNames(compute));
    const result = compute(...args);
    return (typeof result === "function" && !guarded.has(result) ? guardFunction(result as (...inner: unknown[]) => unknown) : result) as R;
  } catch (error) {
    if (isPayscoreError(error)) throw error;
    // A fault the first walk cannot see (a proxy whose get trap throws only on a key it has not listed): find it now.
    throw afterThrow(error, compute, args);
  } finally {
    depth--;
  }
}

/**
 * {@link guard} for a hot function that reads every part of its input it uses through checked
 * readers (index loops, never `forEach` or `map`, which skip holes): the arguments are not walked
 * before the computation, only after a throw, so the caller's fault (a hole, a throwing getter, a
 * revoked proxy, nesting too deep) is reported exactly as {@link guard} would report it. The
 * difference: a fault in a field the function never reads (an extra field, ignored) is not
 * refused. Used by `scoreKpis`, `scoreRounded` and compiled scorecards, which are called once per
 * person and whose input walk would otherwise cost a tenth of the call.
 *
 * @internal
 * @param compute - the computation, a function of the public function's arguments
 * @param args - the arguments as the caller passed them
 * @returns what `compute` returns
 * @throws {PayscoreError} only
 *
 * @example
 * ```ts
 * export function scoreKpis(kpis: readonly KpiSpec[], values: Values): KpiScorecard {
 *   return guardReading(computeScoreKpis, [kpis, values]);
 * }
 * guardReading((x: { used: number }) => x.used * 2, [{ used: 2 }]); // 4
 * ```
 */
export function guardReading<A extends readonly unknown[], R>(compute: (...args: A) => R, args: A): R {
  if (depth > 0) return compute(...args);
  depth++;
  try {
    return compute(...args);
  } catch (error) {
    // The same error a walk before the computation would have given: the first unreadable place.
    throw afterThrow(error, compute, args);
  } finally {
    depth--;
  }
}

/**
 * {@link guardReading} for a hot function that sizes its work by the length of an array
 * argument (`new Float64Array(entries.length)`) before reading it: a sparse array — a huge one
 * with holes, say `new Array(2 ** 32 - 1)` — would make it allocate for the length before
 * finding the first hole. Such an argument is walked first, as {@link guard} walks it; a dense
 * one (every index present: one `in` test each, no deep walk) is walked only after a throw.
 * Used by `forcedDistribution` and `allocatePool`.
 *
 * @internal
 * @param compute - the computation, a function of the public function's arguments
 * @param args - the arguments as the caller passed them
 * @returns what `compute` returns
 * @throws {PayscoreError} only
 *
 * @example
 * ```ts
 * guardReadingDense((xs: number[]) => xs.length, [[1, 2]]); // 2
 * guardReadingDense((xs: number[]) => xs.length, [[1, , 1]]); // throws INVALID_ARGUMENT: xs[1] is a hole …
 * ```
 */
export function guardReadingDense<A extends readonly unknown[], R>(compute: (...args: A) => R, args: A): R {
  for (let i = 0; i < args.length; i++) if (!isDenseOrNotArray(args[i])) return guard(compute, args);
  return guardReading(compute, args);
}

/** Whether a value is no array, or an array with every index present; false for anything that throws on the way (a revoked proxy). */
function isDenseOrNotArray(value: unknown): boolean {
  try {
    if (!Array.isArray(value)) return true;
    const list = value as readonly unknown[];
    for (let i = 0; i < list.length; i++) if (!(i in list)) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * What a guarded call throws after its computation threw `error`: the first unreadable place of
 * the arguments, found by a walk that also reads each object's `constructor` (see
 * {@link checkReadable}), or else `error` as a {@link PayscoreError} ({@link asPayscoreError}).
 */
function afterThrow(error: unknown, compute: object, args: readonly unknown[]): PayscoreError {
  try {
    checkReadable(args, parameterNames(compute), true);
  } catch (located) {
    if (isPayscoreError(located)) return located;
  }
  return asPayscoreError(error, []);
}

/**
 * A function that calls `fn` through {@link guardReading}.
 *
 * @internal
 * @param fn - a function returned to the caller
 * @returns the guarded function (same parameters and result)
 *
 * @example
 * ```ts
 * const score = guardReadingFunction((values: Values) => scoreChecked(kpis, values));
 * guardReadingFunction((x: number) => x + 1)(41); // 42
 * ```
 */
export function guardReadingFunction<F extends (...args: never[]) => unknown>(fn: F): F {
  return wrapWith(guardReading, fn);
}

/** How many guarded calls are running (0 or 1: a nested one runs unguarded, see {@link guard}). */
let depth = 0;

/** Functions already guarded, which {@link guard} returns as they are. */
const guarded = new WeakSet<object>();

/**
 * A function that calls `fn` through {@link guard}.
 *
 * @internal
 * @param fn - a function returned to the caller
 * @returns the guarded function (same parameters and result)
 *
 * @example
 * ```ts
 * const evaluate = guardFunction((x: number) => x * 2);
 * evaluate(21); // 42
 * ```
 */
export function guardFunction<F extends (...args: never[]) => unknown>(fn: F): F {
  return wrapWith(guard, fn);
}

/** `fn` called through `run` ({@link guard} or {@link guardReading}), marked as guarded. */
function wrapWith<F extends (...args: never[]) => unknown>(run: typeof guard, fn: F): F {
  const wrapped = (...args: Parameters<F>): ReturnType<F> => run(fn as unknown as (...inner: Parameters<F>) => ReturnType<F>, args);
  guarded.add(wrapped);
  return wrapped as unknown as F;
}

/**
 * Turns a thrown value into a {@link PayscoreError}: a PayscoreError (from any copy of payscore)
 * as it is, a stack overflow as `INVALID_ARGUMENT`, anything else as `INTERNAL_ERROR`.
 *
 * @internal
 * @param error - what was thrown
 * @param path - where the computation was, when known
 * @returns the error to throw
 *
 * @example
 * ```ts
 * asPayscoreError(new TypeError("x"), []).code; // "INTERNAL_ERROR"
 * ```
 */
export function asPayscoreError(error: unknown, path: ErrorPath): PayscoreError {
  if (isPayscoreError(error)) return error;
  if (error instanceof RangeError && /call stack/i.test(safeMessage(error))) {
    return new PayscoreError("INVALID_ARGUMENT", "the input is nested too deeply to be processed", { path, cause: error });
  }
  return new PayscoreError("INTERNAL_ERROR", `internal error in payscore (please report it with the input): ${safeMessage(error)}`, { path, cause: error });
}

function safeMessage(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "an unprintable value was thrown";
  }
}

const names = new WeakMap<object, readonly string[]>();

/** The names of a function's parameters, from its source text (for error paths only). */
function parameterNames(fn: object): readonly string[] {
  let known = names.get(fn);
  if (known === undefined) {
    const source = Function.prototype.toString.call(fn);
    const list = /^[^(]*\(([^)]*)\)/.exec(source)?.[1] ?? "";
    known = list.split(",").map((part) => /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(part)?.[1] ?? "");
    names.set(fn, known);
  }
  return known;
}
