import { Decimal, readDecimal, type Numeric } from "../numeric/index.js";
import { canonicalOrder, fault, readChoice, readList, readName, readOptions, readRecord, readWeight } from "./internal.js";
import { guard } from "../errors/index.js";

/** One member of a team, for {@link rollUp}. Extra fields are ignored. */
export interface TeamMember {
  /** The member's id; unique within the team. */
  readonly id: string;
  /** The member's score (a scorecard score, an attainment…). */
  readonly score: Numeric;
  /** The member's target, ≥ 0; required with `by: "target"`. */
  readonly target?: Numeric | undefined;
  /** An explicit weight, ≥ 0 (months in the team, headcount share); required with `by: "weight"`. */
  readonly weight?: Numeric | undefined;
}

/** Options for {@link rollUp}. */
export interface RollUpOptions {
  /**
   * How members count: `"equal"` (default) each the same; `"target"` in proportion to their
   * targets (a big territory counts more); `"weight"` in proportion to their `weight`.
   */
  readonly by?: "equal" | "target" | "weight" | undefined;
}

/** A member's share of a team score. */
export interface TeamMemberShare {
  readonly id: string;
  /** The member's share of the team: `wᵢ / Σw`. */
  readonly weight: Decimal;
  /** `wᵢ · scoreᵢ / Σw`. */
  readonly contribution: Decimal;
}

/** A team score with each member's share. */
export interface TeamScore {
  /** `Σ wᵢ · scoreᵢ / Σ w`. */
  readonly score: Decimal;
  /** One entry per member, in the order given. */
  readonly members: TeamMemberShare[];
}

const BY = ["equal", "target", "weight"] as const;

/**
 * A team's score from its members' scores (团队得分), for team-level bonuses: the mean of the
 * members' scores, weighted equally, by target or by an explicit weight:
 * `score = Σ wᵢ · scoreᵢ / Σ wᵢ` with `wᵢ = 1`, `targetᵢ` or `weightᵢ`.
 *
 * The products are summed before the one division, so when the scores are attainments and
 * `by: "target"`, the team score is exactly the team's own attainment `Σ actual / Σ target`.
 * Sums are taken in the order of the ids, so the result does not depend on the order of members.
 *
 * @category Scoring
 * @param members - `{ id, score, target?, weight? }`, ids unique, at least one
 * @param options - `by` (default `"equal"`)
 * @returns `{ score, members: [{ id, weight, contribution }] }`
 * @throws {PayscoreError} `EMPTY_INPUT` for no members; `INVALID_DATA` when a member lacks the
 *   target or weight that `by` needs; `INVALID_WEIGHTS` for a negative target or weight, or all
 *   of them 0; `INVALID_ARGUMENT` for a repeated id or a bad option; `INVALID_NUMBER` for a
 *   malformed number
 *
 * @example
 * ```ts
 * rollUp(
 *   [
 *     { id: "li", score: 1.2, target: 1_000_000 },
 *     { id: "wang", score: 0.9, target: 3_000_000 },
 *   ],
 *   { by: "target" },
 * ).score.toString(); // "0.975"  ((1 000 000 · 1.2 + 3 000 000 · 0.9) / 4 000 000)
 * ```
 */
export function rollUp(members: readonly TeamMember[], options?: RollUpOptions | undefined): TeamScore {
  return guard(computeRollUp, [members, options]);
}

function computeRollUp(members: readonly TeamMember[], options?: RollUpOptions | undefined): TeamScore {
  const o = readOptions(options, ["options"]);
  const by = readChoice(o["by"], ["options", "by"], BY, "equal");
  const list = readList(members, ["members"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["members"], "must hold at least one member");
  const seen = new Set<string>();
  const ids: string[] = [];
  const scores: Decimal[] = [];
  const weights: Decimal[] = [];
  for (let i = 0; i < list.length; i++) {
    const member = readRecord(list[i], ["members", i]);
    const id = readName(member["id"], ["members", i, "id"]);
    if (seen.has(id)) throw fault("INVALID_ARGUMENT", ["members", i, "id"], `repeats the id "${id}"; member ids must be unique`);
    seen.add(id);
    ids.push(id);
    scores.push(readDecimal(member["score"], ["members", i, "score"]));
    if (by === "equal") {
      weights.push(new Decimal(1));
    } else {
      const value = member[by];
      if (value === undefined) throw fault("INVALID_DATA", ["members", i, by], `is missing; rolling up by ${by} needs every member's ${by}`);
      weights.push(readWeight(value, ["members", i, by]));
    }
  }
  const order = canonicalOrder(ids);
  let total = new Decimal(0);
  let weighted = new Decimal(0);
  for (const i of order) {
    total = total.plus(weights[i] as Decimal);
    weighted = weighted.plus((weights[i] as Decimal).times(scores[i] as Decimal));
  }
  if (total.isZero()) throw fault("INVALID_WEIGHTS", ["members"], `have ${by === "target" ? "targets" : "weights"} that are all 0; at least one must be greater than 0`);
  const shares = ids.map((id, i) => {
    const w = weights[i] as Decimal;
    return { id, weight: plainZero(w.div(total)), contribution: plainZero(w.times(scores[i] as Decimal).div(total)) };
  });
  return { score: plainZero(weighted.div(total)), members: shares };
}

function plainZero(x: Decimal): Decimal {
  return x.isZero() ? new Decimal(0) : x;
}
