import { describeValue, type ErrorPath } from "../errors/index.js";
import { Decimal, readInteger } from "../numeric/index.js";
import type { Aggregate360Options, Review360Group, Review360Result } from "./aggregate360.js";
import { fault, hasOwn, meanOf, plain, readRatingScale, readRecord, readScore, readWeight, type CheckedScale } from "./internal.js";

/** A value with its text (the key it is remembered by). */
export interface Keyed {
  readonly value: Decimal;
  readonly text: string;
}

/** One group's part of a result: how many raters have a score, and their mean when the group counts. */
export interface GroupPart {
  readonly raters: number;
  readonly mean: Keyed | null;
  readonly reason: "no-ratings" | "below-min-raters" | undefined;
}

/**
 * The rules of a 360-degree review, its options checked once: which groups and competencies
 * there are, how a score is read, and the three steps of {@link aggregate360} — a rater's score
 * from their competency means, a group's mean from its raters' scores, the result from the
 * groups — each a pure function of its inputs, so callers may remember them.
 *
 * @internal
 * @example
 * ```ts
 * const rules = new Review360Rules({ weights: { manager: 1 } });
 * const rater = rules.raterScore([""], [[new Decimal(4)]]); // { value: 4, text: "4" }
 * rules.combine([{ raters: 1, mean: rules.mean([rater!]), reason: undefined }]).score?.toString(); // "4"
 * ```
 */
export class Review360Rules {
  readonly groupNames: readonly string[];
  private readonly weightTable: Readonly<Record<string, unknown>>;
  private readonly groupWeights: readonly Decimal[];
  private readonly minRaters: readonly number[];
  /** Each competency's weight, or `undefined` when competencies are not weighted. */
  readonly competencyWeights: ReadonlyMap<string, Decimal> | undefined;
  private readonly scale: CheckedScale | undefined;

  /**
   * Checks the options.
   *
   * @param options - as {@link aggregate360}
   * @throws {PayscoreError} as {@link aggregate360} for its options
   */
  constructor(options: Aggregate360Options) {
    const o = readRecord(options, ["options"]);
    this.weightTable = readRecord(o["weights"], ["options", "weights"]);
    this.groupNames = Object.keys(this.weightTable);
    this.groupWeights = this.groupNames.map((g) => readWeight(this.weightTable[g], ["options", "weights", g]));
    const minRaters = readMinRaters(o["minRaters"], this.weightTable, this.groupNames);
    this.minRaters = this.groupNames.map((g) => minRaters.get(g) ?? 1);
    this.competencyWeights = readCompetencyWeights(o["competencyWeights"]);
    this.scale = readRatingScale(o["scale"], ["options", "scale"]);
  }

  /** A rating's group, which must be one of the weighted groups. */
  group(value: unknown, path: ErrorPath): string {
    if (typeof value !== "string" || !hasOwn(this.weightTable, value)) {
      throw fault("INVALID_ARGUMENT", path, `must be one of the groups in options.weights (${this.groupNames.map((g) => `"${g}"`).join(", ")}); got ${describeValue(value)}`);
    }
    return value;
  }

  /** A rating's score, on the scale when one is given. */
  score(value: unknown, path: ErrorPath): Decimal {
    return readScore(value, path, this.scale);
  }

  /** A rating's competency: `""` when competencies are not weighted, else one of them. */
  competency(value: unknown, path: ErrorPath): string {
    const weights = this.competencyWeights;
    if (weights === undefined) {
      if (value !== undefined && typeof value !== "string") throw fault("INVALID_ARGUMENT", path, `must be a string when given; got ${describeValue(value)}`);
      return "";
    }
    if (typeof value !== "string" || !weights.has(value)) {
      throw fault(
        "INVALID_ARGUMENT",
        path,
        `must be one of the competencies in options.competencyWeights (${[...weights.keys()].map((c) => `"${c}"`).join(", ")}); got ${describeValue(value)}`,
      );
    }
    return value;
  }

  /**
   * A rater's score: the mean of their scores, or with competency weights `Σ w_c · m_c / Σ w_c`
   * over the competencies they rated; `null` when all of those weigh 0.
   *
   * @param competencies - the competencies rated, in code-unit order (`[""]` unweighted)
   * @param scores - each competency's scores, in the order given
   */
  raterScore(competencies: readonly string[], scores: readonly (readonly Decimal[])[]): Keyed | null {
    const weights = this.competencyWeights;
    let value: Decimal;
    if (weights === undefined) value = meanOf(scores[0] as Decimal[]);
    else {
      let weighted = new Decimal(0);
      let total = new Decimal(0);
      competencies.forEach((competency, i) => {
        const w = weights.get(competency) as Decimal;
        if (w.isZero()) return;
        weighted = weighted.plus(w.times(meanOf(scores[i] as Decimal[])));
        total = total.plus(w);
      });
      if (total.isZero()) return null;
      value = plain(weighted.div(total));
    }
    return { value, text: value.toString() };
  }

  /** Why group `g` with `raters` scored raters is left out, or `undefined` when it counts. */
  reasonOf(g: number, raters: number): GroupPart["reason"] {
    return raters === 0 ? "no-ratings" : raters < (this.minRaters[g] as number) ? "below-min-raters" : undefined;
  }

  /** A group's mean of its raters' scores (raters in name order). */
  mean(raterScores: readonly Keyed[]): Keyed {
    const value = meanOf(raterScores.map((r) => r.value));
    return { value, text: value.toString() };
  }

  /** The result from each group's part, groups in `weights` order. */
  combine(parts: readonly GroupPart[]): Review360Result {
    let includedWeight = new Decimal(0);
    parts.forEach((part, g) => {
      if (part.reason === undefined) includedWeight = includedWeight.plus(this.groupWeights[g] as Decimal);
    });
    let sum = new Decimal(0);
    const groups: Review360Group[] = parts.map((part, g) => {
      const group = this.groupNames[g] as string;
      if (part.reason !== undefined) return { group, raters: part.raters, mean: null, weight: new Decimal(0), included: false, reason: part.reason };
      const w = this.groupWeights[g] as Decimal;
      const mean = (part.mean as Keyed).value;
      const weight = includedWeight.isZero() || w.isZero() ? new Decimal(0) : w.div(includedWeight);
      sum = sum.plus(weight.times(mean));
      return { group, raters: part.raters, mean, weight, included: true };
    });
    return { score: includedWeight.isZero() ? null : plain(sum), groups };
  }
}

function readMinRaters(value: unknown, weights: Readonly<Record<string, unknown>>, groups: readonly string[]): Map<string, number> {
  const path: ErrorPath = ["options", "minRaters"];
  const result = new Map<string, number>();
  if (value === undefined) return result;
  if (typeof value === "number") {
    const n = readInteger(value, path, { min: 1 });
    for (const g of groups) result.set(g, n);
    return result;
  }
  const table = readRecord(value, path);
  for (const g of Object.keys(table)) {
    if (!hasOwn(weights, g)) throw fault("INVALID_ARGUMENT", [...path, g], `names a group that is not in options.weights (${groups.map((k) => `"${k}"`).join(", ")})`);
    result.set(g, readInteger(table[g], [...path, g], { min: 1 }));
  }
  return result;
}

function readCompetencyWeights(value: unknown): Map<string, Decimal> | undefined {
  if (value === undefined) return undefined;
  const path: ErrorPath = ["options", "competencyWeights"];
  const table = readRecord(value, path);
  const result = new Map<string, Decimal>();
  let anyPositive = false;
  for (const c of Object.keys(table)) {
    const w = readWeight(table[c], [...path, c]);
    if (!w.isZero()) anyPositive = true;
    result.set(c, w);
  }
  if (!anyPositive) throw fault("INVALID_WEIGHTS", path, "must give at least one competency a weight greater than 0");
  return result;
}
