// @vitest-environment node
// The xlsx library reads and writes zip archives with Node's own buffers; happy-dom adds nothing here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { IndicatorState } from '@/lib/hints/types';
import { EXCEL_CELL_LIMIT, EXCEL_PROBLEMS, exportWorkbook, importWorkbook, type ExcelLayout, type ExcelProblem } from '@/lib/interchange/excel';
import { LKE } from '@/lib/lke/template';
import { localeFile } from '../support/i18n';

const META = { unit: 'Kantor Imigrasi Kelas I Contoh', year: 2026 };
const LAYOUTS: ExcelLayout[] = ['portalrb', 'lampiran3'];

/**
 * A whole period as a unit fills it: every option occurs, counts and indices are filled, and the
 * texts carry what a careless writer would lose: line breaks of both kinds, tabs, doubled and
 * edge spaces, a literal OOXML escape, a control character, non-Latin text and a long narrative.
 */
function fullPeriod(): Map<string, IndicatorState> {
  const states = new Map<string, IndicatorState>();
  LKE.answerable.forEach((indicator, i) => {
    let answer: string;
    if (indicator.answerType === 'count') answer = String(8 + (i % 5));
    else if (indicator.answerType === 'score_0_4') answer = '3,4';
    else answer = indicator.options[i % indicator.options.length]!.key;
    const narrative =
      i === 0
        ? 'Tim kerja dibentuk.\r\nSK Nomor 7/2026\n\n  dua  spasi\tdan tab _x000D_ \u0001 ✓ ' + 'Laporan triwulan. '.repeat(1_500)
        : `Kegiatan ${indicator.code} dilaksanakan pada tahun 2026.\nLaporan pemantauan setiap triwulan. `;
    states.set(indicator.code, {
      code: indicator.code,
      answer,
      narrative,
      evidence: [{ url: `https://drive.example.id/bukti/${indicator.code}` }, { url: `https://drive.example.id/foto?kode=${i}&x=1` }],
    });
  });
  return states;
}

async function edit(bytes: Uint8Array, change: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  change(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const kinds = (problems: ExcelProblem[]) => problems.map((problem) => problem.kind);

describe.each(LAYOUTS)('Excel workbook, %s layout (DOMAIN.md §12)', (layout) => {
  const states = fullPeriod();

  it('round-trips a full 127-indicator period exactly', async () => {
    const exported = await exportWorkbook(states, layout, META);
    expect(exported.problems).toEqual([]);
    const imported = await importWorkbook(exported.bytes);
    expect(imported.layout).toBe(layout);
    expect(imported.problems).toEqual([]);
    expect(imported.values.size).toBe(127);
    for (const [code, state] of states) {
      expect(imported.values.get(code), code).toEqual({ answer: state.answer, narrative: state.narrative, evidence: state.evidence });
    }
  });

  it('writes answers as the workbook expects them, beside the wording, type and weight', async () => {
    const { bytes } = await exportWorkbook(states, layout, META);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(layout === 'portalrb' ? 'Jawaban' : 'LKE ZI')!;
    const rowOf = (code: string) => (layout === 'portalrb' ? LKE.byCode.get(code)!.excelRow! : LKE.byCode.get(code)!.lampiranIIIRow);
    const count = LKE.answerable.find((i) => i.answerType === 'count')!;
    const index = LKE.answerable.find((i) => i.answerType === 'score_0_4')!;
    expect(typeof sheet.getCell(`K${rowOf(count.code)}`).value).toBe('number');
    expect(sheet.getCell(`K${rowOf(index.code)}`).value).toBe(3.4);
    expect(sheet.getCell(`K${rowOf('A.I.1.i.a')}`).value).toBe(states.get('A.I.1.i.a')!.answer);
    const first = sheet.getRow(rowOf('A.I.1.i.a')).values as unknown[];
    expect(first).toContain('Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas');
    expect(first).toContain(layout === 'portalrb' ? 'YA_TIDAK' : 'Ya/Tidak');
    expect(first).toContain(0.5);
  });

  it('reports a row inserted into the sheet and does not read the shifted rows', async () => {
    const { bytes } = await exportWorkbook(states, layout, META);
    const firstRow = layout === 'portalrb' ? 6 : 8;
    const shifted = await edit(bytes, (workbook) => workbook.worksheets[0]!.insertRow(firstRow + 1, []));
    const imported = await importWorkbook(shifted);
    expect(imported.values.get('A.I.1.i.a')?.answer).toBe(states.get('A.I.1.i.a')!.answer);
    expect(imported.values.has('A.I.1.i.b')).toBe(false);
    expect(imported.problems).toContainEqual(
      expect.objectContaining({ kind: 'shiftedRow', params: expect.objectContaining({ row: firstRow + 2, code: 'A.I.1.i.b' }) }),
    );
    expect(imported.problems).toContainEqual({ kind: 'missingRow', params: { code: 'A.I.1.i.b', row: firstRow + 1 } });
    // Nothing read lands under another indicator's code (the links name their indicator).
    for (const [code, value] of imported.values) expect(value.evidence, code).toEqual(states.get(code)!.evidence);
  });

  it('reports a row whose wording is not the template’s and does not read it', async () => {
    const { bytes } = await exportWorkbook(states, layout, META);
    const row = layout === 'portalrb' ? 6 : 8;
    const column = layout === 'portalrb' ? 'C' : 'G';
    const changed = await edit(bytes, (workbook) => {
      workbook.worksheets[0]!.getCell(`${column}${row}`).value = 'Unit kerja telah menanam pohon';
    });
    const imported = await importWorkbook(changed);
    expect(imported.values.has('A.I.1.i.a')).toBe(false);
    expect(imported.problems).toContainEqual({ kind: 'unknownRow', params: { row, text: 'Unit kerja telah menanam pohon' } });
    expect(imported.values.size).toBe(126);
  });

  it('reports a narrative over Excel’s cell limit on export and still keeps it whole', async () => {
    const long = new Map(states);
    const narrative = 'Uraian kegiatan.\n'.repeat(3_000); // 51,000 characters
    long.set('A.I.1.i.b', { ...states.get('A.I.1.i.b')!, narrative });
    const exported = await exportWorkbook(long, layout, META);
    expect(exported.problems).toEqual([
      { kind: 'narrativeTooLong', params: { code: 'A.I.1.i.b', length: narrative.length, limit: EXCEL_CELL_LIMIT } },
    ]);
    expect((await importWorkbook(exported.bytes)).values.get('A.I.1.i.b')!.narrative).toBe(narrative);
  });

  it('reports evidence links over Excel’s cell limit on export', async () => {
    const many = new Map(states);
    const evidence = Array.from({ length: 700 }, (_, i) => ({ url: `https://drive.example.id/bukti/dokumen-pendukung-${i}` }));
    many.set('A.I.1.i.b', { ...states.get('A.I.1.i.b')!, evidence });
    const exported = await exportWorkbook(many, layout, META);
    expect(exported.problems).toEqual([
      { kind: 'evidenceTooLong', params: { code: 'A.I.1.i.b', length: evidence.map((e) => e.url).join('\n').length, limit: EXCEL_CELL_LIMIT } },
    ]);
    expect((await importWorkbook(exported.bytes)).values.get('A.I.1.i.b')!.evidence).toEqual(evidence);
  });

  it('reports an answer the question does not accept, on export and on import', async () => {
    const invalid = new Map(states);
    invalid.set('A.I.1.i.a', { ...states.get('A.I.1.i.a')!, answer: 'Mungkin' });
    const exported = await exportWorkbook(invalid, layout, META);
    const row = layout === 'portalrb' ? 6 : 8;
    expect(exported.problems).toEqual([{ kind: 'answerNotValid', params: { code: 'A.I.1.i.a', row, text: 'Mungkin' } }]);
    const typed = await edit(exported.bytes, (workbook) => {
      workbook.worksheets[0]!.getCell(`K${row}`).value = 'Mungkin';
    });
    const imported = await importWorkbook(typed);
    expect(imported.problems).toEqual([{ kind: 'answerNotValid', params: { code: 'A.I.1.i.a', row, text: 'Mungkin' } }]);
    expect(imported.values.get('A.I.1.i.a')!.answer).toBeNull();
  });

  it('reads a count cell as the number it holds, not as text with a thousands dot', async () => {
    const count = LKE.answerable.find((i) => i.answerType === 'count')!;
    const row = layout === 'portalrb' ? count.excelRow! : count.lampiranIIIRow;
    const { bytes } = await exportWorkbook(states, layout, META);
    const read = async (value: number) =>
      importWorkbook(
        await edit(bytes, (workbook) => {
          workbook.worksheets[0]!.getCell(`K${row}`).value = value;
        }),
      );
    expect((await read(1234)).values.get(count.code)!.answer).toBe('1234');
    const fraction = await read(1.234);
    expect(fraction.values.get(count.code)!.answer).toBeNull();
    expect(fraction.problems).toEqual([{ kind: 'answerNotValid', params: { code: count.code, row, text: '1.234' } }]);
  });
});

describe('Excel workbook identification', () => {
  it('rejects a workbook without an LKE sheet, naming the sheets it has', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Rekap');
    workbook.addWorksheet('Sheet2');
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const imported = await importWorkbook(bytes);
    expect(imported.layout).toBeNull();
    expect(imported.values.size).toBe(0);
    expect(imported.problems).toEqual([{ kind: 'foreignWorkbook', params: { sheets: 'Rekap, Sheet2' } }]);
  });

  it('reads no column of a sheet named "Jawaban" whose headers are another workbook’s', async () => {
    const { bytes } = await exportWorkbook(fullPeriod(), 'lampiran3', META);
    const renamed = await edit(bytes, (workbook) => {
      workbook.worksheets[0]!.name = 'Jawaban';
    });
    const imported = await importWorkbook(renamed);
    expect(imported.layout).toBeNull();
    expect(imported.values.size).toBe(0);
    expect(imported.problems).toEqual([{ kind: 'headersNotRecognised', params: { sheet: 'Jawaban' } }]);
  });

  it('reads Lampiran III evidence from the column its header names, and says when there is none', async () => {
    const states = fullPeriod();
    const { bytes } = await exportWorkbook(states, 'lampiran3', META);
    const moved = await edit(bytes, (workbook) => {
      const sheet = workbook.worksheets[0]!;
      sheet.getCell('P3').value = 'Bukti Dukung (daftar)';
      sheet.spliceColumns(17, 0, []); // Q moves to R
      sheet.getCell('R3').value = 'Link Eviden';
    });
    expect((await importWorkbook(moved)).values.get('A.I.1.i.a')!.evidence).toEqual(states.get('A.I.1.i.a')!.evidence);

    const without = await edit(bytes, (workbook) => {
      workbook.worksheets[0]!.getCell('Q3').value = null;
    });
    const imported = await importWorkbook(without);
    expect(imported.problems).toEqual([{ kind: 'noEvidenceColumn', params: { sheet: 'LKE ZI' } }]);
    expect(imported.values.get('A.I.1.i.a')!.evidence).toEqual([]);
  });
});

describe('Excel problem messages', () => {
  /** How many values each problem carries, so its message may use $1 up to that many. */
  const PARAMS: Record<(typeof EXCEL_PROBLEMS)[number], number> = {
    foreignWorkbook: 1,
    headersNotRecognised: 1,
    noEvidenceColumn: 1,
    shiftedRow: 4,
    unknownRow: 2,
    missingRow: 2,
    answerNotValid: 3,
    narrativeTooLong: 3,
    evidenceTooLong: 3,
  };

  it.each(['id', 'en'])('has a message for every problem in %s.yml, using exactly its values', async (locale) => {
    const messages = (await parseMessagesFile(localeFile(locale))).filter((m) => m.key[0] === 'excel' && 'message' in m);
    expect(messages.map((m) => m.key[1]).sort()).toEqual([...EXCEL_PROBLEMS].sort());
    for (const m of messages) {
      const used = [...new Set(String((m as { message: unknown }).message).match(/\$\d/g))].sort();
      expect(used, m.key.join('.')).toEqual(Array.from({ length: PARAMS[m.key[1] as keyof typeof PARAMS] }, (_, i) => `$${i + 1}`));
    }
  });
});

it('keeps the xlsx library out of every static import chain of the extension', () => {
  // About 1 MB: only pages that import lib/interchange/excel.ts with import() may load it.
  const root = resolve(import.meta.dirname, '../../..');
  const sources = ['entrypoints', 'components', 'lib']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(root, dir, file)))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(join('lib', 'interchange', 'excel.ts')));
  expect(sources.length).toBeGreaterThan(50);
  const staticImport = /^\s*(?:import|export)\b[^;]*?from\s*['"](?:exceljs|[^'"]*interchange\/excel)['"]/m;
  expect(sources.filter((file) => staticImport.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file))).toEqual([]);
});
