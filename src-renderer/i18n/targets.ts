// 目标任务: the bureau's annual targets, and progress against them (晾晒表).
import { defineWords } from './words';

export default defineWords({
  targets: {
    year: { zh: '{{year}} 年度目标任务', en: 'Targets for {{year}}' },
    prevYear: { zh: '上一年', en: 'Previous year' },
    nextYear: { zh: '下一年', en: 'Next year' },
    hint: {
      zh: '按年度设定全局的考核目标；报表中的“目标完成进度”按 1 月 1 日至统计日的累计数计算完成率。留空即不设目标。',
      en: "The bureau's annual targets. Reports show progress as the figure from 1 January to the report's date against them. Leave a target empty for none.",
    },
    readOnly: { zh: '只有督办负责人可以修改目标任务。', en: 'Only a supervisor can change the targets.' },
    figures: { zh: '工作量指标', en: 'Work figures' },
    outcomes: { zh: '服务成效指标', en: 'Outcomes' },
    key: { zh: '指标', en: 'Figure' },
    unit: { zh: '单位', en: 'Unit' },
    target: { zh: '年度目标', en: 'Annual target' },
    saved: { zh: '已保存 {{year}} 年度目标任务', en: 'Targets for {{year}} saved' },
    none: { zh: '未设', en: 'none' },
    // The progress section of a report (晾晒表).
    progress: { zh: '目标完成进度', en: 'Progress against targets' },
    progressHint: {
      zh: '实际完成为 {{from}} 至 {{to}} 的累计数，完成率 = 实际完成 ÷ 年度目标。',
      en: 'Actual is the figure from {{from}} to {{to}}; % complete = actual ÷ annual target.',
    },
    elapsed: { zh: '时间进度 {{pct}}（竖线）。', en: 'Share of the year gone by: {{pct}} (the line).' },
    actual: { zh: '年累计完成', en: 'Year to date' },
    pct: { zh: '完成率', en: '% complete' },
    notCounted: { zh: '暂未统计', en: 'not counted yet' },
    noTargets: {
      zh: '{{year}} 年尚未设定目标任务，可在“目标任务”中设定。',
      en: 'No targets are set for {{year}}: set them under Targets.',
    },
  },
});
