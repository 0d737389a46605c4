import { msg, say } from '@shared/messages';
import type { z } from 'zod';
import { type Core, requireLive, softDelete } from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { EnterpriseFields, Enterprise, RecordWarning } from '@shared/contract/schemas';
import { customIndustriesOf, townListFor } from '../settings/service';
import { industryWarning } from '../settings/industries';
import { townWarning } from '../settings/towns';
import type { ListQuery } from '@shared/contract/contract';
import { ApiError, invalid, issue } from '@shared/contract/errors';
import { checkUscc, normalizeUscc } from '@shared/domain/uscc';
import { TIER_VALID_YEARS } from '@shared/domain/enums';
import { similarity, coreName } from '@shared/domain/names';
import { isOpenSql } from '../../store/rulesSql';

type EnterpriseInput = z.output<typeof EnterpriseFields>;
type Tier = NonNullable<EnterpriseInput['tiers']>[number];

export function getEnterprise(core: Core, id: string): Enterprise {
  requireLive(core, 'enterprises', id);
  return getRow(core.store, 'enterprises', id, true)!;
}

/** Normalises and checks the USCC; refuses a bad one unless overridden with a reason. */
function usccRules(
  core: Core,
  uscc: string,
  override: boolean,
  reason: string | null | undefined,
  selfId: string | null,
): string {
  const check = checkUscc(uscc);
  if (!check.ok) {
    if (!override) {
      throw invalid('uscc', msg('uscc.keepAnyway', { problem: check.msg }), {
        reason: check.reason,
        normalized: check.normalized,
      });
    }
    if (!reason?.trim()) throw invalid('usccOverrideReason', msg('uscc.overrideReason'));
  }
  const taken = core.store.db
    .prepare(`SELECT "id","name" FROM enterprises WHERE "uscc" = ? AND "deletedAt" IS NULL AND "id" IS NOT ?`)
    .get(check.normalized, selfId) as { id: string; name: string } | undefined;
  if (taken) {
    const m = msg('uscc.taken', { uscc: check.normalized, name: taken.name });
    throw new ApiError('CONFLICT', m, { field: 'uscc', existingId: taken.id, issues: [issue('uscc', m)] });
  }
  return check.normalized;
}

/** 高新技术企业 certificates run three years: issued in Y, valid to the end of Y+2. */
function withExpiry(tiers: Tier[]): Tier[] {
  return tiers.map((t) => {
    const years = TIER_VALID_YEARS[t.tier];
    return t.expiresOn || !years ? t : { ...t, expiresOn: `${t.year + years - 1}-12-31` };
  });
}

type Checked = Enterprise & { warnings?: RecordWarning[] };

/**
 * An enterprise as get, create and update return it: with a warning while its town or industry
 * is not in the bureau's lists, so the same record reads the same whichever of them returned it.
 */
export function checkedEnterprise(core: Core, id: string): Checked {
  const e = getEnterprise(core, id);
  const warnings = [
    ...townWarning(townListFor(core, id), e.town),
    ...industryWarning(customIndustriesOf(core), e.industry),
  ];
  return warnings.length ? { ...e, warnings } : e;
}

export const createEnterprise = (core: Core, input: EnterpriseInput): Checked =>
  checkedEnterprise(core, insertEnterprise(core, input));

/**
 * createEnterprise's writes, without reading the enterprise back (nor its warnings, whose list
 * of towns in use reads every enterprise): its id.
 */
export function insertEnterprise(core: Core, input: EnterpriseInput): string {
  const uscc = usccRules(core, input.uscc, input.usccOverride ?? false, input.usccOverrideReason, null);
  if (input.liaisonStaffId) requireLive(core, 'staff', input.liaisonStaffId, 'liaisonStaffId');
  const id = insertRecord(core.store, 'enterprises', {
    ...input,
    uscc,
    usccOverride: input.usccOverride ?? false,
    formerNames: input.formerNames ?? [],
    tiers: withExpiry(input.tiers ?? []),
    contacts: input.contacts ?? [],
    status: input.status ?? 'normal',
  });
  return id;
}

type EnterprisePatch = Partial<EnterpriseInput> & { id: string };

export const updateEnterprise = (core: Core, patch: EnterprisePatch): Checked => {
  patchEnterprise(core, patch);
  return checkedEnterprise(core, patch.id);
};

/** updateEnterprise's writes, without reading the enterprise back. */
export function patchEnterprise(core: Core, { id, ...patch }: EnterprisePatch): void {
  const current = requireLive(core, 'enterprises', id);
  const next: Record<string, unknown> = { ...patch };
  if (
    patch.uscc !== undefined ||
    patch.usccOverride !== undefined ||
    patch.usccOverrideReason !== undefined
  ) {
    next.uscc = usccRules(
      core,
      patch.uscc ?? current.uscc ?? '',
      patch.usccOverride ?? current.usccOverride ?? false,
      patch.usccOverrideReason !== undefined ? patch.usccOverrideReason : current.usccOverrideReason,
      id,
    );
  }
  if (patch.liaisonStaffId) requireLive(core, 'staff', patch.liaisonStaffId, 'liaisonStaffId');
  if (patch.tiers) next.tiers = withExpiry(patch.tiers);
  // A renamed enterprise keeps its old name findable.
  if (patch.name && current.name && patch.name !== current.name && patch.formerNames === undefined) {
    const former = current.formerNames ?? [];
    if (!former.includes(current.name)) next.formerNames = [...former, current.name];
  }
  updateRecord(core.store, 'enterprises', id, next);
}

/** An enterprise with open demands stays: deleting it would hide work that is still owed. */
export function deleteEnterprise(core: Core, id: string) {
  const open = core.store.db
    .prepare(
      `SELECT count(*) AS n FROM demands WHERE "enterpriseId" = ? AND "deletedAt" IS NULL AND ${isOpenSql('"status"')}`,
    )
    .get(id) as { n: number };
  if (open.n) {
    throw new ApiError('CONFLICT', msg('enterprise.openDemands', { n: open.n }), {
      field: 'id',
      openDemands: open.n,
    });
  }
  return softDelete(core, 'enterprises', id);
}

export function listEnterprises(core: Core, query: ListQuery) {
  return listRows(core.store, 'enterprises', query);
}

const SIMILAR_THRESHOLD = 0.6;

/** Live enterprises with the same USCC or a similar name, for a warning before saving. */
export function checkDuplicates(
  core: Core,
  input: { uscc?: string | undefined; name?: string | undefined; excludeId?: string | undefined },
) {
  const exclude = input.excludeId ?? null;
  let sameUscc: Enterprise[] = [];
  let usccProblem: string | null = null;
  if (input.uscc?.trim()) {
    const normalized = normalizeUscc(input.uscc);
    const check = checkUscc(normalized);
    if (!check.ok) usccProblem = say('en', check.msg);
    const ids = core.store.db
      .prepare(`SELECT "id" FROM enterprises WHERE "uscc" = ? AND "deletedAt" IS NULL AND "id" IS NOT ?`)
      .all(normalized, exclude) as { id: string }[];
    sameUscc = ids.map((r) => getEnterprise(core, r.id));
  }
  let similarName: Enterprise[] = [];
  const wanted = coreName(input.name ?? '');
  if (wanted.length >= 2) {
    const all = core.store.db
      .prepare(
        `SELECT "id","name","formerNames" FROM enterprises WHERE "deletedAt" IS NULL AND "id" IS NOT ?`,
      )
      .all(exclude) as { id: string; name: string; formerNames: string | null }[];
    similarName = all
      .map((r) => {
        const names = [r.name, ...((r.formerNames ? JSON.parse(r.formerNames) : []) as string[])];
        return { id: r.id, score: Math.max(...names.map((n) => similarity(wanted, coreName(n)))) };
      })
      .filter((r) => r.score >= SIMILAR_THRESHOLD && !sameUscc.some((e) => e.id === r.id))
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((r) => getEnterprise(core, r.id));
  }
  return { sameUscc, similarName, usccProblem };
}
