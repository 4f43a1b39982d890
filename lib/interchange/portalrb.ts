import { z } from 'zod';
import type { IndicatorState } from '../hints/types';
import type { Indicator } from '../lke/schema';
import { LKE, type TemplateIndex } from '../lke/template';
import { optionOf, parseCount, parseIndex } from '../lke/values';

// The 2026 PortalRB integration (DOMAIN.md §11.3): PortalRB pulls each unit's answers from an API
// the agency's ZI app serves, one object per soal. This module builds and checks that array; the
// envelope around it is the guide's and not known here, so callers wrap it.

const MAX_TEXT = 200_000;

export const JawabanUnitSchema = z
  .object({
    soal_id: z.number().int().min(1),
    /** "A/B/C/D atau nilai numerik": the option key, or a count or survey index as a number. */
    jawaban_unit: z.union([z.string().min(1).max(16), z.number().nonnegative()]).nullable(),
    /** "Catatan penjelasan dari unit". */
    catatan_unit: z.string().max(MAX_TEXT),
    /** "URL atau keterangan bukti dukung": one per line. */
    bukti_dukung_unit: z.string().max(MAX_TEXT),
    /** The evaluator's fields: the unit's app has none of its own to give. */
    jawaban_tpi: z.null(),
    catatan_tpi: z.null(),
  })
  .strict();
export type JawabanUnit = z.infer<typeof JawabanUnitSchema>;

/** The answers of one unit: every soal once, in soal order. */
export const JawabanUnitListSchema = z
  .array(JawabanUnitSchema)
  .superRefine((answers, ctx) => {
    const seen = new Set<number>();
    for (const [index, answer] of answers.entries()) {
      if (!LKE.bySoalId.has(answer.soal_id)) ctx.addIssue({ code: 'custom', path: [index, 'soal_id'], message: `Unknown soal_id ${answer.soal_id}` });
      if (seen.has(answer.soal_id)) ctx.addIssue({ code: 'custom', path: [index, 'soal_id'], message: `soal_id ${answer.soal_id} appears twice` });
      seen.add(answer.soal_id);
    }
  });

/** The answer as PortalRB takes it: the option's own key, a count or index as a number, else null. */
function jawabanOf(indicator: Indicator, answer: string | null): JawabanUnit['jawaban_unit'] {
  if (indicator.answerType === 'count') return parseCount(answer);
  if (indicator.answerType === 'score_0_4') return parseIndex(answer);
  return optionOf(indicator, answer)?.key ?? null;
}

/**
 * One answer object per soal of the template, from what the extension knows of each indicator;
 * a soal without a state is sent empty, so PortalRB sees every question.
 */
export function buildJawabanUnit(states: ReadonlyMap<string, IndicatorState>, template: TemplateIndex = LKE): JawabanUnit[] {
  return [...template.answerable]
    .sort((a, b) => a.soalId! - b.soalId!)
    .map((indicator) => {
      const state = states.get(indicator.code);
      return {
        soal_id: indicator.soalId!,
        jawaban_unit: jawabanOf(indicator, state?.answer ?? null),
        catatan_unit: state?.narrative ?? '',
        bukti_dukung_unit: (state?.evidence ?? []).map((e) => e.url).join('\n'),
        jawaban_tpi: null,
        catatan_tpi: null,
      };
    });
}
