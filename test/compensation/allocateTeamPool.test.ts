import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, allocateTeamPool } from "../../src/index.js";
import { errorOf } from "./helpers.js";

function summary(result: ReturnType<typeof allocateTeamPool>): string[] {
  return result.teams.map((t) => `${t.id} ${t.amount.toString()}${t.capped ? " capped" : ""}: ${t.allocations.map((a) => a.amount.toString()).join(" + ")}`);
}

describe("allocateTeamPool", () => {
  it("splits across teams, then within each team", () => {
    // teams 3:2 → 60000 and 40000; east 2:1 → 40000 + 20000
    const result = allocateTeamPool(100000, [
      { id: "east", weight: 3, members: [{ id: "li", weight: 2 }, { id: "wang", weight: 1 }] },
      { id: "west", weight: 2, members: [{ id: "zhao", weight: 1 }] },
    ]);
    expect(summary(result)).toEqual(["east 60000: 40000 + 20000", "west 40000: 40000"]);
    expect(result.unallocated.toString()).toBe("0");
  });

  it("sends what a team cannot use to the other teams", () => {
    // west's share 40000 passes its cap 30000 → east gets 70000.
    // north's people are all capped at 5000 in total, so north is capped there too.
    const result = allocateTeamPool(100000, [
      { id: "east", weight: 3, members: [{ id: "li", weight: 1 }, { id: "wang", weight: 1 }] },
      { id: "west", weight: 2, cap: 30000, members: [{ id: "zhao", weight: 1 }] },
      { id: "north", weight: 5, members: [{ id: "sun", weight: 1, cap: 2000 }, { id: "qian", weight: 1, cap: 3000 }] },
    ]);
    // north 5000 (capped by its people); the 95000 left: east 3/5 = 57000, west 38000 → capped 30000 → east 65000
    expect(summary(result)).toEqual(["east 65000: 32500 + 32500", "west 30000 capped: 30000", "north 5000 capped: 2000 + 3000"]);
  });

  it("applies the minimum and the threshold to people", () => {
    const result = allocateTeamPool(
      1000,
      [{ id: "t", weight: 1, members: [{ id: "a", weight: 1, score: 80 }, { id: "b", weight: 99 }, { id: "c", weight: 50, score: 10 }] }],
      { minimum: 100, threshold: 20 },
    );
    // c scores under 20 → nothing; a lifted to 100; b takes the other 900
    expect(summary(result)).toEqual(["t 1000: 100 + 900 + 0"]);
  });

  it("refuses duplicate team ids, person ids repeated across teams and negative team caps", () => {
    const m = [{ id: "a", weight: 1 }];
    expect(errorOf(() => allocateTeamPool(10, [{ id: "t", weight: 1, members: m }, { id: "t", weight: 1, members: [] }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 1, "id"] });
    expect(errorOf(() => allocateTeamPool(10, [{ id: "t", weight: 1, members: m }, { id: "u", weight: 1, members: m }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 1, "members", 0, "id"] });
    expect(errorOf(() => allocateTeamPool(10, [{ id: "t", weight: 1, cap: -5, members: m }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 0, "cap"] });
    expect(errorOf(() => allocateTeamPool(10, [{ id: "t", weight: 1, members: [{ id: "a", weight: 1, cap: -1 }] }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 0, "members", 0, "cap"] });
    expect(errorOf(() => allocateTeamPool(10, [{ id: "t", weight: 1, cap: 50, members: [{ id: "a", weight: 1 }] }], { minimum: 60 }))).toEqual({ code: "INVALID_DATA", path: ["teams", 0, "cap"] });
    expect(errorOf(() => allocateTeamPool(10, "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams"] });
  });

  it("always sums exactly at both levels and passes no cap (property)", () => {
    const member = fc.record({ weight: fc.integer({ min: 0, max: 50 }), cap: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }) });
    const team = fc.record({ weight: fc.integer({ min: 0, max: 10 }), cap: fc.option(fc.integer({ min: 0, max: 500000 }), { nil: undefined }), members: fc.array(member, { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.array(team, { maxLength: 5 }), (fen, rawTeams) => {
        const pool = new Decimal(fen).div(100);
        const teams = rawTeams.map((t, ti) => ({
          id: `t${ti}`,
          weight: t.weight,
          ...(t.cap === undefined ? {} : { cap: new Decimal(t.cap).div(100) }),
          members: t.members.map((m, mi) => ({ id: `t${ti}m${mi}`, weight: m.weight, ...(m.cap === undefined ? {} : { cap: new Decimal(m.cap).div(100) }) })),
        }));
        const result = allocateTeamPool(pool, teams);
        let total = result.unallocated;
        result.teams.forEach((t, ti) => {
          const inside = t.allocations.reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
          expect(inside.eq(t.amount)).toBe(true);
          const cap = teams[ti]?.cap;
          if (cap !== undefined) expect(t.amount.lte(cap)).toBe(true);
          t.allocations.forEach((a, mi) => {
            const memberCap = teams[ti]?.members[mi]?.cap;
            if (memberCap !== undefined) expect(a.amount.lte(memberCap)).toBe(true);
          });
          total = total.plus(t.amount);
        });
        expect(total.eq(pool)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("does not mutate its input", () => {
    const teams = [{ id: "t", weight: 1, members: [{ id: "a", weight: 1, cap: 3 }] }];
    const copy = structuredClone(teams);
    allocateTeamPool(10, teams);
    expect(teams).toEqual(copy);
  });
});
