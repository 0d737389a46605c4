import { type Core, myRole, nowIso, requireLive } from '../../core';
import { ApiError, invalid } from '@shared/contract/errors';
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
    throw invalid('id', `demand '${d.title}' has no status yet (its record is still to come by sync)`);
  }
  if (!isOpenStatus(d.status)) {
    throw new ApiError('WORKFLOW', `id: demand '${d.title}' is ${d.status}: its deadline no longer changes`, {
      field: 'id',
      issues: [{ path: 'id', message: `the demand is ${d.status}: its deadline no longer changes` }],
    });
  }
  return d;
}

export function requestExtension(core: Core, input: { id: string; dueDate: string; reason: string }): Demand {
  const d = openDemand(core, input.id);
  if (d.extension) {
    throw new ApiError(
      'WORKFLOW',
      `id: demand '${d.title}' already has an extension request to ${d.extension.dueDate} waiting for a decision`,
      { field: 'id', issues: [{ path: 'id', message: 'an extension request is already pending' }] },
    );
  }
  if (d.dueDate && input.dueDate <= d.dueDate) {
    throw invalid('dueDate', `must be after the current due date (${d.dueDate})`);
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
  if (myRole(core) !== 'supervisor') {
    throw new ApiError('FORBIDDEN', 'approve: only a supervisor can decide an extension request', {
      field: 'approve',
    });
  }
  const d = openDemand(core, input.id);
  if (!d.extension) {
    throw new ApiError(
      'WORKFLOW',
      `id: demand '${d.title}' has no extension request waiting for a decision`,
      {
        field: 'id',
        issues: [{ path: 'id', message: 'no extension request is pending' }],
      },
    );
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
