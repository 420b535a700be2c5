import { describe, expect, it } from "vitest";
import { libraryLeadIn } from "../../../src/cli/locales/libraryLeadIn.js";
import { PAYSCORE_ERROR_CODES } from "../../../src/errors/index.js";

describe("libraryLeadIn", () => {
  it("puts the code in Chinese after the place, keeping the English message", () => {
    expect(libraryLeadIn("plan.json:3:5: kpis[0].weight: must be positive", "INVALID_PLAN", "zh-CN")).toBe("plan.json:3:5: 方案错误（INVALID_PLAN）：kpis[0].weight: must be positive");
    expect(libraryLeadIn("data.csv:4: sales: bad", "INVALID_DATA", "zh-CN")).toBe("data.csv:4: 数据错误（INVALID_DATA）：sales: bad");
    expect(libraryLeadIn("payscore: rows: empty", "EMPTY_INPUT", "zh-CN")).toBe("payscore: 输入为空（EMPTY_INPUT）：rows: empty");
    expect(libraryLeadIn("payscore run: x", "INVALID_DATA", "zh-CN")).toBe("payscore run: 数据错误（INVALID_DATA）：x");
    expect(libraryLeadIn("no place at all", "INVALID_NUMBER", "zh-CN")).toBe("数字错误（INVALID_NUMBER）：no place at all");
  });

  it("leaves English lines alone, and names every library code", () => {
    expect(libraryLeadIn("plan.json:3:5: x", "INVALID_PLAN", "en")).toBe("plan.json:3:5: x");
    for (const code of PAYSCORE_ERROR_CODES) expect(libraryLeadIn("x", code, "zh-CN")).toMatch(new RegExp(`^[\\u4e00-\\u9fff]+（${code}）：x$`));
  });
});
