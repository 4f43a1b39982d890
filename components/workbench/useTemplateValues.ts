import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '@/components/DatabaseProvider';
import { EMPTY_UNIT_PROFILE } from '@/lib/db/schema';
import { templateValues, type TemplateValues } from '@/lib/narrative/template';

/** The template variables of the active unit and year, kept current as the profile is edited; undefined while loading. */
export function useTemplateValues(unitId: number, year: number): TemplateValues | undefined {
  const db = useDatabase();
  // Null rather than undefined for a missing unit, so "loaded, not found" differs from "loading".
  const unit = useLiveQuery(async () => (await db.units.get(unitId)) ?? null, [db, unitId]);
  if (unit === undefined) return undefined;
  const profile = unit?.profile ?? EMPTY_UNIT_PROFILE;
  return templateValues({ unitName: unit?.name ?? '', agency: unit?.agency ?? '', year, ...profile });
}
