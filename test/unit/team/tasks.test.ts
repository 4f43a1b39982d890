import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../lib/db/schema';
import { codesInScope, effectiveAssignment, scopeLevel } from '../../../lib/team/scope';
import { buildTasks, daysLate, isoDay, progressByPic } from '../../../lib/team/tasks';

const assignment = (scope: string, memberId: number, dueDate: string | null = null): Assignment => ({ periodId: 1, scope, memberId, dueDate, assignedAt: 0 });

describe('PIC scopes', () => {
  it('knows areas (both halves and the Hasil parts), sub-areas and answerable indicators', () => {
    expect(['A.I.1', 'A.II.6', 'B.I', 'A.I.1.ii', 'A.II.5.iii', 'A.I.1.ii.a', 'A', 'A.I', 'nope'].map(scopeLevel)).toEqual([
      'area',
      'area',
      'area',
      'subArea',
      'subArea',
      'indicator',
      null,
      null,
      null,
    ]);
    expect(codesInScope('A.I.1.ii')).toEqual(['A.I.1.ii.a', 'A.I.1.ii.b', 'A.I.1.ii.c']);
  });

  it('makes the most specific assignment the PIC: indicator, then sub-area, then area', () => {
    const byScope = new Map([assignment('A.I.1', 1), assignment('A.I.1.ii', 2), assignment('A.I.1.ii.b', 3)].map((row) => [row.scope, row]));
    expect(['A.I.1.i.a', 'A.I.1.ii.a', 'A.I.1.ii.b', 'A.I.2.i.a'].map((code) => effectiveAssignment(code, byScope)?.memberId ?? null)).toEqual([1, 2, 3, null]);
  });
});

describe('tasks', () => {
  it('counts whole days late for unfinished work only; due today is not late', () => {
    expect(daysLate('2026-05-10', 'draf', '2026-05-12')).toBe(2);
    expect(daysLate('2026-05-12', 'draf', '2026-05-12')).toBe(0);
    expect(daysLate('2026-05-10', 'disetujui', '2026-05-12')).toBe(0);
    expect(daysLate(null, 'draf', '2026-05-12')).toBe(0);
    // Across a month and a year end, by calendar days.
    expect(daysLate('2025-12-31', 'siap_ditinjau', '2026-03-01')).toBe(60);
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('gives every answerable indicator its PIC, due date, status and lateness, and sums them per PIC', () => {
    const tasks = buildTasks(
      [assignment('A.I.1.ii', 1, '2026-05-01'), assignment('A.I.1.ii.c', 2, '2026-06-01')],
      [{ periodId: 1, code: 'A.I.1.ii.a', status: 'disetujui', updatedAt: 0, updatedBy: 'Sari' }],
      '2026-05-12',
    );
    expect(tasks).toHaveLength(127);
    const of = (code: string) => tasks.find((task) => task.code === code);
    expect(of('A.I.1.ii.a')).toEqual({ code: 'A.I.1.ii.a', memberId: 1, scope: 'A.I.1.ii', dueDate: '2026-05-01', status: 'disetujui', daysLate: 0 });
    expect(of('A.I.1.ii.b')).toMatchObject({ memberId: 1, status: 'belum_mulai', daysLate: 11 });
    expect(of('A.I.1.ii.c')).toMatchObject({ memberId: 2, dueDate: '2026-06-01', daysLate: 0 });
    expect(of('A.I.1.i.a')).toMatchObject({ memberId: null, dueDate: null, daysLate: 0 });

    const progress = progressByPic(tasks, new Set(['A.I.1.ii.a', 'A.I.1.ii.c']));
    expect(progress.get(1)).toMatchObject({ assigned: 2, answered: 1, overdue: 1, byStatus: { disetujui: 1, belum_mulai: 1 } });
    expect(progress.get(2)).toMatchObject({ assigned: 1, answered: 1, overdue: 0 });
    expect([...progress.keys()]).toEqual([1, 2]);
  });
});
