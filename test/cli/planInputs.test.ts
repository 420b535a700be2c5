import { mkdirSync, symlinkSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { planInputFiles, requiredInput } from "../../src/cli/planInputs.js";
import { parsePlan } from "../../src/plan/index.js";
import { commissionPlan } from "./fixtures.js";
import { tempDir, type TempDir } from "./helpers.js";

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
  mkdirSync(`${dir.path}/team`);
});
afterEach(() => {
  dir.remove();
});

const planWith = (inputs: Record<string, string>) => parsePlan({ ...commissionPlan, inputs });

describe("planInputFiles", () => {
  it("joins the plan's folder to each input, and lets a flag win", async () => {
    const plan = planWith({ data: "data.csv", ratings: "in/ratings.csv" });
    expect(await planInputFiles(plan, "team/plan.json", dir.path, {})).toEqual({ data: "team/data.csv", ratings: "team/in/ratings.csv" });
    expect(await planInputFiles(plan, "team/plan.json", dir.path, { data: "other.csv", history: "h.csv" })).toEqual({ data: "other.csv", ratings: "team/in/ratings.csv", history: "h.csv" });
    expect(await planInputFiles(parsePlan(commissionPlan), "plan.json", dir.path, {})).toEqual({});
  });

  it("allows a path that climbs and comes back inside", async () => {
    expect(await planInputFiles(planWith({ data: "sub/../data.csv" }), "team/plan.json", dir.path, {})).toEqual({ data: "team/data.csv" });
  });

  it("refuses .., an absolute path, the folder itself and a link out", async () => {
    await expect(planInputFiles(planWith({ data: "../x.csv" }), "team/plan.json", dir.path, {})).rejects.toThrow(/the path leaves the plan's folder/);
    await expect(planInputFiles(planWith({ data: "." }), "team/plan.json", dir.path, {})).rejects.toThrow(/the path leaves the plan's folder/);
    await expect(planInputFiles(planWith({ history: "/etc/passwd" }), "team/plan.json", dir.path, {})).rejects.toThrow(/inputs\.history is "\/etc\/passwd": an absolute path/);
    await expect(planInputFiles(planWith({ data: "C:\\data.csv" }), "team/plan.json", dir.path, {})).rejects.toBeInstanceOf(CliError);
    dir.write("outside.csv", "id\n");
    symlinkSync(`${dir.path}/outside.csv`, `${dir.path}/team/link.csv`);
    await expect(planInputFiles(planWith({ data: "link.csv" }), "team/plan.json", dir.path, {})).rejects.toThrow(/a link to a file outside the plan's folder/);
  });

  it("leaves a missing file to the reader", async () => {
    expect(await planInputFiles(planWith({ data: "missing.csv" }), "team/plan.json", dir.path, {})).toEqual({ data: "team/missing.csv" });
  });
});

describe("requiredInput", () => {
  it("returns the data file, or says where to give one", () => {
    expect(requiredInput({ data: "d.csv" }, "run", "<file>")).toBe("d.csv");
    expect(() => requiredInput({}, "run", "<file>")).toThrow('payscore run: --data <file> is required, or the plan\'s "inputs": { "data": … } (see payscore run --help)');
  });
});
