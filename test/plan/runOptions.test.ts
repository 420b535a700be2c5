import { describe, expect, it } from "vitest";
import { PayscoreError, explain, parsePlan, runPlan, runPlanLazy, type Plan } from "../../src/index.js";
import { readRunAudit } from "../../src/plan/runOptions.js";
import { writeRunJson } from "../../src/cli/writeRunJson.js";

// Issue 18, point 6: the audit record of a run — input hashes, an optional time stamp, and who
// decided each calibration and when.

const plan = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
  grading: {
    method: "bands",
    bands: [{ grade: "A", min: 110 }, { grade: "B", min: 0 }],
    overrides: [
      { person: "p01", grade: "B", reason: "deal booked twice, corrected", by: "sales committee", at: "2026-04-03T10:30:00+08:00" },
      { person: "p02", grade: "A", reason: "covered a vacant territory", by: "regional director" },
    ],
  },
} as unknown as Plan;
const data = { rows: [{ id: "p01", sales: "120" }, { id: "p02", sales: "90" }, { id: "p03", sales: "100" }] };
const SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"; // SHA-256 of "test"

describe("calibrated grades in the statement", () => {
  it("carry the override's reason, who decided and when", () => {
    const [p01, p02, p03] = runPlan(plan, data).statements;
    expect(p01?.grade).toEqual({ initial: "A", final: "B", reason: "deal booked twice, corrected", by: "sales committee", at: "2026-04-03T10:30:00+08:00" });
    expect(p02?.grade).toEqual({ initial: "B", final: "A", reason: "covered a vacant territory", by: "regional director", at: null });
    expect(p03?.grade).toEqual({ initial: "B", final: "B", reason: null }); // not calibrated: no by/at
  });

  it("show who and when in the grade step of the trace", () => {
    const step = runPlan(plan, data).statements[0]?.trace.find((s) => s.step === "grade");
    expect(step?.inputs).toEqual({ score: "120", rank: "1", calibratedFrom: "A", reason: "deal booked twice, corrected", by: "sales committee", at: "2026-04-03T10:30:00+08:00" });
  });

  it("say who decided and when in the explanation, also of a statement read back from JSON", () => {
    const [p01, p02] = runPlan(plan, data).statements;
    expect(explain(p01 as never, { locale: "en" })).toContain("Grade: B (calibrated from A: deal booked twice, corrected — decided by sales committee on 2026-04-03T10:30:00+08:00)");
    expect(explain(JSON.parse(JSON.stringify(p02)) as never, { locale: "en" })).toContain("Grade: A (calibrated from B: covered a vacant territory — decided by regional director)");
    expect(explain(p01 as never, { locale: "zh-CN" })).toContain("由 A 校准：deal booked twice, corrected（决定人：sales committee，2026-04-03T10:30:00+08:00）");
  });

  it("refuses an override whose at is not an ISO date or date-time", () => {
    const bad = (at: unknown): unknown => ({ ...plan, grading: { ...(plan.grading as object), overrides: [{ person: "p01", grade: "B", reason: "r", by: "HR", at }] } });
    expect(() => parsePlan(bad("3 April"))).toThrow('grading.overrides[0].at is "3 April": expected an ISO date or date-time, e.g. "2026-04-03" or "2026-04-03T10:30:00+08:00"');
    expect(() => parsePlan(bad("2026-04-31"))).toThrow('grading.overrides[0].at is "2026-04-31": expected a day that exists in the calendar');
    expect(() => parsePlan(bad(20260403))).toThrow(/grading\.overrides\[0\]\.at is 20260403: expected an ISO date or date-time/);
    expect(parsePlan(bad("2026-04-03")).grading?.overrides?.[0]?.at).toBe("2026-04-03");
    expect(parsePlan(bad("2026-04-03T02:30Z")).grading?.overrides?.[0]?.at).toBe("2026-04-03T02:30Z");
  });
});

describe("the run header's audit record", () => {
  it("has no inputs and no runAt unless the caller gives them: reruns are byte-identical", () => {
    const run = runPlan(plan, data);
    expect("inputs" in run || "runAt" in run).toBe(false);
    expect(JSON.stringify(runPlan(plan, data))).toBe(JSON.stringify(run));
    expect(run.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.planHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("records the input files' SHA-256 and the time stamp given, after subPeriods", () => {
    const run = runPlan(plan, data, { inputs: { plan: { file: "plan.json", sha256: SHA.toUpperCase() }, data: { sha256: SHA } }, runAt: "2026-04-05T09:30:00Z" });
    expect(run.inputs).toEqual({ plan: { file: "plan.json", sha256: SHA }, data: { sha256: SHA } });
    expect(run.runAt).toBe("2026-04-05T09:30:00Z");
    expect(Object.keys(run)).toEqual(["version", "planHash", "planName", "currency", "scale", "rounding", "period", "subPeriods", "inputs", "runAt", "statements", "totals", "pools"]);
    const lazy = runPlanLazy(plan, data, { inputs: { ratings: { sha256: SHA } } });
    expect(lazy.inputs).toEqual({ ratings: { sha256: SHA } });
    expect(lazy.runAt).toBeUndefined();
  });

  it("writes the same JSON from the lazy run as from the materialized one", async () => {
    const options = { inputs: { data: { file: "data.csv", sha256: SHA } }, runAt: "2026-04-05T09:30:00.000Z" };
    const text = async (run: Parameters<typeof writeRunJson>[0]): Promise<string> => {
      let out = "";
      await writeRunJson(run, (chunk) => {
        out += chunk;
        return Promise.resolve();
      });
      return out;
    };
    const lazy = await text(runPlanLazy(plan, data, options));
    expect(lazy).toBe(await text(runPlan(plan, data, options)));
    expect(lazy).toContain(`"inputs": {\n    "data": {\n      "file": "data.csv",\n      "sha256": "${SHA}"\n    }\n  },\n  "runAt": "2026-04-05T09:30:00.000Z",\n  "statements"`);
    expect(Object.keys(JSON.parse(await text(runPlanLazy(plan, data))) as object)).not.toContain("inputs");
  });

  it("refuses malformed audit options, naming the option", () => {
    const fails = (options: unknown): string => {
      try {
        runPlan(plan, data, options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(PayscoreError);
        expect((error as PayscoreError).code).toBe("INVALID_ARGUMENT");
        return (error as PayscoreError).message;
      }
      throw new Error("did not throw");
    };
    expect(fails({ inputs: { data: { sha256: "abc" } } })).toBe('options.inputs.data.sha256 must be the SHA-256 of the file\'s bytes, 64 hex digits; got "abc"');
    expect(fails({ inputs: { dat: { sha256: SHA } } })).toBe("options.inputs.dat: not an input of a run; the inputs are plan, data, ratings, history, transactions, deals, responses, activities, tickets");
    expect(fails({ inputs: { data: { sha256: SHA, size: 4 } } })).toBe('options.inputs.data.size: an input file has only "sha256" and "file"');
    expect(fails({ inputs: { data: { sha256: SHA, file: "" } } })).toBe('options.inputs.data.file must be the file\'s name, a non-empty text; got ""');
    expect(fails({ inputs: { data: "abc" } })).toBe('options.inputs.data must be { "sha256": "<64 hex digits>", "file"?: "<name>" }; got "abc"');
    expect(fails({ inputs: [] })).toMatch(/^options\.inputs must be an object such as \{ "data": \{ "sha256": "…" \} \}; got /);
    expect(fails({ runAt: "yesterday" })).toBe('options.runAt must be an ISO 8601 date-time with its offset, e.g. "2026-04-05T09:30:00Z"; got "yesterday"');
    expect(fails({ runAt: "2026-04-05T09:30:00" })).toMatch(/^options\.runAt must be an ISO 8601 date-time with its offset/);
    expect(fails({ runAt: "2026-13-05T09:30:00Z" })).toMatch(/^options\.runAt must be/);
  });

  it("reads nothing from options that have no audit fields", () => {
    expect(readRunAudit(undefined)).toEqual({});
    expect(readRunAudit({ trace: false })).toEqual({});
  });
});
