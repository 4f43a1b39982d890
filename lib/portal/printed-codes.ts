// Codes pages print next to a question. Apps number the same item in several ways: the full
// hierarchical code ("A.I.1.i.a"), without the component ("I.1.i.a"), area / sub-area / item
// ("1.i.a"), area / item / sub-area ("1.a.i"); count inputs add their number ("1.i.a.2").

const CODE_TOKEN = /[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+/g;

/** Every way a page may print a template code, lower case. */
export function printedForms(code: string): string[] {
  const parts = code.toLowerCase().split('.');
  const [component, subComponent, ...rest] = parts;
  const forms = new Set([parts.join('.'), [subComponent, ...rest].join('.')]);
  if (component === 'a' && rest.length >= 3) {
    const [area, subArea, item, ...inputs] = rest;
    forms.add([area, subArea, item, ...inputs].join('.'));
    forms.add([area, item, subArea, ...inputs].join('.'));
  }
  return [...forms];
}

/** The dotted code-like tokens of a text ("1.i.a", "A.II.3.iii.a.2"), lower case. */
export function codeTokens(text: string): Set<string> {
  return new Set((text.match(CODE_TOKEN) ?? []).map((token) => token.toLowerCase()));
}

const SOAL_ID = /(?:\[|_|-|^)(\d{1,3})(?:\]|$)/;

/** PortalRB soal ids a control names itself by: `jawaban[12]`, `catatan_12`, `soal-12`. */
export function soalIdsOf(element: Element): number[] {
  const ids: number[] = [];
  for (const value of [element.getAttribute('name'), element.id]) {
    const match = value ? SOAL_ID.exec(value) : null;
    if (match) ids.push(Number(match[1]));
  }
  return ids;
}
