// Hostile values for the export fuzz test: things a caller's code can hand the library by
// mistake (or on purpose) that are not plain JSON — array holes, look-alike Decimals, throwing
// getters, proxies, revoked proxies, deep nesting and huge values.
import { Decimal } from "../../src/index.js";

/** A Decimal-like object that passes decimal.js's own `isDecimal` test but is not one. */
export function lookAlikes(): unknown[] {
  const withPrototype = Object.assign(Object.create(Decimal.prototype) as object, { d: [1e9], e: 1, s: 1 });
  const negativeDigits = Object.assign(Object.create(Decimal.prototype) as object, { d: [-5], e: 0, s: 1 });
  const hugeExponent = Object.assign(Object.create(Decimal.prototype) as object, { d: [1], e: 9e15, s: 1 });
  const throwing = {
    toStringTag: "[object Decimal]",
    get d(): never {
      throw new Error("caller's getter");
    },
  };
  return [
    { toStringTag: "[object Decimal]" },
    { toStringTag: "[object Decimal]", d: [1], e: 0, s: 1, isFinite: () => true, toString: () => "1", constructor: Decimal },
    { toStringTag: "[object Decimal]", isFinite: () => true, toString: () => "not a number" },
    Object.create(Decimal.prototype) as unknown,
    withPrototype,
    negativeDigits,
    hugeExponent,
    throwing,
    new Decimal(Number.NaN),
    new Decimal("1e-9000000000"),
  ];
}

/** A value nested `depth` levels deep: `[[[…]]]` or `{ a: { a: … } }`. */
export function nested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

/** Values that are never valid anywhere, or valid and extreme. */
export function junkValues(): unknown[] {
  return [
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    5e-324,
    -1,
    0,
    1.5,
    "",
    "x",
    "1e1001",
    "1e-1001",
    "9".repeat(45),
    "9".repeat(38),
    "1e37",
    `0.${"3".repeat(60)}`,
    "12345678901234567890123456789012345678901.23",
    "9".repeat(200_000),
    "1".padEnd(1_000_000, "0"),
    10n ** 400n,
    -(10n ** 50n),
    true,
    Symbol("s"),
    () => 1,
    {},
    [],
    Object.create(null) as unknown,
    new Date(0),
    new Map([["a", 1]]),
    new Array(2 ** 32 - 1),
    Object.freeze([1, 2, 3]),
    nested(100_000, "array"),
    nested(100_000, "object"),
    ...lookAlikes(),
  ];
}

/** Copies of an array with a hole in each place (`[1, , 1]`). */
export function holey(list: readonly unknown[]): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < Math.min(list.length, 3); i++) {
    const copy = [...list];
    delete copy[i];
    out.push(copy);
  }
  // A trailing hole: length one more than the elements (`[1, 2, ,]`).
  const trailing = [...list];
  trailing.length = list.length + 1;
  out.push(trailing);
  return out;
}

/** Copies of an object or array whose property `key` is a getter that throws. */
export function throwingGetter(value: object, key: PropertyKey): unknown {
  const copy: object = Array.isArray(value) ? [...(value as unknown[])] : { ...value };
  Object.defineProperty(copy, key, {
    enumerable: true,
    configurable: true,
    get(): never {
      throw new Error(`caller's getter for ${String(key)}`);
    },
  });
  return copy;
}

/** Proxies of a value whose traps throw, and a revoked proxy. */
export function proxies(value: object): unknown[] {
  const boom = (): never => {
    throw new Error("caller's proxy trap");
  };
  const revocable = Proxy.revocable(value, {});
  revocable.revoke();
  return [
    new Proxy(value, { get: boom }),
    new Proxy(value, { ownKeys: boom }),
    new Proxy(value, { has: boom, getOwnPropertyDescriptor: boom }),
    new Proxy(value, { getPrototypeOf: boom }),
    revocable.proxy,
  ];
}
