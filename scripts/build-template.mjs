#!/usr/bin/env node
// Builds the project's LKE template (PermenPANRB 90/2021, edition PortalRB 2026) from the shared
// reference catalog. The output is committed project data: the extension never reads ../shared.
//
//   node scripts/build-template.mjs [path/to/lke-catalog.json]
//
// Writes lib/lke/data/permenpanrb-90-2021.json (full template) and
// lib/lke/data/permenpanrb-90-2021.keys.json (the slim subset the content script bundles for
// recognition). Fails loudly when the catalog disagrees with the facts this script relies on.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const catalogPath = process.argv[2] ?? resolve(root, '../shared/lke/lke-catalog.json');
const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));

function fail(message) {
  console.error(`build-template: ${message}`);
  process.exit(1);
}

const ROLLUP_BY_LEVEL = {
  komponen: 'sum',
  sub_komponen: 'sum',
  area_perubahan: 'sum',
  sub_area: 'average',
};

function convertNode(node, depth) {
  const children = node.children ?? [];
  let level = node.level;
  let rollup = ROLLUP_BY_LEVEL[level];
  if (depth === 4) level = 'sub_sub_area';
  // A.II.5.iii is the one sub-area made of two weighted halves (LHKPN, Non LHKPN): a + b.
  if (node.level === 'sub_area' && children.length > 0) rollup = 'sum';
  if (level === 'sub_sub_area') rollup = 'average';
  // Hasil sub-components sum indicators that are already multiplied by their own weight.
  if (node.code.startsWith('B.') && level === 'sub_komponen') rollup = 'weighted_items';
  if (!rollup) fail(`no roll-up for node ${node.code} (${node.level})`);
  return {
    code: node.code,
    name: node.name,
    level,
    weight: node.weight,
    rollup,
    children: children.map((child) => convertNode(child, depth + 1)),
  };
}

const tree = catalog.tree.map((node) => convertNode(node, 0));
const nodeCodes = new Set();
(function collect(nodes) {
  for (const node of nodes) {
    nodeCodes.add(node.code);
    collect(node.children);
  }
})(tree);

// The percentage formulas, structured. Each is checked against the catalog's own text below.
const FORMULAS = {
  'A.II.1.i.a': { kind: 'ratio', numerator: ['.2'], denominator: ['.1'] },
  'A.II.1.i.b': { kind: 'ratio', numerator: ['.2'], denominator: ['.1'] },
  'A.II.3.iii.a': { kind: 'decrease', previous: '.1', current: '.2', alsoRequired: ['.3'] },
  'A.II.4.i.a': { kind: 'ratio', numerator: ['.2'], denominator: ['.1'] },
  'A.II.5.ii.a': { kind: 'ratio', numerator: ['.3'], denominator: ['.1'], alsoRequired: ['.2'] },
  'A.II.5.iii.a': { kind: 'ratio', numerator: ['.4'], denominator: ['.1', '.2', '.3'] },
  'A.II.5.iii.b': { kind: 'ratio', numerator: ['.4'], denominator: ['.1', '.2', '.3'] },
  'A.II.6.i.b': { kind: 'ratio', numerator: ['.2'], denominator: ['.1'] },
};

function structuredFormula(entry, byCode) {
  const spec = FORMULAS[entry.code];
  if (!spec) fail(`no structured formula for ${entry.code}`);
  const abs = (suffix) => entry.code + suffix;
  const formula =
    spec.kind === 'ratio'
      ? {
          kind: 'ratio',
          numerator: spec.numerator.map(abs),
          denominator: spec.denominator.map(abs),
          alsoRequired: (spec.alsoRequired ?? []).map(abs),
          cap: 1,
        }
      : {
          kind: 'decrease',
          previous: abs(spec.previous),
          current: abs(spec.current),
          alsoRequired: (spec.alsoRequired ?? []).map(abs),
        };
  const used = formula.kind === 'ratio'
    ? [...formula.numerator, ...formula.denominator, ...formula.alsoRequired]
    : [formula.previous, formula.current, ...formula.alsoRequired];
  const inputs = [...entry.inputs].sort();
  if (JSON.stringify([...used].sort()) !== JSON.stringify(inputs)) {
    fail(`formula of ${entry.code} does not use exactly its inputs ${inputs.join(', ')}`);
  }
  // Where the catalog names the inputs in brackets, they must be the ones placed above.
  if (formula.kind === 'ratio' && formula.numerator.length === 1 && formula.denominator.length === 1) {
    const m = /min\(1, \[(.+?)\] \/ \[(.+?)\]\)/.exec(entry.formula);
    if (!m) fail(`unexpected formula text for ${entry.code}: ${entry.formula}`);
    const [num, den] = [byCode.get(formula.numerator[0]), byCode.get(formula.denominator[0])];
    if (num.question !== m[1] || den.question !== m[2]) {
      fail(`formula of ${entry.code} names ${m[1]} / ${m[2]}, inputs are ${num.question} / ${den.question}`);
    }
  }
  return formula;
}

function parentNodeCode(entry) {
  if (entry.inputOf) return null; // count inputs hang off their percentage indicator
  const parts = entry.code.split('.');
  const parent = parts.slice(0, -1).join('.');
  if (entry.subSubArea) return entry.code; // the LHK halves: node and indicator share a code
  if (!nodeCodes.has(parent)) fail(`no tree node ${parent} for ${entry.code}`);
  return parent;
}

function evidenceChecklist(entry) {
  const seen = new Set();
  const items = [];
  for (const source of entry.evidenceExamples?.examples ?? []) {
    for (const raw of source.items) {
      const item = raw.trim().replace(/:$/, '');
      const key = item.toLowerCase();
      if (item.length < 4 || seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

const byCode = new Map(catalog.indicators.map((entry) => [entry.code, entry]));
const indicators = catalog.indicators.map((entry) => {
  const soalId = entry.portalrb?.soalId ?? null;
  return {
    code: entry.code,
    parent: parentNodeCode(entry),
    itemLetter: entry.itemLetter ?? null,
    question: entry.question,
    criteria: entry.criteria,
    answerType: entry.answerType,
    answerTypeRaw: entry.answerTypeRaw ?? null,
    options: (entry.options ?? []).map(({ key, label, value }) => ({ key, label, value })),
    scored: entry.scored,
    weight: entry.code.startsWith('B.') ? entry.weight : null,
    soalId,
    excelRow: soalId === null ? null : entry.portalrb.excelRow,
    lampiranIIIRow: entry.lampiranIIIExcelRow,
    lampiranIIIWording: entry.lampiranIIIWording ?? null,
    inputs: entry.inputs ?? [],
    inputOf: entry.inputOf ?? null,
    formula: entry.answerType === 'percent_computed' ? structuredFormula(entry, byCode) : null,
    formulaInferred: entry.formulaStatus === 'inferred',
    evidenceChecklist: evidenceChecklist(entry),
  };
});

const template = {
  id: 'permenpanrb-90-2021',
  edition: 'portalrb-2026',
  title: 'LKE Zona Integritas — PermenPANRB 90/2021 (PortalRB 2026)',
  regulation: 'PermenPANRB No. 90 Tahun 2021, Lampiran III',
  generatedFrom: catalog.meta.version,
  answerTypes: catalog.meta.answerTypes
    ? Object.fromEntries(
        Object.entries(catalog.meta.answerTypes)
          .filter(([, spec]) => spec.options)
          .map(([name, spec]) => [name, spec.options]),
      )
    : {},
  tree,
  indicators,
};

// The slim subset the content script needs to recognise rows: no criteria texts or checklists.
const keys = indicators.map((i) => ({
  code: i.code,
  soalId: i.soalId,
  itemLetter: i.itemLetter,
  question: i.question,
  lampiranIIIWording: i.lampiranIIIWording,
  answerType: i.answerType,
  options: i.options.map((o) => o.key),
  inputOf: i.inputOf,
}));

const out = resolve(root, 'lib/lke/data');
writeFileSync(resolve(out, 'permenpanrb-90-2021.json'), JSON.stringify(template, null, 1) + '\n');
writeFileSync(resolve(out, 'permenpanrb-90-2021.keys.json'), JSON.stringify(keys) + '\n');
console.log(`build-template: ${indicators.length} indicators, ${nodeCodes.size} tree nodes written to lib/lke/data/`);
