// 台账导入: the import wizard (file → columns → preview → import → result).
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';
import { STEPS, useImportWizard } from '../stores/importWizard';
import { FileStep } from './import/FileStep';
import { MappingStep } from './import/MappingStep';
import { PreviewStep } from './import/PreviewStep';
import { ResultStep } from './import/ResultStep';
import styles from './import/import.module.css';

export function ImportScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  const step = useImportWizard((s) => s.step);
  const at = STEPS.indexOf(step);
  return (
    <section className={`screen screen-scroll pad ${styles.importScreen}`} data-testid="import-screen">
      <div className="screen-head">
        <h1>{t('import.title')}</h1>
      </div>
      <p className="muted">{t('import.intro')}</p>
      <ol className={styles.importSteps}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            className={i < at ? styles.done : undefined}
          >
            {i + 1}. {t(`import.steps.${s}`)}
          </li>
        ))}
      </ol>
      {step === 'file' && <FileStep />}
      {step === 'mapping' && <MappingStep />}
      {step === 'preview' && <PreviewStep />}
      {step === 'result' && <ResultStep />}
    </section>
  );
}
