// Metrics: attainment (达成率) both ways, collection rate (回款率), margin (毛利率) and NPS (净推荐值).
import { attainment, collectionRate, nps, orderMargin } from "../../src/index.js";

// 1,150,000 sold against a 1,000,000 target: 115 %.
console.log(attainment(1_150_000, 1_000_000).toString()); // → 1.15
// Lower is better (18 complaints against a limit of 20): reflect = 2 − 18 / 20 = 1.1.
console.log(attainment(18, 20, { direction: "lower" }).toString()); // → 1.1
// Capped at 120 %.
console.log(attainment(1_500_000, 1_000_000, { cap: "1.2" }).toString()); // → 1.2

// Collected 950,000 of 1,000,000 billed.
console.log(collectionRate(950_000, 1_000_000).toString()); // → 0.95
// Revenue 1,320,000 at cost 910,800: (1,320,000 − 910,800) / 1,320,000 = 0.31.
console.log(orderMargin(1_320_000, 910_800).toString()); // → 0.31

// 22 promoters, 12 passives, 6 detractors: 100 · (22 − 6) / 40 = 40.
const result = nps({ promoters: 22, passives: 12, detractors: 6 });
console.log(`${result.score.toString()} of ${result.total}`); // → 40 of 40
