// Compares what the extension marked on a fixture page (the data-lke-* observable contract) with
// the fixture's ground truth (expected.json). Self-contained on purpose: the end-to-end tests and
// the benchmark pass it to `page.evaluate`, unit tests call it on happy-dom documents.

/**
 * @param {Document} doc
 * @param {{ rows: Array<{ code: string, answerType?: string, row: string, answer?: string | null,
 *   narrative?: string | null, evidence?: string | null }>,
 *   percentGroups?: Array<{ code: string }>, lookAlikes?: string[] }} expected
 */
export function checkConformance(doc, expected) {
  const FIELDS = ['answer', 'narrative', 'evidence'];
  const rowMarks = Array.from(doc.querySelectorAll('[data-lke-indicator]:not([data-lke-field])'));
  const owner = (el) => {
    const own = el.getAttribute('data-lke-indicator');
    if (own) return own;
    const row = el.closest('[data-lke-indicator]');
    return row ? row.getAttribute('data-lke-indicator') : null;
  };
  /** @type {Map<string, Set<Element>>} bound elements by "field code" */
  const bound = new Map();
  for (const el of doc.querySelectorAll('[data-lke-field]')) {
    const key = `${el.getAttribute('data-lke-field')} ${owner(el)}`;
    if (!bound.has(key)) bound.set(key, new Set());
    bound.get(key).add(el);
  }
  const expectedRowEls = new Set();
  const problems = [];
  let correctRows = 0;
  let expectedFields = 0;
  let correctFields = 0;
  const recognizedCodes = new Set();

  for (const row of expected.rows) {
    const rowEl = doc.querySelector(row.row);
    if (!rowEl) {
      problems.push(`${row.code}: fixture selector ${row.row} matches nothing`);
      continue;
    }
    expectedRowEls.add(rowEl);
    const marked = rowEl.getAttribute('data-lke-indicator');
    if (marked !== null) recognizedCodes.add(marked);
    if (marked === row.code) correctRows++;
    else problems.push(`${row.code}: row marked ${marked === null ? 'not at all' : `as ${marked}`}`);

    for (const field of FIELDS) {
      const selector = row[field];
      if (!selector) continue;
      expectedFields++;
      const name = field === 'answer' && row.answerType === 'count' ? 'count' : field;
      const want = new Set(doc.querySelectorAll(selector));
      const got = bound.get(`${name} ${row.code}`) ?? new Set();
      const same = want.size > 0 && want.size === got.size && [...want].every((el) => got.has(el));
      if (same) correctFields++;
      else problems.push(`${row.code}: ${name} bound to ${got.size} element(s), expected ${want.size} (${selector})`);
    }
  }

  const allowedParents = new Set((expected.percentGroups ?? []).map((group) => group.code));
  const falsePositives = rowMarks.filter(
    (el) => !expectedRowEls.has(el) && !allowedParents.has(el.getAttribute('data-lke-indicator')),
  );
  for (const el of falsePositives) {
    problems.push(`false positive: ${el.tagName.toLowerCase()} marked ${el.getAttribute('data-lke-indicator')}`);
  }
  for (const selector of expected.lookAlikes ?? []) {
    for (const el of doc.querySelectorAll(selector)) {
      if (el.hasAttribute('data-lke-field')) problems.push(`look-alike ${selector} bound as ${el.getAttribute('data-lke-field')}`);
    }
  }

  const truePositives = correctRows;
  const recognized = truePositives + falsePositives.length;
  return {
    expectedRows: expected.rows.length,
    recognizedRows: recognized,
    correctRows,
    expectedFields,
    correctFields,
    falsePositives: falsePositives.length,
    precision: recognized === 0 ? (expected.rows.length === 0 ? 1 : 0) : truePositives / recognized,
    recall: expected.rows.length === 0 ? 1 : truePositives / expected.rows.length,
    distinctCodes: recognizedCodes.size,
    problems,
  };
}
