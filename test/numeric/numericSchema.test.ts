import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Decimal, jsonNumericSchema, numericSchema } from "../../src/numeric/index.js";

const message = 'expected a finite number or a plain decimal string such as "1200.50"';

describe("numericSchema", () => {
  it("accepts every numeric form inside an object and leaves the value as it was", () => {
    const schema = z.object({ weight: numericSchema });
    expect(schema.parse({ weight: "0.3" })).toEqual({ weight: "0.3" });
    expect(schema.parse({ weight: 2n }).weight).toBe(2n);
    const d = new Decimal("1.5");
    expect(schema.parse({ weight: d }).weight).toBe(d);
  });

  it("refuses malformed numbers with one message, at the field", () => {
    const result = z.object({ weight: numericSchema }).safeParse({ weight: "1,000" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["weight"], message })]);
    expect(numericSchema.safeParse(Number.NaN).success).toBe(false);
    expect(numericSchema.safeParse(undefined).success).toBe(false);
  });
});

describe("jsonNumericSchema", () => {
  it("accepts a JSON number or a decimal string", () => {
    expect(jsonNumericSchema.parse("1200.50")).toBe("1200.50");
    expect(jsonNumericSchema.parse(3)).toBe(3);
  });

  it("refuses a malformed string with the numeric message and non-JSON types outright", () => {
    const result = jsonNumericSchema.safeParse("¥100");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
    expect(jsonNumericSchema.safeParse(5n).success).toBe(false);
    expect(jsonNumericSchema.safeParse(new Decimal(1)).success).toBe(false);
    expect(jsonNumericSchema.safeParse(true).success).toBe(false);
  });
});
