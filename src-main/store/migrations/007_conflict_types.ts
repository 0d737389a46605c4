// Conflicts of more than one type: besides a field's value that lost to a concurrent edit
// ('field'), a workflow move that lost its place when two laptops moved a demand apart
// ('workflow') and an edit or a child record that lost to a concurrent delete ('delete').
// `detail` holds what the type needs to show and resolve it (JSON).

export const sql = `
ALTER TABLE conflicts ADD COLUMN "type" TEXT NOT NULL DEFAULT 'field';
ALTER TABLE conflicts ADD COLUMN "detail" TEXT;
`;
