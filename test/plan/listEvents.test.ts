import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { checkListSource, isListSource, noEvents, offScale, readDeal, readResponse, stageIndex } from "../../src/plan/listEvents.js";
import { errorOf as fault } from "../helpers.js";

const roster = new Map([
  ["p01", 0],
  ["p02", 1],
]);

describe("listEvents (issue 21: the rows of the list inputs)", () => {
  it("reads a deal's cells only as the run needs them", () => {
    const deal = readDeal({ person: "p02", amount: "500.5", probability: 0.6, stage: "won" }, 0, roster, { value: true, stage: true });
    expect([deal.j, deal.amount?.toString(), deal.probability?.toString(), deal.stage]).toEqual([1, "500.5", "0.6", "won"]);
    // Without a pipeline KPI the amount is not read (so it may be absent).
    expect(readDeal({ person: "p01", stage: "lead" }, 0, roster, { value: false, stage: true })).toEqual({ j: 0, amount: undefined, probability: undefined, stage: "lead" });
    expect(readDeal({ person: "p01" }, 0, roster, { value: false, stage: false }).stage).toBeUndefined();
  });

  it("names the row and column of a bad cell", () => {
    expect(fault(() => readDeal({ person: "p01", amount: "1e", probability: "1" }, 4, roster, { value: true, stage: false })).path).toEqual(["deals", 4, "amount"]);
    expect(fault(() => readDeal({ person: "p01", probability: "1" }, 2, roster, { value: true, stage: false })).message).toBe("deals[2].amount: the amount is empty");
    expect(fault(() => readDeal({ person: "p01", amount: "1", probability: "-0.1" }, 0, roster, { value: true, stage: false })).path).toEqual(["deals", 0, "probability"]);
    expect(fault(() => readDeal({ person: "x", amount: "1", probability: "1" }, 0, roster, { value: true, stage: false })).message).toBe('deals[0].person: "x" is not on the roster');
    expect(fault(() => readResponse({ person: "p01", score: "" }, 1, roster)).message).toBe("responses[1].score: the score is empty");
    expect(fault(() => readResponse({ person: "p01", score: "2000000" }, 1, roster)).path).toEqual(["responses", 1, "score"]);
    expect(readResponse({ person: "p02", score: "-3" }, 0, roster)).toEqual({ j: 1, score: -3 });
    expect(fault(() => stageIndex(["a", "b"], "c", 3, "k")).message).toBe('deals[3].stage: "c" is not a stage of KPI "k" (its stages are "a", "b")');
    expect(stageIndex(["a", "b"], "b", 3, "k")).toBe(1);
    expect(offScale(2, 7, 1, 5, "s").path).toEqual(["responses", 2, "score"]);
    expect(noEvents({ indicator: "csat", from: "responses" }, "s", "p01").message).toBe('responses: person "p01" has no responses, so KPI "s" (csat) has no value (or set score.missing)');
  });

  it("checks a list KPI's funnel and scale", () => {
    expect(checkListSource({ indicator: "csat", from: "responses", min: 0, max: 10 }, 0)).toEqual({ min: 0, max: 10, satisfiedAtLeast: 9 });
    expect(checkListSource({ indicator: "pipeline-value", from: "deals" }, 0)).toBeUndefined();
    expect(checkListSource({ indicator: "stage-conversion", from: "deals", stages: ["a", "b"], fromStage: "a", toStage: "b" }, 0)).toBeUndefined();
    expect(fault(() => checkListSource({ indicator: "stage-conversion", from: "deals", stages: ["a", "b"], fromStage: "b", toStage: "b" }, 2)).path).toEqual(["kpis", 2, "actual", "toStage"]);
    expect(isListSource("revenue")).toBe(false);
    expect(isListSource({ column: "revenue" })).toBe(false);
  });

  it("reads any whole-number rating as itself, and refuses any fraction", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 9 }), (n, d) => {
        expect(readResponse({ person: "p01", score: String(n) }, 0, roster).score).toBe(n === 0 ? 0 : n);
        expect(() => readResponse({ person: "p01", score: `${n}.${d}` }, 0, roster)).toThrow(PayscoreError);
      }),
    );
  });
});
