import type { Core } from '../src-main/services/core';

export interface SeedOptions {
  scale: number;
  seed?: number;
  /** The day the demo's year of work ends (default: today). */
  asOf?: string;
}

export type SeedCounts = Record<string, number>;

// TEMPORARY minimal seed, replaced by the demo district generator.
export function seedDemo(core: Core, options: SeedOptions): SeedCounts {
  void core;
  void options;
  throw new Error('demo district generator not written yet');
}
