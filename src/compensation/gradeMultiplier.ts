import { PayscoreError, describeValue, formatPath, guard } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";

/** A grade → multiplier table: `{ 优秀: 1.5, 良好: 1.2, 合格: 1, 不合格: 0 }`. */
export type GradeMultiplierTable = Readonly<Record<string, Numeric>>;

/** Options for {@link gradeMultiplier}. */
export interface GradeMultiplierOptions {
  /** The grades that exist; when given, a table naming any other grade is refused. */
  readonly grades?: readonly string[] | undefined;
}

/**
 * The bonus multiplier for a grade (绩效系数), read from a table.
 *
 * `multiplier = table[grade]`; every multiplier must be ≥ 0. With `options.grades`, the table
 * must name only grades on that list (a typo such as `"优"` for `"优秀"` is caught).
 *
 * @category Compensation
 * @param grade - the person's grade
 * @param table - grade → multiplier
 * @param options - `grades`: the grades that exist
 * @returns the multiplier
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a table that is not an object, a negative multiplier, a table grade not in `options.grades`, or a grade the table does not list; `INVALID_NUMBER` for a malformed multiplier
 *
 * @example
 * ```ts
 * const table = { 优秀: 1.5, 良好: 1.2, 合格: 1, 不合格: 0 };
 * gradeMultiplier("优秀", table).toString(); // "1.5"
 * gradeMultiplier("不合格", table, { grades: ["优秀", "良好", "合格", "不合格"] }).toString(); // "0"
 * ```
 */
export function gradeMultiplier(grade: string, table: GradeMultiplierTable, options?: GradeMultiplierOptions | undefined): Decimal {
  return guard(computeGradeMultiplier, [grade, table, options]);
}

function computeGradeMultiplier(grade: string, table: GradeMultiplierTable, options?: GradeMultiplierOptions | undefined): Decimal {
  const multipliers = readMultiplierTable(table, options?.grades, ["table"]);
  if (typeof grade !== "string") {
    throw new PayscoreError("INVALID_ARGUMENT", `grade must be a string; got ${describeValue(grade)}`, { path: ["grade"] });
  }
  const multiplier = multipliers.get(grade);
  if (multiplier === undefined) {
    throw new PayscoreError("INVALID_ARGUMENT", `grade ${describeValue(grade)} has no multiplier; the table lists ${[...multipliers.keys()].join(", ") || "no grades"}`, { path: ["grade"] });
  }
  return multiplier;
}

/**
 * Checks a multiplier table once (for bulk use and for `composeBonus`).
 *
 * @internal
 * @param table - grade → multiplier
 * @param grades - the grades that exist, if known
 * @param path - where the table sits
 * @returns the table as a Map
 * @throws {PayscoreError} as {@link gradeMultiplier}
 * @example
 * ```ts
 * readMultiplierTable({ A: 1.5 }, undefined, ["table"]).get("A")?.toString(); // "1.5"
 * ```
 */
export function readMultiplierTable(table: unknown, grades: unknown, path: readonly (string | number)[]): Map<string, Decimal> {
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be an object of grade → multiplier; got ${describeValue(table)}`, { path });
  }
  let known: Set<string> | undefined;
  if (grades !== undefined) {
    if (!Array.isArray(grades) || !grades.every((g) => typeof g === "string")) {
      throw new PayscoreError("INVALID_ARGUMENT", `options.grades must be a list of grade names; got ${describeValue(grades)}`, { path: ["options", "grades"] });
    }
    known = new Set(grades as string[]);
  }
  const result = new Map<string, Decimal>();
  for (const [grade, value] of Object.entries(table)) {
    if (known !== undefined && !known.has(grade)) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...path, grade])} names a grade that does not exist; the grades are ${[...known].join(", ")}`, { path: [...path, grade] });
    }
    const multiplier = readDecimal(value, [...path, grade]);
    if (multiplier.isNegative()) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...path, grade])} must not be negative; got ${multiplier.toString()}`, { path: [...path, grade] });
    }
    result.set(grade, multiplier);
  }
  return result;
}
