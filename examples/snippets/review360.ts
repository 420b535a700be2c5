// 360-degree review: group weights 50/30/20, and a subordinate group too small to be shown.
import { aggregate360 } from "../../src/index.js";

const result = aggregate360(
  [
    { rater: "M1", group: "manager", score: 4 },
    { rater: "P1", group: "peer", score: 3 },
    { rater: "P2", group: "peer", score: 4 },
    { rater: "S1", group: "subordinate", score: 5 },
    { rater: "S2", group: "subordinate", score: 4 },
  ],
  { weights: { manager: 50, peer: 30, subordinate: 20 }, minRaters: { subordinate: 3 } },
);
// Two subordinates are fewer than three: the group is left out and its mean is never shown.
// The other weights are rescaled: manager 50/80 = 0.625, peer 30/80 = 0.375.
for (const group of result.groups) {
  console.log(`${group.group} raters=${group.raters} mean=${group.mean?.toString() ?? "hidden"} weight=${group.weight.toString()}`);
}
// → manager raters=1 mean=4 weight=0.625
// → peer raters=2 mean=3.5 weight=0.375
// → subordinate raters=2 mean=hidden weight=0
// 0.625 · 4 + 0.375 · 3.5 = 2.5 + 1.3125.
console.log(result.score?.toString()); // → 3.8125
