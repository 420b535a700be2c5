// The plain-floating-point implementation of the benchmark's arithmetic: the floor to compare to.
// It is what a quick spreadsheet-style implementation would do; it is not exact.
import { KPIS, MULTIPLIERS, POOL_PER_PERSON, QUOTAS } from "./data.mjs";

function curveValue(curve, x) {
  const pts = curve.points.map((p) => [Number(p.x), Number(p.y)]);
  if (x < pts[0][0]) return curve.below === "zero" ? 0 : pts[0][1];
  const last = pts[pts.length - 1];
  if (x >= last[0]) return last[1];
  for (let k = pts.length - 2; k >= 0; k--) {
    const [x0, y0] = pts[k];
    if (x >= x0) {
      if (curve.step) return y0;
      const [x1, y1] = pts[k + 1];
      return y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return pts[0][1];
}

export function floatScores(people) {
  const { n, actual, target } = people;
  const scores = new Float64Array(n);
  const specs = KPIS.map((k) => ({
    weight: Number(k.weight),
    lower: k.direction === "lower",
    cap: k.cap === undefined ? Infinity : Number(k.cap),
    floor: k.floor === undefined ? -Infinity : Number(k.floor),
    curve: k.curve,
  }));
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let j = 0; j < specs.length; j++) {
      const s = specs[j];
      let a = s.lower ? Math.max(0, 2 - actual[j][i] / target[j][i]) : actual[j][i] / target[j][i];
      if (a > s.cap) a = s.cap;
      if (a < s.floor) a = s.floor;
      score += s.weight * (s.curve ? curveValue(s.curve, a) : 100 * a);
    }
    scores[i] = score;
  }
  return scores;
}

export function floatGrades(scores) {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const seats = QUOTAS.map((q) => Math.round(n * Number(q.share)));
  const grades = new Array(n);
  let k = 0;
  QUOTAS.forEach((q, g) => {
    for (let s = 0; s < seats[g] && k < n; s++) grades[order[k++]] = q.grade;
  });
  while (k < n) grades[order[k++]] = QUOTAS[QUOTAS.length - 1].grade;
  return grades;
}

export function floatPool(scores, grades, cap) {
  const n = scores.length;
  const budget = n * POOL_PER_PERSON;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = scores[i] * Number(MULTIPLIERS[grades[i]]);
  const amounts = new Float64Array(n);
  const capped = new Uint8Array(n);
  let remaining = budget;
  for (;;) {
    let sum = 0;
    for (let i = 0; i < n; i++) if (!capped[i]) sum += weights[i];
    if (sum === 0) break;
    let newlyCapped = false;
    for (let i = 0; i < n; i++) {
      if (capped[i]) continue;
      if ((remaining * weights[i]) / sum > cap) {
        capped[i] = 1;
        amounts[i] = cap;
        remaining -= cap;
        newlyCapped = true;
      }
    }
    if (!newlyCapped) {
      for (let i = 0; i < n; i++) if (!capped[i]) amounts[i] = Math.round(((remaining * weights[i]) / sum) * 100) / 100;
      break;
    }
  }
  return amounts;
}
