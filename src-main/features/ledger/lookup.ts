// The queries that find what a row is about: staff by name, enterprises by USCC or name, and
// the records a re-imported row already made (visits by enterprise + date + lead staff,
// demands by enterprise + title + received date, follow-ups by parent + date + owner).
// Enterprises and visit keys are held in memory for the import (a 50,000-row file would
// otherwise spend seconds in these look-ups); what a row adds is undone with its savepoint.
import type Database from 'better-sqlite3';
import { shanghaiDate } from '@shared/domain/dates';
import { fold } from './text';

const visitKey = (enterpriseId: string, date: string, lead: string) =>
  `${enterpriseId}\u0001${date}\u0001${lead}`;

export class Lookup {
  private readonly byFormerName: Database.Statement;
  private readonly visitById: Database.Statement;
  private readonly visitsOfDay: Database.Statement;
  private readonly demands: Database.Statement;
  private readonly followups: Database.Statement;
  private staff = new Map<string, string[]>();
  private units = new Map<string, string>();
  private readonly usccs = new Map<string, { id: string; name: string }>();
  private readonly names = new Map<string, string[]>();
  private readonly visits = new Map<string, string>();
  /** Undo steps of the row being applied. */
  private undo: (() => void)[] = [];

  constructor(private readonly db: Database.Database) {
    this.byFormerName = db.prepare(
      `SELECT e."id" FROM enterprises e WHERE e."deletedAt" IS NULL AND e."formerNames" LIKE ? ESCAPE '\\'
         AND EXISTS (SELECT 1 FROM json_each(e."formerNames") j WHERE j.value = ?)`,
    );
    this.visitById = db.prepare(`SELECT * FROM visits WHERE "id" = ?`);
    this.visitsOfDay = db.prepare(
      `SELECT "id" FROM visits WHERE "enterpriseId" = ? AND "date" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
    );
    this.demands = db.prepare(
      `SELECT * FROM demands WHERE "enterpriseId" = ? AND "title" = ? AND "deletedAt" IS NULL ORDER BY "receivedAt", "id"`,
    );
    this.followups = db.prepare(
      `SELECT * FROM followups WHERE "parentId" = ? AND "ownerStaffId" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
    );
    this.loadStaff();
    this.loadUnits();
    const enterprises = db
      .prepare(
        `SELECT "id","uscc","name" FROM enterprises WHERE "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
      )
      .all() as { id: string; uscc: string | null; name: string | null }[];
    for (const e of enterprises) this.putEnterprise(e.id, e.uscc, e.name ?? '');
    const visits = db
      .prepare(
        `SELECT "id","enterpriseId","date","leadStaffId" FROM visits WHERE "deletedAt" IS NULL ORDER BY "createdAt" DESC, "id" DESC`,
      )
      .all() as { id: string; enterpriseId: string; date: string; leadStaffId: string }[];
    // Oldest last, so the oldest of equal visits is the one found.
    for (const v of visits) this.visits.set(visitKey(v.enterpriseId, v.date, v.leadStaffId), v.id);
  }

  private putEnterprise(id: string, uscc: string | null, name: string): void {
    if (uscc && !this.usccs.has(uscc)) this.usccs.set(uscc, { id, name });
    if (name) this.names.set(name, [...(this.names.get(name) ?? []), id]);
  }

  /** A row begins: what it adds to the look-ups is undone if it fails. */
  beginRow(): void {
    this.undo = [];
  }

  rollbackRow(): void {
    for (const step of this.undo.reverse()) step();
    this.undo = [];
  }

  /** (Re)reads the staff list: names folded, deleted staff left out. */
  loadStaff(): void {
    this.staff = new Map();
    const rows = this.db
      .prepare(`SELECT "id","name" FROM staff WHERE "deletedAt" IS NULL ORDER BY "createdAt", "id"`)
      .all() as {
      id: string;
      name: string | null;
    }[];
    for (const r of rows) {
      const key = fold(r.name ?? '');
      if (!key) continue;
      this.staff.set(key, [...(this.staff.get(key) ?? []), r.id]);
    }
  }

  /** (Re)reads the units: names folded (they are unique among live units). */
  loadUnits(): void {
    const rows = this.db
      .prepare(`SELECT "id","name" FROM units WHERE "deletedAt" IS NULL ORDER BY "createdAt", "id"`)
      .all() as { id: string; name: string | null }[];
    this.units = new Map(rows.map((r) => [fold(r.name ?? ''), r.id]));
  }

  unitId(name: string): string | null {
    return this.units.get(fold(name)) ?? null;
  }

  staffIds(name: string): string[] {
    return this.staff.get(fold(name)) ?? [];
  }

  /** A staff member a row of a staff list added (undone with the row). */
  staffCreated(id: string, name: string): void {
    const key = fold(name);
    const had = this.staff.get(key);
    this.staff.set(key, [...(had ?? []), id]);
    this.undo.push(() => (had ? this.staff.set(key, had) : this.staff.delete(key)));
  }

  enterpriseByUscc(uscc: string): { id: string; name: string } | null {
    return this.usccs.get(uscc) ?? null;
  }

  /** Live enterprises with exactly this name (or, failing that, this former name). */
  enterprisesByName(name: string): string[] {
    const now = this.names.get(name);
    if (now?.length) return now;
    const like = `%${JSON.stringify(name)
      .slice(1, -1)
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (this.byFormerName.all(like, name) as { id: string }[]).map((r) => r.id);
  }

  enterpriseCreated(id: string, uscc: string, name: string): void {
    const hadUscc = this.usccs.has(uscc);
    const hadName = this.names.get(name);
    this.putEnterprise(id, uscc, name);
    this.undo.push(() => {
      if (!hadUscc) this.usccs.delete(uscc);
      if (hadName) this.names.set(name, hadName);
      else this.names.delete(name);
    });
  }

  visit(enterpriseId: string, date: string, leadStaffId: string): Record<string, unknown> | null {
    const id = this.visits.get(visitKey(enterpriseId, date, leadStaffId));
    return id ? ((this.visitById.get(id) as Record<string, unknown> | undefined) ?? null) : null;
  }

  visitCreated(id: string, enterpriseId: string, date: string, leadStaffId: string): void {
    const key = visitKey(enterpriseId, date, leadStaffId);
    if (this.visits.has(key)) return;
    this.visits.set(key, id);
    this.undo.push(() => this.visits.delete(key));
  }

  visitsOn(enterpriseId: string, date: string): string[] {
    return (this.visitsOfDay.all(enterpriseId, date) as { id: string }[]).map((r) => r.id);
  }

  /** Demands of the enterprise with this title, received on `date` (a Shanghai day) if given. */
  demandsTitled(enterpriseId: string, title: string, date: string | null): Record<string, unknown>[] {
    const rows = this.demands.all(enterpriseId, title) as Record<string, unknown>[];
    return date
      ? rows.filter((r) => typeof r.receivedAt === 'string' && shanghaiDate(r.receivedAt) === date)
      : rows;
  }

  /** Follow-ups of a parent by an owner on a day (the day it was done, or due when not done). */
  followupsOn(parentId: string, ownerStaffId: string, date: string): Record<string, unknown>[] {
    return (this.followups.all(parentId, ownerStaffId) as Record<string, unknown>[]).filter((r) => {
      const day = typeof r.doneAt === 'string' ? shanghaiDate(r.doneAt) : r.dueDate;
      return day === date;
    });
  }
}
