// 同步冲突: every open conflict — which record and field, the value kept and the value that
// lost, with the laptop and time of each — and "keep this value" for either side.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isScreen, routeHref, type Route } from '../router';
import { fieldLabel, fieldValueText } from '../fieldValues';
import { formatInstant } from '../format';
import { inform } from '../stores/notices';
import { useDataVersion, useSession } from '../stores/session';
import { useConflicts, type Conflict } from '../stores/conflicts';
import { Tag } from '../components/Badge';
import { useUnitNames } from '../components/UnitPickers';
import { lostToDeleteText } from './sync/lostToDelete';
import { workflowMoveText } from './sync/workflowConflict';
import styles from './sync/sync.module.css';

/** The page of a conflict's record, for the kinds that have one. */
export function recordHref(kind: string, id: string): string | null {
  return isScreen(kind) ? routeHref(kind, id) : null;
}

function Side({ c, side, units }: { c: Conflict; side: 'winner' | 'loser'; units: Record<string, string> }) {
  const { t } = useTranslation();
  const { busyId, resolve } = useConflicts();
  const s = c[side];
  const text =
    c.type === 'delete'
      ? lostToDeleteText(t, c, side, units)
      : c.type === 'workflow'
        ? workflowMoveText(t, c, side)
        : fieldValueText(c.kind, c.field, s.value, units);
  const workflow = c.type === 'workflow';
  const chosen = c.resolution === side;
  return (
    <div
      className={chosen ? `${styles.conflictSide} ${styles.chosen}` : styles.conflictSide}
      data-side={side}
    >
      <h3>{t(`${workflow ? 'workflowConflict' : 'sync'}.${side === 'winner' ? 'kept' : 'lost'}`)}</h3>
      <div className={styles.conflictValue} data-testid={`conflict-${side}-value`}>
        {text || <span className="muted">{t('sync.empty')}</span>}
      </div>
      <div className="muted small">
        {t('sync.byDevice', { device: s.deviceName ?? s.device, at: formatInstant(s.at) })}
      </div>
      {!c.resolvedAt && (
        <button
          type="button"
          className={`btn${side === 'loser' ? ' primary' : ''}`}
          disabled={busyId !== null}
          data-testid={`keep-${side}`}
          onClick={() =>
            void resolve(c.id, side).then((ok) => {
              if (ok) inform(t('sync.resolved'));
            })
          }
        >
          {t(workflow ? `workflowConflict.${side === 'winner' ? 'keepWinner' : 'redo'}` : 'sync.keepThis')}
        </button>
      )}
    </div>
  );
}

function ConflictCard({ c, units }: { c: Conflict; units: Record<string, string> }) {
  const { t } = useTranslation();
  const error = useConflicts((s) => s.errors[c.id]);
  const href = recordHref(c.kind, c.recordId);
  const kindKey = `sync.kind.${c.kind}`;
  const kindText = t(kindKey) === kindKey ? c.kind : t(kindKey);
  const label = c.recordLabel?.trim() || `#${c.recordId.slice(-6)}`;
  return (
    <article className="card" data-testid="conflict" data-conflict={c.id}>
      <div>
        <strong>{kindText}</strong>{' '}
        {href ? (
          <a href={href} data-testid="conflict-record" title={t('sync.openRecord')}>
            {label}
          </a>
        ) : (
          <span>{label}</span>
        )}
        {' · '}
        <span>
          {t('sync.field')}：<strong data-testid="conflict-field">{fieldLabel(c.kind, c.field)}</strong>
        </span>
        <span className="muted small"> · {formatInstant(c.detectedAt)}</span>
        {c.resolvedAt && c.resolution && (
          <Tag>
            {t('sync.resolvedKeep', {
              side: t(c.resolution === 'loser' ? 'sync.sideLoser' : 'sync.sideWinner'),
            })}
          </Tag>
        )}
      </div>
      {c.type === 'workflow' && <p className="muted small">{t('workflowConflict.intro')}</p>}
      <div className={styles.conflictSides}>
        <Side c={c} side="winner" units={units} />
        <Side c={c} side="loser" units={units} />
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
      )}
    </article>
  );
}

export function ConflictsScreen(_props: { route: Route }) {
  const { t } = useTranslation();
  const { rows, loaded, loadError, includeResolved, load, setIncludeResolved } = useConflicts();
  const dataVersion = useDataVersion(['conflicts']);
  useSession((s) => s.staff); // staff names in values follow the staff list
  const units = useUnitNames(); // and unit ids read as names
  useEffect(() => {
    void load();
  }, [load, dataVersion]);
  return (
    <section className="screen screen-scroll" data-testid="conflicts-screen">
      <div className="screen-head">
        <div>
          <h1>{t('sync.conflictsTitle')}</h1>
          <p className="muted">{t('sync.conflictsIntro')}</p>
        </div>
        <div className="head-actions">
          <label className="check">
            <input
              type="checkbox"
              checked={includeResolved}
              onChange={(e) => void setIncludeResolved(e.target.checked)}
            />{' '}
            {t('sync.showResolved')}
          </label>
        </div>
      </div>
      {loadError && (
        <div className="notice notice-error" role="alert">
          {loadError.message}
        </div>
      )}
      {!loaded && !loadError && <p className="muted pad">{t('common.loading')}</p>}
      {loaded && rows.length === 0 && (
        <p className="empty-state" data-testid="conflicts-none">
          {t('sync.conflictsNone')}
        </p>
      )}
      <div className={styles.conflictList}>
        {rows.map((c) => (
          <ConflictCard key={c.id} c={c} units={units} />
        ))}
      </div>
    </section>
  );
}
