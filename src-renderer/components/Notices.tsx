// Messages in the corner: failures outside forms (never swallowed) and short confirmations.
import { useTranslation } from 'react-i18next';
import { useNotices } from '../stores/notices';
import styles from './Notices.module.css';

export function Notices() {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  return (
    <div className={styles.toasts} aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={n.kind === 'error' ? `${styles.toast} ${styles.toastError}` : styles.toast}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{n.kind === 'error' ? n.text : n.text}</span>
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
