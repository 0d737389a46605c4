import { MODELS } from '@shared/model';

/**
 * Every record kind's table (all are captured and synced): what sync tests compare between
 * laptops, derived from the models so that a new kind is compared without being listed here.
 */
export const RECORD_TABLES: readonly string[] = Object.values(MODELS).map((m) => m.table);
