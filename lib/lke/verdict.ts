import type { ScoreSheet } from './scoring';
import { LKE, type TemplateIndex } from './template';

// Whether a score clears the WBK and WBBM minima (DOMAIN.md §10). The numbers come from
// independent implementations that agree with each other, not from the regulation's text, so they
// are a configurable table whose defaults say where they come from.

export const PREDICATES = ['wbk', 'wbbm'] as const;
export type Predicate = (typeof PREDICATES)[number];

/** A minimum per predicate. */
export interface PerPredicate {
  wbk: number;
  wbbm: number;
}

/**
 * "Per area" has two readings (DOMAIN.md §10.2): `combined` judges each area's Pemenuhan plus
 * Reform against its total weight; `perHalf` judges the Pemenuhan and the Reform half separately.
 */
export const AREA_READINGS = ['combined', 'perHalf'] as const;
export type AreaReading = (typeof AREA_READINGS)[number];

/**
 * The threshold table. Its schema, which checks a table typed or stored by a user, is
 * thresholdsSchema.ts: judging needs no zod, so neither does the dashboard's first frame.
 */
export interface Thresholds {
  /** Of 100. */
  total: PerPredicate;
  /** Of 60. */
  pengungkit: PerPredicate;
  /** Share of the area's weight, 0–1. */
  areaShare: PerPredicate;
  areaReading: AreaReading;
  /** Birokrasi yang Bersih dan Akuntabel (B.I, of 22.5). */
  bersihAkuntabel: PerPredicate;
  /** The IPAK part of B.I (B.I.a, of 17.5). */
  ipak: PerPredicate;
  /** The capaian kinerja part of B.I (B.I.b, of 5). */
  capaianKinerja: PerPredicate;
  /** Pelayanan Publik yang Prima (B.II, of 17.5). */
  pelayananPrima: PerPredicate;
}

/**
 * The defaults of DOMAIN.md §10.1, agreed by the Tangerang Selatan app, the BPS app and a public
 * LKE-checker's "Nilai Minimal Sesuai Ketentuan" table; the combined area reading is the one two of
 * the three use. Where they disagree (B.I and capaian kinerja for WBBM) the checker's stricter
 * figures are taken, which the BPS data supports for capaian kinerja.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  total: { wbk: 75, wbbm: 85 },
  pengungkit: { wbk: 40, wbbm: 48 },
  areaShare: { wbk: 0.6, wbbm: 0.75 },
  areaReading: 'combined',
  bersihAkuntabel: { wbk: 18.25, wbbm: 19.5 },
  ipak: { wbk: 15.75, wbbm: 15.75 },
  capaianKinerja: { wbk: 2.5, wbbm: 3.75 },
  pelayananPrima: { wbk: 14, wbbm: 15.75 },
};

export type ConditionKind = 'total' | 'pengungkit' | 'area' | 'bersihAkuntabel' | 'ipak' | 'capaianKinerja' | 'pelayananPrima';

export interface Condition {
  kind: ConditionKind;
  /** The tree node or indicator judged ('A.I.1+A.II.1' for a combined area). */
  subject: string;
  /** Codes whose names describe the subject (one area appears in both halves). */
  nodes: readonly string[];
  actual: number;
  minimum: number;
  met: boolean;
  /** Points still missing; 0 when met. */
  gap: number;
}

export interface Verdict {
  predicate: Predicate;
  met: boolean;
  conditions: readonly Condition[];
}

/** Scores are compared at two decimals, as the workbook shows them, so 74.999… is not short of 75. */
const roundTo2 = (value: number): number => Math.round(value * 100) / 100;

function condition(kind: ConditionKind, nodes: readonly string[], actual: number, minimum: number): Condition {
  const shown = roundTo2(actual);
  const met = shown >= roundTo2(minimum);
  return { kind, subject: nodes.join('+'), nodes, actual, minimum, met, gap: met ? 0 : roundTo2(minimum - shown) };
}

function areaConditions(sheet: ScoreSheet, thresholds: Thresholds, predicate: Predicate, template: TemplateIndex): Condition[] {
  const halves = ['A.I', 'A.II'].map((code) => template.nodeByCode.get(code)!.children);
  const [pemenuhan, reform] = halves as [typeof halves[number], typeof halves[number]];
  const share = thresholds.areaShare[predicate];
  const scoreOf = (code: string) => sheet.nodes.get(code)?.score ?? 0;
  if (thresholds.areaReading === 'perHalf') {
    return [...pemenuhan, ...reform].map((area) => condition('area', [area.code], scoreOf(area.code), area.weight * share));
  }
  // The six areas appear in the same order, with the same names and weights, in both halves.
  return pemenuhan.map((area, i) => {
    const twin = reform[i]!;
    return condition('area', [area.code, twin.code], scoreOf(area.code) + scoreOf(twin.code), (area.weight + twin.weight) * share);
  });
}

/** Every condition of one predicate, met or not, with the gap. */
export function judge(sheet: ScoreSheet, predicate: Predicate, thresholds: Thresholds = DEFAULT_THRESHOLDS, template: TemplateIndex = LKE): Verdict {
  const item = (code: string) => (sheet.values.get(code) ?? 0) * (template.byCode.get(code)?.weight ?? 0);
  const node = (code: string) => sheet.nodes.get(code)?.score ?? 0;
  const conditions = [
    condition('total', ['total'], sheet.total, thresholds.total[predicate]),
    condition('pengungkit', ['A'], sheet.pengungkit, thresholds.pengungkit[predicate]),
    ...areaConditions(sheet, thresholds, predicate, template),
    condition('bersihAkuntabel', ['B.I'], node('B.I'), thresholds.bersihAkuntabel[predicate]),
    condition('ipak', ['B.I.a'], item('B.I.a'), thresholds.ipak[predicate]),
    condition('capaianKinerja', ['B.I.b'], item('B.I.b'), thresholds.capaianKinerja[predicate]),
    condition('pelayananPrima', ['B.II'], node('B.II'), thresholds.pelayananPrima[predicate]),
  ];
  return { predicate, met: conditions.every((c) => c.met), conditions };
}
