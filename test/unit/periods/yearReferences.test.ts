import { describe, expect, it } from 'vitest';
import { applyYearSuggestion, findYearMentions, splitAtMentions } from '@/lib/periods/yearReferences';

const SHIFT = { fromYear: 2025, toYear: 2026 };
const found = (text: string) => findYearMentions(text, SHIFT).map(({ year, suggestion, start }) => [text.slice(start, start + 4), year, suggestion]);

describe('findYearMentions', () => {
  it('suggests the next year for the period’s year and the years just before it', () => {
    expect(found('Pada tahun 2025 tim dibentuk; capaian tahun 2024 dilampirkan.')).toEqual([
      ['2025', 2025, 2026],
      ['2024', 2024, 2025],
    ]);
  });

  it('finds years at the edges of a text, before punctuation and in spans of years', () => {
    expect(found('2025: rapat. Periode 2024-2025, lalu 2023–2025.')).toEqual([
      ['2025', 2025, 2026],
      ['2024', 2024, 2025],
      ['2025', 2025, 2026],
      ['2023', 2023, 2024],
      ['2025', 2025, 2026],
    ]);
  });

  it('reads a span written with a slash as two years, but not a decree number that ends in a year', () => {
    expect(found('Tahun Anggaran 2024/2025; SK 1234/2025; nomor 2025/2019.')).toEqual([
      ['2024', 2024, 2025],
      ['2025', 2025, 2026],
    ]);
  });

  it('leaves phone numbers, decree numbers, dates, amounts and codes alone', () => {
    const text = 'Hubungi 0812-2025-7788 atau (021) 20251234. SK KEP-12/2025 tgl 31/12/2025, biaya Rp2.025.000, kode ZI2025, versi 1.2025.';
    expect(findYearMentions(text, SHIFT)).toEqual([]);
  });

  it('leaves older history and later years alone, and everything when the year does not change', () => {
    expect(found('Sejak 2019 unit berbenah; target 2026 dan 2027.')).toEqual([]);
    expect(findYearMentions('tahun 2025', { fromYear: 2025, toYear: 2025 })).toEqual([]);
  });

  it('shifts by the distance between the periods', () => {
    expect(findYearMentions('tahun 2024', { fromYear: 2024, toYear: 2026 })).toEqual([{ start: 6, end: 10, year: 2024, suggestion: 2026 }]);
  });
});

describe('splitAtMentions and applyYearSuggestion', () => {
  const text = 'Tahun 2025 dan tahun 2024.';
  const mentions = findYearMentions(text, SHIFT);

  it('cut the text into plain parts and year parts that join back to the text', () => {
    const parts = splitAtMentions(text, mentions);
    expect(parts.map((part) => [part.kind, part.text])).toEqual([
      ['text', 'Tahun '],
      ['year', '2025'],
      ['text', ' dan tahun '],
      ['year', '2024'],
      ['text', '.'],
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('replace one mention only, and nothing once the text changed at that place', () => {
    expect(applyYearSuggestion(text, mentions[1]!)).toBe('Tahun 2025 dan tahun 2025.');
    expect(applyYearSuggestion(text, mentions[0]!)).toBe('Tahun 2026 dan tahun 2024.');
    expect(applyYearSuggestion('Tahun ini dan tahun 2024.', mentions[0]!)).toBeNull();
  });
});
