import { msg, type Msg } from '@shared/messages';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../core';
import { exportSteps, importSteps, pendingChangeCount, SYNC_FOLDER, type ImportReport } from './service';
import { stepsOfFile, type Steps } from '../../infra/steps';
import { decodeFile, sha256 } from './package';
import { requireTeam } from './team';
import { ApiError, invalid } from '@shared/contract/errors';

// A shared folder (network share, synced drive): each device writes only its own,
// uniquely named files (renamed into place when complete, so no lock files), and
// imports every file there it has not imported yet.

export interface FolderResult {
  imported: ImportReport[];
  refused: { fileName: string; message: string; msg: Msg }[];
  exported: { fileName: string; changeCount: number } | null;
}

/**
 * Imports what is new in the folder, each file's steps told with the file, then exports mine.
 * A file refused for a mass delete stops nothing else: the other files are imported and mine
 * exported, then the refusal is raised, so the user can confirm it (importing is idempotent).
 */
export function* syncFolderSteps(
  core: Core,
  input: { path: string; confirmMassDelete?: boolean },
): Steps<FolderResult> {
  const { store } = core;
  const team = requireTeam(store);
  // A missing folder is most often a shared drive that is not connected: creating it would
  // export into a local folder no one else sees, and find nothing to import.
  if (!existsSync(input.path)) throw invalid('path', msg('sync.noFolder', { path: input.path }));
  let names: string[];
  try {
    names = readdirSync(input.path);
  } catch (e) {
    // A path that is a file, or a folder this user may not open: the user's input, not a crash.
    throw invalid('path', msg('sync.folderUnusable', { detail: (e as Error).message }));
  }
  store.setMeta(SYNC_FOLDER, input.path);
  const imported: ImportReport[] = [];
  const refused: { fileName: string; message: string; msg: Msg }[] = [];
  let massDelete: ApiError | null = null;
  const seen = store.db.prepare(`SELECT 1 FROM sync_imports WHERE "fileSha256" = ?`);
  const files = names.filter((n) => n.endsWith('.vlsync')).sort();
  for (const [index, name] of files.entries()) {
    const file = { name, index, count: files.length };
    yield { phase: 'reading', done: 0, total: 0, file };
    const bytes = readFileSync(join(input.path, name));
    // Files imported before are known by their checksum, without opening them again.
    if (seen.get(sha256(bytes))) continue;
    try {
      const decoded = decodeFile(team, bytes);
      if (decoded.manifest.origin.id === store.device.id) continue;
      imported.push(
        yield* stepsOfFile(
          importSteps(core, {
            bytes,
            decoded,
            fileName: name,
            confirmMassDelete: input.confirmMassDelete ?? false,
          }),
          file,
        ),
      );
    } catch (e) {
      // The mass-delete guard asks the user (the first file that needs it is the one named).
      if (e instanceof ApiError && e.details.reason === 'mass_delete') {
        massDelete ??= new ApiError(e.code, msg('sync.inFile', { file: name, problem: e.msg }), {
          ...e.details,
          fileName: name,
        });
        continue;
      }
      const m = e instanceof ApiError ? e.msg : msg('internal', { detail: String(e) });
      refused.push({ fileName: name, message: e instanceof ApiError ? e.message : String(e), msg: m });
    }
  }
  const file = pendingChangeCount(core) ? yield* exportSteps(core, { full: false, dir: input.path }) : null;
  const exported = file ? { fileName: file.fileName, changeCount: file.changeCount } : null;
  if (massDelete) {
    const m = exported
      ? msg('sync.exportedAnyway', { problem: massDelete.msg, file: exported.fileName })
      : massDelete.msg;
    throw new ApiError(massDelete.code, m, {
      ...massDelete.details,
      imported: imported.length,
      exported,
    });
  }
  return { imported, refused, exported };
}
