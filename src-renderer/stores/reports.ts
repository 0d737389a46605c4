// 统计报表: the summary of one period and scope (reports.summary: a month, quarter, half year,
// year or range of days), its narrative texts with a saved copy and a draft, the records
// behind a figure, and the file downloads. The screen's route holds the choice (period,
// scope, figure); this store holds the data.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { RecordFigure } from '@shared/reports/definitions';
import { quarterOf, shiftQuarter } from '@shared/domain/quarter';
import { periodContaining, periodOrNull, shiftPeriod, type SteppedKind } from '@shared/domain/period';
import { call, toApiError, type ApiError } from '../api';
import { files } from '../files';
import { notify } from './notices';

export type Report = MethodOutput<'reports.summary'>;
export type FigureRecords = MethodOutput<'reports.records'>;
export type Narrative = MethodOutput<'reports.narrative.get'>;
export type ExportFormat = MethodInput<'reports.export'>['format'];

export const NARRATIVE_FIELDS = [
  'typicalCases',
  'recurringProblems',
  'nextQuarterPlan',
] as const satisfies readonly (keyof Narrative)[];
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export type NarrativeTexts = Record<NarrativeField, string>;

/**
 * What a report is about: a period, and the bureau (all null), one staff member, one town or
 * one unit (承办单位). At most one of the scope fields is set.
 */
export interface Selection {
  /** A period key: '2026Q3', '2026-08', '2026H1', '2026', '2026-01-01..2026-08-31'. */
  period: string;
  staffId: string | null;
  town: string | null;
  /** Absent is the same as null (selections written before units were a scope). */
  unitId?: string | null;
}

export const selectionKey = (s: Selection): string =>
  `${s.period}|${
    s.staffId ? `staff:${s.staffId}` : s.town ? `town:${s.town}` : s.unitId ? `unit:${s.unitId}` : 'bureau'
  }`;

/** A report's own selection (its period and scope), to compare with the one asked for. */
export const selectionOfReport = (r: Report): Selection => ({
  period: r.period,
  staffId: r.scope.staffId,
  town: r.scope.town,
  unitId: r.scope.unitId,
});

const scopeInput = (s: Selection) => ({
  period: s.period,
  ...(s.staffId ? { staffId: s.staffId } : s.town ? { town: s.town } : s.unitId ? { unitId: s.unitId } : {}),
});

/** Whether the selection is narrower than the bureau. */
const scoped = (s: Selection): boolean => !!(s.staffId || s.town || s.unitId);

/**
 * The route's choice, checked: `period`, or `quarter` as addresses had it before other
 * periods; one that does not exist (or has not begun) falls back to the quarter of `today`.
 */
export function selectionOf(params: Record<string, string>, today: string): Selection {
  const given = periodOrNull(params.period) ?? periodOrNull(params.quarter);
  const period = given && given.start <= today ? given.key : quarterOf(today);
  const staffId = params.staff || null;
  const town = staffId ? null : params.town || null;
  const unitId = staffId || town ? null : params.unit || null;
  return { period, staffId, town, ...(unitId ? { unitId } : {}) };
}

/** The quarters offered one click away: this quarter and the four before it, oldest first. */
export function recentQuarters(today: string, count = 5): string[] {
  const current = quarterOf(today);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, i - count + 1));
}

/** The periods of a kind offered one click away: the current one and those before it, oldest first. */
export function recentPeriods(kind: SteppedKind, today: string, count = 5): string[] {
  const current = periodContaining(kind, today);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, i - count + 1).key);
}

export interface Drill {
  figure: RecordFigure;
  key: string | null;
  total: number;
  rows: FigureRecords['rows'];
  loading: boolean;
  error: ApiError | null;
}

export const RECORDS_PAGE = 200;

interface ReportsState {
  selection: Selection | null;
  report: Report | null;
  loading: boolean;
  error: ApiError | null;
  /** Towns seen in the bureau's reports (the town picker). */
  towns: string[];
  /** The narrative as saved, and as being edited. */
  saved: Narrative | null;
  draft: NarrativeTexts;
  saving: boolean;
  saveError: ApiError | null;
  drill: Drill | null;
  exporting: ExportFormat | null;
  /** The data version (session.dataVersion) the report was read at. */
  version: number;
  /** Loads the report and narrative of a selection, unless loaded (or loading) at this data version. */
  load(selection: Selection, version?: number): Promise<void>;
  setText(field: NarrativeField, text: string): void;
  discard(): void;
  save(): Promise<boolean>;
  openRecords(figure: RecordFigure, key: string | null): Promise<void>;
  moreRecords(): Promise<void>;
  closeRecords(): void;
  /**
   * Makes the file and hands it to the browser. The Word file carries the narrative, so text
   * not yet saved is saved first. Null when it failed (the failure is shown as a notice).
   */
  download(format: ExportFormat): Promise<{ fileName: string; savedFirst: boolean } | null>;
}

const EMPTY: NarrativeTexts = { typicalCases: '', recurringProblems: '', nextQuarterPlan: '' };

const textsOf = (n: Narrative | null): NarrativeTexts =>
  n
    ? {
        typicalCases: n.typicalCases,
        recurringProblems: n.recurringProblems,
        nextQuarterPlan: n.nextQuarterPlan,
      }
    : EMPTY;

/** Whether the draft differs from what is saved. */
export function isDirty(s: Pick<ReportsState, 'saved' | 'draft'>): boolean {
  const saved = textsOf(s.saved);
  return NARRATIVE_FIELDS.some((f) => s.draft[f] !== saved[f]);
}

const townsOf = (r: Report): string[] => Object.keys(r.figures.byTown).filter((t) => t !== 'unknown');

/** The report's scope, for the proposed file name: a town's, a staff member's or a unit's name. */
function scopeName(report: Report | null, selection: Selection): { scopeName?: string } {
  const name =
    selection.town ??
    (selection.staffId ? report?.scope.staffName : selection.unitId ? report?.scope.unitName : null);
  return name ? { scopeName: name } : {};
}

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

// Answers that arrive after another selection was made are dropped.
let loadSeq = 0;
let drillSeq = 0;

export const useReports = create<ReportsState>((set, get) => ({
  selection: null,
  report: null,
  loading: false,
  error: null,
  towns: [],
  version: 0,
  saved: null,
  draft: EMPTY,
  saving: false,
  saveError: null,
  drill: null,
  exporting: null,

  async load(selection, version = 0) {
    const before = get().selection;
    const same = before !== null && selectionKey(before) === selectionKey(selection);
    if (same && version === get().version && (get().report || get().loading)) return;
    const seq = ++loadSeq;
    // Another report: its narrative is not this one's. The figures shown stay until the new
    // ones arrive (marked as loading), so the page does not jump.
    set({
      selection,
      version,
      loading: true,
      ...(same ? {} : { error: null, saved: null, draft: EMPTY, saveError: null }),
    });
    try {
      const input = scopeInput(selection);
      const [report, narrative] = await Promise.all([
        call('reports.summary', input),
        call('reports.narrative.get', input),
      ]);
      if (seq !== loadSeq) return;
      const s = get();
      // A reload of the same report keeps the text being written.
      const keepDraft = same && isDirty(s);
      set({
        report,
        loading: false,
        error: null,
        saved: narrative,
        draft: keepDraft ? s.draft : textsOf(narrative),
        towns: scoped(selection) ? s.towns : mergeTowns(s.towns, townsOf(report)),
      });
      if (!s.towns.length && scoped(selection)) void loadTowns(selection.period);
    } catch (e) {
      if (seq === loadSeq) set({ loading: false, error: toApiError(e) });
    }
  },

  setText(field, text) {
    set((s) => ({ draft: { ...s.draft, [field]: text } }));
  },

  discard() {
    set((s) => ({ draft: textsOf(s.saved), saveError: null }));
  },

  async save() {
    const { selection, draft, saving } = get();
    if (!selection || saving) return false;
    set({ saving: true, saveError: null });
    try {
      const saved = await call('reports.narrative.save', { ...scopeInput(selection), ...draft });
      // Only if the selection is still the one saved.
      if (get().selection && selectionKey(get().selection!) === selectionKey(selection)) {
        set((s) => ({
          saved,
          saving: false,
          // Text typed while saving stays a change.
          draft: NARRATIVE_FIELDS.every((f) => s.draft[f] === draft[f]) ? textsOf(saved) : s.draft,
        }));
      } else set({ saving: false });
      return true;
    } catch (e) {
      set({ saving: false, saveError: toApiError(e) });
      return false;
    }
  },

  async openRecords(figure, key) {
    const { selection } = get();
    if (!selection) return;
    const seq = ++drillSeq;
    set({ drill: { figure, key, total: 0, rows: [], loading: true, error: null } });
    try {
      const r = await call('reports.records', {
        ...scopeInput(selection),
        figure,
        ...(key !== null ? { key } : {}),
        limit: RECORDS_PAGE,
      });
      if (seq !== drillSeq) return;
      set({ drill: { ...get().drill!, total: r.total, rows: r.rows, loading: false } });
    } catch (e) {
      if (seq === drillSeq) set({ drill: { ...get().drill!, loading: false, error: toApiError(e) } });
    }
  },

  async moreRecords() {
    const { selection, drill } = get();
    if (!selection || !drill || drill.loading || drill.rows.length >= drill.total) return;
    const seq = ++drillSeq;
    set({ drill: { ...drill, loading: true } });
    try {
      const r = await call('reports.records', {
        ...scopeInput(selection),
        figure: drill.figure,
        ...(drill.key !== null ? { key: drill.key } : {}),
        limit: RECORDS_PAGE,
        offset: drill.rows.length,
      });
      if (seq !== drillSeq) return;
      const d = get().drill!;
      set({ drill: { ...d, rows: [...d.rows, ...r.rows], total: r.total, loading: false } });
    } catch (e) {
      if (seq === drillSeq) set({ drill: { ...get().drill!, loading: false, error: toApiError(e) } });
    }
  },

  closeRecords() {
    drillSeq++;
    set({ drill: null });
  },

  async download(format) {
    const { selection, exporting } = get();
    if (!selection || exporting) return null;
    set({ exporting: format });
    try {
      const savedFirst = format === 'docx' && isDirty(get());
      if (savedFirst && !(await get().save())) return null;
      const file = await call('reports.export', { ...scopeInput(selection), format });
      const savedAs = await files.saveAs({
        purpose: 'report',
        fileName: file.fileName,
        contentBase64: file.contentBase64 ?? '',
        mime: MIME[format],
        period: selection.period,
        ...scopeName(get().report, selection),
      });
      return savedAs === null ? null : { fileName: savedAs, savedFirst };
    } catch (e) {
      notify(toApiError(e));
      return null;
    } finally {
      set({ exporting: null });
    }
  },
}));

function mergeTowns(known: string[], more: string[]): string[] {
  return [...new Set([...known, ...more])].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The town picker needs the bureau's towns even when the page opens on a town or a person. */
async function loadTowns(period: string): Promise<void> {
  try {
    const r = await call('reports.summary', { period });
    useReports.setState((s) => ({ towns: mergeTowns(s.towns, townsOf(r)) }));
  } catch {
    /* the picker keeps what it has */
  }
}
