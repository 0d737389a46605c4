// Above a form restored from its draft: says so, with the way back to the record as saved.
import { useTranslation } from 'react-i18next';

export function DraftNotice({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-info" role="status" data-testid="draft-restored">
      {t('form.draftRestored')}{' '}
      <button type="button" className="link" onClick={onDiscard}>
        {t('form.discardDraft')}
      </button>
    </div>
  );
}
