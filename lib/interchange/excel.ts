import ExcelJS from 'exceljs';
import type { IndicatorState } from '../hints/types';
import type { Indicator } from '../lke/schema';
import { LKE, type TemplateIndex } from '../lke/template';
import { optionOf, parseCount, parseIndex } from '../lke/values';
import { normalizeQuestion } from '../portal/text';

// LKE workbooks in the two known layouts (DOMAIN.md §12). The same column letter means different
// things in the two (§12.3), so a file is identified by its sheet name and header texts before any
// column is read, and a row is read only when its question text is the template's wording for the
// indicator expected there: a shifted or foreign row is reported, never guessed.
// This module pulls in the xlsx library (about 1 MB): pages load it with a dynamic import().

export type ExcelLayout = 'portalrb' | 'lampiran3';

export const EXCEL_PROBLEMS = [
  'foreignWorkbook',
  'headersNotRecognised',
  'noEvidenceColumn',
  'shiftedRow',
  'unknownRow',
  'missingRow',
  'answerNotValid',
  'narrativeTooLong',
  'evidenceTooLong',
] as const;
export type ExcelProblemKind = (typeof EXCEL_PROBLEMS)[number];

/**
 * A problem for the user, shown with the message `excel.<kind>`: the insertion order of `params` is
 * the placeholder order, so `Object.values(params)` are the substitutions `$1`, `$2`, ….
 */
export interface ExcelProblem {
  kind: ExcelProblemKind;
  params: Record<string, string | number>;
}

export interface ExcelValue {
  answer: string | null;
  narrative: string | null;
  evidence: { url: string }[];
}

export interface ExportMeta {
  /** Name of the unit, printed above the table. */
  unit: string;
  /** The evaluated year. */
  year: number;
}

export interface ExportResult {
  bytes: Uint8Array;
  problems: ExcelProblem[];
}

export interface ImportResult {
  /** null when the file is not an LKE workbook of a known layout (the problems say why). */
  layout: ExcelLayout | null;
  values: Map<string, ExcelValue>;
  problems: ExcelProblem[];
}

/** Excel keeps at most this many characters in a cell; longer texts are cut when Excel saves. */
export const EXCEL_CELL_LIMIT = 32_767;

interface Layout {
  sheet: string;
  /** Header row of the table, and the rows above it the title uses. */
  headerRow: number;
  /** Where the export writes each kind of cell; `question` is also where the import reads wording. */
  columns: { code: string; question: string; type: string; weight: string; answer: string; narrative: string; evidence: string };
  headers: Record<string, string>;
  row(indicator: Indicator): number | null;
  wording(indicator: Indicator): string;
  typeText(indicator: Indicator): string;
}

/** The Lampiran III "Pilihan Jawaban" texts its value formula knows (DOMAIN.md §5). */
const LAMPIRAN3_TYPE: Record<Indicator['answerType'], string> = {
  yes_no: 'Ya/Tidak',
  abc: 'A/B/C',
  abcd: 'A/B/C/D',
  abcde: 'A/B/C/D/E',
  count: 'Jumlah',
  percent_computed: '%',
  score_0_4: '0-4',
};

// Only K, L and M of the PortalRB template are known (§12.1); the other columns are this
// extension's, placed in A–J, which the master leaves undescribed.
const LAYOUTS: Record<ExcelLayout, Layout> = {
  portalrb: {
    sheet: 'Jawaban',
    headerRow: 5,
    columns: { code: 'B', question: 'C', type: 'D', weight: 'E', answer: 'K', narrative: 'L', evidence: 'M' },
    headers: {
      A: 'Soal ID',
      B: 'Kode',
      C: 'Pertanyaan',
      D: 'Jenis Jawaban',
      E: 'Bobot',
      K: 'Jawaban Unit',
      L: 'Catatan Unit',
      M: 'Bukti Dukung Unit',
      N: 'Jawaban TPI',
      Q: 'Catatan TPI',
    },
    row: (indicator) => indicator.excelRow,
    wording: (indicator) => indicator.question,
    typeText: (indicator) => indicator.answerTypeRaw ?? '',
  },
  lampiran3: {
    sheet: 'LKE ZI',
    headerRow: 3,
    columns: { code: 'B', question: 'G', type: 'J', weight: 'H', answer: 'K', narrative: 'O', evidence: 'Q' },
    headers: {
      B: 'Kode',
      G: 'Komponen/Pertanyaan',
      H: 'Bobot',
      I: 'Penjelasan',
      J: 'Pilihan Jawaban',
      K: 'Jawaban',
      L: 'Nilai',
      M: '%',
      O: 'Catatan/Keterangan/Penjelasan',
      Q: 'Link Eviden',
    },
    row: (indicator) => indicator.lampiranIIIRow,
    wording: (indicator) => indicator.lampiranIIIWording ?? indicator.question,
    typeText: (indicator) => LAMPIRAN3_TYPE[indicator.answerType],
  },
};

/** Lampiran III copies put the wording in one of B–G, by hierarchy level (§12.2). */
const LAMPIRAN3_TEXT_COLUMNS = ['B', 'C', 'D', 'E', 'F', 'G'];
/** Rows searched for the header row, since copies differ in their title rows. */
const HEADER_SEARCH_ROWS = 10;

// Cell text goes through the OOXML escape "_xHHHH_": XML parsers turn "\r\n" into "\n" and refuse
// other control characters, and a literal "_x000D_" in a narrative must not come back as "\r".
const LITERAL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const CONTROL_CHARACTERS = /[\x00-\x08\x0B-\x1F]/g;

function escapeCellText(text: string): string {
  return text
    .replace(LITERAL_ESCAPE, '_x005F_x$1_')
    .replace(CONTROL_CHARACTERS, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The answer as the workbook holds it: the option's key, a count or survey index as a number. */
function cellAnswer(indicator: Indicator, answer: string): string | number | null {
  switch (indicator.answerType) {
    case 'count':
      return parseCount(answer);
    case 'score_0_4':
      return parseIndex(answer);
    default:
      return optionOf(indicator, answer)?.key ?? null;
  }
}

/** The weight a reader sees beside an item: its own (Hasil) or its sub-area's (Pengungkit). */
function weightOf(indicator: Indicator, template: TemplateIndex): number | null {
  if (indicator.weight !== null) return indicator.weight;
  return indicator.parent ? (template.nodeByCode.get(indicator.parent)?.weight ?? null) : null;
}

export async function exportWorkbook(
  states: ReadonlyMap<string, IndicatorState>,
  layoutName: ExcelLayout,
  meta: ExportMeta,
  template: TemplateIndex = LKE,
): Promise<ExportResult> {
  const layout = LAYOUTS[layoutName];
  const { columns } = layout;
  const problems: ExcelProblem[] = [];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Asisten LKE';
  const sheet = workbook.addWorksheet(layout.sheet);
  sheet.getCell('A1').value = `${template.template.title} — ${meta.unit} — ${meta.year}`;
  for (const [column, text] of Object.entries(layout.headers)) sheet.getCell(`${column}${layout.headerRow}`).value = text;

  const longText = (indicator: Indicator, kind: 'narrativeTooLong' | 'evidenceTooLong', text: string) => {
    if (text.length > EXCEL_CELL_LIMIT) {
      problems.push({ kind, params: { code: indicator.code, length: text.length, limit: EXCEL_CELL_LIMIT } });
    }
  };
  for (const indicator of template.answerable) {
    const row = layout.row(indicator);
    if (row === null) continue;
    const at = (column: string) => sheet.getCell(`${column}${row}`);
    if (layoutName === 'portalrb') at('A').value = indicator.soalId;
    at(columns.code).value = indicator.code;
    at(columns.question).value = escapeCellText(layout.wording(indicator));
    at(columns.type).value = layout.typeText(indicator);
    at(columns.weight).value = weightOf(indicator, template);

    const state = states.get(indicator.code);
    if (!state) continue;
    if (state.answer !== null && state.answer.trim() !== '') {
      const answer = cellAnswer(indicator, state.answer);
      if (answer === null) problems.push({ kind: 'answerNotValid', params: { code: indicator.code, row, text: state.answer } });
      at(columns.answer).value = answer;
    }
    // Texts over Excel's limit are written whole, so this extension reads them back exactly, and
    // reported, because Excel itself cuts them when it saves the file.
    if (state.narrative) {
      longText(indicator, 'narrativeTooLong', state.narrative);
      at(columns.narrative).value = escapeCellText(state.narrative);
    }
    const links = state.evidence.map((e) => e.url).join('\n');
    if (links) {
      longText(indicator, 'evidenceTooLong', links);
      at(columns.evidence).value = escapeCellText(links);
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), problems };
}

/** The text a cell shows, from any of the value shapes the library gives. */
function cellText(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return value.result === undefined || value.result === null ? null : String(value.result);
  if ('text' in value) return String(value.text);
  return null;
}

const normalizedHeader = (sheet: ExcelJS.Worksheet, column: string, row: number) => normalizeQuestion(cellText(sheet.getCell(`${column}${row}`)) ?? '');

interface Located {
  layout: ExcelLayout;
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  questionColumns: string[];
  answer: string;
  narrative: string;
  evidence: string | null;
}

/** Evidence headers name links or evidence; a link column wins over a checklist column beside it. */
function evidenceColumn(sheet: ExcelJS.Worksheet, row: number, taken: string[]): string | null {
  const candidates: string[] = [];
  sheet.getRow(row).eachCell((cell) => {
    const letter = cell.address.replace(/\d+$/, '');
    if (!taken.includes(letter) && /eviden|bukti|link|tautan|url/.test(normalizeQuestion(cellText(cell) ?? ''))) candidates.push(letter);
  });
  return candidates.find((letter) => /link|tautan|url/.test(normalizedHeader(sheet, letter, row))) ?? candidates[0] ?? null;
}

function locate(sheet: ExcelJS.Worksheet, layout: ExcelLayout): Located | null {
  for (let row = 1; row <= HEADER_SEARCH_ROWS; row++) {
    const header = (column: string) => normalizedHeader(sheet, column, row);
    if (layout === 'portalrb') {
      // Lampiran III has "Jawaban", "Nilai" and "%" there: L and M tell the two apart.
      if (!header('K').includes('jawaban') || !header('L').includes('catatan') || !/bukti|dukung/.test(header('M'))) continue;
      let question: string | null = null;
      sheet.getRow(row).eachCell((cell) => {
        if (!question && /^(pertanyaan|uraian)/.test(normalizeQuestion(cellText(cell) ?? ''))) question = cell.address.replace(/\d+$/, '');
      });
      if (!question) continue;
      return { layout, sheet, headerRow: row, questionColumns: [question], answer: 'K', narrative: 'L', evidence: 'M' };
    }
    if (header('J') !== 'pilihan jawaban' || header('K') !== 'jawaban' || !/catatan|keterangan/.test(header('O'))) continue;
    const evidence = evidenceColumn(sheet, row, ['I', 'J', 'K', 'L', 'M', 'O']);
    return { layout, sheet, headerRow: row, questionColumns: LAMPIRAN3_TEXT_COLUMNS, answer: 'K', narrative: 'O', evidence };
  }
  return null;
}

/** The number a cell holds, typed or computed; null for text and empty cells. */
function cellNumber(cell: ExcelJS.Cell): number | null {
  const value = cell.value;
  if (typeof value === 'number') return value;
  if (value !== null && typeof value === 'object' && 'result' in value && typeof value.result === 'number') return value.result;
  return null;
}

/** The workbook's decimal point becomes the Indonesian comma the forms use ("3,65"). */
const formText = (value: number) => String(value).replace('.', ',');

function answerFrom(indicator: Indicator, cell: ExcelJS.Cell): string | null {
  const number = cellNumber(cell);
  // A number cell is read as the number it is: its text ("1.234" for 1.234) would read as a count
  // with a thousands dot.
  if (number !== null) {
    if (indicator.answerType === 'count') return Number.isInteger(number) && number >= 0 ? String(number) : null;
    if (indicator.answerType === 'score_0_4') return number >= 0 && number <= 4 ? formText(number) : null;
    return null;
  }
  const text = cellText(cell);
  if (text === null || text.trim() === '') return null;
  const value = cellAnswer(indicator, text);
  return typeof value === 'number' ? formText(value) : value;
}

const linesOf = (text: string | null) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((url) => ({ url }));

export async function importWorkbook(bytes: ArrayBuffer | Uint8Array, template: TemplateIndex = LKE): Promise<ImportResult> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  const values = new Map<string, ExcelValue>();
  const problems: ExcelProblem[] = [];
  const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  const candidates = (Object.keys(LAYOUTS) as ExcelLayout[]).flatMap((layout) => {
    const sheet = workbook.worksheets.find((s) => s.name.trim().toLowerCase() === LAYOUTS[layout].sheet.toLowerCase());
    return sheet ? [{ layout, sheet }] : [];
  });
  if (candidates.length === 0) {
    problems.push({ kind: 'foreignWorkbook', params: { sheets: sheetNames.join(', ') } });
    return { layout: null, values, problems };
  }
  const located = candidates.map(({ layout, sheet }) => locate(sheet, layout)).find((found) => found !== null);
  if (!located) {
    problems.push({ kind: 'headersNotRecognised', params: { sheet: candidates.map(({ sheet }) => sheet.name).join(', ') } });
    return { layout: null, values, problems };
  }
  const layout = LAYOUTS[located.layout];
  const { sheet } = located;
  if (!located.evidence) problems.push({ kind: 'noEvidenceColumn', params: { sheet: sheet.name } });

  // Every catalog entry with a row in this layout (the Lampiran III % rows too) is a row of the
  // template, so a % row in its place is expected, not unknown; only answerable ones are read.
  const expectedAt = new Map<number, Indicator>();
  const byWording = new Map<string, Indicator[]>();
  for (const indicator of template.template.indicators) {
    const row = layout.row(indicator);
    if (row === null) continue;
    expectedAt.set(row, indicator);
    const key = normalizeQuestion(layout.wording(indicator));
    byWording.set(key, [...(byWording.get(key) ?? []), indicator]);
  }
  const answerable = new Set(template.answerable.map((indicator) => indicator.code));
  const found = new Set<string>();
  const texts = (row: number) =>
    located.questionColumns.map((column) => cellText(sheet.getCell(`${column}${row}`))).filter((text): text is string => !!text?.trim());

  const lastRow = Math.max(sheet.rowCount, ...expectedAt.keys());
  for (let row = located.headerRow + 1; row <= lastRow; row++) {
    const rowTexts = texts(row);
    const answerCell = sheet.getCell(`${located.answer}${row}`);
    const narrative = cellText(sheet.getCell(`${located.narrative}${row}`));
    const evidence = located.evidence ? cellText(sheet.getCell(`${located.evidence}${row}`)) : null;
    const hasData = [cellText(answerCell), narrative, evidence].some((text) => text !== null && text.trim() !== '');
    const expected = expectedAt.get(row);
    const normalized = rowTexts.map(normalizeQuestion);
    if (expected && normalized.includes(normalizeQuestion(layout.wording(expected)))) {
      found.add(expected.code);
      if (!answerable.has(expected.code)) continue;
      const answer = answerFrom(expected, answerCell);
      const answerText = cellText(answerCell);
      if (answer === null && answerText !== null && answerText.trim() !== '') {
        problems.push({ kind: 'answerNotValid', params: { code: expected.code, row, text: answerText } });
      }
      values.set(expected.code, { answer, narrative: narrative === '' ? null : narrative, evidence: linesOf(evidence) });
      continue;
    }
    const elsewhere = normalized.flatMap((text) => byWording.get(text) ?? []);
    if (elsewhere.length > 0) {
      problems.push({
        kind: 'shiftedRow',
        params: { row, text: rowTexts.at(-1) ?? '', code: elsewhere.map((i) => i.code).join(', '), expected: elsewhere.map((i) => layout.row(i)).join(', ') },
      });
    } else if (hasData) {
      // The wording is the deepest level, so the rightmost text of the row.
      problems.push({ kind: 'unknownRow', params: { row, text: rowTexts.at(-1) ?? '' } });
    }
  }
  for (const indicator of template.answerable) {
    const row = layout.row(indicator);
    if (row !== null && !found.has(indicator.code)) problems.push({ kind: 'missingRow', params: { code: indicator.code, row } });
  }
  return { layout: located.layout, values, problems };
}
