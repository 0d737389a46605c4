// 孤立记录: live records whose parent (an enterprise, a visit…) was deleted or merged away,
// usually on another laptop before the files crossed. Each can be re-attached to a live record
// of the parent's kind (the merge survivor is offered), deleted, or its parent restored.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/contract/methods';
import { RecordPicker } from '../../components/RecordPicker';
import { routeHref, isScreen } from '../../router';
import { inform } from '../../stores/notices';
import { DATA_KINDS } from '../../stores/dataKinds';
import { useDataVersion } from '../../stores/session';
import { orphanKey, useOrphans, type Orphan } from '../../stores/orphans';
import styles from './OrphansCard.module.css';

/** A live record of the kind an orphan's parent is, picked by name. */
function ParentPicker({
  kind,
  value,
  onChange,
}: {
  kind: RecordKind;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const common = { value, onChange, 'aria-label': t('orphans.reattachTo') };
  switch (kind) {
    case 'visits':
      return (
        <RecordPicker
          kind="visits"
          {...common}
          label={(r) => `${r.visitNo ?? ''} ${r.enterpriseName ?? ''} ${r.date ?? ''}`.trim()}
        />
      );
    case 'demands':
      return <RecordPicker kind="demands" {...common} label={(r) => r.title ?? ''} />;
    case 'clinics':
      return (
        <RecordPicker kind="clinics" {...common} label={(r) => `${r.topic ?? ''} ${r.date ?? ''}`.trim()} />
      );
    default:
      return <RecordPicker kind="enterprises" {...common} label={(r) => r.name ?? ''} />;
  }
}

function RecordLink({ kind, id, label }: { kind: RecordKind; id: string; label: string | null }) {
  const text = label?.trim() || `#${id.slice(-6)}`;
  return isScreen(kind) ? <a href={routeHref(kind, id)}>{text}</a> : <span>{text}</span>;
}

function Row({ o }: { o: Orphan }) {
  const { t } = useTranslation();
  const { busyKey, resolve } = useOrphans();
  const error = useOrphans((s) => s.errors[orphanKey(o)]);
  const [picking, setPicking] = useState(false);
  const [parentId, setParentId] = useState<string | null>(o.suggestedParentId);
  const kindText = t(`sync.kind.${o.kind}`);
  const parentKindText = t(`sync.kind.${o.parentKind}`);
  const busy = busyKey !== null;
  const act = (input: Parameters<typeof resolve>[1]) =>
    void resolve(o, input).then((ok) => {
      if (ok) inform(t('orphans.done'));
    });
  return (
    <tr data-testid="orphan" data-kind={o.kind} data-record={o.recordId}>
      <td>
        {kindText} <RecordLink kind={o.kind} id={o.recordId} label={o.recordLabel} />
      </td>
      <td>
        {parentKindText} {o.parentLabel ?? `#${o.parentId.slice(-6)}`}
      </td>
      <td>{t(o.reason === 'merged' ? 'orphans.merged' : 'orphans.deleted')}</td>
      <td>
        {picking ? (
          <div className={styles.actions}>
            <ParentPicker kind={o.parentKind} value={parentId} onChange={setParentId} />
            <button
              type="button"
              className="btn primary"
              disabled={busy || !parentId}
              onClick={() => parentId && act({ action: 'reattach', parentId })}
            >
              {t('orphans.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setPicking(false)}>
              {t('orphans.cancel')}
            </button>
          </div>
        ) : (
          <div className={styles.actions}>
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="orphan-reattach"
              onClick={() => setPicking(true)}
            >
              {t('orphans.reattach')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="orphan-delete"
              onClick={() => {
                const name = o.recordLabel ?? o.recordId;
                if (window.confirm(t('orphans.deleteConfirm', { kind: kindText, name })))
                  act({ action: 'delete' });
              }}
            >
              {t('orphans.delete')}
            </button>
            {o.reason === 'deleted' && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                data-testid="orphan-restore-parent"
                onClick={() => {
                  const name = o.parentLabel ?? o.parentId;
                  if (window.confirm(t('orphans.restoreConfirm', { kind: parentKindText, name })))
                    act({ action: 'restoreParent' });
                }}
              >
                {t('orphans.restoreParent')}
              </button>
            )}
          </div>
        )}
        {error && (
          <div className="notice notice-error" role="alert">
            {error.message}
          </div>
        )}
      </td>
    </tr>
  );
}

export function OrphansCard() {
  const { t } = useTranslation();
  const { rows, loadError, load } = useOrphans();
  const dataVersion = useDataVersion(DATA_KINDS);
  useEffect(() => {
    void load();
  }, [load, dataVersion]);
  return (
    <section className="card" id="sync-orphans" data-testid="sync-orphans">
      <h2>{t('orphans.title')}</h2>
      {loadError && (
        <div className="notice notice-error" role="alert">
          {loadError.message}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="muted">{t('orphans.none')}</p>
      ) : (
        <>
          <p className="muted">{t('orphans.intro')}</p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('orphans.record')}</th>
                <th>{t('orphans.parent')}</th>
                <th>{t('orphans.reason')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <Row key={orphanKey(o)} o={o} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
