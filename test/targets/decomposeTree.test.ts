import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { decomposeTree, type TargetNode, type TargetTreeResult } from "../../src/targets/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

const flat = (node: TargetTreeResult): [string, string][] => [[node.path.join("/"), node.amount.toString()], ...node.children.flatMap(flat)];

const company: TargetNode = {
  key: "company",
  children: [
    { key: "east", weight: 3, children: [{ key: "alice", weight: 1 }, { key: "bob", weight: 2 }] },
    { key: "west", weight: 2 },
    { key: "key-accounts", amount: 500000 },
  ],
};

describe("decomposeTree", () => {
  it("splits company → region → person with a fixed amount, exact at every level", () => {
    // 10,000,000 − 500,000 fixed = 9,500,000 by 3 : 2 → east 5,700,000, west 3,800,000;
    // east by 1 : 2 → alice 1,900,000, bob 3,800,000
    expect(flat(decomposeTree(10000000, company))).toEqual([
      ["company", "10000000"],
      ["company/east", "5700000"],
      ["company/east/alice", "1900000"],
      ["company/east/bob", "3800000"],
      ["company/west", "3800000"],
      ["company/key-accounts", "500000"],
    ]);
  });

  it("keeps every level exact to the cent", () => {
    // 100.00 → three teams of 33.34, 33.33, 33.33; the first team's 33.34 → 11.12, 11.11, 11.11
    const tree: TargetNode = {
      key: "all",
      children: ["a", "b", "c"].map((key) => ({ key, weight: 1, children: [{ key: "x", weight: 1 }, { key: "y", weight: 1 }, { key: "z", weight: 1 }] })),
    };
    const result = decomposeTree(100, tree);
    expect(result.children.map((c) => c.amount.toString())).toEqual(["33.34", "33.33", "33.33"]);
    expect(result.children[0]?.children.map((c) => c.amount.toString())).toEqual(["11.12", "11.11", "11.11"]);
    expect(result.children[0]?.children[0]?.path).toEqual(["all", "a", "x"]);
  });

  it("allows the same key in different branches and gives weighted children 0 when fixed amounts use everything", () => {
    const result = decomposeTree(1000, {
      key: "c",
      children: [
        { key: "north", amount: 1000, children: [{ key: "sam", weight: 1 }] },
        { key: "south", weight: 0, children: [{ key: "sam", weight: 1 }] },
      ],
    });
    expect(flat(result)).toEqual([
      ["c", "1000"],
      ["c/north", "1000"],
      ["c/north/sam", "1000"],
      ["c/south", "0"],
      ["c/south/sam", "0"],
    ]);
  });

  it("refuses fixed amounts that exceed their parent with INVALID_DATA", () => {
    const error = failure(() =>
      decomposeTree(1000, { key: "c", children: [{ key: "a", amount: 800 }, { key: "b", amount: 400 }, { key: "d", weight: 1 }] }),
    );
    expect(error.code).toBe("INVALID_DATA");
    expect(error.path).toEqual(["tree", "children"]);
    expect(error.message).toContain("1200");
    expect(error.message).toContain("1000");
  });

  it("refuses fixed amounts that leave something over with nobody weighted to take it", () => {
    const error = failure(() => decomposeTree(1000, { key: "c", children: [{ key: "r", weight: 1, children: [{ key: "a", amount: 300 }] }] }));
    expect(error.code).toBe("INVALID_DATA");
    expect(error.path).toEqual(["tree", "children", 0, "children"]);
    expect(error.message).toContain("c/r");
    expect(error.message).toContain("700");
  });

  it("refuses a node with both or neither of weight and amount, and a weight on the root", () => {
    const both = failure(() => decomposeTree(1000, { key: "c", children: [{ key: "a", weight: 1, amount: 5 }] }));
    expect(both.code).toBe("INVALID_ARGUMENT");
    expect(both.path).toEqual(["tree", "children", 0]);
    expect(both.message).toContain("both");
    expect(failure(() => decomposeTree(1000, { key: "c", children: [{ key: "a" }] })).message).toContain("neither");
    expect(failure(() => decomposeTree(1000, { key: "c", amount: 1000 })).path).toEqual(["tree", "amount"]);
  });

  it("refuses duplicate sibling keys and empty keys", () => {
    const error = failure(() => decomposeTree(1000, { key: "c", children: [{ key: "a", weight: 1 }, { key: "a", weight: 2 }] }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["tree", "children", 1, "key"]);
    expect(error.message).toContain('"a"');
    expect(failure(() => decomposeTree(1000, { key: "", children: [] })).path).toEqual(["tree", "key"]);
  });

  it("refuses negative weights, all-zero weights with something to share, and amounts finer than the scale", () => {
    const negative = failure(() => decomposeTree(1000, { key: "c", children: [{ key: "a", weight: -1 }] }));
    expect(negative.code).toBe("INVALID_WEIGHTS");
    expect(negative.path).toEqual(["tree", "children", 0, "weight"]);
    expect(failure(() => decomposeTree(1000, { key: "c", children: [{ key: "a", weight: 0 }] })).code).toBe("INVALID_WEIGHTS");
    const fine = failure(() => decomposeTree(1000, { key: "c", children: [{ key: "a", amount: "0.001" }, { key: "b", weight: 1 }] }));
    expect(fine.code).toBe("INVALID_ARGUMENT");
    expect(fine.path).toEqual(["tree", "children", 0, "amount"]);
    expect(failure(() => decomposeTree("0.5", { key: "c" }, { scale: 0 })).path).toEqual(["total"]);
  });

  it("refuses a malformed tree and a cyclic one", () => {
    expect(failure(() => decomposeTree(1000, "company" as never)).path).toEqual(["tree"]);
    expect(failure(() => decomposeTree(1000, { key: "c", children: "a" } as never)).path).toEqual(["tree", "children"]);
    const loop: { key: string; weight: number; children: unknown[] } = { key: "loop", weight: 1, children: [] };
    loop.children.push(loop);
    const error = failure(() => decomposeTree(1000, { key: "c", children: [loop as never] }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("100 levels");
  });

  it("a leaf root takes the whole total", () => {
    expect(flat(decomposeTree(-42, { key: "solo" }))).toEqual([["solo", "-42"]]);
  });

  it("does not mutate its input", () => {
    const snapshot = JSON.stringify(company);
    decomposeTree(10000000, company);
    expect(JSON.stringify(company)).toBe(snapshot);
  });
});

describe("decomposeTree: the shape of a node", () => {
  it("says what a key that is not a string was", () => {
    const error = failure(() => decomposeTree(100, { key: "company", children: [{ key: 3, weight: 1 }] } as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["tree", "children", 0, "key"]);
    expect(error.message).toBe("tree.children[0].key: must be a non-empty string; got 3");
  });
});
