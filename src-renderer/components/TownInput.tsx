// A town (镇街) field: suggests the bureau's towns, and says so when the typed one is not among
// them, with a one-click add for supervisors, so a spelling variant is caught before it becomes
// its own line in the report's town split. The value is kept either way.
import { useEffect } from 'react';
import { isUnlistedTown, useTowns } from '../stores/towns';
import { TextInput } from './form';
import { NotListedWarning } from './NotListedWarning';

export function TownInput({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const list = useTowns((s) => s.list);
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
        <NotListedWarning name={name} words="towns" onAdd={() => void useTowns.getState().add(town)} />
      )}
    </>
  );
}
