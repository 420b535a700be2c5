import { PayscoreError, describeValue, formatPath } from "../errors/index.js";

/** An input file of a run as the audit record names it: its SHA-256, and optionally its name. */
export interface RunInputFile {
  /** The file as the caller names it (`"data.csv"`); optional. */
  readonly file?: string | undefined;
  /** The SHA-256 of the file's bytes: 64 hex digits (kept in lower case). */
  readonly sha256: string;
}

/**
 * The input files of a run, each optional: the plan file's own bytes (`planHash` is the hash of
 * the plan's content, whatever its formatting), the data, the ratings, the history and the
 * transactions (commission on collections), the deals, responses, activities and tickets (list
 * indicators).
 */
export interface RunInputs {
  readonly plan?: RunInputFile | undefined;
  readonly data?: RunInputFile | undefined;
  readonly ratings?: RunInputFile | undefined;
  readonly history?: RunInputFile | undefined;
  readonly transactions?: RunInputFile | undefined;
  /** Issue 21: the list inputs of the list indicators. */
  readonly deals?: RunInputFile | undefined;
  readonly responses?: RunInputFile | undefined;
  readonly activities?: RunInputFile | undefined;
  readonly tickets?: RunInputFile | undefined;
}

/** Options for `runPlan` and `runPlanLazy`. */
export interface RunPlanOptions {
  /** Build each statement's `trace` (default true); `false` leaves it empty, for bulk runs. */
  readonly trace?: boolean | undefined;
  /**
   * The audit record of the files the run was read from (issue 18): the caller hashes the bytes
   * it read — the library reads no file — and the run's header repeats them as `inputs`, e.g.
   * `runPlan(plan, data, { inputs: { data: { file: "data.csv", sha256: "9f86d0…" } } })`.
   * Absent: the header has no `inputs`.
   */
  readonly inputs?: RunInputs | undefined;
  /**
   * When the run was made, an ISO 8601 date-time with its offset (`"2026-04-05T09:30:00Z"`),
   * copied into the header as `runAt`. The library reads no clock, so the same plan and data
   * give byte-identical runs; absent (the default), the header has no `runAt`.
   */
  readonly runAt?: string | undefined;
}

/** The audit fields a run's header carries when the caller gives them. @internal */
export interface RunAudit {
  readonly inputs?: RunInputs;
  readonly runAt?: string;
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

const INPUT_NAMES = ["plan", "data", "ratings", "history", "transactions", "deals", "responses", "activities", "tickets"] as const;
const SHA256 = /^[0-9a-f]{64}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads the audit options of a run (`inputs`, `runAt`), checked (after {@link readRunOptions}).
 *
 * @internal
 * @param options - the options as given
 * @returns the audit fields for the header, copied (hashes in lower case)
 * @throws {PayscoreError} `INVALID_ARGUMENT` naming the option at fault
 *
 * @example
 * ```ts
 * readRunAudit({ runAt: "2026-04-05T09:30:00Z" }); // { runAt: "2026-04-05T09:30:00Z" }
 * readRunAudit({ inputs: { data: { sha256: "abc" } } }); // throws INVALID_ARGUMENT: options.inputs.data.sha256 must be …
 * ```
 */
export function readRunAudit(options: unknown): RunAudit {
  if (options === undefined || options === null || typeof options !== "object") return {};
  const { inputs, runAt } = options as { inputs?: unknown; runAt?: unknown };
  const audit: { inputs?: RunInputs; runAt?: string } = {};
  if (inputs !== undefined) audit.inputs = readInputs(inputs);
  if (runAt !== undefined) {
    if (typeof runAt !== "string" || !ISO_INSTANT.test(runAt) || Number.isNaN(Date.parse(runAt))) {
      throw new PayscoreError("INVALID_ARGUMENT", `options.runAt must be an ISO 8601 date-time with its offset, e.g. "2026-04-05T09:30:00Z"; got ${describeValue(runAt)}`, { path: ["options", "runAt"] });
    }
    audit.runAt = runAt;
  }
  return audit;
}

function readInputs(inputs: unknown): RunInputs {
  const base = ["options", "inputs"];
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) {
    throw new PayscoreError("INVALID_ARGUMENT", `options.inputs must be an object such as { "data": { "sha256": "…" } }; got ${describeValue(inputs)}`, { path: base });
  }
  const record = inputs as Record<string, unknown>;
  const result: Record<string, RunInputFile> = {};
  for (const key of Object.keys(record)) {
    if (!(INPUT_NAMES as readonly string[]).includes(key)) {
      const path = [...base, key];
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)}: not an input of a run; the inputs are ${INPUT_NAMES.join(", ")}`, { path });
    }
  }
  for (const key of INPUT_NAMES) {
    const entry = record[key];
    if (entry === undefined) continue;
    const path = [...base, key];
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be { "sha256": "<64 hex digits>", "file"?: "<name>" }; got ${describeValue(entry)}`, { path });
    }
    const { sha256, file, ...rest } = entry as { sha256?: unknown; file?: unknown };
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) {
      const at = [...path, extra];
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(at)}: an input file has only "sha256" and "file"`, { path: at });
    }
    if (typeof sha256 !== "string" || !SHA256.test(sha256)) {
      const at = [...path, "sha256"];
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(at)} must be the SHA-256 of the file's bytes, 64 hex digits; got ${describeValue(sha256)}`, { path: at });
    }
    if (file !== undefined && (typeof file !== "string" || file === "")) {
      const at = [...path, "file"];
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(at)} must be the file's name, a non-empty text; got ${describeValue(file)}`, { path: at });
    }
    result[key] = { ...(file === undefined ? {} : { file }), sha256: sha256.toLowerCase() };
  }
  return result;
}
