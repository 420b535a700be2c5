import { describe, expect, it } from "vitest";
import { planJsonSchema } from "../../src/plan/index.js";
import { PLAN_FIELD_DOCS, describeFields } from "../../src/plan/planFieldDocs.js";

type Node = Record<string, unknown>;

/** Every property of the schema with its path and description (a `$ref`'s description counts). */
function properties(schema: Node): { path: string; description: unknown }[] {
  const defs = (schema["$defs"] ?? {}) as Record<string, Node>;
  const out: { path: string; description: unknown }[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== "object" || node === null) return;
    const n = node as Node;
    for (const [key, child] of Object.entries((n["properties"] ?? {}) as Record<string, Node>)) {
      const ref = typeof child["$ref"] === "string" ? defs[child["$ref"].split("/").pop() ?? ""] : undefined;
      out.push({ path: path === "" ? key : `${path}.${key}`, description: child["description"] ?? ref?.["description"] });
      visit(child, path === "" ? key : `${path}.${key}`);
    }
    if (n["items"] !== undefined) visit(n["items"], `${path}[]`);
    if (typeof n["additionalProperties"] === "object") visit(n["additionalProperties"], path);
    for (const key of ["anyOf", "oneOf", "allOf"]) if (Array.isArray(n[key])) for (const item of n[key] as unknown[]) visit(item, path);
  };
  visit(schema, "");
  return out;
}

const GENERIC = 'A JSON number or a plain decimal string such as "1200.50"';

describe("planJsonSchema's descriptions (issue 22: a description for every field)", () => {
  it("describes every property of the plan in its own words, not only by its type", () => {
    const all = properties(planJsonSchema());
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((p) => typeof p.description !== "string" || p.description === "").map((p) => p.path)).toEqual([]);
    expect(all.filter((p) => p.description === GENERIC).map((p) => p.path)).toEqual([]);
    expect(all.find((p) => p.path === "kpis[].weight")?.description).toMatch(/sum to 1 \(0\.4, not 40\)/);
    expect(all.find((p) => p.path === "pay.pools[].funding.curve.points")?.description).toMatch(/x strictly increasing/);
  });

  it("has no entry that names no field (a renamed or removed field is noticed)", () => {
    const used = describeFields(JSON.parse(JSON.stringify(stripped(planJsonSchema()))) as Node, [GENERIC]);
    expect(Object.keys(PLAN_FIELD_DOCS).filter((key) => !used.has(key))).toEqual([]);
  });

  it("keeps a field's own description and fills only what is missing or generic", () => {
    const schema: Node = {
      properties: {
        period: { properties: { start: { type: "string" }, label: { type: "string", description: "own" } } },
        kpis: { items: { properties: { weight: { description: GENERIC }, curve: { properties: { step: {} } } } } },
      },
    };
    const used = describeFields(schema, [GENERIC]);
    const p = schema["properties"] as Record<string, Node>;
    expect(((p["period"]?.["properties"] as Record<string, Node>)["start"] as Node)["description"]).toBe(PLAN_FIELD_DOCS["period.start"]);
    expect(((p["period"]?.["properties"] as Record<string, Node>)["label"] as Node)["description"]).toBe("own");
    const kpi = ((p["kpis"]?.["items"] as Node)["properties"] as Record<string, Node>);
    expect(kpi["weight"]?.["description"]).toBe(PLAN_FIELD_DOCS["kpis[].weight"]);
    expect(((kpi["curve"]?.["properties"] as Record<string, Node>)["step"] as Node)["description"]).toBe(PLAN_FIELD_DOCS["*.curve.step"]);
    expect([...used].sort()).toEqual(["*.curve.step", "kpis[].weight", "period.start"]);
  });
});

/** The schema with every table description removed again (as zod writes it), to see which keys apply. */
function stripped(schema: Node): Node {
  const texts = new Set(Object.values(PLAN_FIELD_DOCS));
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const n = node as Node;
    if (typeof n["description"] === "string" && texts.has(n["description"])) delete n["description"];
    for (const value of Object.values(n)) visit(value);
  };
  const copy = JSON.parse(JSON.stringify(schema)) as Node;
  visit(copy);
  return copy;
}
