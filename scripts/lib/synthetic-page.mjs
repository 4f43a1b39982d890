// Synthetic LKE pages of any size for the scale benchmark: the template's questions in a plain
// table, repeated section after section (as a Kanwil page listing several units' LKEs would),
// each row with an answer control, a narrative and an evidence field.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const template = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../lib/lke/data/permenpanrb-90-2021.json'), 'utf8'));
const questions = template.indicators.filter((indicator) => indicator.soalId !== null);

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function answerCell(indicator, id) {
  if (indicator.options.length === 0) return `<input type="number" name="jawaban[${id}]" min="0">`;
  return indicator.options
    .map((option) => `<label><input type="radio" name="jawaban[${id}]" value="${option.key}"> ${option.key}</label>`)
    .join(' ');
}

/** @param {number} rowCount */
export function syntheticPage(rowCount) {
  const sections = [];
  for (let start = 0, unit = 1; start < rowCount; start += questions.length, unit++) {
    const rows = [];
    for (let i = 0; i < questions.length && start + i < rowCount; i++) {
      const indicator = questions[i];
      const id = start + i + 1;
      rows.push(
        `<tr><td>${indicator.itemLetter ?? ''}</td><td>${escape(indicator.question)}</td><td>${answerCell(indicator, id)}</td>` +
          `<td><textarea name="catatan[${id}]"></textarea></td><td><input type="url" name="bukti[${id}]"></td></tr>`,
      );
    }
    sections.push(
      `<section><h2>Unit Kerja ${unit}</h2><table><thead><tr><th>No</th><th>Pertanyaan</th><th>Jawaban</th><th>Catatan</th><th>Bukti Dukung</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`,
    );
  }
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>LKE ${rowCount} baris</title></head><body><h1>Rekap LKE</h1>${sections.join('')}</body></html>`;
}
