import { describe, expect, it } from 'vitest';
import { fillTemplate, formatSkDate, templateValues, type TemplateValues } from '@/lib/narrative/template';

const VALUES: TemplateValues = templateValues({
  unitName: 'KPP Pratama Contoh',
  agency: 'Kementerian Keuangan',
  year: 2026,
  pimpinan: 'Budi Santoso',
  nomorSk: 'KEP-12/2026',
  tanggalSk: '2026-01-05',
  ketuaTim: '',
});

describe('fillTemplate', () => {
  it('fills every known variable that has a value', () => {
    const filled = fillTemplate(
      'Tim ZI {unit} ({instansi}) tahun {tahun} dibentuk oleh {pimpinan} dengan SK {nomor_sk} tanggal {tanggal_sk}; dibandingkan {tahun_lalu}.',
      VALUES,
    );
    expect(filled).toEqual({
      text: 'Tim ZI KPP Pratama Contoh (Kementerian Keuangan) tahun 2026 dibentuk oleh Budi Santoso dengan SK KEP-12/2026 tanggal 5 Januari 2026; dibandingkan 2025.',
      missing: [],
      unknown: [],
    });
  });

  it('leaves empty and unknown variables as written and reports each once', () => {
    const filled = fillTemplate('{ketua_tim} memimpin; {ketua_tim} melapor ke {kepala}. {Unit} {tahun_ini}', VALUES);
    expect(filled.text).toBe('{ketua_tim} memimpin; {ketua_tim} melapor ke {kepala}. KPP Pratama Contoh {tahun_ini}');
    expect(filled.missing).toEqual(['ketua_tim']);
    expect(filled.unknown).toEqual(['kepala', 'tahun_ini']);
  });

  it('treats braces around prose as text, not as variables', () => {
    const text = 'Lihat {lampiran 1} dan {} serta {{unit}}.';
    expect(fillTemplate(text, VALUES)).toEqual({
      text: 'Lihat {lampiran 1} dan {} serta {KPP Pratama Contoh}.',
      missing: [],
      unknown: [],
    });
  });

  it('inserts values literally, even ones that look like replacement patterns or variables', () => {
    const filled = fillTemplate('{pimpinan}', { ...VALUES, pimpinan: "$& {unit} $'" });
    expect(filled.text).toBe("$& {unit} $'");
  });
});

describe('formatSkDate', () => {
  it('writes dates the Indonesian way and keeps an unknown date empty', () => {
    expect(formatSkDate('2025-12-31')).toBe('31 Desember 2025');
    expect(formatSkDate('')).toBe('');
  });
});
