// Half-typed forms kept on this laptop (localStorage) until saved or discarded, so a reload,
// Esc or a closed window loses nothing. One draft per form: a new record's (by kind), or an
// edit's (by kind and id).

const PREFIX = 'vl.draft.';

/** The storage key of the draft called `name` ('visit', 'enterprises', 'demands.<id>'…). */
export const draftKey = (name: string): string => `${PREFIX}${name}`;

export function readDraft<V>(name: string): Partial<V> | null {
  try {
    const raw = localStorage.getItem(draftKey(name));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' ? (parsed as Partial<V>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(name: string, values: unknown): void {
  try {
    localStorage.setItem(draftKey(name), JSON.stringify(values));
  } catch {
    /* storage unavailable: the form simply keeps no draft */
  }
}

export function dropDraft(name: string): void {
  try {
    localStorage.removeItem(draftKey(name));
  } catch {
    /* ignore */
  }
}
