import { describe, expect, it } from 'vitest';
import { createTemplateRecognizer } from '@/lib/portal/engine';
import { readRow } from '@/lib/portal/read';
import { TEMPLATE_KEYS } from '@/lib/portal/engine';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const optionsOf = (code: string) => TEMPLATE_KEYS.find((k) => k.code === code)!.options;

describe('recognition on a table layout', () => {
  const html = `
    <table><thead><tr><th>No</th><th>Pertanyaan</th><th>Jawaban</th><th>Catatan</th><th>Bukti</th><th>Jawaban TPI</th></tr></thead>
    <tbody>
      <tr id="r1"><td>a.</td><td>Unit kerja telah membentuk  tim untuk melakukan pembangunan Zona Integritas</td>
        <td><label><input type="radio" name="q1" value="1"> Ya</label><label><input type="radio" name="q1" value="0" checked> Tidak</label></td>
        <td><textarea name="c1">Tim dibentuk dengan SK</textarea></td><td><input name="b1" value="https://drive.example/x"></td>
        <td><select name="tpi1"><option>Ya</option><option>Tidak</option></select></td></tr>
      <tr id="r2"><td>b.</td><td>Penentuan anggota Tim dipilih melalui prosedur/mekanisme yang jelas</td>
        <td><select name="q2"><option value="">-</option><option value="11">A</option><option value="12">B</option><option value="13">C</option></select></td>
        <td><textarea name="c2"></textarea></td><td><input type="url" name="b2"></td><td></td></tr>
      <tr id="r3"><td>1</td><td>Jumlah Perubahan yang dibuat</td><td><input type="number" name="s90" value="12"></td><td></td><td></td><td></td></tr>
    </tbody></table>`;

  it('finds rows by question text and binds the unit’s controls, not the TPI’s', () => {
    const root = page(html);
    // happy-dom ignores the `selected` attribute when parsing; choose the option as a user would.
    (root.querySelector('select[name="q2"]') as HTMLSelectElement).value = '12';
    const rows = createTemplateRecognizer().recognize(root);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect([...byCode.keys()].sort()).toEqual(['A.I.1.i.a', 'A.I.1.i.b', 'A.II.1.i.a.2']);
    const first = byCode.get('A.I.1.i.a')!;
    expect(first.elements).toEqual([document.getElementById('r1')]);
    expect(first.fields.map((f) => f.field).sort()).toEqual(['answer', 'evidence', 'narrative']);
    expect(first.fields.find((f) => f.field === 'answer')!.controls.map((c) => c.getAttribute('name'))).toEqual(['q1', 'q1']);
    expect(readRow(first, optionsOf('A.I.1.i.a'))).toEqual({
      code: 'A.I.1.i.a',
      answer: 'Tidak',
      narrative: 'Tim dibentuk dengan SK',
      evidence: ['https://drive.example/x'],
    });
    expect(readRow(byCode.get('A.I.1.i.b')!, optionsOf('A.I.1.i.b')).answer).toBe('B');
    expect(readRow(byCode.get('A.II.1.i.a.2')!, []).answer).toBe('12');
  });
});

describe('what the page prints beside a question', () => {
  it('takes a reworded question when its printed code confirms it, and not otherwise', () => {
    const rows = (html: string) => createTemplateRecognizer().recognize(page(html)).map((row) => row.code);
    // Near the official wording (trigram similarity about 0.68), not near enough on its own.
    const reworded = 'Tim pembangunan Zona Integritas di unit kerja sudah ada';
    const form = (code: string) => `
      <table><tbody>
        <tr><td>${code}</td><td>${reworded}</td><td><select name="j1"><option>Ya</option><option>Tidak</option></select></td></tr>
        <tr><td>1.i.b</td><td>Penentuan anggota Tim dipilih melalui prosedur/mekanisme yang jelas</td>
          <td><select name="j2"><option>A</option><option>B</option><option>C</option></select></td></tr>
      </tbody></table>`;
    expect(rows(form('1.i.a'))).toEqual(['A.I.1.i.a', 'A.I.1.i.b']);
    expect(rows(form('—'))).toEqual(['A.I.1.i.b']);
  });

  it('tells a shared wording apart by the soal id in the control names', () => {
    // Only soal 90 on the page: the order of rows cannot tell, the name can.
    const rows = createTemplateRecognizer().recognize(
      page(`<div class="q"><label>Jumlah Perubahan yang dibuat</label><input type="number" name="jawaban[90]"></div>
            <div class="q"><label>Persentase penyampaian LHKPN</label></div>`),
    );
    expect(rows.map((row) => row.code)).toContain('A.II.1.i.b.1');
  });
});

describe('question texts as pages split them', () => {
  it('reads a question split over inline pieces as one', () => {
    const rows = createTemplateRecognizer().recognize(
      page(`<table><tbody><tr>
        <td><span class="q">Unit kerja telah membentuk tim</span> <span class="q">untuk melakukan</span> <b>pembangunan Zona Integritas</b></td>
        <td><select name="a"><option>Ya</option><option>Tidak</option></select></td></tr></tbody></table>`),
    );
    expect(rows.map((row) => row.code)).toEqual(['A.I.1.i.a']);
  });
});

describe('evidence kept as a list of links', () => {
  it('binds the list and reads the addresses of its links and its new-link inputs', () => {
    const [row] = createTemplateRecognizer().recognize(
      page(`<div class="form-group">
        <label>Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas</label>
        <select name="j"><option value="">-</option><option value="ya">Ya</option><option value="tidak">Tidak</option></select>
        <textarea name="catatan"></textarea>
        <div><span>Bukti Dukung (tautan)</span>
          <ul id="daftar-bukti"><li><a href="https://drive.example/sk-tim">SK Tim ZI</a></li>
            <li><input type="url" value="https://drive.example/notulen"></li></ul>
          <button type="button">+ Tambah tautan</button></div>
      </div>`),
    );
    const evidence = row!.fields.find((field) => field.field === 'evidence')!;
    expect(evidence.controls.map((c) => c.id)).toEqual(['daftar-bukti']);
    expect(readRow(row!, optionsOf('A.I.1.i.a')).evidence).toEqual(['https://drive.example/sk-tim', 'https://drive.example/notulen']);
  });
});
