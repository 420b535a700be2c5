import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith, guard } from "../errors/index.js";
import { Decimal, readDecimal, readRoundingMode, readScale, roundDecimal, type Numeric, type RoundingMode } from "../numeric/index.js";
import { evaluateCurve, type Curve } from "../scoring/index.js";
import { readMultiplierTable, type GradeMultiplierTable } from "./gradeMultiplier.js";
import { toSteps } from "./steps.js";

/** The variable part of a bonus: a target incentive on a curve, times a grade multiplier. */
export interface VariableBonus {
  /** The incentive at 100 % attainment (目标奖金), ≥ 0. */
  readonly targetAmount: Numeric;
  /** The attainment ratio (1 = 100 %). */
  readonly attainment: Numeric;
  /** The payout curve: attainment → payout rate. */
  readonly curve: Curve;
  /** The multiplier itself (default 1), or give `grade` and `multipliers` instead. */
  readonly multiplier?: Numeric | undefined;
  /** The person's grade, looked up in `multipliers`. */
  readonly grade?: string | undefined;
  /** Grade → multiplier (see `gradeMultiplier`). */
  readonly multipliers?: GradeMultiplierTable | undefined;
}

/** An extra award on top of the bonus (e.g. 季度销冠 quarterly sales champion). */
export interface BonusAward {
  /** What the award is for. */
  readonly name: string;
  /** Its amount, ≥ 0, a whole number of steps. */
  readonly amount: Numeric;
}

/** The parts of a bonus, as {@link composeBonus} takes them. */
export interface BonusParts {
  /** The fixed part (固定奖金), ≥ 0, a whole number of steps (default 0). */
  readonly fixed?: Numeric | undefined;
  /** The variable part; none when absent. */
  readonly variable?: VariableBonus | undefined;
  /** Extra awards, in the order given. */
  readonly awards?: readonly BonusAward[] | undefined;
}

/** Options for {@link composeBonus}. */
export interface ComposeBonusOptions {
  /** Decimal places of money (default 2). */
  readonly scale?: number | undefined;
  /** How the incentive and the variable part are rounded (default `"half-even"`). */
  readonly rounding?: RoundingMode | undefined;
  /** The grades that exist, to check the multiplier table. */
  readonly grades?: readonly string[] | undefined;
}

/** A bonus with every part kept apart, so a statement can show each line. */
export interface ComposedBonus {
  readonly fixed: Decimal;
  readonly variable: {
    /** The curve's payout rate at the attainment. */
    readonly payoutRate: Decimal;
    /** `round(targetAmount · payoutRate)`: the target incentive. */
    readonly incentive: Decimal;
    readonly multiplier: Decimal;
    /** `round(incentive · multiplier)`. */
    readonly amount: Decimal;
  } | null;
  readonly awards: { readonly name: string; readonly amount: Decimal }[];
  /** `fixed + variable.amount + Σ awards`. */
  readonly total: Decimal;
}

const awardSchema = z.object({ name: z.string(), amount: z.unknown() });
const partsSchema = z.object({
  fixed: z.unknown().optional(),
  variable: z
    .object({
      targetAmount: z.unknown(),
      attainment: z.unknown(),
      curve: z.unknown(),
      multiplier: z.unknown().optional(),
      grade: z.string().optional(),
      multipliers: z.unknown().optional(),
    })
    .optional(),
  awards: z.array(awardSchema).optional(),
});
const optionsSchema = z.object({ scale: z.unknown().optional(), rounding: z.unknown().optional(), grades: z.unknown().optional() }).optional();

/**
 * Puts a bonus together from its parts (奖金构成): a fixed part, a variable part (target
 * incentive × grade multiplier) and extra awards, each kept separately.
 *
 * - `incentive = round(targetAmount · curve(attainment))` (as `targetIncentive`);
 * - `variable = round(incentive · multiplier)`, the multiplier given or `multipliers[grade]`;
 * - `total = fixed + variable + Σ awards`.
 *
 * Rounding twice, at the incentive and at the variable part, is deliberate: each line of a
 * statement is then a number a person can redo by hand from the line above.
 *
 * @category Compensation
 * @param parts - `{ fixed?, variable?, awards? }`
 * @param options - `scale` (default 2), `rounding` (default `"half-even"`), `grades`
 * @returns the parts and the total
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for malformed parts, a negative amount, a fixed part or award that is not a whole number of steps, both `multiplier` and `grade`, a `grade` without `multipliers`, a grade the table lacks or a table grade not in `options.grades`; `EMPTY_INPUT` for a curve without points; `OUT_OF_RANGE` for a bad scale
 *
 * @example
 * ```ts
 * const bonus = composeBonus({
 *   fixed: 5000,
 *   variable: {
 *     targetAmount: 20000,
 *     attainment: 1.1,
 *     curve: { points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }] },
 *     grade: "优秀",
 *     multipliers: { 优秀: 1.5, 良好: 1.2, 合格: 1, 不合格: 0 },
 *   },
 *   awards: [{ name: "Q3 sales champion", amount: 3000 }],
 * });
 * bonus.variable?.incentive.toString(); // "24000"  (20000 · curve(1.1) = 20000 · 1.2)
 * bonus.variable?.amount.toString(); // "36000"  (24000 · 1.5)
 * bonus.total.toString(); // "44000"  (5000 + 36000 + 3000)
 * ```
 */
export function composeBonus(parts: BonusParts, options?: ComposeBonusOptions | undefined): ComposedBonus {
  return guard(computeComposeBonus, [parts, options]);
}

function computeComposeBonus(parts: BonusParts, options?: ComposeBonusOptions | undefined): ComposedBonus {
  const input = parseWith(partsSchema, parts, "INVALID_ARGUMENT", ["parts"]);
  const parsedOptions = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsedOptions?.scale, ["options", "scale"], 2);
  const rounding = parsedOptions?.rounding === undefined ? "half-even" : readRoundingMode(parsedOptions.rounding, ["options", "rounding"]);

  const fixed = input.fixed === undefined ? new Decimal(0) : readMoney(input.fixed, ["parts", "fixed"], scale);
  const awards = (input.awards ?? []).map((award, i) => ({ name: award.name, amount: readMoney(award.amount, ["parts", "awards", i, "amount"], scale) }));

  let variable: ComposedBonus["variable"] = null;
  if (input.variable !== undefined) {
    const v = input.variable;
    const targetAmount = readDecimal(v.targetAmount, ["parts", "variable", "targetAmount"]);
    if (targetAmount.isNegative()) {
      throw new PayscoreError("INVALID_ARGUMENT", `parts.variable.targetAmount must not be negative; got ${targetAmount.toString()}`, { path: ["parts", "variable", "targetAmount"] });
    }
    const attainment = readDecimal(v.attainment, ["parts", "variable", "attainment"]);
    const multiplier = readMultiplier(v, parsedOptions?.grades);
    variable = variablePart(targetAmount, evaluateCurve(v.curve as Curve, attainment), multiplier, scale, rounding);
  }

  let total = fixed.plus(variable?.amount ?? 0);
  for (const award of awards) total = total.plus(award.amount);
  return { fixed, variable, awards, total: total.isZero() ? new Decimal(0) : total };
}

function readMoney(value: unknown, path: readonly (string | number)[], scale: number): Decimal {
  const amount = readDecimal(value, path);
  if (amount.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must not be negative; got ${amount.toString()}`, { path });
  }
  if (toSteps(amount, scale, "exact") === undefined) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} ${amount.toString()} has more than ${scale} decimal places; round it first`, { path });
  }
  return amount.isZero() ? new Decimal(0) : amount;
}

function readMultiplier(v: { multiplier?: unknown; grade?: string | undefined; multipliers?: unknown }, grades: unknown): Decimal {
  const base = ["parts", "variable"] as const;
  if (v.multiplier !== undefined && (v.grade !== undefined || v.multipliers !== undefined)) {
    throw new PayscoreError("INVALID_ARGUMENT", "parts.variable gives both a multiplier and a grade table; give one", { path: [...base, "multiplier"] });
  }
  if (v.multiplier !== undefined) {
    const multiplier = readDecimal(v.multiplier, [...base, "multiplier"]);
    if (multiplier.isNegative()) {
      throw new PayscoreError("INVALID_ARGUMENT", `parts.variable.multiplier must not be negative; got ${multiplier.toString()}`, { path: [...base, "multiplier"] });
    }
    return multiplier;
  }
  if (v.grade === undefined && v.multipliers === undefined) return new Decimal(1);
  if (v.grade === undefined || v.multipliers === undefined) {
    const missing = v.grade === undefined ? "grade" : "multipliers";
    throw new PayscoreError("INVALID_ARGUMENT", `parts.variable.${missing} is required with parts.variable.${missing === "grade" ? "multipliers" : "grade"}`, { path: [...base, missing] });
  }
  const table = readMultiplierTable(v.multipliers, grades, [...base, "multipliers"]);
  const multiplier = table.get(v.grade);
  if (multiplier === undefined) {
    throw new PayscoreError("INVALID_ARGUMENT", `parts.variable.grade ${describeValue(v.grade)} is not in parts.variable.multipliers`, { path: [...base, "grade"] });
  }
  return multiplier;
}

/**
 * The variable part of a bonus from checked values: `incentive = round(targetAmount ×
 * payoutRate)`, `amount = round(incentive × multiplier)` — {@link composeBonus}'s arithmetic, for
 * a caller that has checked its inputs once for many people (the plan's pay stage).
 *
 * @internal
 * @param targetAmount - ≥ 0
 * @param payoutRate - the curve's value at the attainment
 * @param multiplier - ≥ 0
 * @param scale - decimal places of the money
 * @param rounding - the rounding mode
 * @returns `{ payoutRate, incentive, multiplier, amount }`
 *
 * @example
 * ```ts
 * variablePart(new Decimal(20000), new Decimal("1.2"), new Decimal("1.5"), 2, "half-even").amount.toString(); // "36000"
 * ```
 */
export function variablePart(targetAmount: Decimal, payoutRate: Decimal, multiplier: Decimal, scale: number, rounding: RoundingMode): NonNullable<ComposedBonus["variable"]> {
  const incentive = roundDecimal(targetAmount.times(payoutRate), scale, rounding);
  return { payoutRate, incentive, multiplier, amount: roundDecimal(incentive.times(multiplier), scale, rounding) };
}
