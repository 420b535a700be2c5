import type { ExplainWords } from "./words.js";

/** English words for {@link explain}. @internal */
export const en: ExplainWords = {
  title: (who) => `Performance and pay statement: ${who}`,
  team: "Team",
  region: "Region",
  role: "Role",
  active: (from, to) => `Active ${from} to ${to}`,
  basePay: "Base pay",
  kpis: "KPIs",
  kpiLine: (p) =>
    `${p.name}: actual ${p.actual}, target ${p.target}, attainment ${p.attainment}, points ${p.points} × weight ${p.weight}${p.difficulty === null ? "" : ` × difficulty ${p.difficulty}`} = ${p.contribution}`,
  missing: "missing",
  indicators: "Indicators",
  kpiScore: "KPI score",
  review360: "360 review",
  review360None: "no group had enough raters",
  groupLine: (p) => (p.included ? `${p.group}: ${p.raters} raters, mean ${p.mean ?? "-"}, weight ${p.weight}` : `${p.group}: left out (${p.reason ?? "weight 0"})`),
  score: "Score",
  rank: (rank) => `rank ${rank}`,
  grade: "Grade",
  calibrated: (from, reason) => `calibrated from ${from}: ${reason}`,
  pay: "Pay",
  components: { fixed: "Fixed pay", targetIncentive: "Target incentive", commission: "Commission", pool: "Bonus pool", award: "Award" },
  total: "Total payout",
  promotion: "Promotion",
  promotionLine: (eligible, current, longest) => `${eligible ? "eligible" : "not eligible"} (current streak ${current}, longest ${longest})`,
  trace: "How it was computed",
};
