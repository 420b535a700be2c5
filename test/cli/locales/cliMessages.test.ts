import { describe, expect, it } from "vitest";
import { CLI_LOCALES, CLI_MESSAGES, cliMessage } from "../../../src/cli/locales/cliMessages.js";
import { renderCliMessage } from "../../../src/cli/locales/renderCliMessage.js";

const params = (text: string): string[] => [...text.matchAll(/\{([A-Za-z0-9]+)\}/g)].map((match) => match[1] as string).sort();

describe("CLI_MESSAGES", () => {
  const entries = Object.entries(CLI_MESSAGES) as [string, Readonly<Record<string, string>>][];

  it("has every key in every locale, with the same parameters", () => {
    expect(entries.length).toBeGreaterThan(50);
    for (const [key, texts] of entries) {
      expect(Object.keys(texts).sort(), key).toEqual([...CLI_LOCALES].sort());
      const english = [...new Set(params(texts["en"] as string))];
      for (const locale of CLI_LOCALES) {
        expect(texts[locale], `${key} ${locale}`).not.toBe("");
        expect([...new Set(params(texts[locale] as string))], `${key} ${locale}`).toEqual(english);
      }
    }
  });

  it("translates: no zh-CN text is the English one, and each has Chinese in it", () => {
    for (const [key, texts] of entries) {
      // A message made only of its parameters (badCell: "{file}:{line}:{column}: {name}: {problem}") has no words to translate.
      if (!/[A-Za-z]/.test((texts["en"] as string).replace(/\{[A-Za-z0-9]+\}/g, "").replace(/payscore|--help/g, ""))) continue;
      expect(texts["zh-CN"], key).not.toBe(texts["en"]);
      expect(/[\u4e00-\u9fff]/.test(texts["zh-CN"] as string), key).toBe(true);
    }
  });

  it("keeps the place of a message (file:line:column: or payscore command:) in ASCII in every locale", () => {
    const place = (text: string): string => /^(\{file\}(?::1|:\{line\})?(?::1|:\{column\})?: |\{where\}: |payscore(?: \{command\}| explain)?: )/.exec(text)?.[1] ?? "";
    for (const [key, texts] of entries) expect(place(texts["zh-CN"] as string), key).toBe(place(texts["en"] as string));
  });

  it("renders a message's parameters, nested messages and lists in its locale", () => {
    const problem = cliMessage("notPlainNumber", { value: '"¥1,200"', reasons: [cliMessage("reasonCurrency", {}), cliMessage("reasonThousands", {})] });
    const message = cliMessage("badCell", { file: "data.csv", line: 4, column: 3, name: "sales", problem });
    expect(renderCliMessage(message, "en")).toBe(
      'data.csv:4:3: sales: "¥1,200" is not a plain number: it has a currency sign and thousands separators; write digits with an optional "." decimal point, such as 1200000.50',
    );
    expect(renderCliMessage(message, "zh-CN")).toBe('data.csv:4:3: sales："¥1,200" 不是纯数字：其中有货币符号和千位分隔符；请只写数字，可用“.”作小数点，例如 1200000.50');
    expect(renderCliMessage(cliMessage("noSuchFile", { file: "{x}.csv" }), "zh-CN")).toBe("{x}.csv: 文件不存在");
  });
});
