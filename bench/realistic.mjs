// The realistic case of issue 17: the bundled examples/regional-team plan scaled up to N people,
// with the roster in the data (not in the plan), a visits target from a data column, 12 ratings a
// person (6 raters × 2 competencies) and 2 earlier periods of history. Seeded, so every run sees
// the same files. Writes plan.json, data.csv, ratings.csv and history.csv into a folder:
//   node bench/realistic.mjs <people> [folder]   (default folder: realisticDir(people))
// The benchmark keeps one folder per N under the OS temp folder and writes it only once
// (ensureRealistic); delete the folder, or bump GENERATOR, to make it again.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prng } from "./data.mjs";

/** Bump when the files change, so cached folders are made again. */
const GENERATOR = 1;
export const TEAM_COUNT = 50;
/** The team of the team pool (the example's "west-team"). */
export const POOL_TEAM = "West-01";
const DIRECTIONS = ["East", "West", "North", "South", "Central"];
const CITIES = [
  "Shanghai", "Hangzhou", "Nanjing", "Suzhou", "Ningbo", "Hefei", "Wuxi", "Changzhou", "Wenzhou", "Shaoxing",
  "Chengdu", "Chongqing", "Xi'an", "Kunming", "Guiyang", "Lanzhou", "Mianyang", "Baoji", "Zunyi", "Yibin",
  "Beijing", "Tianjin", "Shijiazhuang", "Taiyuan", "Jinan", "Qingdao", "Dalian", "Shenyang", "Harbin", "Changchun",
  "Guangzhou", "Shenzhen", "Dongguan", "Foshan", "Xiamen", "Fuzhou", "Nanning", "Haikou", "Zhuhai", "Shantou",
  "Wuhan", "Changsha", "Zhengzhou", "Nanchang", "Luoyang", "Yichang", "Xiangyang", "Zhuzhou", "Kaifeng", "Jiujiang",
];
const SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"];
const GIVEN = ["Fang", "Wei", "Min", "Yang", "Jing", "Lei", "Qiang", "Li", "Tao", "Xia", "Gang", "Hui", "Jun", "Yan", "Ping", "Hong", "Bo", "Na", "Lin", "Hao"];
const PERIOD = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const PERIOD_DAYS = 90;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const HEADER = "id,name,team,region,role,basePay,activeFrom,activeTo,revenue,territoryWeight,collected,billed,cost,promoters,passives,detractors,complaints,interactions,visits,visitsTarget";

export const personId = (i) => `P${String(i).padStart(7, "0")}`;
/** Team index of person i: 50 contiguous blocks of (almost) equal size. */
export const teamOf = (i, n) => Math.floor((i * TEAM_COUNT) / n);
export const teamName = (t) => `${DIRECTIONS[t % DIRECTIONS.length]}-${String(Math.floor(t / DIRECTIONS.length) + 1).padStart(2, "0")}`;
const dayText = (offset) => new Date(START + offset * DAY).toISOString().slice(0, 10);
/** k people spread over 0…n-1, starting at `shift` (distinct for k ≤ n). */
const spread = (n, k, shift) => Array.from({ length: k }, (_, j) => (Math.floor(((j + 0.5) * n) / k) + shift) % n);

/** The folder the benchmark keeps the files of N people in. */
export const realisticDir = (n) => join(tmpdir(), `payscore-bench-realistic-${n}`);

/** The scaled regional-team plan for N people (no `people`: the roster is in data.csv). */
export function realisticPlan(n) {
  const k = Math.max(1, Math.round(n / 1000));
  const poolTeam = TEAM_COUNT > 1 ? 1 : 0; // West-01
  let poolTeamSize = 0;
  for (let i = 0; i < n; i++) if (teamOf(i, n) === poolTeam) poolTeamSize++;
  return {
    version: 1,
    name: `Regional sales team — 2026 Q1 (scaled to ${n} people)`,
    currency: "CNY",
    rounding: { mode: "half-up" },
    period: PERIOD,
    subPeriods: "month",
    kpis: [
      {
        id: "revenue", name: "Revenue 销售额", category: "result", weight: "0.4",
        actual: "revenue",
        target: { total: String(n * 1_000_000), weightColumn: "territoryWeight" },
        prorate: "calendar-days",
        cap: "1.5",
        curve: { points: [{ x: "0.6", y: "0" }, { x: "1", y: "100" }, { x: "1.5", y: "130" }], below: "zero" },
      },
      {
        id: "collection", name: "Collection rate 回款率", category: "result", weight: "0.15",
        actual: { indicator: "collection-rate", collected: "collected", billed: "billed" },
        target: "0.95", cap: "1.1",
      },
      {
        id: "margin", name: "Gross margin 毛利率", category: "quality", weight: "0.15",
        actual: { indicator: "margin", revenue: "revenue", cost: "cost" },
        target: "0.3", cap: "1.2", difficulty: "1",
      },
      {
        id: "nps", name: "Customer NPS 净推荐值", category: "quality", weight: "0.1",
        actual: { indicator: "nps", promoters: "promoters", passives: "passives", detractors: "detractors" },
        target: "40", cap: "1.2",
      },
      {
        id: "complaints", name: "Complaint rate 投诉率", category: "behaviour", weight: "0.1",
        direction: "lower", lowerFormula: "reflect",
        actual: { indicator: "complaint-rate", complaints: "complaints", interactions: "interactions" },
        target: "0.02", floor: "0", cap: "1.2",
      },
      {
        id: "visits", name: "Customer visits 客户拜访", category: "process", weight: "0.1",
        actual: { column: "visits" },
        target: { column: "visitsTarget" },
        cap: "1.2",
      },
    ],
    score: { kpi: "0.7", review360: "0.3", missing: "error" },
    review360: {
      weights: { manager: 50, peer: 30, subordinate: 20 },
      minRaters: { manager: 1, peer: 1, subordinate: 3 },
      competencyWeights: { "customer-focus": 60, teamwork: 40 },
      scale: { min: 1, max: 5 },
    },
    grading: {
      method: "forced",
      quotas: [{ grade: "A", share: "0.2" }, { grade: "B", share: "0.7" }, { grade: "C", share: "0.1" }],
      ties: "share-grade",
      overrides: spread(n, k, 3).map((i, j) => ({
        person: personId(i),
        grade: j % 2 === 0 ? "B" : "A",
        reason: j % 2 === 0 ? "Two key accounts moved to another territory in January" : "Covered a vacant territory for the whole quarter",
        by: "Regional calibration committee",
      })),
    },
    pay: {
      fixed: { share: "0.7" },
      targetIncentive: {
        amount: { shareOfBasePay: "0.3" },
        measure: "score",
        curve: { points: [{ x: "0.5", y: "0" }, { x: "1", y: "1" }, { x: "1.3", y: "1.5" }], below: "zero" },
      },
      gradeMultipliers: { A: "1.2", B: "1", C: "0.6" },
      commission: {
        base: { kpi: "revenue" },
        tiers: [{ from: "0", rate: "0.005" }, { from: "1000000", rate: "0.01" }],
        mode: "marginal",
      },
      pools: [
        {
          id: "regional-bonus", budget: String(n * 10_000),
          funding: { measure: { kpi: "revenue" }, curve: { points: [{ x: "0.8", y: "0" }, { x: "1", y: "1" }, { x: "1.2", y: "1.25" }], below: "zero" } },
          weightBy: "basePay-score",
          cap: { multipleOfBasePay: "0.25" },
        },
        { id: "west-team", team: teamName(poolTeam), budget: String(poolTeamSize * 3000), weightBy: "score", cap: "5000" },
      ],
      awards: [{ id: "new-logo", name: "Biggest new customer of the quarter", amount: "5000", people: spread(n, k, 7).map(personId) }],
    },
    promotion: { measure: { kpi: "revenue" }, threshold: "1", count: 3 },
  };
}

/** Buffered line writer: one writeSync per ~1 MiB. */
function lineWriter(file) {
  const fd = openSync(file, "w");
  let lines = [];
  let size = 0;
  const flush = () => {
    if (lines.length > 0) writeSync(fd, `${lines.join("\n")}\n`);
    lines = [];
    size = 0;
  };
  return {
    line(text) {
      lines.push(text);
      size += text.length;
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/** Writes plan.json, data.csv, ratings.csv and history.csv for N people into `dir`. */
export function writeRealistic(n, dir) {
  if (n < TEAM_COUNT * 7) throw new Error(`the realistic case needs at least ${TEAM_COUNT * 7} people (7 a team, for 6 raters each)`);
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, "complete.json"), { force: true });
  writeFileSync(join(dir, "plan.json"), `${JSON.stringify(realisticPlan(n), null, 2)}\n`);
  const random = prng(20260417);
  const data = lineWriter(join(dir, "data.csv"));
  const ratings = lineWriter(join(dir, "ratings.csv"));
  const history = lineWriter(join(dir, "history.csv"));
  data.line(HEADER);
  ratings.line("person,rater,group,score,competency");
  history.line("id,2025-Q3,2025-Q4");
  const teamStart = (t) => Math.ceil((t * n) / TEAM_COUNT);
  const score = (x) => String(Math.min(5, Math.max(1, Math.round(x + (random() - 0.5) * 1.6))));
  for (let i = 0; i < n; i++) {
    const id = personId(i);
    const t = teamOf(i, n);
    const first = teamStart(t);
    const size = teamStart(t + 1) - first;
    const lead = i === first;
    const basePay = lead ? 55_000 + 1000 * Math.floor(random() * 11) : 30_000 + 1000 * Math.floor(random() * 21);
    // A few percent join (3 %) or leave (2 %) during the quarter.
    const move = random();
    let activeFrom = "";
    let activeTo = "";
    let days = PERIOD_DAYS;
    if (move < 0.03) {
      const from = 1 + Math.floor(random() * 73); // 2026-01-02 … 2026-03-15
      activeFrom = dayText(from);
      days = PERIOD_DAYS - from;
    } else if (move < 0.05) {
      const to = 14 + Math.floor(random() * 75); // 2026-01-15 … 2026-03-30
      activeTo = dayText(to);
      days = to + 1;
    }
    const active = days / PERIOD_DAYS;
    const skill = 0.75 + random() * 0.6;
    const weight = Math.round((0.5 + random()) * 100) / 100;
    // The revenue target is about 1,000,000 × weight (the total is n × 1,000,000 and weights average 1).
    const revenue = Math.round(1_000_000 * weight * active * skill * (0.9 + random() * 0.2));
    const collected = Math.round(revenue * (0.82 + random() * 0.18));
    const cost = Math.round(revenue * (0.64 + random() * 0.1));
    const promoters = 5 + Math.floor(random() * 26 * skill);
    const passives = 3 + Math.floor(random() * 13);
    const detractors = Math.floor(random() * 11);
    const interactions = 150 + Math.floor(random() * 151);
    const complaints = Math.floor(random() * 9 * (1.6 - skill));
    const visitsTarget = active < 1 ? Math.max(10, Math.round((60 * active) / 10) * 10) : 60;
    const visits = Math.round(visitsTarget * (0.6 + random() * 0.4 + (skill - 0.75) * 0.5));
    const name = `${SURNAMES[Math.floor(random() * SURNAMES.length)]} ${GIVEN[Math.floor(random() * GIVEN.length)]}`;
    const region = CITIES[(t * 3 + (i % 3)) % CITIES.length];
    data.line(
      `${id},${name},${teamName(t)},${region},${lead ? "Team lead" : "Account manager"},${basePay},${activeFrom},${activeTo},${revenue},${weight},${collected},${revenue},${cost},${promoters},${passives},${detractors},${complaints},${interactions},${visits},${visitsTarget}`,
    );
    const h1 = Math.round((skill + 0.05 + (random() - 0.5) * 0.3) * 100) / 100;
    const h2 = Math.round((skill + 0.05 + (random() - 0.5) * 0.3) * 100) / 100;
    history.line(`${id},${h1},${h2}`);
    // 6 raters from the same team: its manager, 2 peers and 3 subordinates; for 5 % of people
    // 3 peers and only 2 subordinates, below minRaters (3), so their subordinate group is left out.
    const colleague = (j) => personId(first + ((i - first + j) % size));
    const few = random() < 0.05;
    const raters = [
      [`M-${teamName(t)}`, "manager"],
      [colleague(1), "peer"],
      [colleague(2), "peer"],
      [colleague(3), few ? "peer" : "subordinate"],
      [colleague(4), "subordinate"],
      [colleague(5), "subordinate"],
    ];
    const quality = 2.2 + random() * 1.6 + (skill - 0.75);
    for (const [rater, group] of raters) {
      ratings.line(`${id},${rater},${group},${score(quality)},customer-focus`);
      ratings.line(`${id},${rater},${group},${score(quality)},teamwork`);
    }
  }
  data.close();
  ratings.close();
  history.close();
  writeFileSync(join(dir, "complete.json"), `${JSON.stringify({ generator: GENERATOR, n })}\n`);
}

const isComplete = (dir, n) => {
  try {
    const stamp = JSON.parse(readFileSync(join(dir, "complete.json"), "utf8"));
    return stamp.generator === GENERATOR && stamp.n === n;
  } catch {
    return false;
  }
};

/**
 * The folder with the realistic files for N people, written first if missing or stale — in a
 * child process, so the generator's memory is never counted in the caller's peak RSS.
 */
export function ensureRealistic(n) {
  const dir = realisticDir(n);
  if (isComplete(dir, n)) return dir;
  process.stderr.write(`  generating the realistic case for ${n} people in ${dir}\n`);
  // (Its stdout is not the scenario's: the benchmark reads the scenario's last stdout line.)
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(n), dir], { stdio: ["ignore", "ignore", "inherit"] });
  if (child.status !== 0 || !isComplete(dir, n)) throw new Error(`generating ${dir} failed`);
  return dir;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 10_000);
  const dir = process.argv[3] ?? realisticDir(n);
  if (existsSync(join(dir, "complete.json")) && isComplete(dir, n)) process.exit(0);
  writeRealistic(n, dir);
}
