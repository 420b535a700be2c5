import { PayscoreError, type ErrorPath } from "./PayscoreError.js";
import { formatPath } from "./formatPath.js";

/** The deepest nesting an input may have; no plan, tree or list of the library comes close. */
export const MAX_INPUT_DEPTH = 500;

interface Frame {
  readonly value: object;
  readonly path: (string | number)[];
  /** The object's own enumerable keys, or null for an array (whose keys are 0 … length − 1). */
  readonly keys: readonly string[] | null;
  readonly length: number;
  index: number;
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
 * @param throughGet - read each property with `value[key]` (which runs a proxy's `get` trap)
 *   instead of through its descriptor (which runs only a getter); used to find what made a
 *   computation fail, after the fact
 * @throws {PayscoreError} `INVALID_ARGUMENT` naming the path of the first unreadable place
 *
 * @example
 * ```ts
 * checkReadable([[1, , 1]], ["weights"]); // throws INVALID_ARGUMENT: weights[1] is a hole …
 * ```
 */
export function checkReadable(args: readonly unknown[], names: readonly string[], throughGet = false): void {
  const stack: Frame[] = [];
  const open = new Set<object>();
  const enter = (value: unknown, path: (string | number)[]): void => {
    if (typeof value !== "object" || value === null) return;
    // A cycle is walked once; the function that reads the input decides whether it may have one.
    if (open.has(value)) return;
    if (stack.length >= MAX_INPUT_DEPTH) throw unreadable(path, `is nested more than ${MAX_INPUT_DEPTH} levels deep`);
    let keys: readonly string[] | null = null;
    let length: number;
    try {
      // A proxy whose getPrototypeOf trap throws breaks `instanceof`; find it here.
      Object.getPrototypeOf(value);
      // After the fact, also what any object answers: a proxy whose get trap throws on everything.
      if (throughGet) void (value as { constructor?: unknown }).constructor;
      if (ArrayBuffer.isView(value)) return;
      if (Array.isArray(value)) {
        length = value.length;
        for (let i = 0; i < length; i++) if (!(i in value)) throw unreadable([...path, i], "is a hole (an empty slot in the array); write null or a value");
      } else {
        keys = Object.keys(value);
        length = keys.length;
      }
    } catch (error) {
      throw error instanceof PayscoreError ? error : unreadable(path, `cannot be read: ${messageOf(error)}`, error);
    }
    open.add(value);
    stack.push({ value, path, keys, length, index: 0 });
  };
  args.forEach((arg, i) => {
    const name = names[i];
    enter(arg, [name === undefined || name === "" ? i : name]);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as Frame;
      if (frame.index >= frame.length) {
        open.delete(frame.value);
        stack.pop();
        continue;
      }
      const key: string | number = frame.keys === null ? frame.index : (frame.keys[frame.index] as string);
      frame.index++;
      let child: unknown;
      try {
        child = throughGet ? (frame.value as Record<string | number, unknown>)[key] : readOwn(frame.value, key);
      } catch (error) {
        throw unreadable([...frame.path, key], `cannot be read: ${messageOf(error)}`, error);
      }
      enter(child, [...frame.path, key]);
    }
  });
}

/** An own property's value from its descriptor: a data value as it is, a getter called. */
function readOwn(value: object, key: string | number): unknown {
  const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
  if (descriptor === undefined) return undefined;
  return descriptor.get === undefined ? descriptor.value : Reflect.apply(descriptor.get, value, []);
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
