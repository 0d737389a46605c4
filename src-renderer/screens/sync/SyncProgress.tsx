import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format';
import { useSync } from '../../stores/sync';
import styles from './sync.module.css';

// How far a running export, import or folder sync has got: the phase, the file (in a folder), and for
// the phases that count, a bar with done / total. Before the core has started (a large file still
// being read or sent), the file's name alone.

/** Shown under the action it belongs to while that action runs. */
export function SyncProgress({
  action,
  fileName = '',
}: {
  action: 'import' | 'folder' | 'export';
  fileName?: string;
}) {
  const { t } = useTranslation();
  const { busy, progress } = useSync();
  const box = useRef<HTMLDivElement>(null);
  const running = busy === action;
  // It opens under its button, often below the window's edge on a laptop: bring it into sight.
  useEffect(() => {
    if (running) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [running]);
  if (!running) return null;
  const job = progress;
  const counted = job !== null && job.total > 0;
  return (
    <div
      ref={box}
      className={styles.syncProgress}
      role="status"
      aria-live="polite"
      data-testid={`sync-progress-${action}`}
    >
      {job?.file && (
        <p className="mono" data-testid="sync-progress-file">
          {t('sync.progressFile', { index: job.file.index + 1, count: job.file.count, name: job.file.name })}
        </p>
      )}
      <p data-testid="sync-progress-phase">
        {job
          ? t(`sync.phase.${job.phase}`)
          : action === 'import'
            ? t('sync.importing', { file: fileName })
            : t('sync.phase.starting')}
        {counted && (
          <>
            {' '}
            <span className="mono" data-testid="sync-progress-count">
              {t('sync.progressCount', {
                done: formatCount(job.done),
                total: formatCount(job.total),
                percent: Math.floor((job.done / job.total) * 100),
              })}
            </span>
          </>
        )}
      </p>
      {/* Without a count the bar is indeterminate (no value): the phase text says what is going on. */}
      <progress
        aria-label={t('sync.progressLabel')}
        max={counted ? job.total : undefined}
        value={counted ? job.done : undefined}
      />
    </div>
  );
}
