// The import screen (being built).
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';

export function ImportScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('nav.import')}</h1>
    </section>
  );
}
