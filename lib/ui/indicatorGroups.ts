import type { Indicator, TemplateNode } from '@/lib/lke/schema';
import type { TemplateIndex } from '@/lib/lke/template';

export interface AreaGroup {
  area: TemplateNode;
  indicators: Indicator[];
}

export interface SectionGroup {
  /** Pemenuhan, Reform or Hasil. */
  section: TemplateNode;
  areas: AreaGroup[];
}

/**
 * Groups the answerable indicators by the unit of work a team splits up: the area of change
 * (Pengungkit) or, where Hasil has no areas, its sub-component. Template order is kept.
 */
export function groupAnswerable(index: TemplateIndex): SectionGroup[] {
  const sections = new Map<string, SectionGroup>();
  const areas = new Map<string, AreaGroup>();
  for (const indicator of index.answerable) {
    const chain = index.ancestors(indicator.code);
    let areaAt = chain.findIndex((node) => node.level === 'area_perubahan');
    if (areaAt < 0) areaAt = chain.findIndex((node) => node.level === 'sub_komponen');
    const area = chain[areaAt];
    const section = chain[areaAt - 1];
    if (!area || !section) throw new Error(`Indicator ${indicator.code} sits outside the area tree`);

    let sectionGroup = sections.get(section.code);
    if (!sectionGroup) {
      sectionGroup = { section, areas: [] };
      sections.set(section.code, sectionGroup);
    }
    let areaGroup = areas.get(area.code);
    if (!areaGroup) {
      areaGroup = { area, indicators: [] };
      areas.set(area.code, areaGroup);
      sectionGroup.areas.push(areaGroup);
    }
    areaGroup.indicators.push(indicator);
  }
  return [...sections.values()];
}
