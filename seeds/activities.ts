import { addDays, daysBetween } from '@shared/domain/dates';
import type { ActivityType, DemandCategory, OutcomeType } from '@shared/domain/enums';
import type { Firm, Seeder } from './context';
import type { Rand } from './random';
import { isWeekend, later, msOn } from './clock';
import { raiseDemand } from './demands';
import { FIELDS, TOWNS } from './vocabulary';

// Service activities (服务活动) and outcomes (服务成效) of the demo year.
//
// Activities: about 16 events per scale unit, spread over the year (宣讲 and 培训 most, a
// few 对接会 and 沙龙, one 科普 and one 签约仪式), each with 1–2 organisers, experts where
// they belong, 8–30 enterprises and their 人次; one past event was cancelled, a couple are
// planned for the coming weeks. A few firms raise a demand there (source 'activity'), handled
// as any other.
//
// Outcomes: the season's 高企 recommendations (May–July, firms that are 科技型中小企业 and not yet
// 高企), project and talent recommendations, registered technology contracts, policy funds paid,
// financing, IP pledges and transfers with believable amounts in yuan; and, for some closed
// demands, the outcome that answered them (a finance demand → financing…).

export const ACTIVITIES_PER_SCALE = 16;

const TYPE_PLAN: readonly (readonly [ActivityType, number])[] = [
  ['policy_briefing', 5],
  ['training', 4],
  ['matchmaking', 3],
  ['salon', 2],
  ['popular_science', 1],
  ['signing', 1],
];

const TITLES: Record<ActivityType, string[]> = {
  policy_briefing: [
    '{year}年度科技惠企政策宣讲会（{town}专场）',
    '研发费用加计扣除政策解读会',
    '高新技术企业认定政策宣讲会',
    '科技型中小企业评价入库政策宣讲',
  ],
  training: [
    '高新技术企业申报实务培训',
    '科技项目申报辅导培训班',
    '知识产权布局与专利挖掘培训',
    '技术合同认定登记业务培训',
  ],
  matchmaking: ['{field}产学研对接会', '高校院所科技成果对接会（{field}专场）', '“科技副总”校企对接活动'],
  salon: ['{field}技术沙龙', '科技金融沙龙：知识产权质押融资'],
  popular_science: ['{year}年科技活动周科普进园区'],
  signing: ['{year}年校地合作项目集中签约仪式'],
  other: ['科技服务工作座谈会'],
};

const PLACES = ['区科技局三楼会议室', '区政务服务中心报告厅', '{town}便民服务中心', '{town}科创园多功能厅'];

const SUMMARIES: Record<ActivityType, string> = {
  policy_briefing: '讲解最新科技惠企政策及申报条件，现场解答企业提问。',
  training: '围绕申报材料准备、常见问题逐项辅导，会后建立企业联络群持续答疑。',
  matchmaking: '高校院所专家介绍可转化成果，企业提出技术需求，现场达成初步合作意向。',
  salon: '企业技术负责人与专家围绕行业共性技术问题交流讨论。',
  popular_science: '组织科普展示和互动体验，面向园区职工和居民开展科普宣传。',
  signing: '集中签约一批校地、校企合作项目。',
  other: '交流科技服务工作情况。',
};

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

function weekdayOnOrAfter(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

export function createActivities(s: Seeder): void {
  const rand = s.rand.fork(10);
  const life = s.rand.fork(12);
  const year = s.asOf.slice(0, 4);
  const normal = s.firms.filter((f) => f.status === 'normal');
  const n = ACTIVITIES_PER_SCALE * s.scale;
  const span = daysBetween(s.start, s.asOf);
  const dates: string[] = [];
  for (let k = 0; k < n; k++)
    dates.push(weekdayOnOrAfter(addDays(s.start, Math.floor(((k + 0.5) * span) / n) + rand.int(-5, 5))));
  for (let k = 0; k < Math.max(1, s.scale); k++)
    dates.push(weekdayOnOrAfter(addDays(s.asOf, rand.int(4, 20))));
  const sorted = dates.filter((d) => d >= s.start).sort();
  const cancelled = rand.int(0, Math.max(0, sorted.filter((d) => d <= s.asOf).length - 1));
  sorted.forEach((date, i) => {
    const type = rand.weighted(TYPE_PLAN);
    const town = rand.pick(TOWNS);
    const field = rand.pick(FIELDS);
    const organisers = rand.sample(s.activeOn(date), rand.int(1, 2));
    const experts = ['training', 'matchmaking', 'salon', 'signing'].includes(type)
      ? rand.sample(s.experts, rand.int(1, 3))
      : [];
    // A town's briefing reaches its own firms; the others draw from the whole district.
    const pool = type === 'policy_briefing' ? normal.filter((f) => f.town === town) : normal;
    const firms = rand.sample(pool.length >= 8 ? pool : normal, rand.int(8, type === 'training' ? 30 : 20));
    const status = date > s.asOf ? 'planned' : i === cancelled ? 'cancelled' : 'held';
    // 人次: a few people per firm, more at trainings and popular-science days.
    const perFirm =
      type === 'training' ? rand.between(2, 4) : type === 'popular_science' ? 6 : rand.between(1.2, 2);
    const activity = s.as(organisers[0]!, () =>
      s.api('activities.create', {
        type,
        date,
        title: fill(rand.pick(TITLES[type]), { year, town: town.name, field: field.name }),
        place: fill(rand.pick(PLACES), { town: town.name }),
        organizerStaffIds: organisers.map((m) => m.id),
        expertIds: experts.map((e) => e.id),
        enterpriseIds: firms.map((f) => f.id),
        attendees: status === 'held' ? Math.round(firms.length * perFirm + rand.int(0, 20)) : null,
        summary: status === 'held' ? SUMMARIES[type] : null,
        status,
      }),
    );
    s.counts.activities += 1;
    if (status === 'held') activityDemands(s, life, activity.id, firms, date, year);
  });
}

/** Demands raised at a held activity: one or two of its firms, handled as any demand. */
function activityDemands(
  s: Seeder,
  rand: Rand,
  activityId: string,
  firms: Firm[],
  date: string,
  year: string,
): void {
  for (const firm of rand.sample(firms, rand.int(0, 2))) {
    const receivedMs = Math.min(later(rand, msOn(date, 17 * 60), rand.between(0, 1)), s.cutoffMs);
    raiseDemand(
      s,
      rand,
      firm,
      { source: 'activity', sourceActivityId: activityId },
      receivedMs,
      ['policy', 'high_tech_cert', 'finance', 'talent'],
      year,
    );
  }
}

/** Yuan with at most two decimals, between `min` and `max` 万元, mostly round figures. */
function yuan(rand: Rand, min: number, max: number): number {
  const wan = min + (max - min) * rand.float() ** 2;
  return rand.chance(0.7) ? Math.round(wan) * 10_000 : Math.round(wan * 10_000 * 100) / 100;
}

const AMOUNTS: Partial<Record<OutcomeType, [number, number]>> = {
  tech_contract: [20, 800],
  policy_funds: [5, 120],
  financing: [200, 3000],
  ip_pledge: [100, 1000],
  achievement_transfer: [10, 200],
};

const DESCRIPTIONS: Record<OutcomeType, string[]> = {
  high_tech_application: ['推荐申报{year}年度高新技术企业'],
  project_application: ['推荐申报市级科技计划项目', '推荐申报省重点研发计划项目'],
  talent_application: ['推荐申报市级高层次人才项目', '推荐申报科技特派员'],
  tech_contract: ['技术开发合同认定登记', '技术服务合同认定登记', '技术转让合同认定登记'],
  policy_funds: ['兑现研发费用补助', '兑现高新技术企业认定奖励', '兑现企业研发机构建设补助'],
  financing: ['科技信贷融资到位', '获得股权投资'],
  ip_pledge: ['发明专利质押融资'],
  achievement_transfer: ['受让高校专利实施转化'],
  other: ['其他服务成效'],
};

/** Outcomes a year brings, per scale unit: [type, how many, the months they fall in]. */
const OUTCOME_PLAN: readonly [OutcomeType, number, number[]][] = [
  ['high_tech_application', 36, [5, 6, 7]],
  ['project_application', 20, [3, 4, 9]],
  ['talent_application', 10, [4, 10]],
  ['tech_contract', 40, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ['policy_funds', 50, [3, 6, 9, 11, 12]],
  ['financing', 8, [2, 5, 8, 11]],
  ['ip_pledge', 6, [4, 7, 10]],
  ['achievement_transfer', 8, [3, 6, 9, 12]],
];

/** The outcome a closed demand of a category may have brought. */
const ANSWERED_BY: Partial<Record<DemandCategory, OutcomeType>> = {
  high_tech_cert: 'high_tech_application',
  finance: 'financing',
  ip: 'ip_pledge',
  policy: 'policy_funds',
  talent: 'talent_application',
  tech_transfer: 'achievement_transfer',
  rnd: 'project_application',
};

function statusFor(rand: Rand, type: OutcomeType, date: string, asOf: string) {
  if (!type.endsWith('_application')) return 'done';
  // Applications are decided a few months on: recent ones still wait.
  if (daysBetween(date, asOf) < 90) return 'applied';
  return rand.weighted([
    ['approved', 70],
    ['rejected', 18],
    ['applied', 12],
  ] as const);
}

export function createOutcomes(s: Seeder): void {
  const rand = s.rand.fork(11);
  const year = Number(s.asOf.slice(0, 4));
  const normal = s.firms.filter((f) => f.status === 'normal');
  const candidates: Record<string, Firm[]> = {
    high_tech_application: normal.filter(
      (f) => f.tiers.includes('tech_sme') && !f.tiers.includes('high_tech'),
    ),
  };
  const create = (firm: Firm, type: OutcomeType, date: string, demandId?: string) => {
    const range = AMOUNTS[type];
    s.api('outcomes.create', {
      enterpriseId: firm.id,
      type,
      date,
      amount: range ? yuan(rand, range[0], range[1]) : null,
      count: 1,
      status: statusFor(rand, type, date, s.asOf),
      description: fill(rand.pick(DESCRIPTIONS[type]), { year: String(year) }),
      ...(demandId ? { demandId } : {}),
    });
    s.counts.outcomes += 1;
  };
  for (const [type, perScale, months] of OUTCOME_PLAN) {
    const pool = candidates[type]?.length ? candidates[type] : normal;
    const firms = rand.sample(pool, perScale * s.scale);
    for (const firm of firms) {
      // The month in the demo year (the months before asOf's month are last year's).
      const month = rand.pick(months);
      const y = month > Number(s.asOf.slice(5, 7)) ? year - 1 : year;
      const date = weekdayOnOrAfter(
        `${y}-${String(month).padStart(2, '0')}-${String(rand.int(1, 26)).padStart(2, '0')}`,
      );
      if (date < s.start || date > s.asOf) continue;
      create(firm, type, date);
    }
  }
  // A quarter of the closed demands that such an outcome answers.
  const byId = new Map(s.firms.map((f) => [f.id, f]));
  const closed = s.core.store.db
    .prepare(
      `SELECT "id", "enterpriseId", "categories", substr("closedAt", 1, 10) AS closedOn FROM demands
       WHERE "status" = 'closed' AND "closureType" = 'substantive' AND "deletedAt" IS NULL ORDER BY rowid`,
    )
    .all() as { id: string; enterpriseId: string; categories: string; closedOn: string }[];
  for (const d of closed) {
    const type = (JSON.parse(d.categories) as DemandCategory[]).map((c) => ANSWERED_BY[c]).find(Boolean);
    const firm = byId.get(d.enterpriseId);
    if (!type || !firm || !rand.chance(0.25)) continue;
    const date = addDays(d.closedOn, rand.int(0, 20));
    if (date <= s.asOf) create(firm, type, date, d.id);
  }
}
