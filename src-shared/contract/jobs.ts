/** What a long job can be doing; the renderer names each phase. */
export const JOB_PHASES = [
  'starting',
  'reading',
  'checking',
  'backup',
  'scanning',
  'applying',
  'saving',
  'indexing',
  'writing',
  'exporting',
  'sealing',
] as const;
export type JobPhase = (typeof JOB_PHASES)[number];
