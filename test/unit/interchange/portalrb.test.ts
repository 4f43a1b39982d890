import { describe, expect, it } from 'vitest';
import type { IndicatorState } from '@/lib/hints/types';
import { JawabanUnitListSchema, buildJawabanUnit } from '@/lib/interchange/portalrb';
import { LKE } from '@/lib/lke/template';

const state = (code: string, answer: string | null, narrative: string | null = null, urls: string[] = []): [string, IndicatorState] => [
  code,
  { code, answer, narrative, evidence: urls.map((url) => ({ url })) },
];

describe('PortalRB jawaban-unit payload (DOMAIN.md §11.3)', () => {
  const states = new Map([
    state('A.I.1.i.a', 'ya', 'Tim kerja dibentuk dengan SK Nomor 7 Tahun 2026.', ['https://drive.example.go.id/sk', 'https://drive.example.go.id/notulen']),
    state('A.II.1.i.a.1', '1.234'),
    state('B.I.a', '3,65'),
    state('A.I.1.i.b', 'Mungkin'),
  ]);
  const payload = buildJawabanUnit(states);
  const bySoal = (code: string) => payload.find((answer) => answer.soal_id === LKE.byCode.get(code)!.soalId)!;

  it('has one answer per soal, 1 to 127 in order, and passes the contract schema', () => {
    expect(payload.map((answer) => answer.soal_id)).toEqual(Array.from({ length: 127 }, (_, i) => i + 1));
    expect(JawabanUnitListSchema.safeParse(payload).success).toBe(true);
  });

  it('sends option keys in their own case, counts and indices as numbers, and nothing for an invalid answer', () => {
    expect(bySoal('A.I.1.i.a').jawaban_unit).toBe('Ya');
    expect(bySoal('A.II.1.i.a.1').jawaban_unit).toBe(1234);
    expect(bySoal('B.I.a').jawaban_unit).toBe(3.65);
    expect(bySoal('A.I.1.i.b').jawaban_unit).toBeNull();
  });

  it('carries the narrative and the evidence one per line, and empty texts for untouched soal', () => {
    expect(bySoal('A.I.1.i.a')).toMatchObject({
      catatan_unit: 'Tim kerja dibentuk dengan SK Nomor 7 Tahun 2026.',
      bukti_dukung_unit: 'https://drive.example.go.id/sk\nhttps://drive.example.go.id/notulen',
      jawaban_tpi: null,
      catatan_tpi: null,
    });
    expect(bySoal('A.I.2.i.a')).toMatchObject({ jawaban_unit: null, catatan_unit: '', bukti_dukung_unit: '' });
  });

  it('rejects unknown and repeated soal ids, extra fields and wrong types', () => {
    const first = payload[0]!;
    expect(JawabanUnitListSchema.safeParse([...payload, first]).success).toBe(false);
    expect(JawabanUnitListSchema.safeParse([{ ...first, soal_id: 500 }]).success).toBe(false);
    expect(JawabanUnitListSchema.safeParse([{ ...first, extra: 1 }]).success).toBe(false);
    expect(JawabanUnitListSchema.safeParse([{ ...first, catatan_unit: 5 }]).success).toBe(false);
  });
});
