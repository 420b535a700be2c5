/** The words {@link explain} uses, one table per locale. @internal */
export interface ExplainWords {
  readonly title: (who: string) => string;
  readonly team: string;
  readonly region: string;
  readonly role: string;
  readonly active: (from: string, to: string) => string;
  readonly basePay: string;
  readonly kpis: string;
  readonly kpiLine: (p: { name: string; actual: string; target: string; attainment: string; points: string; weight: string; contribution: string; difficulty: string | null }) => string;
  readonly missing: string;
  readonly indicators: string;
  readonly kpiScore: string;
  readonly review360: string;
  readonly review360None: string;
  readonly groupLine: (p: { group: string; raters: number; mean: string | null; weight: string; included: boolean; reason: string | null }) => string;
  readonly score: string;
  readonly rank: (rank: number) => string;
  readonly grade: string;
  readonly calibrated: (from: string, reason: string) => string;
  readonly pay: string;
  readonly components: Readonly<Record<"fixed" | "targetIncentive" | "commission" | "pool" | "award", string>>;
  readonly total: string;
  readonly promotion: string;
  readonly promotionLine: (eligible: boolean, current: number, longest: number) => string;
  readonly trace: string;
}
