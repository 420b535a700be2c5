import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeUnits, readQuotas, readTies, seatsFor } from "../../src/grading/forcedCurve.js";
import { Decimal } from "../../src/numeric/index.js";
import { expectFault } from "../helpers.js";

const curve = [new Decimal("0.2"), new Decimal("0.7"), new Decimal("0.1")];

describe("readTies and readQuotas", () => {
  it("read the @examples and refuse what forcedDistribution refuses", () => {
    expect([readTies(undefined), readTies({ ties: "by-order" })]).toEqual(["share-grade", "by-order"]);
    expectFault(() => readTies({ ties: "coin" }), "INVALID_ARGUMENT", ["options", "ties"]);
    expect(readQuotas([{ grade: "A", share: 1 }]).names).toEqual(["A"]);
    expectFault(() => readQuotas([]), "EMPTY_INPUT", ["quotas"]);
    expectFault(() => readQuotas([{ grade: "A", share: 0.5 }, { grade: "A", share: 0.5 }]), "INVALID_ARGUMENT", ["quotas", 1, "grade"]);
    expectFault(() => readQuotas([{ grade: "A", share: -0.5 }, { grade: "B", share: 1.5 }]), "INVALID_WEIGHTS", ["quotas", 0, "share"]);
    expectFault(() => readQuotas([{ grade: "A", share: 0.5 }, { grade: "B", share: 0.4 }]), "INVALID_WEIGHTS", ["quotas"]);
  });
});

describe("seatsFor", () => {
  it("hands out 20/70/10 by largest remainder: 10 → 2, 7, 1; 7 → 1.4, 4.9, 0.7 → 1, 5, 1", () => {
    expect(seatsFor(10, curve)).toEqual([2, 7, 1]);
    expect(seatsFor(7, curve)).toEqual([1, 5, 1]);
    expect(seatsFor(0, curve)).toEqual([0, 0, 0]);
  });

  it("always sums to n (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100000 }), (n) => {
      expect(seatsFor(n, curve).reduce((a, b) => a + b, 0)).toBe(n);
    }));
  });
});

describe("gradeUnits", () => {
  it("works the @example: a tie at a boundary shares the better grade, ranks 1, 2, 2, 4", () => {
    const { grade, rank } = gradeUnits([95, 90, 90, 60], [1, 2, 1], "share-grade");
    expect([[...grade], [...rank]]).toEqual([[0, 1, 1, 2], [1, 2, 2, 4]]);
  });

  it("shares a grade over a tie across the boundary, or cuts it in index order with by-order", () => {
    // Seats 1 / 2 / 1 for 90, 90, 80, 70: the tie at 90 crosses the first boundary; the boundaries
    // stay where the seats put them (after 1, 3, 4 people), so 80 is the second grade's only one.
    expect([...gradeUnits([90, 90, 80, 70], [1, 2, 1], "share-grade").grade]).toEqual([0, 0, 1, 2]);
    expect([...gradeUnits([90, 90, 80, 70], [1, 2, 1], "by-order").grade]).toEqual([0, 1, 1, 2]);
  });

  it("gives better-or-equal grades to higher scores, and ranks by score alone (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), fc.constantFrom("share-grade" as const, "by-order" as const), (units, ties) => {
        const { grade, rank } = gradeUnits(units, seatsFor(units.length, curve), ties);
        for (let i = 0; i < units.length; i++) {
          for (let j = 0; j < units.length; j++) {
            if ((units[i] as number) > (units[j] as number)) {
              expect(grade[i] as number).toBeLessThanOrEqual(grade[j] as number);
              expect(rank[i] as number).toBeLessThan(rank[j] as number);
            }
            if (units[i] === units[j]) expect(rank[i]).toBe(rank[j]);
          }
        }
      }),
    );
  });
});
