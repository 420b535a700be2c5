import * as z from "zod";
import { describe, expect, it } from "vitest";
import { parseWith } from "../../src/errors/parseWith.js";
import { expectFault } from "../helpers.js";

describe("parseWith", () => {
  const schema = z.object({ unit: z.enum(["month"]) });

  it("returns the parsed value (the @example)", () => {
    expect(parseWith(schema, { unit: "month" })).toEqual({ unit: "month" });
  });

  it("throws INVALID_ARGUMENT by default, or the code given, at the base path", () => {
    expectFault(() => parseWith(schema, { unit: "year" }), "INVALID_ARGUMENT", ["unit"]);
    expectFault(() => parseWith(schema, { unit: 1 }, "INVALID_PLAN", ["plan", "subPeriods"]), "INVALID_PLAN", ["plan", "subPeriods", "unit"]);
    expectFault(() => parseWith(schema, null, "INVALID_ARGUMENT", ["options"]), "INVALID_ARGUMENT", ["options"]);
  });
});
