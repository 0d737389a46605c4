// The reports screen (being built).
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';

export function ReportsScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('nav.reports')}</h1>
    </section>
  );
}
