import { z } from 'zod';
import type { DesktopMethodName } from './desktopMethods';

// Inputs and outputs of the desktop shell's calls, checked in the main process like every
// contract call (the renderer is not trusted to send what its types say).

/** What a file is, which decides the save dialog's filter and proposed name. */
export const FILE_PURPOSES = ['report', 'ledger', 'rejects', 'sync', 'diagnostics'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const Quarter = z.string().regex(/^\d{4}Q[1-4]$/);

export const SaveFileInput = z.strictObject({
  purpose: z.enum(FILE_PURPOSES),
  /** The name the core gave the file: kept when the purpose has no Chinese name of its own. */
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().max(200 * 1024 * 1024),
  /** A report's quarter, for its proposed name. */
  quarter: Quarter.optional(),
  /** A report's period (2026-08, 2026H1, 2026-01-01..2026-08-31, …), for its proposed name. */
  period: z.string().max(40).optional(),
  /** A report's scope other than the whole bureau (a staff member's or a town's name). */
  scopeName: z.string().max(100).optional(),
});

/** What a file opened by the app is for, which decides the open dialog's filter. */
export const OPEN_PURPOSES = ['sync', 'ledger'] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];

/** A file the system handed to the app (a double-clicked `.vlsync` or ledger), or one opened. */
export const OpenRequest = z.object({
  purpose: z.enum(OPEN_PURPOSES),
  name: z.string(),
  contentBase64: z.string(),
});
export type OpenRequest = z.infer<typeof OpenRequest>;

export const UI_LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const NoInput = z.strictObject({}).optional().default({});

export const desktopContract = {
  'desktop.saveFile': { input: SaveFileInput, output: z.object({ path: z.string() }).nullable() },
  'desktop.chooseFolder': { input: NoInput, output: z.object({ path: z.string() }).nullable() },
  'desktop.openFile': {
    input: z.strictObject({ purpose: z.enum(OPEN_PURPOSES) }),
    output: OpenRequest.nullable(),
  },
  'desktop.takeOpenRequests': { input: NoInput, output: z.array(OpenRequest) },
  'desktop.setLanguage': { input: z.strictObject({ language: z.enum(UI_LANGUAGES) }), output: z.object({}) },
} satisfies Record<DesktopMethodName, { input: z.ZodType; output: z.ZodType }>;

export type DesktopInput<M extends DesktopMethodName> = z.input<(typeof desktopContract)[M]['input']>;
export type DesktopOutput<M extends DesktopMethodName> = z.output<(typeof desktopContract)[M]['output']>;
