import { z } from 'zod';

/** Answer types of the LKE (DOMAIN.md §5). */
export const AnswerTypeSchema = z.enum([
  'yes_no',
  'abc',
  'abcd',
  'abcde',
  'count',
  'percent_computed',
  'score_0_4',
]);
export type AnswerType = z.infer<typeof AnswerTypeSchema>;

export const OptionSchema = z.object({
  /** What the portal stores: "Ya", "Tidak", "A" … "E". */
  key: z.string().min(1),
  /** The criterion text of this option. */
  label: z.string(),
  /** Item value 0..1 (note 0.67 / 0.33 for A/B/C/D). */
  value: z.number().min(0).max(1),
});
export type Option = z.infer<typeof OptionSchema>;

export const FormulaSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ratio'),
    numerator: z.array(z.string()).min(1),
    denominator: z.array(z.string()).min(1),
    /** Inputs the workbook requires to be filled although the formula does not use them. */
    alsoRequired: z.array(z.string()),
    cap: z.number(),
  }),
  z.object({
    kind: z.literal('decrease'),
    previous: z.string(),
    current: z.string(),
    alsoRequired: z.array(z.string()),
  }),
]);
export type Formula = z.infer<typeof FormulaSchema>;

export const NodeLevelSchema = z.enum([
  'komponen',
  'sub_komponen',
  'area_perubahan',
  'sub_area',
  'sub_sub_area',
]);
export type NodeLevel = z.infer<typeof NodeLevelSchema>;

export interface TemplateNode {
  code: string;
  name: string;
  level: NodeLevel;
  weight: number;
  /** sum of children; average of scored items × weight; or (Hasil) sum of weighted items. */
  rollup: 'sum' | 'average' | 'weighted_items';
  children: TemplateNode[];
}

export const TemplateNodeSchema: z.ZodType<TemplateNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    level: NodeLevelSchema,
    weight: z.number().positive(),
    rollup: z.enum(['sum', 'average', 'weighted_items']),
    children: z.array(TemplateNodeSchema),
  }),
);

export const IndicatorSchema = z.object({
  /** Project-internal hierarchical code, e.g. "A.I.1.i.a"; "A.II.1.i.a.2" for a Jumlah input. */
  code: z.string().regex(/^[AB](\.[IV]+)(\.\d)?(\.[ivx]+)?(\.[a-z])?(\.\d)?$/),
  /** Tree node the indicator is scored under; null for count inputs (they feed `inputOf`). */
  parent: z.string().nullable(),
  itemLetter: z.string().nullable(),
  question: z.string().min(1),
  criteria: z.string(),
  answerType: AnswerTypeSchema,
  answerTypeRaw: z.string().nullable(),
  options: z.array(OptionSchema),
  scored: z.boolean(),
  /** Own weight of a Hasil indicator; Pengungkit items carry their sub-area's weight instead. */
  weight: z.number().positive().nullable(),
  /** PortalRB 2026 `soal_id`; null for the computed percentages PortalRB does not receive. */
  soalId: z.number().int().min(1).nullable(),
  /** Row in the PortalRB template workbook (sheet "Jawaban"). */
  excelRow: z.number().int().nullable(),
  lampiranIIIRow: z.number().int(),
  lampiranIIIWording: z.string().nullable(),
  inputs: z.array(z.string()),
  inputOf: z.string().nullable(),
  formula: FormulaSchema.nullable(),
  formulaInferred: z.boolean(),
  /** Typical evidence (community guidance, not official). */
  evidenceChecklist: z.array(z.string()),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const TemplateSchema = z.object({
  id: z.string(),
  edition: z.string(),
  title: z.string(),
  regulation: z.string(),
  generatedFrom: z.string(),
  answerTypes: z.record(z.string(), z.record(z.string(), z.number())),
  tree: z.array(TemplateNodeSchema),
  indicators: z.array(IndicatorSchema),
});
export type Template = z.infer<typeof TemplateSchema>;

/** What the content script bundles to recognise rows (no criteria texts). */
export const IndicatorKeySchema = IndicatorSchema.pick({
  code: true,
  soalId: true,
  itemLetter: true,
  question: true,
  lampiranIIIWording: true,
  answerType: true,
  inputOf: true,
}).extend({ options: z.array(z.string()) });
export type IndicatorKey = z.infer<typeof IndicatorKeySchema>;
