// A demand's 督办 and its pending 延期申请, as the detail panel shows them: anyone handling an
// open demand may ask for an extension; a supervisor approves or refuses the pending one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demand } from '@shared/contract/schemas';
import { isOpenStatus } from '@shared/domain/enums';
import { call, toApiError, type ApiError } from '../api';
import { Badge } from '../components/Badge';
import { Dialog } from '../components/Dialog';
import { Field, Form, TextArea } from '../components/form';
import { formatDay, formatInstant } from '../format';
import { useDemandDetail } from '../stores/demandDetail';
import { staffName, useSession } from '../stores/session';

export function DemandGovernance({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.info?.me?.role);
  const [asking, setAsking] = useState(false);
  const [request, setRequest] = useState({ dueDate: '', reason: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { supervision, extension } = demand;

  /** Runs a call that returns the demand, and shows the demand it returns. */
  async function run(done: Promise<Demand>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      useDemandDetail.setState({ demand: await done });
      useSession.getState().changed('demands');
      setAsking(false);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  const decide = (approve: boolean) => void run(call('demands.decideExtension', { id: demand.id, approve }));

  return (
    <>
      {supervision && (
        <p className="notice notice-info" data-testid="demand-supervision">
          <Badge enumName="supervisionLevel" value={supervision.level} /> {formatInstant(supervision.since)}{' '}
          {staffName(supervision.by)}
          {supervision.note && <span className="muted"> · {supervision.note}</span>}
        </p>
      )}
      {extension ? (
        <div className="notice" data-testid="demand-extension">
          {t('extension.pending', { date: formatDay(extension.dueDate) })}{' '}
          <span className="muted">
            {extension.reason} · {staffName(extension.by)} {formatInstant(extension.at)}
          </span>
          {role === 'supervisor' && (
            <span>
              {' '}
              <button
                type="button"
                className="btn primary"
                disabled={busy}
                data-testid="extension-approve"
                onClick={() => decide(true)}
              >
                {t('extension.approve')}
              </button>{' '}
              <button
                type="button"
                className="btn danger"
                disabled={busy}
                data-testid="extension-refuse"
                onClick={() => decide(false)}
              >
                {t('extension.refuse')}
              </button>
            </span>
          )}
          {error && (
            <div className="notice notice-error" role="alert">
              {error.message}
            </div>
          )}
        </div>
      ) : (
        demand.status &&
        isOpenStatus(demand.status) && (
          <button
            type="button"
            className="btn"
            data-testid="extension-request"
            onClick={() => {
              setError(null);
              setAsking(true);
            }}
          >
            {t('extension.request')}
          </button>
        )
      )}
      {asking && (
        <Dialog title={t('extension.request')} onClose={() => setAsking(false)} testId="extension-dialog">
          <Form
            error={error}
            label={t('extension.request')}
            onSubmit={() => void run(call('demands.requestExtension', { id: demand.id, ...request }))}
            onCancel={() => setAsking(false)}
            actions={
              <>
                <button type="submit" className="btn primary" disabled={busy} data-testid="extension-confirm">
                  {t('common.confirm')}
                </button>
                <button type="button" className="btn" onClick={() => setAsking(false)}>
                  {t('common.cancel')}
                </button>
              </>
            }
          >
            <p className="muted">{t('extension.current', { date: formatDay(demand.dueDate) })}</p>
            <Field name="dueDate" label={t('extension.dueDate')} required>
              <input
                type="date"
                name="dueDate"
                value={request.dueDate}
                onChange={(e) => setRequest((r) => ({ ...r, dueDate: e.target.value }))}
              />
            </Field>
            <Field name="reason" label={t('extension.reason')} required>
              <TextArea
                name="reason"
                value={request.reason}
                onChange={(x) => setRequest((r) => ({ ...r, reason: x }))}
                rows={2}
              />
            </Field>
          </Form>
        </Dialog>
      )}
    </>
  );
}
