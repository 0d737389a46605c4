// Demand and follow-up rows, and the dispatch of a row to its kind.
// A demand row's source 走访 links it to the enterprise's visit on its received day when
// there is exactly one (else the source is "other"); a long title is cut like a demands cell.
// A follow-up row finds its parent: a demand of the enterprise by title (and received day,
// when given), or, without a title or with 回访对象 = 走访, the enterprise's visit on 走访日期
// (the owner's, when there are several). Follow-ups of clinics are not imported.
import { insertFollowup, updateFollowup } from '../../followups/service';
import { FollowupFields } from '@shared/contract/schemas';
import { shanghaiDate } from '@shared/domain/dates';
import type { ClosureType, DEMAND_SOURCES, DemandCategory, DemandStatus } from '@shared/domain/enums';
import type { ApiError } from '@shared/contract/errors';
import { titleOf } from '../demandsCell';
import { RowFailure, isRowProblem, toRowFailure } from '../failures';
import type { FieldKey } from '../fields';
import { enumLabel } from '../labels';
import type { RowValues } from '../rows';
import { fillPatch, withRemark, type Applied, type ImportContext } from './context';
import { applyDemand } from './demand';
import { applyEnterpriseRow, resolveEnterprise } from './enterprise';
import { applyActivityRow, applyOutcomeRow } from './activity';
import { applyStaffRow } from './staff';
import { applyVisitRow } from './visit';

type DemandSource = (typeof DEMAND_SOURCES)[number];

export function applyDemandRow(ctx: ImportContext, v: RowValues): Applied {
  const enterprise = resolveEnterprise(ctx, v, true);
  const receivedAt = v.receivedAt!;
  let source = (v.source ?? 'other') as DemandSource;
  let sourceVisitId: string | undefined;
  const notes = [...enterprise.notes];
  if (source === 'visit') {
    const visits = ctx.lookup.visitsOn(enterprise.id, shanghaiDate(receivedAt));
    if (visits.length === 1) sourceVisitId = visits[0];
    else {
      source = 'other';
      notes.push(
        `需求来源：受理当天${visits.length ? `有 ${visits.length} 次` : '没有'}该企业的走访记录，来源记为“其他”`,
      );
    }
  } else if (source === 'clinic') {
    source = 'other';
    notes.push('需求来源：会诊需求不关联会诊记录导入，来源记为“其他”');
  } else if (source === 'activity') {
    source = 'other';
    notes.push('需求来源：活动需求不关联活动记录导入，来源记为“其他”');
  }
  const cut = titleOf(v.demandTitle!);
  const r = applyDemand(ctx, {
    enterpriseId: enterprise.id,
    title: cut.title,
    description: v.description ?? cut.description ?? undefined,
    categories: (v.categories ?? ['other']) as DemandCategory[],
    receivedAt,
    source,
    sourceVisitId,
    level: v.level,
    assignee: v.assignee,
    leadUnitId: v.leadUnit,
    coUnitIds: v.coUnits,
    dueDate: v.dueDate,
    complex: v.complex,
    status: v.demandStatus as DemandStatus | undefined,
    assignedAt: v.assignedAt,
    answeredAt: v.answeredAt,
    closedAt: v.closedAt,
    closureType: v.closureType as ClosureType | undefined,
    resolution: v.resolution,
    remark: v.remark,
    defaultAssignee: ctx.me,
    titleField: 'demandTitle',
  });
  return {
    outcome: r.outcome,
    enterprisesCreated: enterprise.created ? 1 : 0,
    notes: [...notes, ...r.notes],
  };
}

const FOLLOWUP_FIELDS: Record<string, FieldKey> = {
  ownerStaffId: 'owner',
  dueDate: 'followupDueDate',
  doneAt: 'doneAt',
  channel: 'channel',
  content: 'content',
  result: 'result',
  satisfaction: 'satisfaction',
  nextFollowupDate: 'nextFollowupDate',
  parentId: 'demandTitle',
};

function parentOf(
  ctx: ImportContext,
  v: RowValues,
  enterpriseId: string,
): { type: 'demand' | 'visit'; id: string } {
  const type = (v.parentType ?? (v.demandTitle ? 'demand' : 'visit')) as 'demand' | 'visit' | 'clinic';
  if (type === 'clinic') throw new RowFailure('parentType', '会诊的回访不能从台账导入');
  if (type === 'demand') {
    if (!v.demandTitle) throw new RowFailure('demandTitle', '回访需求需要填写需求标题');
    const day = v.receivedAt ? shanghaiDate(v.receivedAt) : null;
    const titles = [...new Set([v.demandTitle, titleOf(v.demandTitle).title])];
    const found = titles.flatMap((t) => ctx.lookup.demandsTitled(enterpriseId, t, day));
    const ids = [...new Set(found.map((d) => d.id as string))];
    if (ids.length === 1) return { type, id: ids[0]! };
    if (ids.length > 1) {
      throw new RowFailure(
        'receivedAt',
        `该企业有 ${ids.length} 件标题为「${v.demandTitle}」的需求：请填写受理时间`,
      );
    }
    throw new RowFailure(
      'demandTitle',
      `该企业没有标题为「${v.demandTitle}」的需求${day ? `（受理于 ${day}）` : ''}`,
    );
  }
  if (!v.visitDate) throw new RowFailure('visitDate', '回访走访需要填写走访日期');
  const ids = ctx.lookup.visitsOn(enterpriseId, v.visitDate);
  if (ids.length === 1) return { type, id: ids[0]! };
  const owners = ids.length ? ctx.lookup.visit(enterpriseId, v.visitDate, v.owner!) : null;
  if (owners) return { type, id: owners.id as string };
  throw new RowFailure(
    'visitDate',
    ids.length
      ? `该企业 ${v.visitDate} 有 ${ids.length} 次走访，无法确定回访哪一次`
      : `该企业 ${v.visitDate} 没有走访记录`,
  );
}

export function applyFollowupRow(ctx: ImportContext, v: RowValues): Applied {
  const enterprise = resolveEnterprise(ctx, v, false);
  const parent = parentOf(ctx, v, enterprise.id);
  const owner = v.owner!;
  const day = v.doneAt ? shanghaiDate(v.doneAt) : v.followupDueDate!;
  const content = withRemark(v.content, v.remark);
  const fields = {
    dueDate: v.followupDueDate,
    doneAt: v.doneAt,
    channel: v.channel,
    content,
    result: v.result,
    satisfaction: v.satisfaction,
    nextFollowupDate: v.nextFollowupDate,
  };
  const existing = ctx.lookup.followupsOn(parent.id, owner, day)[0];
  const fail = (e: unknown): unknown =>
    isRowProblem(e) ? toRowFailure(e as ApiError, FOLLOWUP_FIELDS, 'doneAt') : e;
  if (!existing) {
    try {
      insertFollowup(
        ctx.core,
        FollowupFields.parse({
          parentType: parent.type,
          parentId: parent.id,
          ownerStaffId: owner,
          ...fields,
        }),
      );
    } catch (e) {
      throw fail(e);
    }
    return { outcome: 'create', enterprisesCreated: 0, notes: [...enterprise.notes] };
  }
  const notes = [...enterprise.notes];
  const patch = fillPatch(
    existing,
    [
      { key: 'dueDate', field: 'followupDueDate', value: fields.dueDate },
      { key: 'doneAt', field: 'doneAt', value: fields.doneAt },
      {
        key: 'channel',
        field: 'channel',
        value: fields.channel,
        display: (c) => enumLabel('followupChannel', String(c)),
      },
      { key: 'content', field: 'content', value: fields.content },
      { key: 'result', field: 'result', value: fields.result },
      {
        key: 'satisfaction',
        field: 'satisfaction',
        value: fields.satisfaction,
        display: (s) => enumLabel('satisfaction', String(s)),
      },
      { key: 'nextFollowupDate', field: 'nextFollowupDate', value: fields.nextFollowupDate },
    ],
    notes,
  );
  if (!Object.keys(patch).length) return { outcome: 'skip', enterprisesCreated: 0, notes };
  try {
    updateFollowup(ctx.core, { id: existing.id as string, ...FollowupFields.partial().parse(patch) });
  } catch (e) {
    throw fail(e);
  }
  return { outcome: 'update', enterprisesCreated: 0, notes };
}

export function applyRow(ctx: ImportContext, v: RowValues): Applied {
  switch (ctx.kind) {
    case 'enterprises':
      return applyEnterpriseRow(ctx, v);
    case 'visits':
      return applyVisitRow(ctx, v, false);
    case 'visits_with_demands':
      return applyVisitRow(ctx, v, true);
    case 'demands':
      return applyDemandRow(ctx, v);
    case 'followups':
      return applyFollowupRow(ctx, v);
    case 'staff':
      return applyStaffRow(ctx, v);
    case 'activities':
      return applyActivityRow(ctx, v);
    case 'outcomes':
      return applyOutcomeRow(ctx, v);
  }
}
