// Messages in the corner: failures outside forms (never swallowed) and short confirmations.
import { useTranslation } from 'react-i18next';
import { useNotices } from '../stores/notices';
import { useLocalize } from './form';

export function Notices() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { notices, dismiss } = useNotices();
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.kind === 'error' ? localize(n.text) : n.text}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('common.close')}
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
