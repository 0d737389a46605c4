import { describe, expect, it } from 'vitest';
import {
  INDUSTRY_ENTRIES,
  industryByName,
  industryEntry,
  industrySplitKey,
  industryText,
} from '@shared/domain/industries';

// GB/T 4754-2017 as shipped: 20 sections (门类 A–T) and 97 divisions (大类 01–97), each division
// under its section in the standard's order.

describe('the GB/T 4754-2017 list', () => {
  const sections = INDUSTRY_ENTRIES.filter((e) => e.code.length === 1);
  const divisions = INDUSTRY_ENTRIES.filter((e) => e.code.length === 3);

  it('holds the 20 sections and the 97 divisions, numbered 01–97 in order', () => {
    expect(sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(divisions).toHaveLength(97);
    expect(divisions.map((d) => Number(d.code.slice(1)))).toEqual(
      Array.from({ length: 97 }, (_, i) => i + 1),
    );
    for (const d of divisions) expect(d.code[0]).toBe(d.section);
    expect(new Set(INDUSTRY_ENTRIES.map((e) => e.zh)).size).toBe(INDUSTRY_ENTRIES.length - 3);
  });

  it('places divisions under their sections as the standard does', () => {
    const per = Object.fromEntries(
      sections.map((s) => [s.code, divisions.filter((d) => d.section === s.code).length]),
    );
    expect(per).toEqual({
      A: 5,
      B: 7,
      C: 31,
      D: 3,
      E: 4,
      F: 2,
      G: 8,
      H: 2,
      I: 3,
      J: 4,
      K: 1,
      L: 2,
      M: 3,
      N: 4,
      O: 3,
      P: 1,
      Q: 2,
      R: 5,
      S: 6,
      T: 1,
    });
    expect(industryEntry('c39')?.zh).toBe('计算机、通信和其他电子设备制造业');
    expect(industryEntry('I65')?.zh).toBe('软件和信息技术服务业');
    expect(industryEntry('M75')?.zh).toBe('科技推广和应用服务业');
    expect(industryEntry('C99')).toBeUndefined();
    expect(industryByName('医药制造业')?.code).toBe('C27');
  });

  it('names an industry and keys the reports’ split by section or by a custom entry’s text', () => {
    expect(industryText('C39')).toBe('C39 计算机、通信和其他电子设备制造业');
    expect(industryText('智能制造')).toBe('智能制造');
    expect(industrySplitKey('c39')).toBe('C');
    expect(industrySplitKey('智能制造')).toBe('智能制造');
  });
});
