import { describe, expect, it } from 'vitest';
import { documentKey, findDuplicates } from '@/lib/evidence/documentKey';
import { flagDocuments } from '@/lib/evidence/flags';

describe('documentKey', () => {
  it.each([
    ['https://Arsip.Example.go.id/zi/sk.pdf', 'http://www.arsip.example.go.id/zi/sk.pdf/'],
    ['https://example.go.id/a?b=2&a=1', 'https://example.go.id/a?a=1&b=2&utm_source=wa&fbclid=x'],
    ['https://example.go.id/sk.pdf#page=3', 'https://example.go.id/sk.pdf'],
    ['https://drive.google.com/file/d/1AbC-d_E/view?usp=sharing', 'https://drive.google.com/open?id=1AbC-d_E'],
    ['https://drive.google.com/uc?id=1AbC-d_E&export=download', 'https://drive.google.com/file/u/0/d/1AbC-d_E/edit'],
    ['https://docs.google.com/document/d/1AbC-d_E/edit?usp=drive_link&ouid=1&rtpof=true&sd=true', 'https://drive.google.com/file/d/1AbC-d_E/view'],
    ['https://drive.google.com/drive/u/0/folders/1FoL?usp=sharing', 'https://drive.google.com/open?id=1FoL'],
    ['https://www.dropbox.com/scl/fi/x/sk.pdf?rlkey=k&dl=0', 'https://www.dropbox.com/scl/fi/x/sk.pdf?dl=1&rlkey=k'],
  ])('%s is the same document as %s', (a, b) => {
    expect(documentKey(a)).toBe(documentKey(b));
  });

  it.each([
    ['https://example.go.id/SK.pdf', 'https://example.go.id/sk.pdf'],
    ['https://example.go.id/dok?id=1', 'https://example.go.id/dok?id=2'],
    ['https://drive.google.com/file/d/1AbC/view', 'https://drive.google.com/file/d/1AbD/view'],
    ['https://www.dropbox.com/scl/fi/x/sk.pdf?rlkey=k', 'https://www.dropbox.com/scl/fi/x/sk.pdf?rlkey=j'],
    ['https://app.example.go.id/#/dokumen/1', 'https://app.example.go.id/#/dokumen/2'],
    ['https://example.go.id:8443/sk.pdf', 'https://example.go.id/sk.pdf'],
  ])('%s is not the same document as %s', (a, b) => {
    expect(documentKey(a)).not.toBe(documentKey(b));
  });

  it('keeps text that is not a URL as it is', () => {
    expect(documentKey('  Lemari arsip 3 ')).toBe('Lemari arsip 3');
  });
});

describe('findDuplicates and flagDocuments', () => {
  const library = [
    { id: 1, url: 'https://drive.google.com/file/d/1AbC/view?usp=sharing' },
    { id: 2, url: 'https://example.go.id/notulen.pdf' },
    { id: 3, url: 'https://drive.google.com/open?id=1AbC' },
    { id: 4, url: 'https://docs.google.com/document/d/1AbC/edit' },
    { id: 5, url: 'https://drive.google.com/drive/folders/9XyZ' },
  ];

  it('names, for each duplicated document, the other entries of the same document', () => {
    expect(findDuplicates(library)).toEqual(
      new Map([
        [1, [3, 4]],
        [3, [1, 4]],
        [4, [1, 3]],
      ]),
    );
  });

  it('combines the link rules and the duplicates and leaves clean documents out', () => {
    const flags = flagDocuments(library);
    expect([...flags.keys()]).toEqual([1, 3, 4, 5]);
    expect(flags.get(5)).toEqual([{ kind: 'folder', rule: 'driveFolder' }]);
    expect(flags.get(3)).toEqual([{ kind: 'duplicate', rule: 'duplicate', duplicateOf: [1, 4] }]);
    expect(flagDocuments([{ id: 7, url: 'http://192.168.0.2/sk.pdf' }]).get(7)).toEqual([
      { kind: 'private', rule: 'privateAddress' },
    ]);
  });
});
