// The targets screen's year: its saved targets (targets.list) and the values being edited, saved
// key by key (targets.set, or targets.delete for a value cleared).
import { create } from 'zustand';
import { TARGET_KEYS, type TargetKey } from '@shared/reports/targets';
import type { MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../api';

type Target = MethodOutput<'targets.list'>['rows'][number];

interface TargetsState {
  year: number;
  saved: Partial<Record<TargetKey, Target>>;
  /** The text of each input, as typed ('' = no target). */
  drafts: Partial<Record<TargetKey, string>>;
  error: ApiError | null;
  /** The key whose save was refused. */
  failedKey: TargetKey | null;
  busy: boolean;
  loadYear(year: number): Promise<void>;
  edit(key: TargetKey, text: string): void;
  /** Keys whose input differs from the saved target. */
  changed(): TargetKey[];
  /** Saves the changed keys, one call each; stops at the first refusal. */
  save(): Promise<boolean>;
}

/** A target as its input shows it: thousands grouped, every decimal kept (69,000,000; 1,234.5). */
export const targetText = (value: number | undefined): string =>
  value === undefined ? '' : value.toLocaleString('en-US', { maximumFractionDigits: 20 });

/** An input's text without the grouping typed or shown (1,200 and 1，200 are 1200). */
const plain = (text: string) => text.trim().replace(/[,，\s]/g, '');

export const useTargets = create<TargetsState>((set, get) => ({
  year: new Date().getFullYear(),
  saved: {},
  drafts: {},
  error: null,
  failedKey: null,
  busy: false,
  async loadYear(year) {
    set({ year, saved: {}, drafts: {}, error: null, failedKey: null, busy: true });
    try {
      const list = await call('targets.list', { year });
      if (get().year !== year) return;
      set({ saved: Object.fromEntries(list.rows.map((r) => [r.key, r])), busy: false });
    } catch (e) {
      set({ error: toApiError(e), busy: false });
    }
  },
  edit(key, text) {
    set({ drafts: { ...get().drafts, [key]: text } });
  },
  changed() {
    const { saved, drafts } = get();
    return TARGET_KEYS.filter(
      (k) => drafts[k] !== undefined && plain(drafts[k]) !== plain(targetText(saved[k]?.value)),
    );
  },
  async save() {
    const { year } = get();
    set({ busy: true, error: null, failedKey: null });
    let key: TargetKey | null = null;
    try {
      for (key of get().changed()) {
        const text = plain(get().drafts[key]!);
        if (text === '') {
          await call('targets.delete', { year, key });
          const { [key]: _gone, ...saved } = get().saved;
          set({ saved });
        } else {
          // A text that is not a number goes as it is typed: the core names it.
          const value = Number(text);
          const target = await call('targets.set', {
            year,
            key,
            value: Number.isNaN(value) ? text : value,
          } as {
            year: number;
            key: TargetKey;
            value: number;
          });
          set({ saved: { ...get().saved, [key]: target } });
        }
        const { [key]: _done, ...drafts } = get().drafts;
        set({ drafts });
      }
      set({ busy: false });
      return true;
    } catch (e) {
      set({ busy: false, error: toApiError(e), failedKey: key });
      return false;
    }
  },
}));
