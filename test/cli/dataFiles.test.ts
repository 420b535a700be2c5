import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { fileProblem } from "../../src/cli/fileProblem.js";
import type { CliError } from "../../src/cli/CliError.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";
import { commissionPlanText, goodCsv } from "./fixtures.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const regional = (name: string): string => join(root, "examples", "regional-team", name);

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
  dir.write("plan.json", commissionPlanText);
});
afterEach(() => {
  dir.remove();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir.path);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("data faults found by the run are mapped to file, line and column", () => {
  it("names the line and column of an empty cell a KPI needs", async () => {
    dir.write("data.csv", "id,sales\nC01,100\nC02,\n");
    expect(await cli("run", "plan.json", "--data", "data.csv")).toMatchObject({ code: 2, err: 'data.csv:3:2: sales is empty; KPI "sales" needs it (or set score.missing)\n' });
  });

  it("names the line of a person-level fault", async () => {
    dir.write("data.csv", "id,sales,activeFrom\nC01,100,2026-05-01\n");
    const { code, err } = await cli("run", "plan.json", "--data", "data.csv");
    expect(code).toBe(2);
    expect(err).toMatch(/^data\.csv:2(:3)?: /);
  });

  it("names the ratings file, line and column of a bad rating", async () => {
    dir.write("ratings.csv", "person,rater,group,score,competency\nR01,X,boss,4,teamwork\n");
    const { code, err } = await cli("run", regional("plan.json"), "--data", regional("data.csv"), "--ratings", "ratings.csv");
    expect(code).toBe(2);
    expect(err).toMatch(/^ratings\.csv:2:3: group: .*"boss"/);
  });

  it("names the JSON path of a bad number in JSON data", async () => {
    dir.write("data.json", JSON.stringify({ rows: [{ id: "C01", sales: "1,200" }] }));
    const { code, err } = await cli("run", "plan.json", "--data", "data.json");
    expect(code).toBe(2);
    expect(err).toMatch(/^data\.json: rows\[0\]\.sales: must be a plain decimal number/);
  });

  it("refuses an empty list of rows in JSON data", async () => {
    dir.write("data.json", JSON.stringify([]));
    expect((await cli("run", "plan.json", "--data", "data.json")).err).toBe("data.json: the array is empty: there is no one to pay\n");
    dir.write("rows.json", JSON.stringify({ rows: [{ id: "" }] }));
    expect((await cli("run", "plan.json", "--data", "rows.json")).err).toBe("rows.json: rows[0].id: the id is missing\n");
  });
});

describe("ratings and history files", () => {
  const regionalRun = (...extra: string[]): Promise<{ code: number; out: string; err: string }> =>
    cli("run", regional("plan.json"), "--data", regional("data.csv"), "--ratings", regional("ratings.csv"), ...extra);

  it("reads ratings and history from JSON files too", async () => {
    const ratingsCsv = (await import("node:fs")).readFileSync(regional("ratings.csv"), "utf8").trim().split("\n").slice(1);
    const ratings = ratingsCsv.map((line) => {
      const [person, rater, group, score, competency] = line.split(",");
      return { person, rater, group, score, competency };
    });
    dir.write("ratings.json", JSON.stringify(ratings));
    // Everyone's history, as history.csv has it (the promotion rule needs each person's).
    const historyCsv = (await import("node:fs")).readFileSync(regional("history.csv"), "utf8").trim().split("\n").slice(1);
    dir.write("history.json", JSON.stringify(Object.fromEntries(historyCsv.map((line) => { const [id, ...values] = line.split(","); return [id, values.filter((v) => v !== "")]; }))));
    const { code, err } = await cli("run", regional("plan.json"), "--data", regional("data.csv"), "--ratings", "ratings.json", "--history", "history.json", "--format", "csv");
    expect([code, err]).toEqual([0, ""]);
  });

  it("refuses a malformed JSON ratings or history file", async () => {
    dir.write("ratings.json", JSON.stringify([{ person: "R01" }]));
    expect((await cli("run", regional("plan.json"), "--data", regional("data.csv"), "--ratings", "ratings.json")).err).toMatch(/^ratings\.json: \[0\]\.rater: /);
    dir.write("ratings2.json", JSON.stringify({}));
    expect((await cli("run", regional("plan.json"), "--data", regional("data.csv"), "--ratings", "ratings2.json")).err).toMatch(/^ratings2\.json: /);
    dir.write("history.json", JSON.stringify({ R01: [true] }));
    expect((await regionalRun("--history", "history.json")).err).toMatch(/^history\.json: R01\[0\]: /);
    dir.write("history2.json", JSON.stringify([]));
    expect((await regionalRun("--history", "history2.json")).err).toMatch(/^history2\.json: /);
  });

  it("refuses ratings or history given twice", async () => {
    dir.write("data.json", JSON.stringify({ rows: [{ id: "C01", sales: 1 }], ratings: [], history: {} }));
    dir.write("ratings.csv", "person,rater,group,score\n");
    dir.write("history.csv", "id\n");
    expect((await cli("run", "plan.json", "--data", "data.json", "--ratings", "ratings.csv")).err).toMatch(/^data\.json: the file has its own "ratings"/);
    expect((await cli("run", "plan.json", "--data", "data.json", "--history", "history.csv")).err).toMatch(/^data\.json: the file has its own "history"/);
  });

  it("refuses ratings rows with an empty cell", async () => {
    dir.write("ratings.csv", "person,rater,group,score\nR01,,peer,4\n");
    expect((await cli("run", regional("plan.json"), "--data", regional("data.csv"), "--ratings", "ratings.csv")).err).toBe("ratings.csv:2:2: the rater is empty\n");
    dir.write("ratings.csv", "person,rater,group,score\nR01,P1,peer,\n");
    expect((await cli("run", regional("plan.json"), "--data", regional("data.csv"), "--ratings", "ratings.csv")).err).toBe("ratings.csv:2:4: the score is empty\n");
  });

  it("checks a history CSV: id column, ids, numbers", async () => {
    dir.write("h1.csv", "person,q1\nR01,1\n");
    expect((await regionalRun("--history", "h1.csv")).err).toMatch(/^h1\.csv:1: no "id" column/);
    dir.write("h2.csv", "id,q1\nR01,1\nR01,2\n");
    expect((await regionalRun("--history", "h2.csv")).err).toBe('h2.csv:3:1: duplicate id "R01"\n');
    dir.write("h3.csv", "id,q1\n,1\n");
    expect((await regionalRun("--history", "h3.csv")).err).toBe("h3.csv:2:1: the id is empty\n");
    dir.write("h4.csv", "id,q1,q2\nR01,1,95%\n");
    expect((await regionalRun("--history", "h4.csv")).err).toMatch(/^h4\.csv:2:3: q2: "95%" is not a plain number: it has a percent sign/);
  });

  it("needs --data for --ratings and --history in validate", async () => {
    expect((await cli("validate", "plan.json", "--ratings", "r.csv")).err).toBe("payscore validate: --ratings needs --data (see payscore validate --help)\n");
  });
});

describe("more broken files", () => {
  it("reports text after a closing quote and a stray quote", async () => {
    dir.write("a.csv", 'id,sales\n"C01"x,1\n');
    expect((await cli("run", "plan.json", "--data", "a.csv")).err).toMatch(/^a\.csv:2: text after the closing quote of a cell/);
  });

  it("reports a file cut off in the middle of its byte-order mark", async () => {
    dir.write("a.csv", Buffer.from([0xef, 0xbb]));
    expect((await cli("run", "plan.json", "--data", "a.csv")).err).toMatch(/^a\.csv:1:1: the file is not UTF-8 \(byte 0xEF\)/);
  });

  it("reports a path through a file as not a folder", async () => {
    dir.write("data.csv", goodCsv);
    expect((await cli("run", "plan.json", "--data", "plan.json/data.csv")).err).toBe("plan.json/data.csv: a part of the path is not a folder\n");
    expect((await cli("run", "plan.json", "--data", "data.csv", "--out", "plan.json/out.csv")).err).toBe("plan.json/out.csv: cannot write: plan.json is not a folder\n");
  });

  it("reports a diff of runs whose statements are not statements", async () => {
    dir.write("a.json", JSON.stringify({ statements: [{}] }));
    const { code, err } = await cli("diff", "a.json", "a.json");
    expect(code).toBe(2);
    expect(err).toMatch(/^a\.json: /);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("falls back to the overview for help on an unknown topic", async () => {
    expect((await cli("help", "nonsense")).out).toContain("Usage:");
    expect((await cli("help", "run")).out).toMatch(/^payscore run/);
  });
});

describe("fileProblem", () => {
  it("turns permission, disk and read-only faults into one line", () => {
    const line = (code: string, verb: "read" | "write"): string => (fileProblem(Object.assign(new Error(code), { code }), "f.csv", verb) as CliError).message;
    expect(line("EACCES", "read")).toBe("f.csv: permission denied (cannot read it)");
    expect(line("EPERM", "write")).toBe("f.csv: permission denied (cannot write it)");
    expect(line("ENOSPC", "write")).toBe("f.csv: the disk is full");
    expect(line("EROFS", "write")).toBe("f.csv: the file system is read-only");
  });

  it("passes anything else through", () => {
    const error = new Error("other");
    expect(fileProblem(error, "f.csv", "read")).toBe(error);
    expect(fileProblem("text", "f.csv", "read")).toBe("text");
  });
});
