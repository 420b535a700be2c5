import { describe, expect, it } from "vitest";
import { nps } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("nps", () => {
  it("scores responses: 9–10 promote, 7–8 are passive, 0–6 detract", () => {
    // promoters 10, 9, 9, 10 = 4; passives 8, 7 = 2; detractors 6, 3 = 2; 100 · (4 − 2) / 8 = 25
    const result = nps([10, 9, 9, 8, 7, 6, 3, 10]);
    expectDecimal(result.score, "25");
    expect([result.promoters, result.passives, result.detractors, result.total]).toEqual([4, 2, 2, 8]);
  });

  it("scores counts directly", () => {
    // 100 · (60 − 15) / 100 = 45
    const result = nps({ promoters: 60, passives: 25, detractors: 15 });
    expectDecimal(result.score, "45");
    expect(result.total).toBe(100);
  });

  it("reaches −100 and 100 at the extremes and 0 when balanced", () => {
    expectDecimal(nps([0, 6, 5]).score, "-100");
    expectDecimal(nps([9, 10]).score, "100");
    expectDecimal(nps([10, 0, 8]).score, "0");
  });

  it("keeps full precision", () => {
    // 100 · 1 / 3
    expectDecimal(nps([10, 8, 8]).score, "33.33333333333333333333333333333333333333");
  });

  it("throws EMPTY_INPUT for no responses", () => {
    expectFault(() => nps([]), "EMPTY_INPUT", ["responses"]);
    expectFault(() => nps({ promoters: 0, passives: 0, detractors: 0 }), "EMPTY_INPUT", ["responses"]);
  });

  it("throws OUT_OF_RANGE for a response outside 0–10 or not a whole number", () => {
    expectFault(() => nps([10, 11]), "OUT_OF_RANGE", ["responses", 1]);
    expectFault(() => nps([-1]), "OUT_OF_RANGE", ["responses", 0]);
    expectFault(() => nps([8.5]), "OUT_OF_RANGE", ["responses", 0]);
    expectFault(() => nps(["9"] as never), "OUT_OF_RANGE", ["responses", 0]);
    expectFault(() => nps([Number.NaN]), "OUT_OF_RANGE", ["responses", 0]);
  });

  it("throws OUT_OF_RANGE for a negative count and INVALID_ARGUMENT for a fractional one", () => {
    expectFault(() => nps({ promoters: 5, passives: -1, detractors: 0 }), "OUT_OF_RANGE", ["responses", "passives"]);
    expectFault(() => nps({ promoters: 5, passives: 1, detractors: 0.5 }), "INVALID_ARGUMENT", ["responses", "detractors"]);
    expectFault(() => nps({ passives: 1, detractors: 0 } as never), "INVALID_ARGUMENT", ["responses", "promoters"]);
  });

  it("throws OUT_OF_RANGE when the counts total more than can be counted exactly", () => {
    const max = Number.MAX_SAFE_INTEGER;
    expectFault(() => nps({ promoters: max, passives: max, detractors: 0 }), "OUT_OF_RANGE", ["responses"]);
  });

  it("throws INVALID_ARGUMENT for an argument that is neither a list nor counts", () => {
    expectFault(() => nps(null as never), "INVALID_ARGUMENT", ["responses"]);
    expectFault(() => nps(9 as never), "INVALID_ARGUMENT", ["responses"]);
  });

  it("does not mutate its input", () => {
    const responses = Object.freeze([10, 3, 7]);
    nps(responses);
    expect(responses).toEqual([10, 3, 7]);
  });
});
