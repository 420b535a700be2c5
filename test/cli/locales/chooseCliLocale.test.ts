import { describe, expect, it } from "vitest";
import { chooseCliLocale } from "../../../src/cli/locales/chooseCliLocale.js";

describe("chooseCliLocale", () => {
  it("takes --locale anywhere before --, and takes it out of a command's arguments", () => {
    expect(chooseCliLocale(["run", "plan.json", "--locale", "zh-CN"], {})).toEqual({ locale: "zh-CN", args: ["run", "plan.json"] });
    expect(chooseCliLocale(["--locale=zh-CN", "validate", "plan.json"], {})).toEqual({ locale: "zh-CN", args: ["validate", "plan.json"] });
    expect(chooseCliLocale(["run", "plan.json", "--", "--locale", "zh-CN"], {})).toEqual({ locale: "en", args: ["run", "plan.json", "--", "--locale", "zh-CN"] });
    expect(chooseCliLocale(["run", "--locale", "zh-CN", "--locale", "en"], {}).locale).toBe("en");
  });

  it("leaves --locale to explain and diff, which print their output in it", () => {
    expect(chooseCliLocale(["explain", "plan.json", "--locale", "zh-CN"], {})).toEqual({ locale: "zh-CN", args: ["explain", "--locale", "zh-CN", "plan.json"] });
    expect(chooseCliLocale(["--locale", "zh-CN", "explain", "plan.json"], {})).toEqual({ locale: "zh-CN", args: ["explain", "--locale", "zh-CN", "plan.json"] });
    expect(chooseCliLocale(["--locale=en", "run", "plan.json"], {})).toEqual({ locale: "en", args: ["run", "plan.json"] });
    expect(chooseCliLocale(["diff", "a.json", "b.json", "--locale=en"], { PAYSCORE_LOCALE: "zh-CN" }).locale).toBe("en");
  });

  it("falls back to PAYSCORE_LOCALE, then en; LANG is not read", () => {
    expect(chooseCliLocale(["run"], { PAYSCORE_LOCALE: "zh-CN" }).locale).toBe("zh-CN");
    expect(chooseCliLocale(["run"], { PAYSCORE_LOCALE: "zh_CN.UTF-8" }).locale).toBe("zh-CN");
    expect(chooseCliLocale(["run"], { PAYSCORE_LOCALE: "fr" }).locale).toBe("en");
    expect(chooseCliLocale(["run"], { LANG: "zh_CN.UTF-8" }).locale).toBe("en");
  });

  it("refuses a locale it does not speak, and one with no value, as usage errors in the environment's locale", () => {
    const bad = chooseCliLocale(["run", "--locale", "fr"], { PAYSCORE_LOCALE: "zh-CN" });
    expect(bad.locale).toBe("zh-CN");
    expect(bad.refused?.exitCode).toBe(64);
    expect(bad.refused?.lines).toEqual(['payscore: --locale must be en or zh-CN, not "fr"']);
    expect(bad.refused?.linesIn("zh-CN")).toEqual(['payscore: --locale 只能是 en 或 zh-CN，不能是 "fr"']);
    expect(chooseCliLocale(["run", "--locale"], {}).refused?.lines).toEqual(['payscore: --locale must be en or zh-CN, not ""']);
  });
});
