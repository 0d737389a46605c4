// 台账导入 wizard: file → columns → preview (dry run) → import → result. Every step asks the
// core (ledger.preview / ledger.import / ledger.rejectsReport / ledger.mappings.*) with the same
// source input, so what the preview shows is what the import does.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { ImportKind } from '@shared/ledger/types';
import { ApiError, call, toApiError } from '../api';
import { files } from '../files';
import i18n from '../i18n';
import { useSession } from './session';

export type Preview = MethodOutput<'ledger.preview'>;
export type ImportOutcome = MethodOutput<'ledger.import'>;
export type SavedMapping = MethodOutput<'ledger.mappings.list'>['rows'][number];
type SourceInput = MethodInput<'ledger.preview'>;

export type Step = 'file' | 'mapping' | 'preview' | 'result';
export const STEPS: readonly Step[] = ['file', 'mapping', 'preview', 'result'];

/** Which saved mapping applies: the core's choice (same headers), none, or one by name. */
export type SavedChoice = { mode: 'auto' } | { mode: 'none' } | { mode: 'named'; name: string };

/** The contract takes 70,000,000 base64 characters: 52,500,000 bytes of file. */
export const MAX_FILE_BYTES = 52_500_000;
/** Rows listed in the preview (its counts cover every row). */
export const PREVIEW_ROWS = 500;
/** Rows dry-run while the columns are being checked, for the examples. */
const SAMPLE_ROWS = 5;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface PickedFile {
  name: string;
  size: number;
  contentBase64: string;
}

export interface WizardOptions {
  kind?: ImportKind;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  saved: SavedChoice;
  /** The user's corrections: field → 0-based column, or null for "not imported". */
  mapping: Record<string, number | null>;
  createStaff: boolean;
}

export type Busy = 'reading' | 'detecting' | 'previewing' | 'importing' | 'saving' | 'rejects' | null;

interface WizardState {
  step: Step;
  file: PickedFile | null;
  options: WizardOptions;
  /** The file as read with the current options (a dry run of its first rows). */
  detection: Preview | null;
  /** The full dry run. */
  preview: Preview | null;
  result: ImportOutcome | null;
  savedMappings: SavedMapping[];
  busy: Busy;
  /** The last refused call; its field says where it is shown. */
  error: ApiError | null;
  /** A short confirmation (a mapping saved, a file downloaded), already in words. */
  message: string | null;

  reset(): void;
  pickFile(file: File): Promise<void>;
  /** A file that could not be opened (the desktop dialog's read failed), shown on the file field. */
  failFile(error: Error): void;
  setKind(kind: ImportKind | undefined): Promise<void>;
  setSheet(sheet: string | undefined): Promise<void>;
  setHeaderRow(row: number | undefined): Promise<void>;
  setEncoding(encoding: string | undefined): Promise<void>;
  setColumn(field: string, column: number | null): Promise<void>;
  chooseSaved(choice: SavedChoice): Promise<void>;
  setCreateStaff(on: boolean): Promise<void>;
  /** The one-click add: creates the units the file names and the app lacks, then previews again. */
  addUnits(names: string[]): Promise<void>;
  loadSavedMappings(): Promise<void>;
  saveMapping(name: string): Promise<boolean>;
  deleteMapping(name: string): Promise<void>;
  goTo(step: Step): void;
  runPreview(): Promise<void>;
  runImport(): Promise<void>;
  downloadRejects(): Promise<void>;
}

const FRESH_OPTIONS: WizardOptions = { saved: { mode: 'auto' }, mapping: {}, createStaff: false };

const FRESH = {
  step: 'file' as Step,
  file: null,
  options: FRESH_OPTIONS,
  detection: null,
  preview: null,
  result: null,
  busy: null,
  error: null,
  message: null,
};

/** Errors about the file itself are shown at the file picker, whichever way it was sent. */
const FILE_FIELDS = new Set(['path', 'contentBase64', 'fileName']);

export function wizardError(e: unknown): ApiError {
  const err = toApiError(e);
  const field = err.details.field;
  if (typeof field === 'string' && FILE_FIELDS.has(field) && field !== 'path') {
    const message = err.message.startsWith(`${field}: `) ? err.message.slice(field.length + 2) : err.message;
    const issues = err.details.issues?.map((i) => (FILE_FIELDS.has(i.path) ? { ...i, path: 'path' } : i));
    return new ApiError(err.code, message, { ...err.details, field: 'path', ...(issues ? { issues } : {}) });
  }
  return err;
}

/** The source part of every ledger call, from the file and the options. */
export function sourceInput(file: PickedFile, o: WizardOptions): SourceInput {
  const input: SourceInput = { contentBase64: file.contentBase64, fileName: file.name };
  if (o.encoding) input.encoding = o.encoding;
  if (o.sheet) input.sheet = o.sheet;
  if (o.headerRow) input.headerRow = o.headerRow;
  if (o.kind) input.kind = o.kind;
  if (o.saved.mode === 'named') input.savedMappingName = o.saved.name;
  // A mapping given without a saved name means "no saved mapping": the core starts from its own.
  if (Object.keys(o.mapping).length || o.saved.mode === 'none') input.mapping = { ...o.mapping };
  if (o.createStaff) input.createStaff = true;
  return input;
}

/** A browser File as base64, without the data-URL prefix. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Bytes as people read them: 1.2 MB, 340 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

// Answers to calls overtaken by a newer one are dropped.
let ticket = 0;

export const useImportWizard = create<WizardState>((set, get) => {
  /** Reads the file again with the current options (kind, sheet, header row, mapping…). */
  async function detect(): Promise<void> {
    const { file, options } = get();
    if (!file) return;
    const mine = ++ticket;
    set({ busy: 'detecting', error: null, preview: null });
    try {
      const detection = await call('ledger.preview', {
        ...sourceInput(file, options),
        evaluateRows: SAMPLE_ROWS,
        rowsLimit: SAMPLE_ROWS,
      });
      if (mine !== ticket) return;
      // Corrections made from here on build on the saved mapping the core picked.
      const saved: SavedChoice =
        options.saved.mode === 'auto' && detection.savedMapping
          ? { mode: 'named', name: detection.savedMapping }
          : options.saved;
      set({ detection, busy: null, options: { ...get().options, saved } });
    } catch (e) {
      if (mine !== ticket) return;
      set({ busy: null, error: wizardError(e) });
    }
  }

  async function withOptions(change: Partial<WizardOptions>): Promise<void> {
    set((s) => ({ options: { ...s.options, ...change }, message: null }));
    await detect();
  }

  return {
    ...FRESH,
    savedMappings: [],

    reset() {
      ticket++;
      set({ ...FRESH });
    },

    failFile(error) {
      set({
        ...FRESH,
        error: new ApiError('VALIDATION', i18n.t('import.file.readFailed', { message: error.message }), {
          field: 'path',
        }),
      });
    },

    async pickFile(file) {
      ticket++;
      set({ ...FRESH, busy: 'reading' });
      const fail = (message: string) =>
        set({ busy: null, error: new ApiError('VALIDATION', message, { field: 'path' }) });
      if (file.size === 0) return fail(i18n.t('import.file.empty'));
      if (file.size > MAX_FILE_BYTES)
        return fail(i18n.t('import.file.tooLarge', { size: fileSize(file.size) }));
      let contentBase64: string;
      try {
        contentBase64 = await readAsBase64(file);
      } catch (e) {
        return fail(i18n.t('import.file.readFailed', { message: (e as Error).message }));
      }
      set({ file: { name: file.name, size: file.size, contentBase64 } });
      await detect();
    },

    setKind: (kind) => withOptions({ kind, mapping: {}, saved: { mode: 'auto' } }),
    setSheet: (sheet) => withOptions({ sheet, headerRow: undefined, mapping: {} }),
    setHeaderRow: (headerRow) => withOptions({ headerRow, mapping: {} }),
    setEncoding: (encoding) => withOptions({ encoding }),
    setColumn: (field, column) => withOptions({ mapping: { ...get().options.mapping, [field]: column } }),
    chooseSaved: (saved) => withOptions({ saved, mapping: {} }),
    async setCreateStaff(createStaff) {
      set((s) => ({ options: { ...s.options, createStaff } }));
      if (get().step === 'preview') await get().runPreview();
    },
    async addUnits(names) {
      set({ busy: 'saving', error: null });
      try {
        for (const name of names) await call('units.create', { name });
      } catch (e) {
        set({ busy: null, error: wizardError(e) });
        return;
      }
      set({ busy: null });
      await get().runPreview();
    },

    async loadSavedMappings() {
      try {
        const { rows } = await call('ledger.mappings.list', {});
        set({ savedMappings: rows });
      } catch (e) {
        set({ error: wizardError(e) });
      }
    },

    async saveMapping(name) {
      const { detection } = get();
      if (!detection) return false;
      set({ busy: 'saving', error: null, message: null });
      try {
        const saved = await call('ledger.mappings.save', {
          name,
          kind: detection.kind,
          headers: detection.headers.map((h) => h.text),
          mapping: Object.fromEntries(detection.mapping.map((m) => [m.field, m.column])),
        });
        set((s) => ({
          busy: null,
          options: { ...s.options, saved: { mode: 'named', name: saved.name }, mapping: {} },
        }));
        await get().loadSavedMappings();
        await detect();
        set({ message: i18n.t('import.mapping.savedOk', { name: saved.name }) });
        return true;
      } catch (e) {
        set({ busy: null, error: wizardError(e) });
        return false;
      }
    },

    async deleteMapping(name) {
      set({ busy: 'saving', error: null, message: null });
      try {
        await call('ledger.mappings.delete', { name });
        const { options } = get();
        if (options.saved.mode === 'named' && options.saved.name === name) {
          // Keep the columns as they are now, as the user's own choice.
          const mapping = Object.fromEntries(
            (get().detection?.mapping ?? []).map((m) => [m.field, m.column]),
          );
          set({ options: { ...options, saved: { mode: 'none' }, mapping } });
        }
        set({ busy: null });
        await get().loadSavedMappings();
        await detect();
        set({ message: i18n.t('import.mapping.deletedOk', { name }) });
      } catch (e) {
        set({ busy: null, error: wizardError(e) });
      }
    },

    goTo(step) {
      set({ step, error: null, message: null });
    },

    async runPreview() {
      const { file, options } = get();
      if (!file) return;
      const mine = ++ticket;
      set({ step: 'preview', busy: 'previewing', error: null, message: null, preview: null });
      try {
        const preview = await call('ledger.preview', {
          ...sourceInput(file, options),
          rowsLimit: PREVIEW_ROWS,
        });
        if (mine !== ticket) return;
        set({ preview, busy: null });
      } catch (e) {
        if (mine !== ticket) return;
        set({ busy: null, error: wizardError(e) });
      }
    },

    async runImport() {
      const { file, options } = get();
      if (!file) return;
      const mine = ++ticket;
      set({ busy: 'importing', error: null, message: null });
      try {
        const result = await call('ledger.import', sourceInput(file, options));
        if (mine !== ticket) return;
        set({ result, busy: null, step: 'result' });
        useSession.getState().changed();
      } catch (e) {
        if (mine !== ticket) return;
        set({ busy: null, error: wizardError(e) });
      }
    },

    async downloadRejects() {
      const { file, options } = get();
      if (!file) return;
      set({ busy: 'rejects', error: null, message: null });
      try {
        const out = await call('ledger.rejectsReport', sourceInput(file, options));
        const savedAs = out.contentBase64
          ? await files.saveAs({
              purpose: 'rejects',
              fileName: out.fileName,
              contentBase64: out.contentBase64,
              mime: XLSX_MIME,
            })
          : out.fileName;
        set({
          busy: null,
          message: savedAs === null ? null : i18n.t('import.result.downloaded', { file: savedAs }),
        });
      } catch (e) {
        set({ busy: null, error: wizardError(e) });
      }
    },
  };
});
