import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultLocale } from "../../src/cli/explainCommand.js";
import { readPlanData } from "../../src/cli/readPlanData.js";
import { runCli } from "../../src/cli/runCli.js";
import { runCommand } from "../../src/cli/runCommand.js";
import { CliError } from "../../src/cli/CliError.js";
import { diffCommand } from "../../src/cli/diffCommand.js";
import { helpText } from "../../src/cli/helpText.js";
import { withPaidRuns } from "../../src/cli/readPaidRuns.js";
import { validateCommand } from "../../src/cli/validateCommand.js";
import { planSchema } from "../../src/plan/index.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";
import { commissionPlan, commissionPlanText, goodCsv } from "./fixtures.js";

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
  dir.write("plan.json", commissionPlanText);
  dir.write("data.csv", goodCsv);
});
afterEach(() => dir.remove());

/** Runs the CLI in the folder, with --locale when given; the exit code and stderr. */
async function fail(args: readonly string[], locale?: "en" | "zh-CN", env: Record<string, string> = {}): Promise<{ code: number; err: string }> {
  const io = captureIo(dir.path, { env });
  const code = await runCli(locale === undefined ? args : [...args, "--locale", locale], io);
  return { code, err: io.err() };
}

describe("the command line's messages in en and zh-CN", () => {
  it("a missing file", async () => {
    const args = ["run", "missing.json", "--data", "data.csv"];
    expect(await fail(args)).toEqual({ code: 2, err: "missing.json: no such file\n" });
    expect(await fail(args, "en")).toEqual({ code: 2, err: "missing.json: no such file\n" });
    expect(await fail(args, "zh-CN")).toEqual({ code: 2, err: "missing.json: 文件不存在\n" });
    expect(await fail(["validate", "missing.json"], undefined, { PAYSCORE_LOCALE: "zh-CN" })).toEqual({ code: 2, err: "missing.json: 文件不存在\n" });
  });

  it("a bad CSV: a number with a thousands separator, a row with too many cells, a missing column", async () => {
    dir.write("bad.csv", 'id,name,sales\nC01,Zhao Lei,"412,000"\n');
    const args = ["run", "plan.json", "--data", "bad.csv"];
    expect((await fail(args)).err).toBe(
      'bad.csv:2:3: sales: "412,000" is not a plain number: it has thousands separators; write digits with an optional "." decimal point, such as 1200000.50\n',
    );
    expect((await fail(args, "zh-CN")).err).toBe('bad.csv:2:3: sales："412,000" 不是纯数字：其中有千位分隔符；请只写数字，可用“.”作小数点，例如 1200000.50\n');

    dir.write("wide.csv", "id,name,sales\nC01,Zhao Lei,412,000\n");
    const wide = ["run", "plan.json", "--data", "wide.csv"];
    expect((await fail(wide)).err).toBe(
      'wide.csv:2:4: the row has 4 cells but the header has 3 columns (extra: "000"; a number with a comma such as 1,200 must be quoted or written 1200)\n',
    );
    expect((await fail(wide, "zh-CN")).err).toBe('wide.csv:2:4: 这一行有 4 个单元格，但表头有 3 列（多出："000"；带逗号的数字如 1,200 要加引号，或写成 1200）\n');

    dir.write("narrow.csv", "id,name\nC01,Zhao Lei\n");
    const narrow = ["run", "plan.json", "--data", "narrow.csv"];
    expect((await fail(narrow)).err).toBe('narrow.csv:1: no column "sales" in the header (the plan reads it at kpis[0].actual); the header has: id, name\n');
    expect((await fail(narrow, "zh-CN")).err).toBe('narrow.csv:1: 表头中没有 "sales" 列（方案在 kpis[0].actual 读取它）；表头中有：id, name\n');
  });

  it("usage errors: a missing argument, an unknown flag, an unknown command, a bad --locale (exit 64)", async () => {
    expect(await fail(["run"], "zh-CN")).toEqual({ code: 64, err: "payscore run: 缺少 <plan.json>（参见 payscore run --help）\n" });
    expect(await fail(["run"], "en")).toEqual({ code: 64, err: "payscore run: missing <plan.json> (see payscore run --help)\n" });
    expect((await fail(["validate", "plan.json", "--nope"], "zh-CN")).err).toMatch(/^payscore validate: 参数有误：unknown option '--nope'（参见 payscore validate --help）\n$/);
    expect((await fail(["frobnicate"], "zh-CN")).err).toBe('payscore: 未知的命令 "frobnicate"；命令有 run、validate、explain、diff 和 schema（参见 payscore --help）\n');
    expect(await fail(["run", "plan.json", "--locale", "fr"])).toEqual({ code: 64, err: 'payscore: --locale must be en or zh-CN, not "fr"\n' });
    expect((await fail(["run", "plan.json", "--format", "pdf", "--data", "data.csv"], "zh-CN")).err).toBe('payscore run: --format 只能是 json、csv 或 xlsx，不能是 "pdf"\n');
    expect((await fail(["run", "plan.json"], "zh-CN")).err).toBe('payscore run: 必须给出 --data <data.csv|data.json>，或在方案中写明 "inputs": { "data": … }（参见 payscore run --help）\n');
  });

  it("a file that is not UTF-8, and a diff given a CSV", async () => {
    dir.write("latin1.csv", Buffer.from([...Buffer.from("id,name,sales\nC01,Zh"), 0xe9, ...Buffer.from("o,100\n")]));
    const latin = ["run", "plan.json", "--data", "latin1.csv"];
    expect((await fail(latin)).err).toBe('latin1.csv:2:7: the file is not UTF-8 (byte 0xE9); save it as UTF-8 (in Excel: "CSV UTF-8")\n');
    expect((await fail(latin, "zh-CN")).err).toBe("latin1.csv:2:7: 文件不是 UTF-8 编码（字节 0xE9）；请另存为 UTF-8（Excel 中选“CSV UTF-8”），或用 --encoding gbk 读取\n");
    const diff = await fail(["diff", "data.csv", "data.csv"], "zh-CN");
    expect(diff.code).toBe(2);
    expect(diff.err).toBe(
      "data.csv: payscore diff 比较两次保存为 JSON 的计算结果，而这个文件不是 JSON（它像是 CSV；薪酬 CSV 中没有可比较的明细）；请这样保存每次计算：payscore run <plan.json> --data <file> --format json --out run.json\n",
    );
  });

  it("a lock held by another payscore", async () => {
    dir.write("out.csv.lock", `${process.ppid}\n`);
    const args = ["run", "plan.json", "--data", "data.csv", "--format", "csv", "--out", "out.csv"];
    const en = await fail(args);
    expect(en.code).toBe(2);
    expect(en.err).toBe(`out.csv: another payscore (process ${process.ppid}) is writing this file now; wait for it to finish, or write to another --out (the lock is out.csv.lock; remove it only if no payscore is running)\n`);
    const zh = await fail(args, "zh-CN");
    expect(zh.code).toBe(2);
    expect(zh.err).toBe(`out.csv: 另一个 payscore（进程 ${process.ppid}）正在写这个文件；请等它完成，或用 --out 写到别的文件（锁文件是 out.csv.lock；只有在没有 payscore 运行时才可删除它）\n`);
    expect(readFileSync(join(dir.path, "out.csv.lock"), "utf8")).toBe(`${process.ppid}\n`);
  });

  it("--json keeps code, path, file, line and column, with the message in the locale", async () => {
    dir.write("bad.csv", 'id,name,sales\nC01,Zhao Lei,"412,000"\n');
    const args = ["run", "plan.json", "--data", "bad.csv", "--json"];
    const en = JSON.parse((await fail(args, "en")).err) as Record<string, unknown>;
    const zh = JSON.parse((await fail(args, "zh-CN")).err) as Record<string, unknown>;
    expect({ ...zh, message: undefined }).toEqual({ ...en, message: undefined });
    expect([zh["code"], zh["file"], zh["line"], zh["column"]]).toEqual(["INVALID_INPUT", "bad.csv", 2, 3]);
    expect(zh["message"]).toBe('sales："412,000" 不是纯数字：其中有千位分隔符；请只写数字，可用“.”作小数点，例如 1200000.50');
    const usage = JSON.parse((await fail(["run", "--json"], "zh-CN")).err) as Record<string, unknown>;
    expect([usage["code"], usage["exitCode"], usage["file"], usage["message"]]).toEqual(["USAGE", 64, null, "缺少 <plan.json>（参见 payscore run --help）"]);
  });

  it("a library error keeps its English message after a Chinese lead-in naming its code", async () => {
    dir.write("bad-plan.json", JSON.stringify({ ...commissionPlan, kpis: [{ id: "sales", weight: -1, actual: "sales", target: "300000" }] }, null, 2));
    const en = await fail(["validate", "bad-plan.json"], "en");
    const zh = await fail(["validate", "bad-plan.json"], "zh-CN");
    expect(en).toEqual({ code: 2, err: "bad-plan.json: kpis: the KPI weights must sum to 1; they sum to -1\n" });
    expect(zh).toEqual({ code: 2, err: "bad-plan.json: 方案错误（INVALID_PLAN）：kpis: the KPI weights must sum to 1; they sum to -1\n" });
    const json = JSON.parse((await fail(["validate", "bad-plan.json", "--json"], "zh-CN")).err) as Record<string, unknown>;
    expect([json["code"], json["file"], json["path"], json["message"]]).toEqual(["INVALID_PLAN", "bad-plan.json", ["kpis"], "方案错误（INVALID_PLAN）：kpis: the KPI weights must sum to 1; they sum to -1"]);
  });

  it("explain: a person not in the run, in its --locale; PAYSCORE_LOCALE is its default too", async () => {
    const zh = await fail(["explain", "plan.json", "--data", "data.csv", "--person", "X9"], "zh-CN");
    expect(zh).toEqual({ code: 2, err: '本次计算中没有人员 "X9"；现有的 id 为：C01, C02, C03\n'.replace(/^/, "payscore explain: ") });
    expect(defaultLocale({ PAYSCORE_LOCALE: "zh-CN", LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(defaultLocale({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(defaultLocale({})).toBe("en");
  });

  it("readPlanData and runCommand throw keyed errors, English in lines, Chinese in linesIn", async () => {
    const plan = planSchema.parse(commissionPlan);
    dir.write("empty.csv", "id,name,sales\n");
    const fault = await readPlanData(plan, { data: "empty.csv", cwd: dir.path }).catch((error: unknown) => error);
    expect(fault).toBeInstanceOf(CliError);
    expect((fault as CliError).lines).toEqual(["empty.csv:1: the file has a header but no data rows"]);
    expect((fault as CliError).linesIn("zh-CN")).toEqual(["empty.csv:1: 文件有表头但没有数据行"]);
    const usage = await runCommand(["plan.json", "--data", "data.csv", "--out", "nowhere/out.json"], captureIo(dir.path)).catch((error: unknown) => error);
    expect((usage as CliError).linesIn("zh-CN")).toEqual(["nowhere/out.json: 无法写入：文件夹不存在"]);
  });

  it("validate, diff and true-up refusals are keyed too, and --help names --locale", async () => {
    const io = captureIo(dir.path);
    const usage = (await validateCommand(["plan.json", "--ratings", "r.csv"], io).catch((error: unknown) => error)) as CliError;
    expect([usage.exitCode, usage.lines[0]]).toEqual([64, "payscore validate: --ratings needs --data (see payscore validate --help)"]);
    expect(usage.linesIn("zh-CN")).toEqual(["payscore validate: --ratings 需要同时给出 --data（参见 payscore validate --help）"]);
    dir.write("not-run.json", "{}");
    const diff = (await diffCommand(["not-run.json", "not-run.json"], io).catch((error: unknown) => error)) as CliError;
    expect(diff.lines).toEqual(["not-run.json: not a saved run (make one with: payscore run <plan.json> --data <file> --format json --out not-run.json)"]);
    expect(diff.linesIn("zh-CN")).toEqual(["not-run.json: 不是保存的计算结果（这样生成：payscore run <plan.json> --data <file> --format json --out not-run.json）"]);
    const plan = planSchema.parse(commissionPlan);
    const paid = (await withPaidRuns({ values: { paid: ["earlier.json"] } as never, positionals: [] }, "run", plan, { data: { rows: [] }, sources: {} } as never, "plan.json", dir.path).catch(
      (error: unknown) => error,
    )) as CliError;
    expect(paid.lines).toEqual(["payscore run: --paid is for a true-up, and the plan has no pay.trueUp"]);
    expect(paid.linesIn("zh-CN")).toEqual(["payscore run: --paid 用于多退少补，而方案中没有 pay.trueUp"]);
    expect(helpText("")).toContain("--locale zh-CN|en");
  });
});
