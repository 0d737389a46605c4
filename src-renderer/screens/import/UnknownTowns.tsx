// The file's towns that are not in the bureau's list: each would become its own line in the
// report's town split, so the preview names them and a supervisor adds the real ones in a click.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { isUnlistedTown, useTowns } from '../../stores/towns';

export function UnknownTowns({ towns }: { towns: readonly string[] }) {
  const { t } = useTranslation();
  const list = useTowns((s) => s.list);
  const supervisor = useSession((s) => s.info?.me?.role) === 'supervisor';
  useEffect(() => {
    void useTowns.getState().load();
  }, []);
  if (!towns.length) return null;
  return (
    <div className="warn" data-testid="import-unknown-towns">
      <div>{t('import.preview.unknownTowns', { list: towns.join('、') })}</div>
      {supervisor &&
        towns
          .filter((town) => isUnlistedTown(list, town))
          .map((town) => (
            <button
              key={town}
              type="button"
              className="link"
              aria-label={`${t('towns.add')}：${town}`}
              onClick={() => void useTowns.getState().add(town)}
            >
              {t('towns.add')}：{town}
            </button>
          ))}
    </div>
  );
}
