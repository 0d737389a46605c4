// staff.position: a staff member's post in the bureau (局领导, 科室负责人, 工作人员, 科技特派员,
// 联络员), apart from their role in the app. The column's default fills it, with 工作人员, for
// the staff already there and for a staff record that arrives by sync from a laptop that has
// not got the field yet (no UPDATE: the capture triggers must not fire inside a migration).
// migrate() reinstalls the capture triggers after each migration, so edits of it are synced.

export const sql = `
ALTER TABLE staff ADD COLUMN "position" TEXT DEFAULT 'staff';
`;
