import type { Innovation, InnovationCategory } from '../db/schema';
import type { TemplateNode } from '../lke/schema';
import { LKE } from '../lke/template';

// The innovation register (issue 7). An innovation serves one or more of the six change areas,
// which appear in both Pemenuhan and Reform; an area is named by its Pemenuhan code ("A.I.6" stands
// for Peningkatan Kualitas Pelayanan Publik in both halves).

export const INNOVATION_CATEGORIES = [
  'layanan_internal',
  'layanan_eksternal',
  'image_branding',
  'penyebaran_virus_integritas',
  'kerja_sama_stakeholder',
] as const satisfies readonly InnovationCategory[];

/** The six change areas, by their Pemenuhan node. */
export const CHANGE_AREAS: readonly TemplateNode[] = LKE.nodeByCode.get('A.I')!.children;

export const isChangeArea = (code: string): boolean => CHANGE_AREAS.some((area) => area.code === code);

export type InnovationGap = 'none' | 'notReplicated';

export interface AreaInnovations {
  area: TemplateNode;
  count: number;
  replicated: number;
  /** What the area lacks: no innovation at all, or none another unit replicated; null when fine. */
  gap: InnovationGap | null;
}

/** Per change area: how many innovations serve it, how many were replicated, and the hint. */
export function innovationsByArea(innovations: readonly Pick<Innovation, 'areas' | 'replications'>[]): AreaInnovations[] {
  return CHANGE_AREAS.map((area) => {
    const serving = innovations.filter((innovation) => innovation.areas.includes(area.code));
    const replicated = serving.filter((innovation) => innovation.replications.length > 0).length;
    const gap: InnovationGap | null = serving.length === 0 ? 'none' : replicated === 0 ? 'notReplicated' : null;
    return { area, count: serving.length, replicated, gap };
  });
}
