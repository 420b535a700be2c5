import type { StoredRatings } from "../../../src/plan/stages/review360Extras.js";

/** Distinct values with their first-appearance index, as the 360 stage interns them. */
function interned(): { values: (string | number)[]; indexOf(value: string | number): number } {
  const values: (string | number)[] = [];
  const index = new Map<string | number, number>();
  return {
    values,
    indexOf(value) {
      let i = index.get(value);
      if (i === undefined) {
        i = values.length;
        values.push(value);
        index.set(value, i);
      }
      return i;
    },
  };
}

/** Ratings stored as the 360 stage stores them (every rating of person 0, no competency). */
export function storedRatings(list: readonly { rater: string; group: string; score: string | number }[]): StoredRatings {
  const raters = interned();
  const groups = interned();
  const scores = interned();
  const column = (of: (r: (typeof list)[number]) => number): Int32Array => Int32Array.from(list, of);
  return {
    size: list.length,
    person: new Int32Array(list.length),
    rater: column((r) => raters.indexOf(r.rater)),
    group: column((r) => groups.indexOf(r.group)),
    competency: new Int32Array(list.length).fill(-1),
    score: column((r) => scores.indexOf(r.score)),
    raters,
    groups,
    competencies: interned(),
    scores,
  };
}

/** The scores of stored ratings, as texts in rating order. */
export function storedScores(ratings: StoredRatings): string[] {
  return Array.from(ratings.score.subarray(0, ratings.size), (s) => String(ratings.scores.values[s]));
}
