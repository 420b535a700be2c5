// The plain-floating-point floor of the realistic case (bench/realistic.mjs): the same run as
// `payscore run plan.json --data data.csv --ratings ratings.csv --history history.csv --format csv`
// written as a careful developer would write it for this plan in plain JavaScript — doubles, no
// checks, no trace, Math.round at the plan's rounding points — reading the plan's numbers from
// plan.json and writing one CSV line per person with the CLI's columns. Not exact (a pool's
// cents need not add up to its budget), so it is the floor, not a reference.
//   node bench/realistic-float.mjs <folder> [out.csv]
import { Buffer } from "node:buffer";
import { closeSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const DAY = 86_400_000;
const dayNumber = (text) => Date.parse(`${text}T00:00:00Z`) / DAY;
/** Half-up (away from zero) at `factor` = 10^places, in doubles. */
const roundAt = (x, factor) => (x < 0 ? -Math.round(-x * factor) : Math.round(x * factor)) / factor;

/** Calls onHeader(cells) with a file's header, then onLine(text) for every other line. Reads 16 MiB at a time. */
function readLines(file, onHeader, onLine) {
  const fd = openSync(file, "r");
  let buffer = Buffer.allocUnsafe(1 << 24);
  let kept = 0; // bytes of an unfinished line at the buffer's start
  let header = true;
  for (;;) {
    const got = readSync(fd, buffer, kept, buffer.length - kept, null);
    const end = kept + got;
    if (got === 0) {
      if (end > 0) onLine(buffer.toString("utf8", 0, end));
      break;
    }
    const cut = buffer.lastIndexOf(10, end - 1);
    if (cut === -1) {
      // A line longer than the buffer: grow it.
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, end);
      buffer = bigger;
      kept = end;
      continue;
    }
    const text = buffer.toString("utf8", 0, cut);
    let start = 0;
    if (header) {
      const nl = text.indexOf("\n");
      onHeader((nl === -1 ? text : text.slice(0, nl)).split(","));
      start = nl === -1 ? text.length : nl + 1;
      header = false;
    }
    while (start < text.length) {
      let nl = text.indexOf("\n", start);
      if (nl === -1) nl = text.length;
      onLine(text.slice(start, nl));
      start = nl + 1;
    }
    kept = end - cut - 1;
    buffer.copy(buffer, 0, cut + 1, end);
  }
  closeSync(fd);
}

/** A curve as a function of x (linear or step; below: clamp, zero or extrapolate; above: clamp or extrapolate). */
function curveOf(curve) {
  const xs = curve.points.map((p) => Number(p.x));
  const ys = curve.points.map((p) => Number(p.y));
  const last = xs.length - 1;
  const below = curve.below ?? "clamp";
  const above = curve.above ?? "clamp";
  const line = (k, x) => ys[k] + ((x - xs[k]) * (ys[k + 1] - ys[k])) / (xs[k + 1] - xs[k]);
  return (x) => {
    if (x < xs[0]) return below === "zero" ? 0 : below === "extrapolate" && last > 0 ? line(0, x) : ys[0];
    if (x >= xs[last]) return above === "extrapolate" && !curve.step && last > 0 && x > xs[last] ? line(last - 1, x) : ys[last];
    let k = 0;
    while (x >= xs[k + 1]) k++;
    return curve.step ? ys[k] : line(k, x);
  };
}

const INDICATORS = {
  "collection-rate": (c) => (i) => c.collected[i] / c.billed[i],
  margin: (c) => (i) => (c.revenue[i] - c.cost[i]) / c.revenue[i],
  nps: (c) => (i) => (100 * (c.promoters[i] - c.detractors[i])) / (c.promoters[i] + c.passives[i] + c.detractors[i]),
  "complaint-rate": (c) => (i) => c.complaints[i] / c.interactions[i],
  growth: (c) => (i) => (c.current[i] - c.previous[i]) / Math.abs(c.previous[i]),
  "market-share": (c) => (i) => c.sales[i] / c.market[i],
};

/**
 * Runs the plan in `dir` (plan.json, data.csv, ratings.csv, history.csv) in doubles and writes
 * `out`; returns the total payout as text (a check that the work was done).
 */
export function realisticFloat(dir, out) {
  const plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
  const periodStart = dayNumber(plan.period.start);
  const periodEnd = dayNumber(plan.period.end);
  const periodDays = periodEnd - periodStart + 1;
  const places = { indicator: 1e4, attainment: 1e4, points: 100, score: 100, money: 100 };

  // ─── data.csv: roster columns as text, every number the plan reads as a Float64Array ───
  const numeric = new Set(["basePay"]);
  for (const kpi of plan.kpis) {
    if (typeof kpi.actual === "string") numeric.add(kpi.actual);
    else if ("column" in kpi.actual) numeric.add(kpi.actual.column);
    else for (const [key, column] of Object.entries(kpi.actual)) if (key !== "indicator") numeric.add(column);
    if (typeof kpi.target === "object" && "column" in kpi.target) numeric.add(kpi.target.column);
    if (typeof kpi.target === "object" && kpi.target.weightColumn !== undefined) numeric.add(kpi.target.weightColumn);
  }
  const text = { id: [], name: [], team: [], region: [], role: [], activeFrom: [], activeTo: [] };
  const textKeys = Object.keys(text);
  const growing = {};
  for (const column of numeric) growing[column] = [];
  let textAt;
  let numberAt;
  readLines(
    join(dir, "data.csv"),
    (cells) => {
      textAt = textKeys.map((key) => cells.indexOf(key));
      numberAt = [...numeric].map((column) => [cells.indexOf(column), growing[column]]);
    },
    (line) => {
      if (line === "") return;
      const cells = line.split(",");
      for (let c = 0; c < textAt.length; c++) text[textKeys[c]].push(textAt[c] === -1 ? "" : cells[textAt[c]]);
      for (let c = 0; c < numberAt.length; c++) numberAt[c][1].push(Number(cells[numberAt[c][0]]));
    },
  );
  const n = text.id.length;
  const col = {};
  for (const column of numeric) col[column] = Float64Array.from(growing[column]);
  const index = new Map();
  for (let i = 0; i < n; i++) index.set(text.id[i], i);
  const basePay = col.basePay;

  // Active days (for proration) and the clamped activeFrom / activeTo shown in the output.
  const activeShare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = text.activeFrom[i] === "" ? plan.period.start : text.activeFrom[i];
    const to = text.activeTo[i] === "" ? plan.period.end : text.activeTo[i];
    text.activeFrom[i] = from < plan.period.start ? plan.period.start : from;
    text.activeTo[i] = to > plan.period.end ? plan.period.end : to;
    activeShare[i] = from === plan.period.start && to === plan.period.end ? 1 : (dayNumber(text.activeTo[i]) - dayNumber(text.activeFrom[i]) + 1) / periodDays;
  }

  // ─── KPIs: actual, target, attainment, points (column by column), then the KPI score ───
  const kpis = plan.kpis.map((kpi) => {
    const actual = new Float64Array(n);
    if (typeof kpi.actual === "string" || "column" in kpi.actual) {
      actual.set(col[typeof kpi.actual === "string" ? kpi.actual : kpi.actual.column]);
    } else {
      const columns = {};
      for (const [key, column] of Object.entries(kpi.actual)) if (key !== "indicator") columns[key] = col[column];
      const value = INDICATORS[kpi.actual.indicator](columns);
      for (let i = 0; i < n; i++) actual[i] = roundAt(value(i), places.indicator);
    }
    const target = new Float64Array(n);
    const t = kpi.target;
    if (typeof t !== "object") target.fill(Number(t));
    else if ("column" in t) target.set(col[t.column]);
    else if ("perPerson" in t) for (let i = 0; i < n; i++) target[i] = Number(t.perPerson[text.id[i]]);
    else {
      const total = Number(t.total);
      const weights = t.weightColumn === undefined ? null : col[t.weightColumn];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += weights === null ? 1 : weights[i];
      for (let i = 0; i < n; i++) target[i] = roundAt((total * (weights === null ? 1 : weights[i])) / sum, places.money);
    }
    if (kpi.prorate !== undefined) for (let i = 0; i < n; i++) if (activeShare[i] !== 1) target[i] = roundAt(target[i] * activeShare[i], places.money);
    const lower = kpi.direction === "lower";
    const inverse = kpi.lowerFormula === "inverse";
    const cap = kpi.cap === undefined ? Infinity : Number(kpi.cap);
    const floor = kpi.floor === undefined ? -Infinity : Number(kpi.floor);
    const difficulty = kpi.difficulty === undefined ? 1 : Number(kpi.difficulty);
    const curve = kpi.curve === undefined ? null : curveOf(kpi.curve);
    const attainment = new Float64Array(n);
    const points = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let a = lower ? (inverse ? target[i] / actual[i] : Math.max(0, 2 - actual[i] / target[i])) : actual[i] / target[i];
      if (a > cap) a = cap;
      if (a < floor) a = floor;
      a = roundAt(a, places.attainment);
      attainment[i] = a;
      points[i] = roundAt(curve === null ? 100 * a * difficulty : curve(a * difficulty), places.points);
    }
    return { id: kpi.id, weight: Number(kpi.weight), actual, target, attainment, points };
  });
  const kpiScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const k of kpis) s += k.weight * k.points[i];
    kpiScore[i] = roundAt(s, places.score);
  }
  const kpiById = new Map(kpis.map((k) => [k.id, k]));

  // ─── 360: per person, per rater (group + rater), per competency: sum and count of scores ───
  const review = plan.review360;
  const groupNames = Object.keys(review.weights);
  const groupIndex = new Map(groupNames.map((g, j) => [g, j]));
  const groupWeight = groupNames.map((g) => Number(review.weights[g]));
  const minRaters = groupNames.map((g) => (typeof review.minRaters === "number" ? review.minRaters : (review.minRaters?.[g] ?? 1)));
  const competencies = Object.keys(review.competencyWeights);
  const competencyIndex = new Map(competencies.map((c, j) => [c, j]));
  const competencyWeight = competencies.map((c) => Number(review.competencyWeights[c]));
  const C = competencies.length;
  // Raters as integers: a colleague is a person (their row index), anyone else (a manager) gets
  // n, n + 1, … (few keys, so the Map does not keep the file's text alive).
  const otherRaters = new Map();
  // Each person's raters as a linked list of slots in flat typed arrays (about 6 a person).
  const head = new Int32Array(n).fill(-1);
  let capacity = 6 * n + 16;
  let next = new Int32Array(capacity);
  let slotRater = new Int32Array(capacity);
  let slotGroup = new Uint8Array(capacity);
  let slotSum = new Float64Array(capacity * C);
  let slotCount = new Uint16Array(capacity * C);
  let slots = 0;
  const grow = () => {
    capacity *= 2;
    const resize = (a, size) => {
      const b = new a.constructor(size);
      b.set(a);
      return b;
    };
    next = resize(next, capacity);
    slotRater = resize(slotRater, capacity);
    slotGroup = resize(slotGroup, capacity);
    slotSum = resize(slotSum, capacity * C);
    slotCount = resize(slotCount, capacity * C);
  };
  const at = {};
  readLines(
    join(dir, "ratings.csv"),
    (cells) => {
      for (const key of ["person", "rater", "group", "score", "competency"]) at[key] = cells.indexOf(key);
    },
    (line) => {
      if (line === "") return;
      const cells = line.split(",");
      const person = cells[at.person];
      const raterName = cells[at.rater];
      const group = cells[at.group];
      const score = cells[at.score];
      const competency = cells[at.competency];
      const p = index.get(person);
      let rater = index.get(raterName) ?? otherRaters.get(raterName);
      if (rater === undefined) otherRaters.set(raterName, (rater = n + otherRaters.size));
      const g = groupIndex.get(group);
      let s = head[p];
      while (s !== -1 && (slotRater[s] !== rater || slotGroup[s] !== g)) s = next[s];
      if (s === -1) {
        if (slots === capacity) grow();
        s = slots++;
        slotRater[s] = rater;
        slotGroup[s] = g;
        next[s] = head[p];
        head[p] = s;
      }
      const c = competencyIndex.get(competency);
      slotSum[s * C + c] += Number(score);
      slotCount[s * C + c]++;
    },
  );
  const G = groupNames.length;
  const scaleMin = Number(review.scale?.min ?? 0);
  const scaleSpan = review.scale === undefined ? null : Number(review.scale.max) - scaleMin;
  const reviewPoints = new Float64Array(n).fill(NaN); // NaN: no usable 360 score
  const groupSum = new Float64Array(G);
  const groupCount = new Int32Array(G);
  for (let i = 0; i < n; i++) {
    groupSum.fill(0);
    groupCount.fill(0);
    for (let s = head[i]; s !== -1; s = next[s]) {
      let weighted = 0;
      let total = 0;
      for (let c = 0; c < C; c++) {
        const count = slotCount[s * C + c];
        if (count === 0 || competencyWeight[c] === 0) continue;
        weighted += (competencyWeight[c] * slotSum[s * C + c]) / count;
        total += competencyWeight[c];
      }
      if (total === 0) continue;
      groupSum[slotGroup[s]] += weighted / total;
      groupCount[slotGroup[s]]++;
    }
    let included = 0;
    let sum = 0;
    for (let g = 0; g < G; g++) {
      if (groupCount[g] === 0 || groupCount[g] < minRaters[g]) continue;
      included += groupWeight[g];
      sum += (groupWeight[g] * groupSum[g]) / groupCount[g];
    }
    if (included === 0) continue;
    const score = sum / included;
    reviewPoints[i] = roundAt(scaleSpan === null ? score : ((score - scaleMin) / scaleSpan) * 100, places.points);
  }

  // ─── composite score, rank, forced grades, overrides ───
  const kpiWeight = Number(plan.score.kpi);
  const reviewWeight = Number(plan.score.review360);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = Number.isNaN(reviewPoints[i]) ? kpiScore[i] : roundAt(kpiWeight * kpiScore[i] + reviewWeight * reviewPoints[i], places.score);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[b] - score[a] || a - b);
  const rank = new Int32Array(n);
  for (let p = 0; p < n; p++) rank[order[p]] = p > 0 && score[order[p]] === score[order[p - 1]] ? rank[order[p - 1]] : p + 1;
  const quotas = plan.grading.quotas;
  const gradeNames = quotas.map((q) => q.grade);
  // Seats by largest remainder; people tied with a grade's last seat share that grade.
  const exactSeats = quotas.map((q) => n * Number(q.share));
  const seats = exactSeats.map(Math.floor);
  let left = n - seats.reduce((a, b) => a + b, 0);
  for (const g of exactSeats.map((x, g) => g).sort((a, b) => exactSeats[b] - seats[b] - (exactSeats[a] - seats[a]) || a - b)) if (left-- > 0) seats[g]++;
  const initialGrade = new Uint8Array(n);
  let cursor = 0;
  let boundary = 0;
  for (let g = 0; g < seats.length; g++) {
    boundary += seats[g];
    let end = boundary;
    if (plan.grading.ties !== "by-order" && end > 0) while (end < n && score[order[end]] === score[order[boundary - 1]]) end++;
    for (; cursor < end; cursor++) initialGrade[order[cursor]] = g;
  }
  const grade = Uint8Array.from(initialGrade);
  for (const o of plan.grading.overrides ?? []) grade[index.get(o.person)] = gradeNames.indexOf(o.grade);
  const multiplier = gradeNames.map((g) => Number(plan.pay.gradeMultipliers?.[g] ?? 1));

  // ─── pay: fixed, target incentive × grade multiplier, commission ───
  const pay = plan.pay;
  const money = (x) => roundAt(x, places.money);
  const fixedShare = Number(pay.fixed.share);
  const incentiveShare = Number(pay.targetIncentive.amount.shareOfBasePay);
  const incentiveCurve = curveOf(pay.targetIncentive.curve);
  const tiers = pay.commission.tiers.map((t) => [Number(t.from), Number(t.rate)]);
  const commissionBase = kpiById.get(pay.commission.base.kpi).actual;
  const fixed = new Float64Array(n);
  const incentive = new Float64Array(n);
  const commission = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fixed[i] = money(basePay[i] * fixedShare);
    incentive[i] = money(money(basePay[i] * incentiveShare * incentiveCurve(score[i] / 100)) * multiplier[grade[i]]);
    const base = commissionBase[i];
    let c = 0;
    for (let k = 0; k < tiers.length; k++) {
      const upper = k + 1 < tiers.length ? tiers[k + 1][0] : Infinity;
      if (base > tiers[k][0]) c += (Math.min(base, upper) - tiers[k][0]) * tiers[k][1];
    }
    commission[i] = money(c);
  }

  // ─── pools: funded by a curve of the members' mean measure, shared by weight under caps ───
  const measureOf = (measure) => (measure === "score" ? (i) => score[i] / 100 : ((a) => (i) => a[i])(kpiById.get(measure.kpi).attainment));
  const pools = pay.pools.map((pool) => {
    const members = [];
    for (let i = 0; i < n; i++) if (pool.team === undefined || text.team[i] === pool.team) members.push(i);
    const m = members.length;
    let funded = Number(pool.budget);
    if (pool.funding !== undefined && m > 0) {
      const measure = measureOf(pool.funding.measure);
      let sum = 0;
      for (const i of members) sum += measure(i);
      funded = money(funded * curveOf(pool.funding.curve)(sum / m));
    }
    const weights = new Float64Array(m);
    const caps = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const i = members[j];
      const w = (pool.weightBy === "equal" ? 1 : pool.weightBy === "basePay-score" ? basePay[i] * score[i] : score[i]) * multiplier[grade[i]];
      weights[j] = w > 0 ? w : 0;
      caps[j] = pool.cap === undefined ? Infinity : Math.floor((typeof pool.cap === "object" ? basePay[i] * Number(pool.cap.multipleOfBasePay) : Number(pool.cap)) * 100) / 100;
    }
    const amounts = new Float64Array(m);
    const capped = new Uint8Array(m);
    let remaining = funded;
    for (;;) {
      let sum = 0;
      for (let j = 0; j < m; j++) if (!capped[j]) sum += weights[j];
      if (sum === 0) break;
      let newlyCapped = false;
      for (let j = 0; j < m; j++) {
        if (!capped[j] && (remaining * weights[j]) / sum > caps[j]) {
          capped[j] = 1;
          amounts[j] = caps[j];
          remaining -= caps[j];
          newlyCapped = true;
        }
      }
      if (!newlyCapped) {
        for (let j = 0; j < m; j++) if (!capped[j]) amounts[j] = money((remaining * weights[j]) / sum);
        break;
      }
    }
    const byPerson = new Float64Array(n).fill(NaN);
    for (let j = 0; j < m; j++) byPerson[members[j]] = amounts[j];
    return { key: `pool:${pool.id}`, amounts: byPerson };
  });
  const awards = (pay.awards ?? []).map((award) => {
    const amounts = new Float64Array(n).fill(NaN);
    for (const id of award.people) amounts[index.get(id)] = money(Number(award.amount));
    return { key: `award:${award.id}`, amounts };
  });

  // ─── promotion: history.csv's earlier periods, then this period's measure ───
  const rule = plan.promotion;
  const count = rule.count;
  const threshold = Number(rule.threshold);
  const historyCols = [];
  readLines(
    join(dir, "history.csv"),
    (cells) => {
      for (let h = 1; h < cells.length; h++) historyCols.push(new Float64Array(n));
    },
    (line) => {
      if (line === "") return;
      const cells = line.split(",");
      const i = index.get(cells[0]);
      for (let h = 1; h < cells.length; h++) historyCols[h - 1][i] = Number(cells[h]);
    },
  );
  const current = measureOf(rule.measure);
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let streak = current(i) >= threshold ? 1 : 0;
    for (let h = historyCols.length - 1; streak > 0 && h >= 0 && streak < count; h--) {
      if (historyCols[h][i] >= threshold) streak++;
      else break;
    }
    eligible[i] = streak >= count ? 1 : 0;
  }

  // ─── the CSV: one line per person ───
  const extra = [...pools, ...awards];
  const columns = ["id", "name", "team", "region", "role", "activeFrom", "activeTo", "basePay"];
  for (const k of kpis) columns.push(`${k.id}.actual`, `${k.id}.target`, `${k.id}.attainment`, `${k.id}.points`);
  columns.push("kpiScore", "review360", "score", "rank", "initialGrade", "grade", "fixed", "targetIncentive", "commission", ...extra.map((x) => x.key), "totalPayout", "promotionEligible");
  const fd = openSync(out, "w");
  writeSync(fd, `${columns.join(",")}\n`);
  // Each line's cells in one array, joined to one flat string; 4,096 lines a write.
  const cells = new Array(columns.length);
  let lines = [];
  let payout = 0;
  for (let i = 0; i < n; i++) {
    cells[0] = text.id[i];
    cells[1] = text.name[i];
    cells[2] = text.team[i];
    cells[3] = text.region[i];
    cells[4] = text.role[i];
    cells[5] = text.activeFrom[i];
    cells[6] = text.activeTo[i];
    cells[7] = String(basePay[i]);
    let c = 8;
    for (const k of kpis) {
      cells[c++] = String(k.actual[i]);
      cells[c++] = String(k.target[i]);
      cells[c++] = String(k.attainment[i]);
      cells[c++] = String(k.points[i]);
    }
    cells[c++] = String(kpiScore[i]);
    cells[c++] = Number.isNaN(reviewPoints[i]) ? "" : String(reviewPoints[i]);
    cells[c++] = String(score[i]);
    cells[c++] = String(rank[i]);
    cells[c++] = gradeNames[initialGrade[i]];
    cells[c++] = gradeNames[grade[i]];
    cells[c++] = fixed[i].toFixed(2);
    cells[c++] = incentive[i].toFixed(2);
    cells[c++] = commission[i].toFixed(2);
    let total = fixed[i] + incentive[i] + commission[i];
    for (const x of extra) {
      const a = x.amounts[i];
      if (Number.isNaN(a)) cells[c++] = "";
      else {
        cells[c++] = a.toFixed(2);
        total += a;
      }
    }
    total = money(total);
    payout += total;
    cells[c++] = total.toFixed(2);
    cells[c++] = eligible[i] === 1 ? "true" : "false";
    lines.push(cells.join(","));
    if (lines.length === 4096) {
      writeSync(fd, `${lines.join("\n")}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(fd, `${lines.join("\n")}\n`);
  closeSync(fd);
  return payout.toFixed(2);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  console.log(realisticFloat(dir, process.argv[3] ?? join(dir, "out-float.csv")));
}
