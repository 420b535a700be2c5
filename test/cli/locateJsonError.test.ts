import { describe, expect, it } from "vitest";
import { locateJsonError } from "../../src/cli/locateJsonError.js";

describe("locateJsonError", () => {
  it("returns null for valid JSON", () => {
    expect(locateJsonError('{ "a": [1, -2.5e3, "x\\n", true, null] }')).toBeNull();
  });

  it("points at a trailing comma", () => {
    expect(locateJsonError('{\n  "version": 1,\n}')).toEqual({ line: 3, column: 1, message: "a trailing comma is not allowed in JSON" });
  });

  it("points at a missing comma between properties", () => {
    const fault = locateJsonError('{\n  "a": 1\n  "b": 2\n}');
    expect(fault).toMatchObject({ line: 3, column: 3 });
    expect(fault?.message).toContain('expected "," or "}"');
  });

  it("points at comments, single quotes and unquoted keys", () => {
    expect(locateJsonError('{ // note\n}')).toMatchObject({ line: 1, column: 3, message: "comments are not allowed in JSON" });
    expect(locateJsonError("{ 'a': 1 }")).toMatchObject({ line: 1, column: 3, message: "property names in JSON must use double quotes" });
    expect(locateJsonError("{ a: 1 }")?.message).toContain("expected a property name in double quotes");
  });

  it("points at a line break inside a string that is never closed", () => {
    expect(locateJsonError('{\n "a": "abc\n}')).toMatchObject({ line: 2, column: 11 });
    expect(locateJsonError('{ "a": "abc')).toMatchObject({ line: 1, column: 8, message: "a string is never closed (missing closing double quote)" });
  });

  it("says the text ends too early", () => {
    expect(locateJsonError('{ "a": ')?.message).toContain("ends too early");
  });

  it("refuses leading zeros and text after the value", () => {
    expect(locateJsonError('{ "a": 012 }')).toMatchObject({ line: 1, column: 9 });
    expect(locateJsonError("{} x")?.message).toContain("after the end of the JSON value");
  });
});
