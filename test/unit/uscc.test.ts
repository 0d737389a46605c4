import { describe, expect, it } from 'vitest';
import { checkUscc, normalizeUscc, usccCheckChar } from '@shared/domain/uscc';

describe('USCC', () => {
  it('accepts the valid examples of DOMAIN.md', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
    expect(checkUscc('91110000600037341L')).toEqual({ ok: true, normalized: '91110000600037341L' });
  });

  it('computes the check character from the weights', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('normalises case, full-width characters, spaces and hyphens', () => {
    expect(normalizeUscc(' 9135-0100 m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(checkUscc('９１１１００００６０００３７３４１ｌ').ok).toBe(true);
  });

  it('refuses a wrong check character and says which it should be', () => {
    const r = checkUscc('91350100M000100Y44');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('check');
      expect(r.msg).toEqual({ key: 'uscc.check', params: { got: '4', want: '3' } });
    }
  });

  it('refuses a wrong length', () => {
    const r = checkUscc('91350100M000100Y4');
    expect(r.ok || r.reason).toBe('length');
  });

  it.each(['I', 'O', 'S', 'V', 'Z', '*'])('refuses the character %s', (c) => {
    const r = checkUscc(`9135010${c}M000100Y43`);
    expect(r.ok || r.reason).toBe('character');
  });
});
