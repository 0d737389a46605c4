// The backups screen (being built).
import { useTranslation } from 'react-i18next';
import type { Route } from '../router';

export function BackupsScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('nav.backups')}</h1>
    </section>
  );
}
