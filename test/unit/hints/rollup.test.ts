import { describe, expect, it } from 'vitest';
import { nextGap, rollUp, type Hint } from '@/lib/hints';
import { LKE } from '@/lib/lke/template';

const hint = (code: string, severity: Hint['severity']): Hint => ({ rule: 'noEvidence', code, severity, params: {} });

describe('rollUp', () => {
  it('counts a hint under every ancestor of its indicator', () => {
    const counts = rollUp([hint('A.I.1.i.a', 'error'), hint('A.I.1.i.b', 'warning'), hint('A.I.1.i.a', 'info')], LKE);
    for (const code of ['A.I.1.i', 'A.I.1', 'A.I', 'A']) {
      expect(counts.get(code)).toEqual({ error: 1, warning: 1, info: 1 });
    }
    expect(counts.get('A.I.1.ii')).toEqual({ error: 0, warning: 0, info: 0 });
    expect(counts.get('B')).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('has an entry for every tree node', () => {
    expect([...rollUp([], LKE).keys()].sort()).toEqual([...LKE.nodeByCode.keys()].sort());
  });

  it('counts a Jumlah input and its percentage under the percentage’s sub-area', () => {
    const counts = rollUp([hint('A.II.5.ii.a.2', 'error'), hint('A.II.5.ii.a', 'warning')], LKE);
    for (const code of ['A.II.5.ii', 'A.II.5', 'A.II', 'A']) {
      expect(counts.get(code)).toEqual({ error: 1, warning: 1, info: 0 });
    }
  });
});

describe('nextGap', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('finds the next code with an error or a warning, skipping info', () => {
    expect(nextGap(order, [hint('b', 'warning'), hint('c', 'info'), hint('d', 'error')], 'b')).toBe('d');
  });

  it('wraps around to the start', () => {
    expect(nextGap(order, [hint('b', 'warning'), hint('d', 'info')], 'c')).toBe('b');
  });

  it('returns the current code when it is the only gap, and null when there is none', () => {
    expect(nextGap(order, [hint('c', 'error')], 'c')).toBe('c');
    expect(nextGap(order, [hint('c', 'info')], 'a')).toBeNull();
  });

  it('starts at the top without or with an unknown current code', () => {
    expect(nextGap(order, [hint('a', 'error'), hint('c', 'error')], null)).toBe('a');
    expect(nextGap(order, [hint('a', 'error'), hint('c', 'error')], 'zz')).toBe('a');
  });
});
