import { describe, expect, it } from 'vitest';
import { indicatorStates, type ObservedState, type PeriodRecords, type SavedValue } from '@/lib/hints';

const CODE = 'A.I.1.i.a';
const PAGE_AT = Date.UTC(2026, 2, 14, 3, 0);
const BEFORE = PAGE_AT - 60_000;
const AFTER = PAGE_AT + 60_000;

const page = (fields: Partial<ObservedState> = {}): ObservedState => ({
  code: CODE,
  answer: null,
  narrative: null,
  evidence: [],
  observedAt: PAGE_AT,
  ...fields,
});
const saved = (field: SavedValue['field'], text: string | null, at: number, code = CODE): SavedValue => ({
  code,
  field,
  text,
  at,
});
const records = (changes: Partial<PeriodRecords>): PeriodRecords => ({
  observed: [],
  saved: [],
  library: [],
  ...changes,
});
const stateOf = (input: Partial<PeriodRecords>, code = CODE) => indicatorStates(records(input)).get(code);

describe('indicatorStates', () => {
  it('has no state for an indicator nothing is known of', () => {
    expect(indicatorStates(records({})).size).toBe(0);
  });

  it('takes a text typed after the page was read over what the page showed', () => {
    const state = stateOf({
      observed: [page({ answer: 'Tidak', narrative: 'Lama' })],
      saved: [saved('answer', 'Ya', AFTER), saved('narrative', 'Baru diketik', AFTER)],
    });
    expect(state).toMatchObject({ answer: 'Ya', narrative: 'Baru diketik' });
  });

  it('keeps what a page read after the save shows, even an emptied field', () => {
    const state = stateOf({
      observed: [page({ answer: 'Tidak', narrative: '' })],
      saved: [saved('answer', 'Ya', BEFORE), saved('narrative', 'Teks lama', BEFORE)],
    });
    expect(state).toMatchObject({ answer: 'Tidak', narrative: '' });
  });

  it('fills in from an older save what the page had no field for', () => {
    const state = stateOf({ observed: [page()], saved: [saved('narrative', 'Tersimpan', BEFORE)] });
    expect(state).toMatchObject({ answer: null, narrative: 'Tersimpan' });
  });

  it('judges only the newest saved value of a field, whatever the order given', () => {
    const state = stateOf({
      saved: [saved('narrative', 'Kedua', BEFORE + 2), saved('narrative', 'Ketiga', BEFORE + 3), saved('narrative', 'Pertama', BEFORE + 1)],
    });
    expect(state?.narrative).toBe('Ketiga');
  });

  it('takes the value listed first of two saved in the same millisecond (newest first)', () => {
    const state = stateOf({ saved: [saved('narrative', 'Terbaru', BEFORE), saved('narrative', 'Sebelumnya', BEFORE)] });
    expect(state?.narrative).toBe('Terbaru');
  });

  it('treats a Jumlah count and an answer of the same input as one value, the newer winning', () => {
    const input = 'A.II.1.i.a.1';
    expect(stateOf({ saved: [saved('count', '12', AFTER, input), saved('answer', '9', BEFORE, input)] }, input)?.answer).toBe('12');
    expect(stateOf({ saved: [saved('count', '12', BEFORE, input), saved('answer', '9', AFTER, input)] }, input)?.answer).toBe('9');
  });

  it('does not let a count of one input overwrite the answer of another indicator', () => {
    const states = indicatorStates(records({ saved: [saved('answer', 'Ya', BEFORE), saved('count', '3', AFTER, 'A.II.1.i.a.1')] }));
    expect(states.get(CODE)?.answer).toBe('Ya');
    expect(states.get('A.II.1.i.a.1')?.answer).toBe('3');
  });

  it('unites the evidence of the page, the newest saved evidence text and the library, once each', () => {
    const state = stateOf({
      observed: [page({ evidence: ['https://a.example/sk', ' ', 'https://a.example/sk '] })],
      saved: [
        saved('evidence', 'https://a.example/sk\n\n  https://b.example/foto  ', AFTER),
        saved('evidence', 'https://old.example/superseded', BEFORE),
      ],
      library: [
        { code: CODE, url: 'https://b.example/foto', documentDate: '2026-02-01' },
        { code: CODE, url: 'https://c.example/notulen', documentDate: null },
        { code: 'A.I.1.i.b', url: 'https://d.example/lain', documentDate: null },
      ],
    });
    expect(state?.evidence).toEqual([
      { url: 'https://a.example/sk' },
      { url: 'https://b.example/foto', documentDate: '2026-02-01' },
      { url: 'https://c.example/notulen', documentDate: null },
    ]);
  });

  it('keeps page evidence when the newer saved evidence text is older than a fresh page', () => {
    const state = stateOf({
      observed: [page({ evidence: ['https://a.example/sk'] })],
      saved: [saved('evidence', 'https://b.example/foto', BEFORE)],
    });
    expect(state?.evidence.map((e) => e.url)).toEqual(['https://a.example/sk', 'https://b.example/foto']);
  });

  it('gives an indicator known only from the library a state of its own', () => {
    const state = stateOf({ library: [{ code: CODE, url: 'https://a.example/sk', documentDate: '2025' }] });
    expect(state).toEqual({ code: CODE, answer: null, narrative: null, evidence: [{ url: 'https://a.example/sk', documentDate: '2025' }] });
  });
});
