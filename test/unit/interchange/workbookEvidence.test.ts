import { describe, expect, it } from 'vitest';
import type { ExcelValue } from '@/lib/interchange/excel';
import { planWorkbookEvidence } from '@/lib/interchange/workbookEvidence';
import { httpUrl } from '@/lib/ui/presentation';

const value = (...urls: string[]): ExcelValue => ({ answer: null, narrative: null, evidence: urls.map((url) => ({ url })) });
const SK = 'https://drive.google.com/file/d/1AbC/view';

describe('planWorkbookEvidence', () => {
  it('plans one document per file, shared by the indicators that name it', () => {
    const values = new Map([
      ['A.I.1.i.a', value(SK, 'https://drive.example.go.id/notulen')],
      // The same file in another link form, and a description that is no link.
      ['A.I.1.i.b', value('https://drive.google.com/file/d/1AbC/view?usp=sharing', 'SK terlampir di map biru')],
    ]);
    expect(planWorkbookEvidence(values, { documents: [], links: [] })).toEqual({
      links: [
        { code: 'A.I.1.i.a', url: SK },
        { code: 'A.I.1.i.a', url: 'https://drive.example.go.id/notulen' },
        { code: 'A.I.1.i.b', url: 'https://drive.google.com/file/d/1AbC/view?usp=sharing' },
      ],
      newDocuments: 2,
      notLinks: 1,
    });
  });

  it('reuses documents of the library and skips links it already has', () => {
    const values = new Map([['A.I.1.i.a', value(SK, SK)], ['A.I.1.i.b', value(`${SK}?usp=sharing`)]]);
    const library = { documents: [{ id: 7, url: SK }], links: [{ evidenceId: 7, code: 'A.I.1.i.a' }] };
    expect(planWorkbookEvidence(values, library)).toEqual({ links: [{ code: 'A.I.1.i.b', url: `${SK}?usp=sharing` }], newDocuments: 0, notLinks: 0 });
  });
});

it('takes only http(s) links', () => {
  expect(httpUrl(' https://drive.example.go.id/a b ')).toBe('https://drive.example.go.id/a%20b');
  expect(httpUrl('javascript:alert(1)')).toBeNull();
  expect(httpUrl('file:///C:/SK.pdf')).toBeNull();
  expect(httpUrl('SK Kepala Kantor')).toBeNull();
});
