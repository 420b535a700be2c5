// Scoring: a payout curve, a weighted KPI scorecard, and a 70/30 composite with a 360 score.
import { combineScores, evaluateCurve, rescale, scoreKpis, type Curve } from "../../src/index.js";

// Nothing below 60 % attainment, 100 points at 100 %, 130 points at 150 % (capped above).
const curve: Curve = { points: [{ x: "0.6", y: 0 }, { x: 1, y: 100 }, { x: "1.5", y: 130 }], below: "zero" };
console.log(evaluateCurve(curve, "1.2").toString()); // → 112
console.log(evaluateCurve(curve, "0.5").toString()); // → 0

// Revenue 120 % → 112 points · 0.7 = 78.4; collection 0.97 / 0.95 capped at 1 → 100 points · 0.3 = 30.
const { score, lines } = scoreKpis(
  [
    { id: "revenue", weight: "0.7", curve },
    { id: "collection", weight: "0.3", cap: 1 },
  ],
  {
    revenue: { actual: 1_200_000, target: 1_000_000 },
    collection: { actual: "0.97", target: "0.95" },
  },
);
console.log(lines.map((line) => `${line.id}:${line.points.toString()}`).join(" ")); // → revenue:112 collection:100
console.log(score.toString()); // → 108.4

// A 360 rating of 4.2 on a 1–5 scale is 80 on 0–100: (4.2 − 1) / 4 · 100.
const review = rescale("4.2", { min: 1, max: 5 }, { min: 0, max: 100 });
console.log(review.toString()); // → 80
// 70 % KPIs + 30 % 360: 0.7 · 108.4 + 0.3 · 80 = 75.88 + 24.
console.log(combineScores([{ id: "kpi", score, weight: "0.7" }, { id: "360", score: review, weight: "0.3" }]).toString()); // → 99.88
