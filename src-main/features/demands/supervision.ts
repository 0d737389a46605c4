import { msg, statusParams } from '@shared/messages';
import { type Core, nowIso, requireSupervisor } from '../../core';
import { invalid } from '@shared/contract/errors';
import type { Demand } from '@shared/contract/schemas';
import { isOpenStatus, type SupervisionLevel } from '@shared/domain/enums';
import { getDemand, recordEvent } from './service';
import { getRow } from '../../store/records';

// 督办 and 催办 (shared/DOMAIN.md, "Supervision"): both history events, so they travel and merge
// like the demand's moves. The replay keeps the supervision (see @shared/domain/demandReplay).

/** The live, open demands behind `ids`, or a refusal naming the first that is not. */
function openDemands(
  core: Core,
  ids: readonly string[],
  refusal: 'demand.cannotSupervise' | 'demand.cannotUrge',
) {
  return ids.map((id, i) => {
    const d = getRow(core.store, 'demands', id);
    if (!d || d.deletedAt) throw invalid(`ids.${i}`, msg('demand.noSuch', { id }));
    if (!d.status) {
      throw invalid(`ids.${i}`, msg('demand.titledNoStatus', { title: d.title ?? '' }));
    }
    if (!isOpenStatus(d.status))
      throw invalid(`ids.${i}`, msg(refusal, { title: d.title ?? '', ...statusParams(d.status) }));
    return { ...d, status: d.status };
  });
}

export function supervise(core: Core, input: { ids: string[]; level: SupervisionLevel; note: string }) {
  requireSupervisor(core, 'act.supervise', 'level');
  const demands = openDemands(core, input.ids, 'demand.cannotSupervise');
  for (const d of demands) {
    recordEvent(core, d.id, {
      type: 'supervised',
      at: nowIso(core),
      from: d.status,
      to: d.status,
      note: input.note,
      data: { level: input.level },
    });
  }
  return { updated: demands.length };
}

/** The 催办 message for a chat app: enterprise, title, how late, and who handles it (person and units). */
export function urgeText(d: Demand, note: string | undefined): string {
  const late =
    d.daysLeft === null || d.daysLeft === undefined
      ? '未设办理期限'
      : d.daysLeft < 0
        ? `办理期限 ${d.effectiveDueDate}，已超期 ${-d.daysLeft} 天`
        : `办理期限 ${d.effectiveDueDate}，还剩 ${d.daysLeft} 天`;
  // The units it was handed to; an old ledger's free-text unit when it has none.
  const units = [
    d.leadUnitName ? `主办：${d.leadUnitName}` : null,
    d.coUnitNames?.length ? `协办：${d.coUnitNames.join('、')}` : null,
  ].filter(Boolean);
  const handler = [d.assigneeName ?? '尚未交办', ...(units.length ? units : [d.responsibleUnit])]
    .filter(Boolean)
    .join('，');
  const extra = note?.trim() ? `${note.trim()}。` : '';
  return `【催办】${d.enterpriseName ?? ''}「${d.title}」：${late}。承办：${handler}。${extra}请抓紧办理并及时反馈。`;
}

export function urge(core: Core, input: { ids: string[]; note?: string | undefined }) {
  const demands = openDemands(core, input.ids, 'demand.cannotUrge');
  const texts = demands.map((d) => {
    const text = urgeText(getDemand(core, d.id), input.note);
    recordEvent(core, d.id, { type: 'urged', at: nowIso(core), from: d.status, to: d.status, note: text });
    return { id: d.id, text };
  });
  return { texts };
}
