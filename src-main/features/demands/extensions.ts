import { msg, statusParams } from '@shared/messages';
import { type Core, nowIso, requireLive, requireSupervisor } from '../../core';
import { ApiError, invalid, issue } from '@shared/contract/errors';
import type { Demand } from '@shared/contract/schemas';
import { isOpenStatus } from '@shared/domain/enums';
import { getDemand, recordEvent } from './service';

// 延期 (shared/DOMAIN.md, "Deadlines are controlled"): after creation a demand's due date moves
// only by hold time and by an extension a supervisor approved. Request and decision are history
// events; the replay keeps the pending request and moves the due date on approval, and never
// once the demand is closed or rejected (see @shared/domain/demandReplay).

/** A live demand whose deadline may still change, or a refusal naming `id`. */
function openDemand(core: Core, id: string) {
  const d = requireLive(core, 'demands', id);
  if (!d.status) {
    throw invalid('id', msg('demand.titledNoStatus', { title: d.title ?? '' }));
  }
  if (!isOpenStatus(d.status)) {
    const m = msg('demand.deadlineFixed', { title: d.title ?? '', ...statusParams(d.status) });
    throw new ApiError('WORKFLOW', m, { field: 'id', issues: [issue('id', m)] });
  }
  return d;
}

export function requestExtension(core: Core, input: { id: string; dueDate: string; reason: string }): Demand {
  const d = openDemand(core, input.id);
  if (d.extension) {
    const m = msg('demand.extensionPending', { title: d.title ?? '', date: d.extension.dueDate });
    throw new ApiError('WORKFLOW', m, { field: 'id', issues: [issue('id', m)] });
  }
  if (d.dueDate && input.dueDate <= d.dueDate) {
    throw invalid('dueDate', msg('demand.extensionNotLater', { date: d.dueDate }));
  }
  recordEvent(core, d.id, {
    type: 'extension_requested',
    at: nowIso(core),
    from: d.status,
    to: d.status!,
    note: `申请延期至 ${input.dueDate}：${input.reason}`,
    data: { extension: { dueDate: input.dueDate, reason: input.reason } },
  });
  return getDemand(core, d.id);
}

export function decideExtension(
  core: Core,
  input: { id: string; approve: boolean; note?: string | undefined },
): Demand {
  requireSupervisor(core, 'act.decideExtension', 'approve');
  const d = openDemand(core, input.id);
  if (!d.extension) {
    const m = msg('demand.noExtension', { title: d.title ?? '' });
    throw new ApiError('WORKFLOW', m, { field: 'id', issues: [issue('id', m)] });
  }
  const verdict = input.approve ? `同意延期至 ${d.extension.dueDate}` : '不同意延期';
  recordEvent(core, d.id, {
    type: 'extension_decided',
    at: nowIso(core),
    from: d.status,
    to: d.status!,
    note: input.note?.trim() ? `${verdict}：${input.note.trim()}` : verdict,
    data: { approve: input.approve },
  });
  return getDemand(core, d.id);
}
