import { PayscoreError, describeValue } from "../errors/index.js";

/** Options for `runPlan` and `runPlanLazy`. */
export interface RunPlanOptions {
  /** Build each statement's `trace` (default true); `false` leaves it empty, for bulk runs. */
  readonly trace?: boolean | undefined;
}

/**
 * Checks `runPlan`'s options; returns whether to build traces.
 *
 * @internal
 * @param options - the options as given
 * @returns whether to build traces
 * @throws {PayscoreError} `INVALID_ARGUMENT`
 *
 * @example
 * ```ts
 * readRunOptions({ trace: false }); // false
 * readRunOptions(undefined); // true
 * ```
 */
export function readRunOptions(options: unknown): boolean {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new PayscoreError("INVALID_ARGUMENT", `options must be an object; got ${describeValue(options)}`, { path: ["options"] });
  }
  const traceOption: unknown = (options as { trace?: unknown } | undefined)?.trace;
  if (traceOption !== undefined && typeof traceOption !== "boolean") {
    throw new PayscoreError("INVALID_ARGUMENT", `options.trace must be true or false; got ${describeValue(traceOption)}`, { path: ["options", "trace"] });
  }
  return traceOption !== false;
}
