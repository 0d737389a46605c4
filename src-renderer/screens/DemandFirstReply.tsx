// A demand's 阶段性答复: when the first reply is due and when it came (late ones flagged like an
// overdue demand), and the button recording a reply (demands.reply, a history event).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demand } from '@shared/contract/schemas';
import { isOpenStatus } from '@shared/domain/enums';
import { call, toApiError, type ApiError } from '../api';
import { Dialog } from '../components/Dialog';
import { ConfirmActions, Field, Form, TextArea } from '../components/form';
import { formatDay, formatInstant } from '../format';
import { useDemandDetail } from '../stores/demandDetail';
import { useSession } from '../stores/session';

/** The facts' rows (inside the detail's <dl>); nothing for a demand received before first replies had a date. */
export function FirstReplyFacts({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  if (!demand.firstReplyDue && !demand.firstRepliedAt) return null;
  return (
    <>
      <dt>{t('demand.firstReplyDue')}</dt>
      <dd className={demand.firstReplyLate ? 'text-overdue' : undefined} data-testid="first-reply">
        {formatDay(demand.firstReplyDue)}
        {demand.firstRepliedAt ? (
          <span> · {t('demand.firstRepliedAt', { at: formatInstant(demand.firstRepliedAt) })}</span>
        ) : (
          <span className="muted"> · {t('demand.notReplied')}</span>
        )}
        {demand.firstReplyLate && <strong> · {t('demand.firstReplyLate')}</strong>}
      </dd>
    </>
  );
}

export function FirstReplyButton({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!demand.status || !isOpenStatus(demand.status)) return null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      useDemandDetail.setState({ demand: await call('demands.reply', { id: demand.id, note }) });
      useSession.getState().changed('demands');
      setOpen(false);
      setNote('');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="first-reply-open"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('demand.reply')}
      </button>
      {open && (
        <Dialog title={t('demand.reply')} onClose={() => setOpen(false)} testId="first-reply-dialog">
          <Form
            error={error}
            label={t('demand.reply')}
            onSubmit={() => void submit()}
            onCancel={() => setOpen(false)}
            actions={
              <ConfirmActions busy={busy} testId="first-reply-confirm" onCancel={() => setOpen(false)} />
            }
          >
            <p className="muted">{t('demand.replyHint')}</p>
            <Field name="note" label={t('demand.replyNote')} required>
              <TextArea name="note" value={note} onChange={setNote} rows={3} />
            </Field>
          </Form>
        </Dialog>
      )}
    </>
  );
}
