// Messages for failures outside a form (a list that did not load, a bulk action refused)
// and short confirmations. Errors are never swallowed: they land here if nowhere else.
import { create } from 'zustand';
import type { ApiError } from '../api';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  code?: string;
}

interface NoticeState {
  notices: Notice[];
  push(n: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let next = 1;

export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  push(n) {
    const id = next++;
    set((s) => ({ notices: [...s.notices.slice(-4), { ...n, id }] }));
    if (n.kind === 'info') setTimeout(() => useNotices.getState().dismiss(id), 4000);
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
}));

export function notify(error: ApiError): void {
  useNotices.getState().push({ kind: 'error', text: error.message, code: error.code });
}

export function inform(text: string): void {
  useNotices.getState().push({ kind: 'info', text });
}
