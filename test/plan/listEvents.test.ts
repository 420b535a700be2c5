import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { activityWeight, checkListSource, isListSource, noEvents, offScale, readActivity, readDeal, readResponse, readTicket, stageIndex, type CompiledActivityWeights } from "../../src/plan/listEvents.js";
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

  it("reads a deal's cycle only for a closed deal, by salesCycleDays", () => {
    const needs = { value: false, stage: false, cycle: true };
    // 2026-01-01 → 2026-01-31 is 30 calendar days; an empty closedAt is an open deal.
    expect(readDeal({ person: "p01", openedAt: "2026-01-01", closedAt: "2026-01-31" }, 0, roster, needs).days).toBe(30);
    expect(readDeal({ person: "p01", openedAt: "2026-01-01", closedAt: "" }, 0, roster, needs).days).toBeUndefined();
    expect(readDeal({ person: "p01", openedAt: "2026-01-01" }, 0, roster, needs).days).toBeUndefined();
    expect(fault(() => readDeal({ person: "p01", openedAt: "2026-02-01", closedAt: "2026-01-31" }, 3, roster, needs)).message).toBe("deals[3].closedAt: 2026-01-31 is before the day the deal was opened (openedAt 2026-02-01)");
    expect(fault(() => readDeal({ person: "p01", openedAt: "2026-02-01", closedAt: "31/01/2026" }, 3, roster, needs)).path).toEqual(["deals", 3, "closedAt"]);
  });

  it("reads an activity: count default 1, an empty tier as none, the date inside the period", () => {
    const period = { start: "2026-01-01", end: "2026-03-31" };
    expect(readActivity({ person: "p02", type: "visit", tier: "", date: "2026-03-31" }, 0, roster, period)).toEqual({ j: 1, type: "visit", tier: undefined, count: 1 });
    expect(readActivity({ person: "p01", type: "call", tier: "B", count: 7 }, 0, roster, period).count).toBe(7);
    expect(fault(() => readActivity({ person: "p01", type: "" }, 4, roster, period)).message).toBe("activities[4].type: the type is empty");
    expect(fault(() => readActivity({ person: "p01", type: "visit", date: "2025-12-31" }, 0, roster, period)).path).toEqual(["activities", 0, "date"]);
    expect(fault(() => readActivity({ person: "p01", type: "visit", count: "x" }, 0, roster, period)).message).toBe('activities[0].count: expected a plain number such as "1200.50"; got "x"');
  });

  it("weighs one activity by weightedActivity, once per type and tier", () => {
    const weights = { byType: { visit: 3, call: 1 }, byTier: { key: 2, B: 1 } };
    const compiled: CompiledActivityWeights = { weights, byType: new Map([["visit", new Decimal(3)], ["call", new Decimal(1)]]), byTier: new Map([["key", new Decimal(2)], ["B", new Decimal(1)]]), unit: new Map() };
    // visit to a key account: 3 · 2 = 6.
    expect(activityWeight(compiled, { j: 0, type: "visit", tier: "key", count: 1 }, 0, "visits").toString()).toBe("6");
    expect([...compiled.unit.keys()]).toEqual(["visit\u0000key"]);
    expect(fault(() => activityWeight(compiled, { j: 0, type: "demo", tier: "key", count: 1 }, 5, "visits")).path).toEqual(["activities", 5, "type"]);
    expect(fault(() => activityWeight(compiled, { j: 0, type: "call", tier: undefined, count: 1 }, 5, "visits")).path).toEqual(["activities", 5, "tier"]);
  });

  it("reads a ticket's elapsed milliseconds, none while it is open", () => {
    // 09:00 → 13:30 at +08:00 is 4.5 h = 16 200 000 ms; 17:00+08:00 (09:00Z) → 02:30Z is 17.5 h.
    expect(readTicket({ person: "p01", openedAt: "2026-03-02T09:00+08:00", resolvedAt: "2026-03-02T13:30+08:00" }, 0, roster)).toEqual({ j: 0, ms: 16_200_000 });
    expect(readTicket({ person: "p02", openedAt: "2026-03-02T17:00:00+08:00", resolvedAt: "2026-03-03T02:30:00Z" }, 0, roster)).toEqual({ j: 1, ms: 63_000_000 });
    expect(readTicket({ person: "p01", openedAt: "2026-03-02T09:00+08:00", resolvedAt: "" }, 0, roster)).toEqual({ j: 0, ms: undefined });
    expect(fault(() => readTicket({ person: "p01", openedAt: "2026-03-02T09:00" }, 2, roster)).path).toEqual(["tickets", 2, "openedAt"]);
  });

  it("gives a ticket's exact milliseconds, to the millisecond", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }), (ms) => {
        const opened = Date.UTC(2026, 0, 1);
        const text = (t: number): string => new Date(t).toISOString();
        expect(readTicket({ person: "p01", openedAt: text(opened), resolvedAt: text(opened + ms) }, 0, roster).ms).toBe(ms);
      }),
    );
  });

  it("asks a lower-is-better list KPI for its direction, and refuses negative activity weights", () => {
    expect(fault(() => checkListSource({ indicator: "cycle-days", from: "deals" }, 1)).path).toEqual(["kpis", 1, "direction"]);
    expect(checkListSource({ indicator: "resolution-hours", from: "tickets" }, 1, "lower")).toBeUndefined();
    expect(checkListSource({ indicator: "cycle-days", from: "deals" }, 1, "higher")).toBeUndefined();
    expect(fault(() => checkListSource({ indicator: "weighted-visits", from: "activities", weights: { byType: { visit: "-1" } } }, 0)).path).toEqual(["kpis", 0, "actual", "weights", "byType", "visit"]);
    expect(noEvents({ indicator: "resolution-hours", from: "tickets" }, "r", "p01").path).toEqual(["tickets"]);
  });
});
