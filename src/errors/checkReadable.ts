import { PayscoreError, type ErrorPath } from "./PayscoreError.js";
import { formatPath } from "./formatPath.js";

/** The deepest nesting an input may have; no plan, tree or list of the library comes close. */
export const MAX_INPUT_DEPTH = 500;

/**
 * One object being walked. Its path is not stored (most calls never need it): it is the chain of
 * `parent` frames' `key`s, built only when a fault is reported.
 */
interface Frame {
  readonly value: object;
  readonly parent: Frame | null;
  /** The key under which `value` sits in its parent (the argument's name for a top frame). */
  readonly key: string | number;
  /** The object's own enumerable keys, or null for an array (whose keys are 0 … length − 1). */
  readonly keys: readonly string[] | null;
  readonly length: number;
  readonly depth: number;
  index: number;
}

function pathOf(frame: Frame | null, key?: string | number): (string | number)[] {
  const path: (string | number)[] = key === undefined ? [] : [key];
  for (let f = frame; f !== null; f = f.parent) path.push(f.key);
  return path.reverse();
}

/** Whether `value` is already being walked above (a cycle); a linear scan, as inputs are shallow. */
function isOpen(frame: Frame | null, value: object): boolean {
  for (let f = frame; f !== null; f = f.parent) if (f.value === value) return true;
  return false;
}

/**
 * Walks a caller's arguments once, before anything is computed, and refuses what plain data
 * never holds: a getter or proxy trap that throws, a revoked proxy, an array hole (`[1, , 1]`),
 * or nesting deeper than {@link MAX_INPUT_DEPTH}. The walk is iterative (a 100 000-deep
 * input cannot overflow the stack) and skips the insides of typed arrays.
 *
 * @internal
 * @param args - the arguments of a public function
 * @param names - the parameters' names, for the error path (an index when a name is missing)
 * @param throughGet - also read each object's `constructor` (which runs a proxy's `get` trap even
 *   on an object with no keys); used to find what made a computation fail, after the fact
 * @throws {PayscoreError} `INVALID_ARGUMENT` naming the path of the first unreadable place
 *
 * @example
 * ```ts
 * checkReadable([[1, , 1]], ["weights"]); // throws INVALID_ARGUMENT: weights[1] is a hole …
 * ```
 */
export function checkReadable(args: readonly unknown[], names: readonly string[], throughGet = false): void {
  // Called before every public function runs: no allocation per property, only per object.
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== "object" || arg === null) continue;
    const name = names[i];
    let frame = open(arg, null, name === undefined || name === "" ? i : name, 0, throughGet);
    while (frame !== null) {
      if (frame.index >= frame.length) {
        frame = frame.parent;
        continue;
      }
      const key: string | number = frame.keys === null ? frame.index : (frame.keys[frame.index] as string);
      frame.index++;
      let child: unknown;
      try {
        // A plain read: a data property as it is, a getter or a proxy's get trap run (a throw is the caller's fault).
        child = (frame.value as Record<string | number, unknown>)[key];
      } catch (error) {
        throw unreadable(pathOf(frame, key), `cannot be read: ${messageOf(error)}`, error);
      }
      // A cycle is walked once; the function that reads the input decides whether it may have one.
      if (typeof child === "object" && child !== null && !isOpen(frame, child)) {
        frame = open(child, frame, key, frame.depth + 1, throughGet) ?? frame;
      }
    }
  }
}

/** A frame for `value`, after checking what plain data never holds; null for a typed array (not walked). */
function open(value: object, parent: Frame | null, key: string | number, depth: number, throughGet: boolean): Frame | null {
  if (depth >= MAX_INPUT_DEPTH) throw unreadable(pathOf(parent, key), `is nested more than ${MAX_INPUT_DEPTH} levels deep`);
  let keys: readonly string[] | null = null;
  let length: number;
  try {
    // A proxy whose getPrototypeOf trap throws breaks `instanceof`; find it here.
    Object.getPrototypeOf(value);
    // After the fact, also what any object answers: a proxy whose get trap throws on everything.
    if (throughGet) void (value as { constructor?: unknown }).constructor;
    if (ArrayBuffer.isView(value)) return null;
    if (Array.isArray(value)) {
      length = value.length;
      for (let i = 0; i < length; i++) if (!(i in value)) throw unreadable(pathOf(parent, key).concat(i), "is a hole (an empty slot in the array); write null or a value");
    } else {
      keys = Object.keys(value);
      length = keys.length;
    }
  } catch (error) {
    throw error instanceof PayscoreError ? error : unreadable(pathOf(parent, key), `cannot be read: ${messageOf(error)}`, error);
  }
  return { value, parent, key, keys, length, depth, index: 0 };
}

function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "it threw";
  }
}

function unreadable(path: ErrorPath, text: string, cause?: unknown): PayscoreError {
  return new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} ${text}`, { path, cause });
}
