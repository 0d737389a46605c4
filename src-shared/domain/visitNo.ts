// Human visit numbers: YEAR-DEVICECODE-SEQ, e.g. 2026-K7FQ-0042. Each device numbers its
// own visits, so two laptops working offline can never hand out the same number.

export const VISIT_NO_RE = /^(\d{4})-([0-9A-Z]{3,4})-(\d{4,})$/;

export function formatVisitNo(year: string, deviceCode: string, seq: number): string {
  return `${year}-${deviceCode}-${String(seq).padStart(4, '0')}`;
}

export function visitNoPrefix(year: string, deviceCode: string): string {
  return `${year}-${deviceCode}-`;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A short device code from random bytes (no 0/1/I/O to keep it readable). Four characters
 * give about a million codes: two laptops of a 50-laptop team share one with a chance of
 * about 0.1 %; when they do, an import reports it and moves one of them to a fresh code
 * (src-main/features/sync/deviceCodes.ts).
 */
export function deviceCodeFrom(bytes: Uint8Array): string {
  return Array.from(bytes.slice(0, 4), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
