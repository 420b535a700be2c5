import { describe, expect, it } from "vitest";
import { allocateTeamPool } from "../../src/index.js";
import { failureOf } from "./helpers.js";

function flags(result: ReturnType<typeof allocateTeamPool>): string[] {
  return result.teams.map((t) => `${t.id} ${t.amount.toString()}${t.capped ? " capped" : ""}: ${t.allocations.map((a) => `${a.id} ${a.amount.toString()}${a.capped ? " capped" : ""}`).join(", ")}`);
}

describe("allocateTeamPool error messages", () => {
  it("names the options that are not an object, a bad scale and a bad threshold", () => {
    expect(failureOf(() => allocateTeamPool(10, [], "x" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"], message: "options: Invalid input: expected object, received string" });
    expect(failureOf(() => allocateTeamPool(10, [], { scale: "x" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "scale"], message: "options.scale must be a whole number; got \"x\"" });
    expect(failureOf(() => allocateTeamPool(10, [], { threshold: "x" as never }))).toEqual({ code: "INVALID_NUMBER", path: ["options", "threshold"], message: "options.threshold must be a finite number or a plain decimal string such as \"1200.50\"; got \"x\"" });
  });

  it("names a team that is a number, not an object", () => {
    expect(failureOf(() => allocateTeamPool(10, [5 as never]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 0], message: "teams[0] must be an object { id, weight, cap?, members }; got 5" });
  });

  it("names the team field at fault in the message as well as the path", () => {
    const m = [{ id: "a", weight: 1 }];
    expect(failureOf(() => allocateTeamPool(10, [{ id: "t", weight: 1, members: [] }, { id: 7 as never, weight: 1, members: [] }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 1, "id"], message: "teams[1].id must be a string; got 7" });
    expect(failureOf(() => allocateTeamPool(10, [{ id: "s", weight: 1, members: [] }, { id: "t", weight: 1, members: m }, { id: "t", weight: 1, members: [] }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 2, "id"], message: "teams[2].id repeats the team id \"t\" of teams[1]" });
    expect(failureOf(() => allocateTeamPool(10, [{ id: "s", weight: 1, members: [] }, { id: "t", weight: "x" as never, members: [] }]))).toEqual({ code: "INVALID_NUMBER", path: ["teams", 1, "weight"], message: "teams[1].weight must be a finite number or a plain decimal string such as \"1200.50\"; got \"x\"" });
    expect(failureOf(() => allocateTeamPool(10, [{ id: "s", weight: 1, members: [] }, { id: "t", weight: -2, members: [] }]))).toEqual({ code: "INVALID_WEIGHTS", path: ["teams", 1, "weight"], message: "teams[1].weight must not be negative; got -2" });
    expect(failureOf(() => allocateTeamPool(10, [{ id: "s", weight: 1, members: [] }, { id: "t", weight: 1, cap: "x" as never, members: [] }]))).toEqual({ code: "INVALID_NUMBER", path: ["teams", 1, "cap"], message: "teams[1].cap must be a finite number or a plain decimal string such as \"1200.50\"; got \"x\"" });
    expect(failureOf(() => allocateTeamPool(10, [{ id: "s", weight: 1, members: [] }, { id: "t", weight: 1, cap: -3, members: [] }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["teams", 1, "cap"], message: "teams[1].cap must not be negative; got -3" });
  });

  it("traces a person id repeated across teams back to the team and member that first used it", () => {
    // running numbers: t0 [a]=0, t1 [b, c]=1,2, t2 [x]=3 → c (2) sits in t1 at member 2 − 1 = 1
    const middle = [
      { id: "t0", weight: 1, members: [{ id: "a", weight: 1 }] },
      { id: "t1", weight: 1, members: [{ id: "b", weight: 1 }, { id: "c", weight: 1 }] },
      { id: "t2", weight: 1, members: [{ id: "x", weight: 1 }] },
      { id: "t3", weight: 1, members: [{ id: "c", weight: 1 }] },
    ];
    expect(failureOf(() => allocateTeamPool(10, middle))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["teams", 3, "members", 0, "id"],
      message: "teams[3].members[0].id repeats the id \"c\" of teams[1].members[1]; ids must be unique",
    });
    // b (1) is the first member of t1, whose first running number is exactly 1
    const first = [
      { id: "t0", weight: 1, members: [{ id: "a", weight: 1 }] },
      { id: "t1", weight: 1, members: [{ id: "b", weight: 1 }] },
      { id: "t2", weight: 1, members: [{ id: "y", weight: 1 }, { id: "b", weight: 1 }] },
    ];
    expect(failureOf(() => allocateTeamPool(10, first))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["teams", 2, "members", 1, "id"],
      message: "teams[2].members[1].id repeats the id \"b\" of teams[1].members[0]; ids must be unique",
    });
  });

  it("counts only the people with a minimum when a team cap is below their minimums", () => {
    // minimum 100 for a and b (c has weight 0 and needs none): 200 > the cap 150
    const teams = [{ id: "t", weight: 1, cap: 150, members: [{ id: "a", weight: 1 }, { id: "c", weight: 0 }, { id: "b", weight: 1 }] }];
    expect(failureOf(() => allocateTeamPool(1000, teams, { minimum: 100 }))).toEqual({ code: "INVALID_DATA", path: ["teams", 0, "cap"], message: "teams[0].cap is below what options.minimum guarantees the team's 2 eligible people" });
  });
});

describe("allocateTeamPool capped flags and minimums", () => {
  it("does not call a team with a cap of 0 capped, nor a team under its cap", () => {
    // "zero" can take nothing, so its weight drops out: 1000 → east 3/5 = 600 (cap 700 not hit), west 400
    const result = allocateTeamPool(1000, [
      { id: "zero", weight: 5, cap: 0, members: [{ id: "z", weight: 1 }] },
      { id: "east", weight: 3, cap: 700, members: [{ id: "a", weight: 1 }] },
      { id: "west", weight: 2, members: [{ id: "b", weight: 1 }] },
    ]);
    expect(flags(result)).toEqual(["zero 0: z 0", "east 600: a 600", "west 400: b 400"]);
  });

  it("flags exactly the people whose cap holds them back", () => {
    // 1000 over weights 1:1:2:0 → 250, 250, 500; a's cap 100 binds → the 900 left goes 1:2 → 300, 600;
    // b's cap 400 is not hit, d has weight 0 and a cap of 0, e is under the threshold with a cap of 0
    const result = allocateTeamPool(
      1000,
      [
        {
          id: "t",
          weight: 1,
          members: [
            { id: "a", weight: 1, cap: 100 },
            { id: "b", weight: 1, cap: 400 },
            { id: "c", weight: 2 },
            { id: "d", weight: 0, cap: 0 },
            { id: "e", weight: 5, cap: 0, score: 0 },
          ],
        },
      ],
      { threshold: 1 },
    );
    expect(flags(result)).toEqual(["t 1000: a 100 capped, b 300, c 600, d 0, e 0"]);
  });

  it("lifts a small team to its people's minimums before sharing the rest by team weight", () => {
    // weights 1:99 would give small 10; its one person is owed 100, so small takes 100 and big 900
    const result = allocateTeamPool(
      1000,
      [
        { id: "small", weight: 1, members: [{ id: "a", weight: 1 }] },
        { id: "big", weight: 99, members: [{ id: "b", weight: 1 }, { id: "c", weight: 1 }] },
      ],
      { minimum: 100 },
    );
    expect(flags(result)).toEqual(["small 100: a 100", "big 900: b 450, c 450"]);
  });

  it("gives a team of weight 0 nothing, even with a minimum for its people", () => {
    // the team's weight 0 takes it out of the first level, so its people's minimums do not apply
    const result = allocateTeamPool(
      1000,
      [
        { id: "none", weight: 0, members: [{ id: "a", weight: 1 }] },
        { id: "all", weight: 1, members: [{ id: "b", weight: 1 }] },
      ],
      { minimum: 100 },
    );
    expect(flags(result)).toEqual(["none 0: a 0", "all 1000: b 1000"]);
    // nor does it count against the pool: 150 pays b's 100 and the 50 over it, a's 100 is not owed
    const tight = allocateTeamPool(
      150,
      [
        { id: "none", weight: 0, members: [{ id: "a", weight: 1 }] },
        { id: "all", weight: 1, members: [{ id: "b", weight: 1 }] },
      ],
      { minimum: 100 },
    );
    expect(flags(tight)).toEqual(["none 0: a 0", "all 150: b 150"]);
  });
});
