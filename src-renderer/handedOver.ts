// Files the system handed the desktop app (a `.vlsync` double-clicked in a chat, a ledger
// opened with the app) go where a person would take them by hand: the sync file to the sync
// screen's import, the ledger to the import wizard. Asked for once the core is ready and each
// time the window comes to the front (a second launch brings it there).
import { fileOf, files } from './files';
import { navigate, routeHref } from './router';
import { useImportWizard } from './stores/importWizard';
import { notify } from './stores/notices';
import { useSync } from './stores/sync';
import { toApiError } from './api';

export async function receiveHandedOver(): Promise<void> {
  let requests;
  try {
    requests = await files.handedOver();
  } catch (e) {
    notify(toApiError(e));
    return;
  }
  for (const request of requests) {
    const file = fileOf(request);
    if (request.purpose === 'sync') {
      navigate(routeHref('sync'));
      await useSync.getState().importFile(file);
    } else {
      navigate(routeHref('import'));
      await useImportWizard.getState().pickFile(file);
    }
  }
}
