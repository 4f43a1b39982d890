/**
 * Narrative templates: text with `{variable}` placeholders filled from the unit profile and the
 * period. Pure functions over plain data (no browser API, no Dexie), so they are unit-tested alone.
 */

/** The variables a template may use, in the order the editor lists them. */
export const TEMPLATE_VARIABLES = [
  'unit',
  'instansi',
  'tahun',
  'tahun_lalu',
  'pimpinan',
  'nomor_sk',
  'tanggal_sk',
  'ketua_tim',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateValues = Record<TemplateVariable, string>;

export interface FilledTemplate {
  text: string;
  /** Known variables without a value (an empty profile field), each once, in order of appearance. */
  missing: TemplateVariable[];
  /** Placeholders that name no known variable (a typo such as `{tahun_ini}`), each once. */
  unknown: string[];
}

// Letters, digits and underscores only, so braces in ordinary prose ("{lihat lampiran}") with
// spaces are not taken for placeholders.
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

const isVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/**
 * Replaces every `{variable}` that has a value. A placeholder that cannot be filled stays in the
 * text as written, so the user sees where something is missing, and is reported for the UI to flag.
 * Names are matched case-insensitively because teams type `{Unit}` as often as `{unit}`.
 */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const missing = new Set<TemplateVariable>();
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (placeholder, rawName: string) => {
    const name = rawName.toLowerCase();
    if (!isVariable(name)) {
      unknown.add(rawName);
      return placeholder;
    }
    const value = values[name].trim();
    if (value === '') {
      missing.add(name);
      return placeholder;
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

/** What the variables are filled from: the unit with its profile, and the period's year. */
export interface TemplateSource {
  unitName: string;
  agency: string;
  year: number;
  pimpinan: string;
  nomorSk: string;
  /** ISO date `YYYY-MM-DD`, or '' when unknown. */
  tanggalSk: string;
  ketuaTim: string;
}

// Narratives are written in Indonesian whatever language the panel shows, so dates are too.
const SK_DATE_FORMAT = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-01-05" → "5 Januari 2026"; '' stays ''. */
export function formatSkDate(isoDate: string): string {
  return isoDate === '' ? '' : SK_DATE_FORMAT.format(new Date(`${isoDate}T00:00:00Z`));
}

export function templateValues(source: TemplateSource): TemplateValues {
  return {
    unit: source.unitName,
    instansi: source.agency,
    tahun: String(source.year),
    tahun_lalu: String(source.year - 1),
    pimpinan: source.pimpinan,
    nomor_sk: source.nomorSk,
    tanggal_sk: formatSkDate(source.tanggalSk),
    ketua_tim: source.ketuaTim,
  };
}
