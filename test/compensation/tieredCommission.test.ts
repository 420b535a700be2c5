import { describe, expect, it } from "vitest";
import { tieredCommission } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const tiers = [
  { from: 0, rate: 0.03 },
  { from: 100000, rate: 0.05 },
  { from: 300000, rate: 0.08 },
];

describe("tieredCommission", () => {
  it("pays each slice at its own rate in marginal mode (the default)", () => {
    // 100000·3 % + 200000·5 % + 50000·8 % = 3000 + 10000 + 4000
    expect(tieredCommission(350000, tiers).toString()).toBe("17000");
    // 80000·3 %
    expect(tieredCommission(80000, tiers).toString()).toBe("2400");
    // 100000·3 % + 50000·5 % = 3000 + 2500
    expect(tieredCommission("150000", tiers, { mode: "marginal" }).toString()).toBe("5500");
  });

  it("pays the whole amount at the highest tier reached in retroactive mode", () => {
    expect(tieredCommission(350000, tiers, { mode: "retroactive" }).toString()).toBe("28000"); // 350000·8 %
    expect(tieredCommission(150000, tiers, { mode: "retroactive" }).toString()).toBe("7500"); // 150000·5 %
    // exactly on a boundary the higher tier is reached: 100000·5 %
    expect(tieredCommission(100000, tiers, { mode: "retroactive" }).toString()).toBe("5000");
    expect(tieredCommission(100000, tiers).toString()).toBe("3000"); // marginal: 100000·3 %
  });

  it("is exact and not rounded", () => {
    // 0.01·3 % = 0.0003
    expect(tieredCommission("0.01", tiers).toString()).toBe("0.0003");
    // 100000.01: 3000 + 0.01·5 % = 3000.0005
    expect(tieredCommission("100000.01", tiers).toString()).toBe("3000.0005");
  });

  it("pays 0 on 0 and never returns negative zero", () => {
    const zero = tieredCommission(0, tiers);
    expect(zero.isZero() && !zero.isNegative()).toBe(true);
  });

  it("refuses a negative amount", () => {
    expect(errorOf(() => tieredCommission(-1, tiers))).toEqual({ code: "INVALID_ARGUMENT", path: ["amount"] });
  });

  it("refuses tiers that do not start at 0 or do not rise", () => {
    expect(errorOf(() => tieredCommission(1, [{ from: 10, rate: 0.1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["tiers", 0, "from"] });
    expect(errorOf(() => tieredCommission(1, [{ from: 0, rate: 0.1 }, { from: 5, rate: 0.2 }, { from: 5, rate: 0.3 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["tiers", 2, "from"] });
    expect(errorOf(() => tieredCommission(1, [{ from: 0, rate: 0.1 }, { from: 5, rate: 0.2 }, { from: 4, rate: 0.3 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["tiers", 2, "from"] });
  });

  it("refuses no tiers, negative rates, malformed numbers and an unknown mode", () => {
    expect(errorOf(() => tieredCommission(1, []))).toEqual({ code: "EMPTY_INPUT", path: ["tiers"] });
    expect(errorOf(() => tieredCommission(1, [{ from: 0, rate: -0.1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["tiers", 0, "rate"] });
    expect(errorOf(() => tieredCommission(1, [{ from: 0, rate: "5%" }]))).toEqual({ code: "INVALID_NUMBER", path: ["tiers", 0, "rate"] });
    expect(errorOf(() => tieredCommission("1,000", tiers))).toEqual({ code: "INVALID_NUMBER", path: ["amount"] });
    expect(errorOf(() => tieredCommission(1, tiers, { mode: "flat" as never })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => tieredCommission(1, null as never)).code).toBe("INVALID_ARGUMENT");
  });

  it("names the tier and the option at fault in its errors", () => {
    expect(errorOf(() => tieredCommission(1, tiers, { mode: "flat" as never })).path).toEqual(["options", "mode"]);
    expect(errorOf(() => tieredCommission(1, null as never)).path).toEqual(["tiers"]);
    expect(errorOf(() => tieredCommission(1, [{ from: "x", rate: 0.1 }]))).toEqual({ code: "INVALID_NUMBER", path: ["tiers", 0, "from"] });
    expect(failureOf(() => tieredCommission(1, [{ from: 10, rate: 0.1 }])).message).toBe("the first tier must start at 0; tiers[0].from is 10");
    expect(failureOf(() => tieredCommission(1, [{ from: 0, rate: 0.1 }, { from: 5, rate: 0.2 }, { from: 5, rate: 0.3 }])).message).toBe(
      "tiers must rise: tiers[2].from is 5, not above tiers[1].from 5",
    );
    expect(failureOf(() => tieredCommission(1, [{ from: 0, rate: 0.1 }, { from: 5, rate: -0.2 }])).message).toBe("tiers[1].rate must not be negative; got -0.2");
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(tiers);
    tieredCommission(350000, tiers, { mode: "retroactive" });
    expect(tiers).toEqual(copy);
  });
});

describe("tieredCommission on one tiers array, call after call", () => {
  it("reads the tiers afresh when a tier is changed, added, removed or replaced in place", () => {
    const list = [{ from: 0, rate: 0.03 }, { from: 100000, rate: 0.05 }];
    expect(tieredCommission(200000, list).toString()).toBe("8000");
    expect(tieredCommission(200000, list).toString()).toBe("8000");
    (list[1] as { rate: number }).rate = 0.1; // in place
    expect(tieredCommission(200000, list).toString()).toBe("13000");
    list.push({ from: 150000, rate: 0.2 });
    expect(tieredCommission(200000, list).toString()).toBe("18000");
    list[2] = { from: 150000, rate: 0.3 };
    expect(tieredCommission(200000, list).toString()).toBe("23000");
    list.pop();
    expect(tieredCommission(200000, list).toString()).toBe("13000");
    (list[0] as { from: number }).from = 1; // now refused, every time
    for (let i = 0; i < 2; i++) expect(errorOf(() => tieredCommission(200000, list)).path).toEqual(["tiers", 0, "from"]);
  });

  it("follows a getter's answer from call to call, and refuses a bad mode even after good calls", () => {
    let rate = 0.01;
    const tier = Object.defineProperty({ from: 0 }, "rate", { get: () => rate, enumerable: true });
    const list = [tier as { from: number; rate: number }];
    expect(tieredCommission(100, list).toString()).toBe("1");
    rate = 0.02;
    expect(tieredCommission(100, list).toString()).toBe("2");
    expect(errorOf(() => tieredCommission(100, list, { mode: "flat" as "marginal" })).code).toBe("INVALID_ARGUMENT");
    expect(tieredCommission(100, [{ from: 0, rate: 0.05 }], { mode: "retroactive" }).toString()).toBe("5");
  });
});
