import type { SummaryReport } from './quarterly';
import { hadWork } from '@shared/reports/comparison';
import type { ScalarKey } from '@shared/reports/definitions';
import {
  ACTIVITY_TYPE_LABELS,
  CATEGORY_LABELS,
  MODE_LABELS,
  OUTCOME_TYPE_LABELS,
} from '@shared/reports/definitions';
import { chineseDate, changeText, num, percent, periodNoun, spanText } from './format';

// The sentences of the Word report, written from the figures (Chinese, the register of a
// bureau's summary). Every number printed here is a figure of the report. For a period not
// yet over, the comparisons are of as many days (summaryFigures), and the text says so.

function vs(r: SummaryReport, key: ScalarKey, points = false): string {
  const c = r.comparison.figures[key];
  const prev = hadWork(r, 'previous') ? changeText(c.pctVsPrevious, points, c.changeVsPrevious) : '';
  const year = hadWork(r, 'lastYear') ? changeText(c.pctVsLastYear, points, c.changeVsLastYear) : '';
  const parts = [prev && `环比${prev}`, year && `同比${year}`].filter(Boolean);
  return parts.length ? `，${parts.join('，')}` : '';
}

export function overviewText(r: SummaryReport): string {
  const f = r.figures;
  const who =
    r.scope.type === 'bureau'
      ? '全局'
      : r.scope.type === 'staff'
        ? `${r.scope.staffName}`
        : r.scope.type === 'unit'
          ? `${r.scope.unitName}`
          : `${r.scope.town}`;
  const P = periodNoun(r);
  const parts = [
    `${P}，${who}共走访企业${num(f.visits)}家次${vs(r, 'visits')}，覆盖企业${num(f.enterprisesVisited)}家，包联企业走访覆盖率${percent(f.coverage)}`,
    `新受理企业需求${num(f.newDemands)}件，上期结转${num(f.carriedOver)}件，${P}办结${num(f.closed)}件，办结率${percent(f.closureRate)}`,
    `开展跟踪回访${num(f.followups)}次，满意率${percent(f.satisfactionRate)}`,
  ];
  if (f.clinics !== null) {
    parts.push(`组织专家会诊${num(f.clinics)}场，服务企业${num(f.enterprisesServed)}家`);
  }
  const c = r.comparison;
  const cut = r.partial
    ? `（${P}尚未结束，数据截至${chineseDate(r.asOf)}；环比、同比均按相同天数比较，即与${spanText(c.previous.from, c.previous.to)}、${spanText(c.lastYear.from, c.lastYear.to)}相比。）`
    : '';
  return `${parts.join('；')}。${cut}`;
}

export function visitsText(r: SummaryReport): string {
  const f = r.figures;
  const modes = Object.entries(f.byMode)
    .map(([k, e]) => `${MODE_LABELS[k] ?? k}走访${num(e.visits)}家次`)
    .join('、');
  return (
    `${periodNoun(r)}走访企业${num(f.visits)}家次${vs(r, 'visits')}；走访企业${num(f.enterprisesVisited)}家${vs(r, 'enterprisesVisited')}。` +
    `有包联人的在册企业${num(r.rates.coverage.denominator)}家，${periodNoun(r)}走访到${num(r.rates.coverage.numerator)}家，覆盖率${percent(f.coverage)}${vs(r, 'coverage', true)}。` +
    (modes ? `其中${modes}。` : '') +
    `走访中现场解决问题${num(f.solvedOnSite)}个${vs(r, 'solvedOnSite')}。`
  );
}

export function demandsText(r: SummaryReport): string {
  const f = r.figures;
  const top = Object.entries(f.byCategory)
    .slice(0, 3)
    .map(([k, n]) => `${CATEGORY_LABELS[k] ?? k}类${num(n)}件`)
    .join('、');
  const rates = r.rates;
  return (
    `${periodNoun(r)}新受理企业需求${num(f.newDemands)}件${vs(r, 'newDemands')}，上期结转${num(f.carriedOver)}件，合计${num(f.newDemands + f.carriedOver)}件` +
    (top ? `；新增需求中${top}居前` : '') +
    `。${periodNoun(r)}办结${num(f.closed)}件，办结率${percent(f.closureRate)}（${num(rates.closureRate.numerator)}/${num(rates.closureRate.denominator)}）${vs(r, 'closureRate', true)}；` +
    `其中实质解决${num(rates.substantiveRate.numerator)}件，解决率${percent(f.substantiveRate)}；按时办结${num(rates.onTimeRate.numerator)}件，按时办结率${percent(f.onTimeRate)}；` +
    `平均办结时长${f.avgDaysToClose === null ? '—' : `${num(f.avgDaysToClose, 1)}天`}（已扣除挂起天数）。` +
    `截至${r.partial ? chineseDate(r.asOf) : '期末'}，在办需求${num(f.openAtEnd)}件，其中超期${num(f.overdueAtEnd)}件。`
  );
}

export function followupsText(r: SummaryReport): string {
  const s = r.details.satisfaction;
  const f = r.figures;
  return (
    `${periodNoun(r)}完成跟踪回访${num(f.followups)}次${vs(r, 'followups')}，其中满意${num(s.satisfied ?? 0)}次、基本满意${num(s.mostly_satisfied ?? 0)}次、不满意${num(s.dissatisfied ?? 0)}次` +
    `${s.none ? `，未填写满意度${num(s.none)}次` : ''}；满意率${percent(f.satisfactionRate)}${vs(r, 'satisfactionRate', true)}。` +
    (s.dissatisfied ? '回访不满意的需求已退回重新办理。' : '')
  );
}

export function clinicsText(r: SummaryReport): string {
  const f = r.figures;
  if (f.clinics === null)
    return r.scope.type === 'unit'
      ? '专家会诊由局统一组织，不归属承办单位，本报告（按承办单位统计）不含会诊数据。'
      : '专家会诊由局统一组织，不归属个人，本报告（按人员统计）不含会诊数据。';
  return (
    `${periodNoun(r)}组织专家会诊${num(f.clinics)}场${vs(r, 'clinics')}，参与专家${num(f.experts)}位，诊断服务企业${num(f.enterprisesServed)}家，` +
    `达成合作意向${num(f.cooperationIntentions)}项，签约项目${num(f.signedProjects)}项。`
  );
}

/** 万元 with two decimals, as the bureau's reports write money ("兑付政策资金8809万元"). */
const wan = (yuan: number) => `${num(yuan / 10_000, 2)}万元`;

export function activitiesText(r: SummaryReport): string {
  const f = r.figures;
  if (!f.activities) return `${periodNoun(r)}未开展服务活动。`;
  const types = Object.entries(f.activitiesByType)
    .map(([k, n]) => `${ACTIVITY_TYPE_LABELS[k] ?? k}${num(n)}场`)
    .join('、');
  return (
    `${periodNoun(r)}开展服务活动${num(f.activities)}场${vs(r, 'activities')}（${types}），` +
    `参加${num(f.attendees)}人次，覆盖企业${num(f.enterprisesReached)}家。`
  );
}

export function outcomesText(r: SummaryReport): string {
  const entries = Object.entries(r.figures.outcomesByType);
  if (!entries.length) return `${periodNoun(r)}未登记服务成效。`;
  const parts = entries.map(
    ([k, o]) => `${OUTCOME_TYPE_LABELS[k] ?? k}${num(o.count)}项${o.amount ? `（${wan(o.amount)}）` : ''}`,
  );
  return `${periodNoun(r)}登记服务成效：${parts.join('，')}。`;
}
