import { describe, expect, it } from "vitest";
import { PayscoreError, allocate, attainment, isPayscoreError, planHash } from "../../src/index.js";
import { asPayscoreError, guard, guardFunction, guardReading, guardReadingDense, guardReadingFunction } from "../../src/errors/guard.js";
import { scoreKpis } from "../../src/scoring/scoreKpis.js";
import { checkReadable, MAX_INPUT_DEPTH } from "../../src/errors/checkReadable.js";

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("guard", () => {
  it("returns what the computation returns for readable input", () => {
    expect(guard((a: number, b: number) => a + b, [1, 2])).toBe(3);
  });

  it("passes a PayscoreError through unchanged", () => {
    const error = new PayscoreError("OUT_OF_RANGE", "x");
    expect(() =>
      guard(() => {
        throw error;
      }, []),
    ).toThrow(error);
  });

  it("turns a foreign throw into INTERNAL_ERROR keeping the cause", () => {
    const cause = new TypeError("boom");
    const caught = (() => {
      try {
        guard(() => {
          throw cause;
        }, []);
      } catch (error) {
        return error;
      }
      return undefined;
    })() as PayscoreError;
    expect(caught.code).toBe("INTERNAL_ERROR");
    expect(caught.cause).toBe(cause);
  });

  it("turns a stack overflow into INVALID_ARGUMENT", () => {
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
    expect(() => guard(() => deep(1e7), [])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(asPayscoreError(new RangeError("Maximum call stack size exceeded"), ["x"]).path).toEqual(["x"]);
    expect(asPayscoreError("a string", []).code).toBe("INTERNAL_ERROR");
  });

  it("guards a returned function too", () => {
    const make = guard(() => (x: number) => {
      if (x < 0) throw new Error("negative");
      return x;
    }, []);
    expect(make(2)).toBe(2);
    expect(() => make(-1)).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
    const direct = guardFunction((x: number) => x * 2);
    expect(direct(4)).toBe(8);
  });
});

describe("checkReadable, through the exports", () => {
  it("refuses a throwing getter with its path", () => {
    const weights = [1, 1];
    Object.defineProperty(weights, 1, {
      get() {
        throw new Error("caller's getter");
      },
    });
    expect(() => allocate(100, weights)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["weights", 1] }));
  });

  it("refuses array holes (issue 22: allocate(100, [1,,1]))", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => allocate(100, [1, , 1] as number[])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["weights", 1] }));
    // a huge sparse array is refused at its first hole, at once
    expect(() => allocate(100, new Array(2 ** 32 - 1))).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["weights", 0] }));
  });

  it("refuses revoked proxies and proxies whose traps throw", () => {
    const { proxy, revoke } = Proxy.revocable({ cap: 1 }, {});
    revoke();
    expect(() => attainment(1, 1, proxy as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["options"] }));
    const trap = new Proxy([1, 2], {
      getPrototypeOf() {
        throw new Error("trap");
      },
    });
    expect(() => allocate(100, trap)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["weights"] }));
  });

  it("refuses 100 000-deep input without overflowing the stack (issue 22: planHash)", () => {
    const error = (() => {
      try {
        planHash(nested(100_000));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isPayscoreError(error)).toBe(true);
    expect((error as PayscoreError).code).toBe("INVALID_ARGUMENT");
    expect((error as PayscoreError).path).toHaveLength(MAX_INPUT_DEPTH + 1);
  });

  it("walks shared objects and cycles once and skips typed arrays", () => {
    const shared = { a: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic["self"] = cyclic;
    expect(() => checkReadable([cyclic, new Float64Array(10)], ["a", "b"])).not.toThrow();
    expect(() => checkReadable([nested(MAX_INPUT_DEPTH - 1)], [])).not.toThrow();
    expect(() => checkReadable([nested(MAX_INPUT_DEPTH + 1)], [])).toThrow(/nested more than 500 levels/);
  });
});

describe("guardReading (the hot functions' guard)", () => {
  it("does not walk the input before the computation: a fault in a part never read is not refused", () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const input = { used: 2, ignored: revoked.proxy };
    expect(guardReading((x: { used: number }) => x.used * 2, [input])).toBe(4);
    expect(() => guard((x: { used: number }) => x.used * 2, [input])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("reports the caller's fault as guard would, once the computation throws", () => {
    // scoreKpis runs through guardReading: a hole in the KPI list is named as a hole, at its path
    // eslint-disable-next-line no-sparse-arrays
    const holey = [{ id: "a", weight: 0.5 }, , { id: "b", weight: 0.5 }] as unknown as Parameters<typeof scoreKpis>[0];
    expect(() => scoreKpis(holey, {})).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["kpis", 1] }));
    expect(() => scoreKpis(holey, {})).toThrow(/is a hole/);
    const throwing = Object.defineProperty({ target: 4 }, "actual", { get: () => { throw new Error("no access"); }, enumerable: true });
    expect(() => scoreKpis([{ id: "a", weight: 1 }], { a: throwing as { actual: number; target: number } })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["values", "a", "actual"] }));
  });

  it("wraps a foreign throw that no input explains as INTERNAL_ERROR, and guards returned functions", () => {
    expect(() => guardReading(() => { throw new TypeError("bug"); }, [])).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
    const f = guardReadingFunction((x: number) => {
      if (x < 0) throw new Error("negative");
      return x;
    });
    expect(f(3)).toBe(3);
    expect(() => f(-1)).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
    // guard returns a function guardReadingFunction made as it is (not wrapped twice)
    expect(guard(() => f, [])).toBe(f);
  });

  it("runs a guarded call made inside another guarded call unguarded: the outer one checks and wraps", () => {
    let innerWalked = false;
    const inner = (x: unknown) => guard((v: unknown) => v, [x]);
    const sneaky = { get value() { innerWalked = true; return 1; } };
    // the outer walk reads the getter once; the inner call does not walk again
    let reads = 0;
    const counted = Object.defineProperty({}, "n", { get: () => ++reads, enumerable: true });
    guard((o: object) => inner(o), [counted]);
    expect(reads).toBe(1);
    expect(guard((o: { value: number }) => inner(o.value), [sneaky])).toBe(1);
    expect(innerWalked).toBe(true);
    // a foreign throw deep inside still leaves as a PayscoreError
    expect(() => guard(() => guard(() => { throw new RangeError("x"); }, []), [])).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
  });
});

describe("guardReadingDense (forcedDistribution's and allocatePool's guard)", () => {
  const length = (xs: readonly unknown[], _options?: unknown): number => xs.length;

  it("computes on a dense array without walking it first: a fault in a part never read is not refused", () => {
    const entry = {};
    Object.defineProperty(entry, "extra", {
      enumerable: true,
      get() {
        throw new Error("never read");
      },
    });
    expect(guardReadingDense(length, [[entry, 2]])).toBe(2);
    expect(() => guard(length, [[entry, 2]])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["xs", 0, "extra"] }));
  });

  it("walks a sparse array first, so a huge one is refused at its first hole and nothing is sized by its length", () => {
    let sized = false;
    const sizing = (xs: readonly unknown[]): number => {
      sized = true;
      return new Float64Array(xs.length).length;
    };
    expect(() => guardReadingDense(sizing, [new Array(2 ** 32 - 1)])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["xs", 0] }));
    expect(sized).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => guardReadingDense(length, [[1, , 1]])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["xs", 1] }));
  });

  it("walks first an argument it cannot even test (a revoked proxy), as guard does", () => {
    const { proxy, revoke } = Proxy.revocable([1], {});
    revoke();
    expect(() => guardReadingDense(length, [proxy])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["xs"] }));
  });

  it("turns a foreign throw into a PayscoreError, with the first unreadable place when there is one", () => {
    expect(() =>
      guardReadingDense((_xs: readonly unknown[]) => {
        throw new TypeError("bug");
      }, [[1]]),
    ).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
    const options = {};
    Object.defineProperty(options, "ties", {
      enumerable: true,
      get() {
        throw new Error("caller's getter");
      },
    });
    expect(() => guardReadingDense((xs: readonly unknown[], o: { ties?: unknown }) => [xs.length, o.ties], [[1], options])).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["o", "ties"] }),
    );
  });
});
