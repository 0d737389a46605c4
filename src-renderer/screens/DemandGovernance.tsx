// A demand's 督办 and its pending 延期申请, as the detail panel shows them: anyone handling an
// open demand may ask for an extension; a supervisor approves or refuses the pending one. And
// what a unit it was handed to reported (承办单位反馈), recorded by whoever heard it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demand } from '@shared/contract/schemas';
import { isOpenStatus } from '@shared/domain/enums';
import { call, toApiError, type ApiError } from '../api';
import { Badge } from '../components/Badge';
import { Dialog } from '../components/Dialog';
import { ConfirmActions, Field, Form, Select, TextArea } from '../components/form';
import { formatDay, formatInstant } from '../format';
import { useDemandDetail } from '../stores/demandDetail';
import { staffName, useSession } from '../stores/session';
import { DateInput } from '../components/DateInput';

export function DemandGovernance({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.info?.me?.role);
  const [asking, setAsking] = useState<'extension' | 'unitReply' | null>(null);
  const [request, setRequest] = useState({ dueDate: '', reason: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { supervision, extension } = demand;
  const units = handlingUnits(demand);

  /** Runs a call that returns the demand, and shows the demand it returns. */
  async function run(done: Promise<Demand>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      useDemandDetail.setState({ demand: await done });
      useSession.getState().changed('demands');
      setAsking(null);
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
              setAsking('extension');
            }}
          >
            {t('extension.request')}
          </button>
        )
      )}
      {units.length > 0 && (
        <button
          type="button"
          className="btn"
          data-testid="unit-reply"
          onClick={() => {
            setError(null);
            setAsking('unitReply');
          }}
        >
          {t('unit.replyAction')}
        </button>
      )}
      {asking === 'unitReply' && (
        <UnitReplyDialog
          units={units}
          error={error}
          busy={busy}
          onClose={() => setAsking(null)}
          onReply={(unitId, note) => void run(call('demands.unitReply', { id: demand.id, unitId, note }))}
        />
      )}
      {asking === 'extension' && (
        <Dialog title={t('extension.request')} onClose={() => setAsking(null)} testId="extension-dialog">
          <Form
            error={error}
            label={t('extension.request')}
            onSubmit={() => void run(call('demands.requestExtension', { id: demand.id, ...request }))}
            onCancel={() => setAsking(null)}
            actions={
              <ConfirmActions busy={busy} testId="extension-confirm" onCancel={() => setAsking(null)} />
            }
          >
            <p className="muted">{t('extension.current', { date: formatDay(demand.dueDate) })}</p>
            <Field name="dueDate" label={t('extension.dueDate')} required>
              <DateInput
                name="dueDate"
                value={request.dueDate}
                onChange={(x) => setRequest((r) => ({ ...r, dueDate: x }))}
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

/** The units a demand was handed to, lead first, with their names. */
function handlingUnits(d: Demand): { id: string; name: string }[] {
  const lead = d.leadUnitId ? [{ id: d.leadUnitId, name: d.leadUnitName ?? d.leadUnitId }] : [];
  const co = (d.coUnitIds ?? []).map((id, i) => ({ id, name: d.coUnitNames?.[i] ?? id }));
  return [...lead, ...co];
}

function UnitReplyDialog({
  units,
  error,
  busy,
  onClose,
  onReply,
}: {
  units: { id: string; name: string }[];
  error: ApiError | null;
  busy: boolean;
  onClose: () => void;
  onReply: (unitId: string, note: string) => void;
}) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState(units[0]!.id);
  const [note, setNote] = useState('');
  return (
    <Dialog title={t('unit.replyAction')} onClose={onClose} testId="unit-reply-dialog">
      <Form
        error={error}
        label={t('unit.replyAction')}
        onSubmit={() => onReply(unitId, note)}
        onCancel={onClose}
        actions={<ConfirmActions busy={busy} testId="unit-reply-confirm" onCancel={onClose} />}
      >
        <Field name="unitId" label={t('unit.replyUnit')} required>
          <Select
            name="unitId"
            value={unitId}
            onChange={setUnitId}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Field>
        <Field name="note" label={t('unit.replyNote')} required>
          <TextArea name="note" value={note} onChange={setNote} rows={3} />
        </Field>
      </Form>
    </Dialog>
  );
}
