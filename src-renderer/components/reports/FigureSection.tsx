// A numbered section of figures (一、走访情况…): its figure tiles, then its breakdowns.
import type { RecordFigure } from '@shared/reports/definitions';
import type { Report } from '../../stores/reports';
import { Breakdowns } from './Breakdowns';
import { FigureTile } from './FigureTile';
import type { SplitName } from './figures';
import type { FIGURE_SECTIONS } from './sections';
import styles from './reports.module.css';

interface Props {
  section: (typeof FIGURE_SECTIONS)[number];
  /** The numbered heading. */
  title: string;
  report: Report;
  onOpenFigure: (figure: RecordFigure, key?: string) => void;
  onOpenSplit: (split: SplitName, key: string) => void;
}

export function FigureSection({ section, title, report, onOpenFigure, onOpenSplit }: Props) {
  return (
    <section className={styles.reportSection} data-section={section.key}>
      <h2 className={styles.sectionTitle}>{title}</h2>
      <div className={styles.kpis}>
        {section.figures.map((k) => (
          <FigureTile key={k} figure={k} report={report} onOpen={onOpenFigure} />
        ))}
      </div>
      <Breakdowns section={section.key} report={report} onOpen={onOpenSplit} />
    </section>
  );
}
