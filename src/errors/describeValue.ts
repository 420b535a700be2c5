/**
 * A short, plain rendering of any value for an error message: `"12,5"`, `NaN`, `an object`.
 * Long strings are cut so a message stays on one line.
 *
 * @param value - anything a caller passed
 * @returns a rendering of at most about 60 characters
 *
 * @example
 * ```ts
 * describeValue(Number.NaN); // "NaN"
 * describeValue("12,5"); // "\"12,5\""
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string": {
      const text = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
      return text;
    }
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
      return String(value);
    case "undefined":
      return "undefined";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      if (value === null) return "null";
      if (Array.isArray(value)) return `an array of ${value.length}`;
      return "an object";
  }
}
