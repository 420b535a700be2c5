import { describe, expect, it } from "vitest";
import { formatMoney, formatNumber, formatPercent } from "../../../src/plan/locales/numberText.js";
import { traceText } from "../../../src/plan/locales/traceText.js";
import { zhCN } from "../../../src/plan/locales/zh-CN.js";

describe("formatMoney", () => {
  it("writes the @example amounts with the locale's grouping and the currency's symbol", () => {
    expect(formatMoney("82596.14", "zh-CN", "CNY")).toBe("¥82,596.14");
    expect(formatMoney("82596.14", "en", "CNY")).toBe("CN¥82,596.14");
    expect(formatMoney("-12.5", "en", "USD")).toBe("-$12.50"); // padded to the currency's two minor units
    expect(formatMoney("1200", "en")).toBe("1,200"); // no currency: a grouped number
  });

  it("never rounds: an amount with more decimals than the currency keeps them, and big amounts stay exact", () => {
    expect(formatMoney("0.125", "en", "CNY")).toBe("CN¥0.125");
    expect(formatMoney("123456789012345678.91", "zh-CN", "CNY")).toBe("¥123,456,789,012,345,678.91");
    expect(formatMoney("5", "en", "JPY")).toBe("¥5"); // a currency without minor units
  });

  it("returns text that is not a plain number, and an unknown currency code's amount grouped", () => {
    expect(formatMoney("missing", "en", "CNY")).toBe("missing");
    expect(formatMoney("1e5", "en", "CNY")).toBe("1e5");
    expect(formatMoney("1000.5", "en", "not a code")).toBe("1,000.5");
    // a value from hand-made JSON that is not a string is written as text
    expect([formatMoney(5 as unknown as string, "en", "CNY"), formatNumber(null as unknown as string, "en"), formatPercent(1 as unknown as string, "en")]).toEqual(["5", "null", "1"]);
  });
});

describe("formatNumber", () => {
  it("groups digits and keeps every decimal, even past the 20 that Intl takes", () => {
    expect(formatNumber("1170731.71", "zh-CN")).toBe("1,170,731.71");
    expect(formatNumber("missing", "en")).toBe("missing");
    expect(formatNumber("1234.123456789012345678901234567", "en")).toBe("1,234.123456789012345678901234567");
    expect(formatNumber("-0.5", "en")).toBe("-0.5");
  });
});

describe("formatPercent", () => {
  it("writes a ratio as an exact percentage", () => {
    expect(formatPercent("0.94", "zh-CN")).toBe("94%");
    expect(formatPercent("1.1275", "en")).toBe("112.75%");
    expect(formatPercent("1.07809375", "en")).toBe("107.809375%"); // not rounded to 107.81 %
    expect(formatPercent("1.5000", "en")).toBe("150%");
    expect(formatPercent("100", "en")).toBe("10,000%");
    expect(formatPercent("0.00123456789012345678901234", "en")).toBe("0.123456789012345678901234%");
    expect(formatPercent("n/a", "en")).toBe("n/a");
  });
});

describe("traceText", () => {
  it("words the @example step", () => {
    const text = traceText({ step: "pay.fixed", formula: "round(basePay × share)", inputs: { basePay: "60000", share: "0.7" }, result: "42000.00" }, "zh-CN", zhCN.trace, { currency: "CNY" });
    expect(text).toEqual({
      label: "固定工资",
      formula: "基本工资 × 固定比例，按货币最小单位舍入",
      result: "¥42,000.00",
      inputs: [
        ["基本工资", "¥60,000.00"],
        ["固定比例", "70%"],
      ],
      untranslated: [],
    });
  });
});

describe("traceText on steps the bundled runs do not write", () => {
  it("keeps an unknown rater group's name, and a group value that is not mean × weight", () => {
    const text = traceText({ step: "score.review360", formula: "round(Σ groupWeight × groupMean, 2) (groups below minRaters left out, weights rescaled)", inputs: { director: "4 × 0.5", manager: "odd" }, result: "none" }, "zh-CN", zhCN.trace);
    expect(text.inputs).toEqual([
      ["director", "4 × 0.5"],
      ["上级", "odd"],
    ]);
    expect(text.result).toBe("无");
    expect(text.untranslated).toEqual(["value odd"]);
  });

  it("shows a rate KPI read from a column as a percentage", () => {
    const text = traceText({ step: "kpi.coll.actual", formula: "column coll", inputs: { coll: "0.9" }, result: "0.9" }, "zh-CN", zhCN.trace, { rateKpis: new Set(["coll"]) });
    expect(text).toMatchObject({ label: "coll · 实际值", formula: "取数据列 coll", result: "90%", inputs: [["coll", "90%"]] });
  });
});
