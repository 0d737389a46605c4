// The conflicts screen (being built).
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';

export function ConflictsScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('nav.conflicts')}</h1>
    </section>
  );
}
