import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith, guard } from "../errors/index.js";

/** A graded person, as {@link forcedDistribution} or a grading run produces them. */
export interface GradedPerson {
  readonly id: string;
  readonly grade: string;
}

/** One calibration decision (校准): who moves to which grade, why, and who decided. */
export interface GradeOverride {
  /** The person's id; must be in the assignments. */
  readonly id: string;
  /** The new grade. */
  readonly grade: string;
  /** Why; required and not blank (it is what an appeal reads). */
  readonly reason: string;
  /** Who made the decision: a name, an employee id or a committee. Required and not blank. */
  readonly by: string;
  /** When, as the caller records it (an ISO date or timestamp); copied to the audit as given. */
  readonly at?: string | undefined;
}

/** One line of the calibration audit trail. */
export interface OverrideAudit {
  readonly id: string;
  /** The grade before the override. */
  readonly from: string;
  /** The grade after it (equal to `from` when the override confirmed the grade). */
  readonly to: string;
  readonly reason: string;
  readonly by: string;
  readonly at?: string;
}

/** Options for {@link applyOverrides}. */
export interface ApplyOverridesOptions {
  /** The grades that exist; when given, an override to any other grade is refused. */
  readonly grades?: readonly string[] | undefined;
}

/** What {@link applyOverrides} returns. */
export interface OverrideResult<T extends GradedPerson> {
  /** Every assignment, in input order: a copy, with `grade` replaced where overridden. */
  readonly assignments: T[];
  /** One line per override, in the order of `overrides`. */
  readonly audit: OverrideAudit[];
}

const nonBlank = z.string().refine((text) => text.trim() !== "", { message: "must not be blank" });
const overridesSchema = z.array(z.object({ id: z.string(), grade: z.string(), reason: nonBlank, by: nonBlank, at: z.string().optional() }));
const optionsSchema = z.object({ grades: z.array(z.string()).optional() }).optional();

/**
 * Applies calibration overrides (绩效校准) to graded people and records an audit trail.
 *
 * `assignmentᵢ' = override(idᵢ) ? { …assignmentᵢ, grade: override.grade } : { …assignmentᵢ }`;
 * everyone not named in an override keeps every field as it was. Each override must give a
 * non-blank `reason` and `by`; a person may be overridden at most once per call (a second round
 * of calibration is a second call, whose audit follows the first).
 *
 * @category Grading
 * @param assignments - the graded people `{ id, grade, … }` (other fields such as `rank` are kept); ids unique
 * @param overrides - the decisions `{ id, grade, reason, by, at? }`
 * @param options - `grades`: the grades that exist, to refuse an override to an unknown grade
 * @returns `{ assignments, audit }`: new assignments in input order and one audit line per override
 * @throws {PayscoreError} `INVALID_ARGUMENT` for malformed input, a repeated id in `assignments`, an override without a reason or author, for an unknown person, naming a person twice, or to a grade not in `options.grades`
 *
 * @example
 * ```ts
 * const { assignments, audit } = applyOverrides(
 *   [{ id: "li", grade: "B" }, { id: "wang", grade: "A" }],
 *   [{ id: "li", grade: "A", reason: "closed the Q4 key account after the cut-off", by: "sales committee" }],
 *   { grades: ["A", "B", "C"] },
 * );
 * assignments; // [{ id: "li", grade: "A" }, { id: "wang", grade: "A" }]
 * audit; // [{ id: "li", from: "B", to: "A", reason: "closed the Q4 key account after the cut-off", by: "sales committee" }]
 * ```
 */
export function applyOverrides<T extends GradedPerson>(
  assignments: readonly T[],
  overrides: readonly GradeOverride[],
  options?: ApplyOverridesOptions | undefined,
): OverrideResult<T> {
  return guard(computeApplyOverrides, [assignments, overrides, options]);
}

function computeApplyOverrides<T extends GradedPerson>(
  assignments: readonly T[],
  overrides: readonly GradeOverride[],
  options?: ApplyOverridesOptions | undefined,
): OverrideResult<T> {
  const known = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"])?.grades;
  const knownGrades = known === undefined ? undefined : new Set(known);
  const byId = readAssignments(assignments);
  const decisions = parseWith(overridesSchema, overrides, "INVALID_ARGUMENT", ["overrides"]);

  const newGrade = new Map<number, string>();
  const audit: OverrideAudit[] = decisions.map((decision, i) => {
    const index = byId.get(decision.id);
    if (index === undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["overrides", i, "id"])} names ${describeValue(decision.id)}, who is not in assignments`, {
        path: ["overrides", i, "id"],
      });
    }
    if (newGrade.has(index)) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["overrides", i, "id"])} overrides ${describeValue(decision.id)} a second time; give one decision per person`, {
        path: ["overrides", i, "id"],
      });
    }
    if (knownGrades !== undefined && !knownGrades.has(decision.grade)) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["overrides", i, "grade"])} is ${describeValue(decision.grade)}, which is not one of the grades ${[...knownGrades].join(", ")}`, {
        path: ["overrides", i, "grade"],
      });
    }
    newGrade.set(index, decision.grade);
    const line: OverrideAudit = { id: decision.id, from: (assignments[index] as T).grade, to: decision.grade, reason: decision.reason, by: decision.by };
    return decision.at === undefined ? line : { ...line, at: decision.at };
  });

  const result = assignments.map((assignment, i) => {
    const grade = newGrade.get(i);
    return grade === undefined ? { ...assignment } : { ...assignment, grade };
  });
  return { assignments: result, audit };
}

function readAssignments(assignments: readonly GradedPerson[]): Map<string, number> {
  if (!Array.isArray(assignments)) {
    throw new PayscoreError("INVALID_ARGUMENT", `assignments must be an array of { id, grade }; got ${describeValue(assignments)}`, { path: ["assignments"] });
  }
  const byId = new Map<string, number>();
  assignments.forEach((assignment: unknown, i) => {
    if (typeof assignment !== "object" || assignment === null) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["assignments", i])} must be an object { id, grade }; got ${describeValue(assignment)}`, { path: ["assignments", i] });
    }
    const { id, grade } = assignment as { id?: unknown; grade?: unknown };
    for (const [key, value] of [["id", id], ["grade", grade]] as const) {
      if (typeof value !== "string") {
        throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["assignments", i, key])} must be a string; got ${describeValue(value)}`, { path: ["assignments", i, key] });
      }
    }
    const before = byId.get(id as string);
    if (before !== undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["assignments", i, "id"])} repeats the id ${describeValue(id)} of ${formatPath(["assignments", before])}`, {
        path: ["assignments", i, "id"],
      });
    }
    byId.set(id as string, i);
  });
  return byId;
}
