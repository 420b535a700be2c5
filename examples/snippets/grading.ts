// Grading: score bands, and a forced 20/70/10 distribution with tied scores.
import { forcedDistribution, gradeByScore } from "../../src/index.js";

const bands = [
  { grade: "A", min: 90 },
  { grade: "B", min: 75 },
  { grade: "C", min: 0 },
];
console.log(gradeByScore("87.5", bands)); // → B

// Ten people, quotas 20 % A, 70 % B, 10 % C → 2, 7 and 1 seats. p4 and p5 tie at 88 and share rank 4.
const scores = [98, 95, 91, 88, 88, 85, 80, 77, 70, 62];
const graded = forcedDistribution(
  scores.map((score, i) => ({ id: `p${i + 1}`, score })),
  [
    { grade: "A", share: "0.2" },
    { grade: "B", share: "0.7" },
    { grade: "C", share: "0.1" },
  ],
);
console.log(graded.map((g) => `${g.id}:${g.grade}${g.rank}`).join(" ")); // → p1:A1 p2:A2 p3:B3 p4:B4 p5:B4 p6:B6 p7:B7 p8:B8 p9:B9 p10:C10
