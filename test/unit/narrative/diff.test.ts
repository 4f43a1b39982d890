import { describe, expect, it } from 'vitest';
import { abbreviateEqual, DIFF_WORK_LIMIT, diffWords, type DiffPart } from '@/lib/narrative/diff';

const side = (parts: DiffPart[], kind: 'insert' | 'delete') =>
  parts.filter((part) => part.kind === 'equal' || part.kind === kind).map((part) => part.text).join('');

describe('diffWords', () => {
  it('marks the words inserted and deleted between two revisions', () => {
    const { parts, exact } = diffWords('Tim ZI dibentuk dengan SK.', 'Tim ZI telah dibentuk dengan SK Kepala.');
    expect(exact).toBe(true);
    expect(parts).toEqual([
      { kind: 'equal', text: 'Tim ZI ' },
      { kind: 'insert', text: 'telah ' },
      { kind: 'equal', text: 'dibentuk dengan ' },
      { kind: 'delete', text: 'SK.' },
      { kind: 'insert', text: 'SK Kepala.' },
    ]);
  });

  it('handles empty sides, equal texts and leading whitespace', () => {
    expect(diffWords('', 'Baru saja').parts).toEqual([{ kind: 'insert', text: 'Baru saja' }]);
    expect(diffWords('Lama', '').parts).toEqual([{ kind: 'delete', text: 'Lama' }]);
    expect(diffWords('  Sama saja', '  Sama saja').parts).toEqual([{ kind: 'equal', text: '  Sama saja' }]);
    expect(diffWords('', '').parts).toEqual([]);
  });

  it('always rebuilds both texts from its parts', () => {
    const words = ['rapat', 'tim', 'SK', 'monev', 'laporan', 'zona', 'integritas'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const text = () =>
      Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.3 ? '\n' : ' ');
    for (let round = 0; round < 200; round++) {
      const before = text();
      const after = text();
      const { parts } = diffWords(before, after);
      expect(side(parts, 'delete')).toBe(before);
      expect(side(parts, 'insert')).toBe(after);
    }
  });

  it('finds a small change in a 50,000-character narrative cheaply', () => {
    const sentence = 'Unit kerja melaksanakan monitoring dan evaluasi pembangunan zona integritas secara berkala. ';
    const before = sentence.repeat(Math.ceil(50_000 / sentence.length));
    const middle = before.indexOf(' ', 25_000) + 1;
    const after = `${before.slice(0, middle)}sangat ${before.slice(middle)}`;
    const diff = diffWords(before, after);
    expect(diff.exact).toBe(true);
    expect(diff.parts.filter((part) => part.kind !== 'equal')).toEqual([{ kind: 'insert', text: 'sangat ' }]);
    // One pass over the common ends, nothing quadratic.
    expect(diff.work).toBeLessThan(20_000);
  });

  it('bounds its work for two unrelated 50,000-character texts and still rebuilds both', () => {
    const before = Array.from({ length: 8_000 }, (_, index) => `kata${index}`).join(' ').slice(0, 50_000);
    const after = Array.from({ length: 8_000 }, (_, index) => `lain${index * 7}`).join(' ').slice(0, 50_000);
    // Words and the spaces between them.
    const tokens = 2 * (before.split(' ').length + after.split(' ').length);
    const diff = diffWords(before, after);
    expect(diff.exact).toBe(false);
    expect(diff.work).toBeLessThanOrEqual(DIFF_WORK_LIMIT + tokens);
    expect(side(diff.parts, 'delete')).toBe(before);
    expect(side(diff.parts, 'insert')).toBe(after);
  });

  it('stays exact for many scattered edits within the limit', () => {
    const words = Array.from({ length: 6_000 }, (_, index) => `w${index}`);
    const edited = words.map((word, index) => (index % 100 === 0 ? `${word}x` : word));
    const diff = diffWords(words.join(' '), edited.join(' '));
    expect(diff.exact).toBe(true);
    expect(diff.parts.filter((part) => part.kind === 'insert')).toHaveLength(60);
    expect(diff.work).toBeLessThanOrEqual(DIFF_WORK_LIMIT);
  });
});

describe('abbreviateEqual', () => {
  it('shortens long unchanged stretches around the changes only', () => {
    const long = 'a'.repeat(500);
    const parts: DiffPart[] = [
      { kind: 'equal', text: long },
      { kind: 'insert', text: 'baru ' },
      { kind: 'equal', text: long },
      { kind: 'delete', text: 'lama' },
      { kind: 'equal', text: long },
    ];
    const short = abbreviateEqual(parts, 10);
    expect(short.map((part) => part.text)).toEqual([
      `…${'a'.repeat(10)}`,
      'baru ',
      `${'a'.repeat(10)}…${'a'.repeat(10)}`,
      'lama',
      `${'a'.repeat(10)}…`,
    ]);
    expect(abbreviateEqual([{ kind: 'equal', text: 'pendek' }], 10)).toEqual([{ kind: 'equal', text: 'pendek' }]);
  });
});
