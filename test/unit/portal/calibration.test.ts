import { describe, expect, it } from 'vitest';
import {
  CalibrationError,
  applyPattern,
  calibrationApplies,
  derivePattern,
  pathPatternOf,
} from '@/lib/portal/calibration';
import { TEMPLATE_KEYS } from '@/lib/portal/engine';
import { createQuestionMatcher } from '@/lib/portal/matcher';
import { readRow } from '@/lib/portal/read';

// A grid the generic recogniser cannot read: short paraphrases instead of the official wording,
// the official text only in a tooltip on some rows, PortalRB soal ids in the control names.
const GRID = `
  <table id="rekap"><tbody>
    <tr class="baris odd"><td>1</td><td title="Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas">Pembentukan tim ZI</td>
      <td><select name="jawaban[1]"><option value="">—</option><option value="Ya">Ya</option><option value="Tidak">Tidak</option></select></td>
      <td><input name="ket[1]" value="SK Tim"></td><td><input name="link[1]" value="https://drive.example/a"></td></tr>
    <tr class="baris even"><td>2</td><td>Mekanisme pemilihan anggota</td>
      <td><label><input type="radio" name="jawaban[2]" value="A">A</label><label><input type="radio" name="jawaban[2]" value="B" checked>B</label><label><input type="radio" name="jawaban[2]" value="C">C</label></td>
      <td><input name="ket[2]"></td><td><input name="link[2]"></td></tr>
    <tr class="baris odd"><td>3</td><td>Jumlah agen perubahan</td>
      <td><input type="number" name="jawaban[88]" value="7"></td><td><input name="ket[88]"></td><td><input name="link[88]"></td></tr>
    <tr class="baris even"><td>4</td><td>Catatan umum</td><td>—</td><td></td><td></td></tr>
  </tbody></table>`;

const matcher = createQuestionMatcher(TEMPLATE_KEYS);
const options = (code: string) => TEMPLATE_KEYS.find((k) => k.code === code)!.options;

describe('calibration', () => {
  it('derives a row pattern from one row’s clicks and reads every row with it', () => {
    document.body.innerHTML = GRID;
    const first = document.querySelector('#rekap tr')!;
    const pattern = derivePattern({
      question: first.children[1]!,
      answer: first.querySelector('select'),
      narrative: first.querySelector('input[name="ket[1]"]'),
      evidence: first.querySelector('input[name="link[1]"]'),
    });
    // State classes (odd/even) are not part of what a row is.
    expect(pattern.row).toBe('tr.baris');
    expect(pattern.question).toBe(':scope > td:nth-of-type(2)');
    expect(pattern.answer).toBe(':scope > td:nth-of-type(3)');

    const rows = applyPattern(document.body, pattern, matcher, TEMPLATE_KEYS);
    // Row 1 by its tooltip, row 2 and 3 by the soal ids in their names; row 4 is no question.
    expect(rows.map((r) => r.code)).toEqual(['A.I.1.i.a', 'A.I.1.i.b', 'A.II.1.i.a.1']);
    expect(readRow(rows[0]!, options('A.I.1.i.a'))).toEqual({
      code: 'A.I.1.i.a',
      answer: null,
      narrative: 'SK Tim',
      evidence: ['https://drive.example/a'],
    });
    // Clicking one radio teaches the whole group.
    const radios = rows[1]!.fields.find((f) => f.field === 'answer')!;
    expect(radios.controls).toHaveLength(3);
    expect(readRow(rows[1]!, options('A.I.1.i.b')).answer).toBe('B');
    expect(rows[2]!.fields.map((f) => f.field)).toEqual(['count', 'narrative', 'evidence']);
    expect(readRow(rows[2]!, []).answer).toBe('7');
  });

  it('refuses picks that describe no field or a row that does not repeat', () => {
    document.body.innerHTML = GRID;
    const first = document.querySelector('#rekap tr')!;
    expect(() => derivePattern({ question: first.children[1]! })).toThrow(CalibrationError);
    document.body.innerHTML = '<div id="only"><p>Pembentukan tim ZI</p><select><option>Ya</option></select></div>';
    const only = document.getElementById('only')!;
    expect(() => derivePattern({ question: only.firstElementChild!, answer: only.querySelector('select') })).toThrow(
      expect.objectContaining({ code: 'no_repeat' }),
    );
  });

  it('applies a saved pattern to the same page for another year or unit, not to other pages', () => {
    expect(pathPatternOf('/lke/2026/unit/12/isi')).toBe('/lke/*/unit/*/isi');
    const saved = { origin: 'https://zi.contoh.go.id', pathPattern: '/lke/*/unit/*/isi', pattern: {} as never, createdAt: 0 };
    expect(calibrationApplies(saved, new URL('https://zi.contoh.go.id/lke/2027/unit/40/isi'))).toBe(true);
    expect(calibrationApplies(saved, new URL('https://zi.contoh.go.id/lke/2027/unit/40/rekap'))).toBe(false);
    expect(calibrationApplies(saved, new URL('https://lain.go.id/lke/2027/unit/40/isi'))).toBe(false);
  });
});
