// The file's towns and industries that are not in the bureau's lists: each would become its own
// line in the report's splits, so the preview names them and a supervisor adds the real ones
// in a click. The rows are imported either way.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { isUnlistedTown, useTowns } from '../../stores/towns';
import { isUnlistedIndustry, useIndustries } from '../../stores/industries';
import type { ReferenceListState } from '../../stores/referenceList';
import type { StoreApi, UseBoundStore } from 'zustand';

function UnknownEntries({
  entries,
  store,
  unlisted,
  text,
  add,
  testId,
}: {
  entries: readonly string[];
  store: UseBoundStore<StoreApi<ReferenceListState>>;
  unlisted: (list: readonly string[] | null, entry: string) => boolean;
  text: string;
  add: string;
  testId: string;
}) {
  const list = store((s) => s.list);
  const supervisor = useSession((s) => s.info?.me?.role) === 'supervisor';
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  if (!entries.length) return null;
  return (
    <div className="warn" data-testid={testId}>
      <div>{text}</div>
      {supervisor &&
        entries
          .filter((entry) => unlisted(list, entry))
          .map((entry) => (
            <button
              key={entry}
              type="button"
              className="link"
              aria-label={`${add}：${entry}`}
              onClick={() => void store.getState().add(entry)}
            >
              {add}：{entry}
            </button>
          ))}
    </div>
  );
}

export function UnknownTowns({ towns }: { towns: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <UnknownEntries
      entries={towns}
      store={useTowns}
      unlisted={isUnlistedTown}
      text={t('import.preview.unknownTowns', { list: towns.join('、') })}
      add={t('towns.add')}
      testId="import-unknown-towns"
    />
  );
}

export function UnknownIndustries({ industries }: { industries: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <UnknownEntries
      entries={industries}
      store={useIndustries}
      unlisted={isUnlistedIndustry}
      text={t('import.preview.unknownIndustries', { list: industries.join('、') })}
      add={t('industries.add')}
      testId="import-unknown-industries"
    />
  );
}
