// One enterprise's page: the record and its timeline (newest first).
import { create } from 'zustand';
import type { MethodOutput } from '@shared/contract/contract';
import { call, toApiError, type ApiError } from '../api';

type Timeline = MethodOutput<'enterprises.timeline'>;

interface EnterpriseDetailState {
  id: string | null;
  data: Timeline | null;
  error: ApiError | null;
  load(id: string): Promise<void>;
}

export const useEnterpriseDetail = create<EnterpriseDetailState>((set, get) => ({
  id: null,
  data: null,
  error: null,
  async load(id) {
    if (get().id !== id) set({ id, data: null, error: null });
    try {
      const data = await call('enterprises.timeline', { id });
      if (get().id === id) set({ data, error: null });
    } catch (e) {
      if (get().id === id) set({ error: toApiError(e) });
    }
  },
}));
