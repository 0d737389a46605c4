// The frame every simple record form shares: a drawer with Save / Cancel / Delete, driven by a
// record-form store.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/contract/methods';
import type { ApiError } from '../api';
import { inform } from '../stores/notices';
import { AuditPanel } from './AuditPanel';
import { Dialog } from './Dialog';
import { DraftNotice } from './DraftNotice';
import { Form } from './form';

interface Props {
  title: string;
  isNew: boolean;
  error: ApiError | null;
  busy: boolean;
  loading?: boolean;
  onSave: () => void;
  onClose: () => void;
  onDelete?: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
  /** The saved record this drawer edits: its change history is shown under the form. */
  audit?: { kind: RecordKind; id: string | null };
  /** The form's draft (recordForm): restored or not, and changed since opened. */
  draft?: FormDraft;
}

export interface FormDraft {
  restored: boolean;
  dirty: boolean;
  discardDraft: () => void;
}

/** Closing a changed form keeps its draft: says so, so a closed drawer never looks like lost work. */
export function closeKeepingDraft(draft: FormDraft | undefined, onClose: () => void, kept: string): void {
  if (draft?.dirty) inform(kept);
  onClose();
}

export function RecordDrawer({
  title,
  isNew,
  error,
  busy,
  loading,
  onSave,
  onClose,
  onDelete,
  children,
  testId,
  wide,
  audit,
  draft,
}: Props) {
  const { t } = useTranslation();
  const close = () => closeKeepingDraft(draft, onClose, t('form.draftKept'));
  return (
    <Dialog title={title} onClose={close} variant="drawer" testId={testId} wide={wide}>
      {draft?.restored && !loading && <DraftNotice onDiscard={draft.discardDraft} />}
      {loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <Form
          error={error}
          onSubmit={onSave}
          onCancel={close}
          label={title}
          actions={
            <>
              <button type="submit" className="btn primary" disabled={busy}>
                {t('common.save')} <kbd>Ctrl+Enter</kbd>
              </button>
              <button type="button" className="btn" onClick={close}>
                {t('common.cancel')}
              </button>
              {!isNew && onDelete && (
                <button
                  type="button"
                  className="btn danger push-right"
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(t('common.confirmDelete'))) onDelete();
                  }}
                >
                  {t('common.delete')}
                </button>
              )}
            </>
          }
        >
          {children}
        </Form>
      )}
      {!loading && !isNew && audit?.id && <AuditPanel kind={audit.kind} id={audit.id} />}
    </Dialog>
  );
}
