// Pickers of units (承办单位): the lead unit (one) and the co-handling units (several) a demand
// is handed to. They offer the live, active units, and keep showing a chosen one that is not.
import { useEffect, useMemo, useState } from 'react';
import type { Unit } from '@shared/contract/schemas';
import { call } from '../api';
import { useDataVersion } from '../stores/session';
import { Select } from './form';

/** The live units by name, reloaded when units change. */
export function useUnits(): Unit[] {
  const [units, setUnits] = useState<Unit[]>([]);
  const version = useDataVersion(['units']);
  useEffect(() => {
    let live = true;
    void call('units.list', { sort: [{ field: 'name', dir: 'asc' }], limit: 1000 }).then(
      (page) => live && setUnits(page.rows),
      () => live && setUnits([]),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return units;
}

/** The live units' names by id: for values that hold unit ids (a conflict over a lead unit…). */
export function useUnitNames(): Record<string, string> {
  const units = useUnits();
  return useMemo(() => Object.fromEntries(units.map((u) => [u.id, u.name ?? u.id])), [units]);
}

const offered = (units: Unit[], keep: readonly string[]) =>
  units.filter((u) => u.active !== false || keep.includes(u.id));

export function UnitSelect(props: Omit<Parameters<typeof Select>[0], 'options'> & { units: Unit[] }) {
  const { units, ...rest } = props;
  const options = offered(units, props.value ? [props.value] : []).map((u) => ({
    value: u.id,
    label: u.name ?? u.id,
  }));
  return <Select {...rest} options={options} />;
}

export function UnitChecks({
  units,
  name,
  value,
  exclude,
  onChange,
}: {
  units: Unit[];
  name: string;
  value: readonly string[];
  /** The lead unit: not offered as a co unit. */
  exclude?: string | undefined;
  onChange: (v: string[]) => void;
}) {
  return (
    <div className="choices">
      {offered(units, value)
        .filter((u) => u.id !== exclude)
        .map((u) => (
          <label key={u.id} className="choice">
            <input
              type="checkbox"
              name={name}
              value={u.id}
              checked={value.includes(u.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, u.id] : value.filter((v) => v !== u.id))
              }
            />
            {u.name}
          </label>
        ))}
    </div>
  );
}
