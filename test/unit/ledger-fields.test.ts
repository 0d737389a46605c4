import { describe, expect, it } from 'vitest';
import { MODELS, fileWordOf } from '@shared/model';
import { FIELDS, KIND_DEFS } from '../../src-main/features/ledger/fields';

// The importer's fields are the models' fields: labels and header words come from the model,
// the way a cell is read from the model's validator unless the ledger says otherwise.

describe('the ledger import fields', () => {
  it('take their label and header words from the model field they fill', () => {
    const pairs = [
      [FIELDS.visitDate, MODELS.visits.fields.date],
      [FIELDS.demandTitle, MODELS.demands.fields.title],
      [FIELDS.owner, MODELS.followups.fields.ownerStaffId],
      [FIELDS.enterpriseStatus, MODELS.enterprises.fields.status],
      [FIELDS.position, MODELS.staff.fields.position],
    ] as const;
    for (const [field, model] of pairs) {
      expect(field.label).toBe(fileWordOf(model));
      expect(field.words).toBe(model.words);
    }
    // The wizard's English names say whose date or status it is.
    expect([FIELDS.visitDate.en, FIELDS.visitStatus.en]).toEqual(['Visit date', 'Record status']);
  });

  it('read cells as the model validates them, or as the ledger says where that differs', () => {
    expect(FIELDS.mode.type).toEqual({ t: 'enum', group: 'visitMode' });
    expect(FIELDS.categories.type).toEqual({ t: 'enumList', group: 'demandCategory' });
    expect(FIELDS.complex.type).toEqual({ t: 'bool' });
    expect(FIELDS.visitDate.type).toEqual({ t: 'date' });
    expect(FIELDS.doneAt.type).toEqual({ t: 'instant' });
    expect(FIELDS.peopleMet.type).toEqual({ t: 'text', max: 500 });
    expect(FIELDS.enterpriseName.type).toEqual({ t: 'text', max: 200 });
    expect([FIELDS.staffName, FIELDS.position, FIELDS.staffPhone, FIELDS.active].map((f) => f.type)).toEqual([
      { t: 'text', max: 200 },
      { t: 'enum', group: 'position' },
      { t: 'phone' },
      { t: 'bool' },
    ]);
    // Overridden: a long title is cut in two; industry and tiers have readers of their own.
    expect(FIELDS.demandTitle.type).toEqual({ t: 'text', max: 4000 });
    expect(FIELDS.industry.type).toEqual({ t: 'industry' });
    expect(FIELDS.owner.type).toEqual({ t: 'staff' });
  });

  it('give every field of every kind some header words', () => {
    for (const [kind, def] of Object.entries(KIND_DEFS))
      for (const f of def.fields) expect(FIELDS[f].words.words.length, `${kind}.${f}`).toBeGreaterThan(0);
  });
});
