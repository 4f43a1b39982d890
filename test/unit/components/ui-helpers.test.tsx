import { describe, expect, it } from 'vitest';
import type { IndicatorState } from '@/lib/hints/types';
import { LKE } from '@/lib/lke/template';
import { groupAnswerable } from '@/lib/ui/indicatorGroups';
import { isComplete, statusOf } from '@/lib/ui/indicatorStatus';
import { criteriaRepeatsOptions, httpUrl, readableName } from '@/lib/ui/presentation';

const byCode = (code: string) => {
  const indicator = LKE.byCode.get(code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  return indicator;
};

describe('readableName', () => {
  it('turns capitals into title case, keeping acronyms and lower-casing small words', () => {
    expect(readableName('PENATAAN SISTEM MANAJEMEN SDM APARATUR')).toBe('Penataan Sistem Manajemen SDM Aparatur');
    expect(readableName('BIROKRASI YANG BERSIH DAN AKUNTABEL')).toBe('Birokrasi yang Bersih dan Akuntabel');
    expect(readableName('Perubahan pola pikir dan budaya kerja')).toBe('Perubahan pola pikir dan budaya kerja');
  });
});

describe('criteriaRepeatsOptions', () => {
  it('is true where the criteria are the option texts, false for Ya/Tidak and counts', () => {
    expect(criteriaRepeatsOptions(byCode('A.I.1.iii.a'))).toBe(true);
    expect(criteriaRepeatsOptions(byCode('A.I.1.i.a'))).toBe(false);
    expect(criteriaRepeatsOptions(byCode('A.II.1.i.a.1'))).toBe(false);
  });
});

describe('httpUrl', () => {
  it('accepts http(s) only', () => {
    expect(httpUrl(' https://drive.example.id/a b ')).toBe('https://drive.example.id/a%20b');
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl('file:///C:/bukti.pdf')).toBeNull();
    expect(httpUrl('SK Tim Kerja.pdf')).toBeNull();
  });
});

describe('groupAnswerable', () => {
  it('puts all 127 answerable indicators under Pemenuhan, Reform and Hasil in template order', () => {
    const groups = groupAnswerable(LKE);
    expect(groups.map(({ section }) => section.code)).toEqual(['A.I', 'A.II', 'B']);
    expect(groups.map(({ areas }) => areas.length)).toEqual([6, 6, 2]);
    const codes = groups.flatMap(({ areas }) => areas.flatMap(({ indicators }) => indicators.map((i) => i.code)));
    expect(codes).toEqual(LKE.answerable.map((indicator) => indicator.code));
    expect(groups[1]?.areas[0]?.indicators[0]?.code).toBe('A.II.1.i.a.1');
  });
});

describe('statusOf', () => {
  const state = (fields: Partial<IndicatorState>): IndicatorState => ({ code: 'A.I.1.i.a', answer: null, narrative: null, evidence: [], ...fields });

  it('reads blank text as missing, and a known state part by part', () => {
    expect(statusOf(state({ answer: ' ', narrative: '\n', evidence: [{ url: ' ' }] }))).toEqual({
      answer: false,
      narrative: false,
      evidence: false,
    });
    expect(statusOf(undefined)).toEqual({ answer: false, narrative: false, evidence: false });
    expect(statusOf(state({ answer: 'Ya' }))).toEqual({ answer: true, narrative: false, evidence: false });
    expect(isComplete(statusOf(state({ answer: 'Ya', narrative: 'x', evidence: [{ url: 'https://a.go.id/sk' }] })))).toBe(true);
  });
});
