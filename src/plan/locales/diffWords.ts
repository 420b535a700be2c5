/** The words of {@link diffText}, one table per locale. @internal */
export interface DiffWords {
  readonly title: (before: string, after: string) => string;
  readonly colon: string;
  readonly planSame: (hash: string) => string;
  readonly planChanged: (before: string, after: string) => string;
  readonly total: string;
  readonly people: (changed: number, unchanged: number) => string;
  readonly added: (ids: string) => string;
  readonly removed: (ids: string) => string;
  readonly totalPayout: string;
  readonly cause: string;
  readonly causeData: string;
  readonly causePlan: string;
  readonly causeOthers: string;
  /** A changed cell: `R04's revenue (column revenue)`. */
  readonly cell: (p: { person: string; what: string; column: string | null }) => string;
  readonly fields: {
    readonly score: string;
    readonly kpiScore: string;
    readonly rank: string;
    readonly grade: string;
    readonly review360: string;
    readonly totalPayout: string;
    readonly promotion: string;
    /** Issue 21: the role scorecard a person was scored by. */
    readonly scorecard: string;
    /** Issue 21: a scored sub-period's score (`score@2026-01`). */
    readonly subPeriodScore: (label: string) => string;
    readonly kpi: Readonly<Record<string, string>>;
  };
  /** What a data change is about: a KPI's actual or target, base pay, a rater group's mean, the history. */
  readonly data: {
    readonly actual: (kpi: string, input: string) => string;
    readonly target: (kpi: string) => string;
    readonly active: Readonly<Record<string, string>>;
    readonly basePay: string;
    readonly targetAmount: string;
    readonly rating: (group: string) => string;
    readonly history: string;
  };
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  readonly list: string;
}

/** English words of the change log. @internal */
export const diffEn: DiffWords = {
  title: (before, after) => `Changes from ${before} to ${after}`,
  colon: ": ",
  planSame: (hash) => `Plan: the same (${hash})`,
  planChanged: (before, after) => `Plan: changed (${before} → ${after})`,
  total: "Total payout",
  people: (changed, unchanged) => `People: ${changed} changed, ${unchanged} unchanged`,
  added: (ids) => `added ${ids}`,
  removed: (ids) => `removed ${ids}`,
  totalPayout: "total payout",
  cause: "Cause",
  causeData: "data changed",
  causePlan: "the plan changed",
  causeOthers: "none of this person's own data changed: a knock-on effect of other people's changes (pool shares, ranks and forced grades depend on everyone)",
  cell: (p) => `${p.what}${p.column === null ? "" : ` (row ${p.person}, column ${p.column})`}`,
  fields: {
    score: "Score",
    kpiScore: "KPI score",
    rank: "Rank",
    grade: "Grade",
    review360: "360 review score",
    totalPayout: "Total payout",
    promotion: "Promotion eligible",
    scorecard: "Scorecard",
    subPeriodScore: (label) => `Score ${label}`,
    kpi: { actual: "actual", target: "target", attainment: "attainment", points: "points", weight: "weight", contribution: "contribution" },
  },
  data: {
    actual: (kpi, input) => (input === "actual" ? `${kpi} actual` : `${kpi} actual, input ${input}`),
    target: (kpi) => `${kpi} target`,
    active: { activeFrom: "first day active", activeTo: "last day active" },
    basePay: "base pay",
    targetAmount: "target incentive amount",
    rating: (group) => `360 ratings, ${group} mean`,
    history: "earlier periods (history)",
  },
  yes: "yes",
  no: "no",
  none: "–",
  list: ", ",
};

/** 简体中文 words of the change log. @internal */
export const diffZhCN: DiffWords = {
  title: (before, after) => `变更记录：${before} → ${after}`,
  colon: "：",
  planSame: (hash) => `方案：未变（${hash}）`,
  planChanged: (before, after) => `方案：已变更（${before} → ${after}）`,
  total: "应发总额",
  people: (changed, unchanged) => `人员：${changed} 人有变化，${unchanged} 人不变`,
  added: (ids) => `新增 ${ids}`,
  removed: (ids) => `移除 ${ids}`,
  totalPayout: "应发合计",
  cause: "原因",
  causeData: "数据变更",
  causePlan: "方案变更",
  causeOthers: "本人数据未变：受他人变化的连带影响（奖金池分配、排名和强制分布等级取决于所有人）",
  cell: (p) => `${p.what}${p.column === null ? "" : `（${p.person} 行，${p.column} 列）`}`,
  fields: {
    score: "综合得分",
    kpiScore: "KPI 得分",
    rank: "排名",
    grade: "绩效等级",
    review360: "360 评估得分",
    totalPayout: "应发合计",
    promotion: "符合晋升条件",
    scorecard: "评分卡",
    subPeriodScore: (label) => `${label} 得分`,
    kpi: { actual: "实际值", target: "目标值", attainment: "达成率", points: "得分", weight: "权重", contribution: "贡献" },
  },
  data: {
    actual: (kpi, input) => (input === "actual" ? `${kpi} 实际值` : `${kpi} 实际值的输入 ${input}`),
    target: (kpi) => `${kpi} 目标值`,
    active: { activeFrom: "在岗起始日", activeTo: "在岗截止日" },
    basePay: "基本工资",
    targetAmount: "目标奖金额",
    rating: (group) => `360 评分：${group}组均分`,
    history: "以往各期（历史）",
  },
  yes: "是",
  no: "否",
  none: "–",
  list: "、",
};
