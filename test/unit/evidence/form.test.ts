import { describe, expect, it } from 'vitest';
import {
  checkEvidenceDraft,
  matchesQuery,
  parseDocumentDate,
  parseIndicatorCodes,
  urlProblem,
} from '@/lib/evidence/form';

describe('urlProblem', () => {
  it.each(['https://drive.google.com/file/d/1/view', 'http://arsip.example.go.id/sk.pdf', '  https://x.id  '])(
    'accepts %s',
    (url) => expect(urlProblem(url)).toBeNull(),
  );

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['drive.google.com/file/d/1/view', 'noScheme'],
    ['www.example.go.id', 'noScheme'],
    ['javascript:alert(1)', 'protocol'],
    ['data:text/html,hi', 'protocol'],
    ['file:///C:/ZI/sk.pdf', 'protocol'],
    ['ftp://files.example.go.id/sk.pdf', 'protocol'],
    ['C:\\ZONA INTEGRITAS 2022\\AREA I\\1.i.a SK TIM.pdf', 'notUrl'],
    ['SK Tim Kerja ada di lemari', 'notUrl'],
  ])('refuses %j: %s', (url, problem) => expect(urlProblem(url)).toBe(problem));
});

describe('parseDocumentDate', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['2026', '2026'],
    ['2026-03-14', '2026-03-14'],
    ['2026-3-4', '2026-03-04'],
    ['14/03/2026', '2026-03-14'],
    ['4-3-2026', '2026-03-04'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %j as %j', (text, stored) => expect(parseDocumentDate(text)).toBe(stored));

  it.each(['2026-02-30', '31/04/2026', '26', 'Maret 2026', '2026-13-01', '0000-01-01'])('refuses %j', (text) =>
    expect(parseDocumentDate(text)).toBeUndefined(),
  );
});

describe('checkEvidenceDraft', () => {
  const draft = { title: 'SK Tim', url: 'https://x.go.id/sk.pdf', documentDate: '', type: '', note: '' };

  it('finds no problem in a complete draft', () => expect(checkEvidenceDraft(draft)).toEqual({}));

  it('names every problem at once', () => {
    expect(checkEvidenceDraft({ ...draft, title: ' ', url: 'ftp://x.go.id/a', documentDate: '2026-02-30' })).toEqual({
      title: 'required',
      url: 'protocol',
      documentDate: 'invalid',
    });
  });
});

describe('parseIndicatorCodes', () => {
  it('reads codes separated by commas, spaces or lines, in any case, once each', () => {
    expect(parseIndicatorCodes('A.I.1.i.a, a.i.1.i.b\nA.I.1.i.a; B.I.a.')).toEqual({
      codes: ['A.I.1.i.a', 'A.I.1.i.b', 'B.I.a'],
      unknown: [],
    });
  });

  it('keeps what the template does not know', () => {
    expect(parseIndicatorCodes('A.I.1.i.a A.IX.1 sk')).toEqual({ codes: ['A.I.1.i.a'], unknown: ['A.IX.1', 'sk'] });
    expect(parseIndicatorCodes('  ')).toEqual({ codes: [], unknown: [] });
  });
});

describe('matchesQuery', () => {
  const document = { title: 'SK Tim Kerja ZI', url: 'https://x.go.id/sk-tim.pdf', type: 'SK', note: 'ditandatangani Kepala' };

  it.each(['', 'sk', 'tim zi', 'KEPALA', 'sk-tim.pdf'])('finds it with %j', (query) =>
    expect(matchesQuery(document, query)).toBe(true),
  );

  it.each(['notulen', 'tim notulen'])('does not find it with %j', (query) =>
    expect(matchesQuery(document, query)).toBe(false),
  );
});
