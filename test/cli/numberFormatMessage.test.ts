import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderCliMessage } from "../../src/cli/locales/renderCliMessage.js";
import { numberFormatMessage } from "../../src/cli/numberFormatMessage.js";
import { numberFormatProblem } from "../../src/cli/numberFormatProblem.js";

describe("numberFormatMessage", () => {
  it("says why in both locales", () => {
    const message = numberFormatMessage("85%");
    expect(message).not.toBeNull();
    expect(renderCliMessage(message!, "en")).toBe('"85%" is not a plain number: it has a percent sign (write 0.85 for 85 %); write digits with an optional "." decimal point, such as 1200000.50');
    expect(renderCliMessage(message!, "zh-CN")).toBe('"85%" 不是纯数字：其中有百分号（85% 请写成 0.85）；请只写数字，可用“.”作小数点，例如 1200000.50');
    expect(renderCliMessage(numberFormatMessage("abc")!, "zh-CN")).toBe('"abc" 不是数字');
    expect(numberFormatMessage("1200.50")).toBeNull();
    expect(numberFormatMessage("")).toBeNull();
  });

  it("is numberFormatProblem in English, for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const message = numberFormatMessage(text);
        expect(message === null ? null : renderCliMessage(message, "en")).toBe(numberFormatProblem(text));
      }),
    );
  });
});
