// A town (镇街) field: suggests the bureau's towns, and says so when the typed one is not among
// them, with a one-click add for supervisors, so a spelling variant is caught before it becomes
// its own line in the report's town split. The value is kept either way.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { isUnlistedTown, useTowns } from '../stores/towns';
import { TextInput } from './form';

export function TownInput({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const list = useTowns((s) => s.list);
  const supervisor = useSession((s) => s.info?.me?.role) === 'supervisor';
  useEffect(() => {
    void useTowns.getState().load();
  }, []);
  const listId = `${name}-list`;
  const town = value.trim();
  return (
    <>
      <TextInput name={name} value={value} onChange={onChange} list={listId} />
      <datalist id={listId}>
        {(list ?? []).map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      {isUnlistedTown(list, value) && (
        <div className="warn" role="status" data-testid={`${name}-not-listed`}>
          {t('towns.notListed')}
          {supervisor ? (
            <button type="button" className="link" onClick={() => void useTowns.getState().add(town)}>
              {t('towns.add')}
            </button>
          ) : (
            <span className="muted"> {t('towns.askSupervisor')}</span>
          )}
        </div>
      )}
    </>
  );
}
