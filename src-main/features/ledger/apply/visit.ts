// Visit rows (kinds visits and visits_with_demands). The first name in 走访人 leads, the others
// and 同行人员 take part. A visit is the same visit when it has the same enterprise, date and
// lead; its demands (one cell, see demandsCell.ts) are the same demands when they have the
// same enterprise, title and received day (the visit's date).
import { patchVisit } from '../../visits/service';
import { VisitFields } from '@shared/contract/schemas';
import { startOfShanghaiDay } from '@shared/domain/dates';
import type { ClosureType, DemandCategory, DemandStatus } from '@shared/domain/enums';
import type { ApiError } from '@shared/contract/errors';
import { isRowProblem, toRowFailure } from '../failures';
import type { FieldKey } from '../fields';
import type { RowValues } from '../rows';
import { enumLabel } from '../labels';
import { insertVisit } from '../visitWriter';
import { fillPatch, withRemark, type Applied, type ImportContext } from './context';
import { resolveEnterprise, staffName } from './enterprise';
import { applyDemand } from './demand';

const VISIT_FIELDS: Record<string, FieldKey> = {
  date: 'visitDate',
  mode: 'mode',
  leadStaffId: 'leadStaff',
  staffIds: 'staff',
  peopleMet: 'peopleMet',
  summary: 'summary',
  policiesExplained: 'policiesExplained',
  solvedOnSite: 'solvedOnSite',
  enterpriseConfirmed: 'enterpriseConfirmed',
  status: 'visitStatus',
};

function failure(e: unknown): unknown {
  return isRowProblem(e) ? toRowFailure(e as ApiError, VISIT_FIELDS, 'visitDate') : e;
}

export function applyVisitRow(ctx: ImportContext, v: RowValues, withDemands: boolean): Applied {
  const enterprise = resolveEnterprise(ctx, v, true);
  const [lead, ...others] = v.leadStaff!;
  const staffIds = [...new Set([lead!, ...others, ...(v.staff ?? [])])];
  const summary = withRemark(v.summary, v.remark);
  const date = v.visitDate!;
  const notes = [...enterprise.notes];
  let outcome: Applied['outcome'];
  let visitId: string;
  const existing = ctx.lookup.visit(enterprise.id, date, lead!);
  if (existing) {
    visitId = existing.id as string;
    const patch = fillPatch(
      existing,
      [
        { key: 'mode', field: 'mode', value: v.mode, display: (m) => enumLabel('visitMode', String(m)) },
        { key: 'summary', field: 'summary', value: summary },
        { key: 'peopleMet', field: 'peopleMet', value: v.peopleMet },
        { key: 'policiesExplained', field: 'policiesExplained', value: v.policiesExplained },
      ],
      notes,
    );
    const had = (existing.staffIds ? JSON.parse(existing.staffIds as string) : []) as string[];
    const joined = staffIds.filter((s) => !had.includes(s));
    if (joined.length) patch.staffIds = [...had, ...joined];
    if (v.solvedOnSite && existing.solvedOnSite === 0) patch.solvedOnSite = true;
    if (v.enterpriseConfirmed && existing.enterpriseConfirmed === 0) patch.enterpriseConfirmed = true;
    if (Object.keys(patch).length) {
      try {
        patchVisit(ctx.core, { id: visitId, ...VisitFields.partial().parse(patch) });
      } catch (e) {
        throw failure(e);
      }
      outcome = 'update';
      if (patch.staffIds) notes.push(`同行人员增加：${joined.map((s) => staffName(ctx, s)).join('、')}`);
    } else outcome = 'skip';
  } else {
    try {
      visitId = insertVisit(ctx.core, ctx.numbers, {
        enterpriseId: enterprise.id,
        date,
        mode: (v.mode ?? 'onsite') as 'onsite',
        leadStaffId: lead!,
        staffIds,
        peopleMet: v.peopleMet,
        summary,
        policiesExplained: v.policiesExplained,
        solvedOnSite: v.solvedOnSite,
        enterpriseConfirmed: v.enterpriseConfirmed,
        status: v.visitStatus as 'submitted' | undefined,
      });
    } catch (e) {
      throw failure(e);
    }
    ctx.lookup.visitCreated(visitId, enterprise.id, date, lead!);
    outcome = 'create';
  }
  if (withDemands) {
    (v.demandsText ?? []).forEach((d, i) => {
      const prefix = `第${i + 1}项需求：`;
      const r = applyDemand(
        ctx,
        {
          enterpriseId: enterprise.id,
          title: d.title,
          description: d.description ?? undefined,
          categories: (d.categories ?? v.categories ?? ['other']) as DemandCategory[],
          receivedAt: startOfShanghaiDay(date),
          source: 'visit',
          sourceVisitId: visitId,
          level: v.level,
          assignee: v.assignee,
          leadUnitId: v.leadUnit,
          coUnitIds: v.coUnits,
          status: v.demandStatus as DemandStatus | undefined,
          assignedAt: v.assignedAt,
          answeredAt: v.answeredAt,
          closedAt: v.closedAt,
          closureType: v.closureType as ClosureType | undefined,
          resolution: v.resolution,
          remark: v.remark,
          defaultAssignee: lead!,
          titleField: 'demandsText',
        },
        prefix,
      );
      notes.push(...r.notes);
      if (r.outcome !== 'skip' && outcome === 'skip') outcome = 'update';
    });
  }
  return { outcome, enterprisesCreated: enterprise.created ? 1 : 0, notes };
}
