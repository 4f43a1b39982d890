import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_NARRATIVE_LENGTH,
  hintsFor,
  hintsForPeriod,
  parseCount,
  type Hint,
  type HintContext,
  type HintRule,
  type IndicatorState,
} from '@/lib/hints';
import { LKE } from '@/lib/lke/template';

const context: HintContext = { year: 2026, minNarrativeLength: DEFAULT_MIN_NARRATIVE_LENGTH };
const LONG =
  'Tim kerja dibentuk melalui SK Kepala Kantor dan rapat pembentukan dengan notulen, ' +
  'daftar hadir, serta foto kegiatan. Anggota dipilih dengan kriteria tertulis dan kertas kerja seleksi.';
const LINK = { url: 'https://drive.google.com/file/d/sk-tim-kerja/view' };

/** A fully answered, documented indicator; each test spoils one thing. */
const good = (code: string, changes: Partial<IndicatorState> = {}): IndicatorState => ({
  code,
  answer: 'Ya',
  narrative: LONG,
  evidence: [LINK],
  ...changes,
});

const rules = (hints: Hint[]): HintRule[] => hints.map((h) => h.rule);
const find = (hints: Hint[], rule: HintRule): Hint | undefined => hints.find((h) => h.rule === rule);

describe('parseCount', () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['1.234', 1234],
    ['0', 0],
  ])('reads %j as %d', (text, count) => expect(parseCount(text)).toBe(count));

  it.each([null, '', '  ', '-3', '1,5', '1.5', '12a', 'dua belas'])('treats %j as missing', (text) =>
    expect(parseCount(text)).toBeNull(),
  );
});

describe('hintsFor', () => {
  it('gives no hint for a complete, documented answer', () => {
    expect(hintsFor(good('A.I.1.i.a'), context)).toEqual([]);
  });

  it('reports an unanswered question as an error', () => {
    const hint = find(hintsFor(good('A.I.1.i.a', { answer: null }), context), 'unanswered');
    expect(hint).toEqual({ rule: 'unanswered', code: 'A.I.1.i.a', severity: 'error', params: {} });
  });

  it('treats an answer that is no option as unanswered, like the workbook', () => {
    expect(rules(hintsFor(good('A.I.1.i.b', { answer: 'X' }), context))).toContain('unanswered');
    expect(rules(hintsFor(good('A.I.1.i.b', { answer: 'b' }), context))).not.toContain('unanswered');
  });

  it('reports a Jumlah input without a count as unanswered', () => {
    const input = (answer: string | null) => good('A.II.5.ii.a.1', { answer, narrative: null });
    expect(rules(hintsFor(input('-4'), context))).toContain('unanswered');
    expect(rules(hintsFor(input('1.234'), context))).not.toContain('unanswered');
  });

  it('never reports a percentage as unanswered', () => {
    expect(hintsFor(good('A.II.5.ii.a', { answer: null }), context)).toEqual([]);
  });

  it('warns about a missing narrative, but not for a Jumlah input', () => {
    expect(find(hintsFor(good('A.I.1.i.a', { narrative: '  ' }), context), 'narrativeMissing')?.severity).toBe(
      'warning',
    );
    expect(rules(hintsFor(good('A.II.5.ii.a.1', { answer: '3', narrative: null }), context))).toEqual([]);
  });

  it('warns about a short narrative with its length and the limit', () => {
    const hints = hintsFor(good('A.I.1.i.a', { narrative: '  SK tim kerja sudah ada.  ' }), context);
    expect(find(hints, 'narrativeShort')).toMatchObject({ severity: 'warning', params: { length: 23, limit: 150 } });
    expect(rules(hintsFor(good('A.I.1.i.a', { narrative: 'x'.repeat(150) }), context))).not.toContain(
      'narrativeShort',
    );
    expect(rules(hintsFor(good('A.II.5.ii.a.1', { answer: '3', narrative: 'dua' }), context))).toEqual([]);
  });

  it('warns about missing evidence; a blank link is no evidence', () => {
    const hints = hintsFor(good('A.I.1.i.a', { answer: 'Tidak', evidence: [{ url: ' ' }] }), context);
    expect(find(hints, 'noEvidence')?.severity).toBe('warning');
    expect(rules(hintsFor(good('A.I.1.i.a', { answer: 'Tidak' }), context))).not.toContain('noEvidence');
  });

  it('reports the top answer without evidence as an error instead of a warning', () => {
    const yes = rules(hintsFor(good('A.I.1.i.a', { answer: 'YA', evidence: [] }), context));
    expect(yes).toContain('bestAnswerWithoutEvidence');
    expect(yes).not.toContain('noEvidence');
    const a = find(hintsFor(good('A.I.1.i.b', { answer: 'A', evidence: [] }), context), 'bestAnswerWithoutEvidence');
    expect(a).toMatchObject({ severity: 'error', params: { answer: 'A' } });
    expect(rules(hintsFor(good('A.I.1.i.b', { answer: 'B', evidence: [] }), context))).toEqual(['noEvidence']);
  });

  it('warns about years other than the period year and the year before', () => {
    const narrative = `${LONG} Pada 2025 dan 2026 dilakukan monev; laporan 2019 dan 2023 dirujuk lagi pada 2019.`;
    const hint = find(hintsFor(good('A.I.1.i.a', { narrative }), context), 'narrativeOtherYear');
    expect(hint).toEqual({
      rule: 'narrativeOtherYear',
      code: 'A.I.1.i.a',
      severity: 'warning',
      params: { years: '2019, 2023', from: 2025, to: 2026 },
    });
  });

  it('ignores the period years, regulation citations and numbers that are no year', () => {
    const narrative = `${LONG} Sesuai PermenPANRB Nomor 90 Tahun 2021, capaian 2025 dan 2026 naik; nomor surat 120231.`;
    expect(rules(hintsFor(good('A.I.1.i.a', { narrative }), context))).toEqual([]);
  });

  it('notes evidence dated outside the period', () => {
    const evidence = [
      { url: LINK.url, documentDate: '2023-04-01' },
      { url: LINK.url, documentDate: '2021' },
      { url: LINK.url, documentDate: '2025-12-31' },
      { url: LINK.url, documentDate: 'kemarin' },
    ];
    const hint = find(hintsFor(good('A.I.1.i.a', { evidence }), context), 'evidenceOutsidePeriod');
    expect(hint).toMatchObject({ severity: 'info', params: { years: '2021, 2023', from: 2025, to: 2026 } });
    const inPeriod = [{ url: LINK.url, documentDate: '2026-01-15' }, { url: LINK.url, documentDate: null }];
    expect(hintsFor(good('A.I.1.i.a', { evidence: inPeriod }), context)).toEqual([]);
  });

  it('warns when the narrative is last period’s, apart from spacing and case', () => {
    const previousNarratives = new Map([['A.I.1.i.a', `  ${LONG.toUpperCase().replaceAll(' ', '  ')}`]]);
    const hints = hintsFor(good('A.I.1.i.a'), { ...context, previousNarratives });
    expect(find(hints, 'narrativeUnchanged')).toMatchObject({ severity: 'warning', params: { previousYear: 2025 } });
    const changed = new Map([['A.I.1.i.a', `${LONG} Ditambah evaluasi.`]]);
    expect(hintsFor(good('A.I.1.i.a'), { ...context, previousNarratives: changed })).toEqual([]);
  });

  it('gives nothing for a code outside the template', () => {
    expect(hintsFor(good('Z.9'), context)).toEqual([]);
  });
});

/** States of the Jumlah inputs of a percentage, from counts as typed. */
const counts = (entries: Record<string, string | null>): Map<string, IndicatorState> =>
  new Map(Object.entries(entries).map(([code, answer]) => [code, good(code, { answer, narrative: null })]));

const countHints = (entries: Record<string, string | null>, code: string): Hint[] =>
  hintsForPeriod(counts(entries), context).filter((h) => h.code === code);

/** Count rules always warn: the workbook still opens, but the percentage is wrong or blank. */
const onlyWarning = (rule: HintRule, code: string, params: Hint['params']): Hint[] => [
  { rule, code, severity: 'warning', params },
];

describe('count rules', () => {
  it('accepts complete, consistent counts', () => {
    const hints = countHints({ 'A.II.5.ii.a.1': '10', 'A.II.5.ii.a.2': '2', 'A.II.5.ii.a.3': '8' }, 'A.II.5.ii.a');
    expect(hints).toEqual([]);
  });

  it('warns when the required but unused input is empty', () => {
    const hints = countHints({ 'A.II.5.ii.a.1': '10', 'A.II.5.ii.a.2': '', 'A.II.5.ii.a.3': '8' }, 'A.II.5.ii.a');
    expect(hints).toEqual(onlyWarning('countMissing', 'A.II.5.ii.a', { missing: 'A.II.5.ii.a.2' }));
  });

  it('leaves a percentage with no count at all to the unanswered inputs', () => {
    const hints = hintsForPeriod(new Map(), context);
    expect(hints.filter((h) => h.code === 'A.II.5.ii.a')).toEqual([]);
    expect(find(hints.filter((h) => h.code === 'A.II.5.ii.a.1'), 'unanswered')).toBeDefined();
  });

  it('warns when more complaints are settled than there were', () => {
    const hints = countHints({ 'A.II.5.ii.a.1': '10', 'A.II.5.ii.a.2': '0', 'A.II.5.ii.a.3': '12' }, 'A.II.5.ii.a');
    expect(hints).toEqual(onlyWarning('countExceedsTotal', 'A.II.5.ii.a', { numerator: 12, denominator: 10 }));
  });

  it('compares the LHKPN reports with the sum of who must report', () => {
    const must = { 'A.II.5.iii.a.1': '1', 'A.II.5.iii.a.2': '4', 'A.II.5.iii.a.3': '2' };
    expect(countHints({ ...must, 'A.II.5.iii.a.4': '7' }, 'A.II.5.iii.a')).toEqual([]);
    expect(rules(countHints({ ...must, 'A.II.5.iii.a.4': '8' }, 'A.II.5.iii.a'))).toEqual(['countExceedsTotal']);
  });

  it('warns when violations appear after a year without any', () => {
    const hints = countHints({ 'A.II.3.iii.a.1': '0', 'A.II.3.iii.a.2': '3', 'A.II.3.iii.a.3': '3' }, 'A.II.3.iii.a');
    expect(hints).toEqual(onlyWarning('countUndefinedRate', 'A.II.3.iii.a', { divisor: 'A.II.3.iii.a.1' }));
  });

  it('accepts no violations in either year, and any decrease', () => {
    expect(countHints({ 'A.II.3.iii.a.1': '0', 'A.II.3.iii.a.2': '0', 'A.II.3.iii.a.3': '0' }, 'A.II.3.iii.a')).toEqual(
      [],
    );
    expect(countHints({ 'A.II.3.iii.a.1': '4', 'A.II.3.iii.a.2': '1', 'A.II.3.iii.a.3': '1' }, 'A.II.3.iii.a')).toEqual(
      [],
    );
  });

  it('warns when the total a ratio divides by is zero', () => {
    const hints = countHints({ 'A.II.4.i.a.1': '0', 'A.II.4.i.a.2': '0' }, 'A.II.4.i.a');
    expect(hints).toEqual(onlyWarning('countUndefinedRate', 'A.II.4.i.a', { divisor: 'A.II.4.i.a.1' }));
  });
});

describe('hintsForPeriod', () => {
  it('lists hints in template order and treats missing states as empty', () => {
    const hints = hintsForPeriod(new Map([['A.I.1.i.b', good('A.I.1.i.b', { answer: 'A' })]]), context);
    const codes = [...new Set(hints.map((h) => h.code))];
    expect(codes[0]).toBe('A.I.1.i.a');
    expect(codes).not.toContain('A.I.1.i.b');
    expect(codes).toHaveLength(LKE.answerable.length - 1);
    expect(rules(hints.filter((h) => h.code === 'A.I.1.i.a'))).toEqual(['unanswered', 'narrativeMissing', 'noEvidence']);
  });
});
