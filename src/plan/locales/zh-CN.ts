import type { ExplainWords } from "./words.js";

/** 简体中文 words for {@link explain}. @internal */
export const zhCN: ExplainWords = {
  title: (who) => `绩效与薪酬结算单：${who}`,
  team: "团队",
  region: "区域",
  role: "岗位",
  active: (from, to) => `在岗 ${from} 至 ${to}`,
  basePay: "基本工资",
  kpis: "KPI 指标",
  kpiLine: (p) =>
    `${p.name}：实际 ${p.actual}，目标 ${p.target}，达成率 ${p.attainment}，得分 ${p.points} × 权重 ${p.weight}${p.difficulty === null ? "" : ` × 难度系数 ${p.difficulty}`} = ${p.contribution}`,
  missing: "缺失",
  indicators: "衍生指标",
  kpiScore: "KPI 得分",
  review360: "360 评估",
  review360None: "没有评估组达到最少评估人数",
  groupLine: (p) => (p.included ? `${p.group}：${p.raters} 人评估，均分 ${p.mean ?? "-"}，权重 ${p.weight}` : `${p.group}：未计入（${p.reason ?? "权重为 0"}）`),
  score: "综合得分",
  rank: (rank) => `排名第 ${rank}`,
  grade: "绩效等级",
  calibrated: (from, reason) => `由 ${from} 校准：${reason}`,
  pay: "薪酬",
  components: { fixed: "固定工资", targetIncentive: "目标奖金", commission: "提成", pool: "奖金池", award: "专项奖励" },
  total: "应发合计",
  promotion: "晋升",
  promotionLine: (eligible, current, longest) => `${eligible ? "符合条件" : "暂不符合"}（当前连续 ${current} 期，最长 ${longest} 期）`,
  trace: "计算过程",
};
