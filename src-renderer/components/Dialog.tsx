// A modal panel: a centred dialog or a drawer on the right. It keeps the keyboard while open
// (focusTrap); Esc is handled by the form inside (or here when there is none).
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Dialog.module.css';
import { useFocusTrap } from './focusTrap';

interface Props {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  variant?: 'dialog' | 'drawer';
  wide?: boolean;
  testId?: string;
}

export function Dialog({ title, onClose, children, variant = 'dialog', wide, testId }: Props) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  useFocusTrap(panel);
  return (
    <div
      className={`${styles.overlay} ${variant === 'dialog' ? styles.overlayDialog : styles.overlayDrawer}`}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget && variant === 'dialog') onClose();
      }}
    >
      <div
        ref={panel}
        className={`${styles.panel} ${variant === 'dialog' ? styles.panelDialog : styles.panelDrawer}${wide ? ` ${styles.wide}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={typeof title === 'string' ? title : undefined}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.defaultPrevented) {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <header className={styles.panelHead}>
          <h2>{title}</h2>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('common.close')}
            title={t('common.closeEsc')}
            onClick={onClose}
          >
            ×
          </button>
        </header>
        <div className={styles.panelBody}>{children}</div>
      </div>
    </div>
  );
}
