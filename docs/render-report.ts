// Renders the quarterly Word report of the demo district to PDF (LibreOffice), its first page
// to docs/report-page1.png and the page of its targets' table (目标任务完成进度) to
// docs/report-targets.png (pdftoppm), to look at the layout.
//
//   npx tsx docs/render-report.ts [--db FILE] [--quarter 2026Q4] [--keep DIR]
//
// Without --db it seeds a demo district (a year of work ending 2026-12-31) in a temp folder.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore } from '../src-main/open';
import { seedDemo } from '../seeds/demo';
import { saveNarrative } from '../src-main/features/reports/narrative';
import { quarterlyDocx } from '../src-main/features/reports/docx';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    quarter: { type: 'string', default: '2026Q4' },
    keep: { type: 'string' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'vl-render-'));
try {
  const core = values.db
    ? openCore(resolve(values.db))
    : openCore(join(work, 'demo.db'), { now: () => Date.parse('2027-01-04T09:00:00+08:00') });
  if (!values.db) {
    seedDemo(core, { scale: 1, seed: 1, asOf: '2026-12-31' });
    saveNarrative(core, {
      quarter: values.quarter!,
      typicalCases:
        '江州精密机械有限公司反映数控机床热变形导致精度下降。我局组织江州大学机械学院专家现场会诊，提出温控补偿方案，企业实施后产品合格率由92%提高到98%。\n' +
        '启明新材料科技有限公司申报高新技术企业遇到研发费用归集难题，走访人员当场讲解政策口径，协助其梳理研发项目台账，已于本季度完成申报。',
      recurringProblems:
        '一是部分企业反映人才招引难，尤其是中高级技术人才；二是融资需求集中在中小企业，银行授信门槛偏高；三是少数需求因涉及市级部门，办理周期较长，超期件数仍有一定数量。',
      nextQuarterPlan:
        '一是实现包联企业走访全覆盖，重点走访专精特新和高新技术企业；二是建立超期需求周调度机制，逐件明确办结时限；三是每月至少组织一场专家会诊，推动校企合作项目签约。',
    });
  }
  const docx = join(work, 'report.docx');
  writeFileSync(docx, await quarterlyDocx(core, { quarter: values.quarter! }, { orgName: '启明区科技局' }));
  core.store.close();
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
    stdio: 'ignore',
  });
  const pdf = join(work, 'report.pdf');
  const render = (page: number, name: string) => {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '100',
      '-f',
      String(page),
      '-l',
      String(page),
      pdf,
      join(work, name),
    ]);
    const png = readdirSync(work).find((f) => f.startsWith(name) && f.endsWith('.png'))!;
    copyFileSync(join(work, png), join(here, `${name}.png`));
  };
  const pages = Number(
    execFileSync('pdfinfo', [pdf])
      .toString()
      .match(/Pages:\s+(\d+)/)?.[1],
  );
  render(1, 'report-page1');
  const targetsPage = Array.from({ length: pages }, (_, i) => i + 1).find((n) =>
    execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'])
      .toString()
      .includes('目标任务完成进度'),
  );
  if (targetsPage) render(targetsPage, 'report-targets');
  if (values.keep) {
    for (const f of ['report.docx', 'report.pdf']) copyFileSync(join(work, f), join(resolve(values.keep), f));
  }
  process.stdout.write(
    `docs/report-page1.png and report-targets.png (page ${targetsPage ?? '—'}) written (${pages} pages in the PDF)\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
