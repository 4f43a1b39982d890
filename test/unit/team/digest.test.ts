import { beforeAll, describe, expect, it } from 'vitest';
import { digestText } from '../../../components/team/digestText';
import type { ProgressSnapshot, WorkflowEvent } from '../../../lib/db/schema';
import { computeScore } from '../../../lib/lke/scoring';
import { judge } from '../../../lib/lke/verdict';
import { buildDigest, type DigestInput } from '../../../lib/team/digest';
import type { Progress } from '../../../lib/team/snapshot';
import { buildTasks } from '../../../lib/team/tasks';
import { installIndonesianMessages } from '../support/i18n';

beforeAll(installIndonesianMessages);

const NOW = new Date(2026, 4, 12, 9, 0).getTime();
const DAY = 24 * 60 * 60 * 1000;

const current: Progress = {
  answeredPercent: 40.2,
  withEvidencePercent: 31.5,
  hintsOpen: 120,
  scores: { 'A.I.1': 3, 'A.II.1': 1.5, 'A.I.2': 2, 'A.II.2': 0, total: 30.25, pengungkit: 30.25, hasil: 0 },
};
const lastWeek: ProgressSnapshot = {
  id: 1,
  periodId: 1,
  takenAt: NOW - 7 * DAY,
  trigger: 'weekly',
  answeredPercent: 35,
  withEvidencePercent: 31.5,
  hintsOpen: 131,
  scores: { 'A.I.1': 2.5, 'A.II.1': 1.5, 'A.I.2': 2.25, 'A.II.2': 0, total: 28, pengungkit: 28, hasil: 0 },
};

const event = (code: string, to: WorkflowEvent['to'], at: number, note = ''): WorkflowEvent => ({ periodId: 1, code, from: 'siap_ditinjau', to, by: 'Sari', note, at });

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  const tasks = buildTasks(
    [
      { periodId: 1, scope: 'A.I.1.ii', memberId: 1, dueDate: '2026-05-05', assignedAt: 0 },
      { periodId: 1, scope: 'A.I.1.iii', memberId: 2, dueDate: '2026-06-30', assignedAt: 0 },
      { periodId: 1, scope: 'A.I.2.i.a', memberId: 2, dueDate: '2026-05-11', assignedAt: 0 },
    ],
    [{ periodId: 1, code: 'A.I.1.ii.a', status: 'disetujui', updatedAt: 0, updatedBy: 'Sari' }],
    '2026-05-12',
  );
  const sheet = computeScore(new Map());
  return {
    unitName: 'KPP Pratama Contoh',
    year: 2026,
    target: 'wbk',
    now: NOW,
    current,
    reference: lastWeek,
    tasks,
    memberNames: new Map([
      [1, 'Budi Santoso'],
      [2, 'Sari Wulandari'],
    ]),
    events: [event('A.I.1.ii.b', 'perlu_perbaikan', NOW - DAY, 'Lampirkan SK yang ditandatangani'), event('A.I.1.ii.c', 'perlu_perbaikan', NOW - 9 * DAY, 'lama')],
    notes: [{ id: 4, periodId: 1, code: 'A.I.2.i.a', evaluator: 'TPI', note: 'SOP belum dievaluasi', score: 'C', createdAt: NOW - 2 * DAY }],
    verdict: judge(sheet, 'wbk'),
    ...overrides,
  };
}

describe('leader digest', () => {
  it('reports progress since last week per area, late items per PIC, new gaps and the projection', () => {
    const digest = buildDigest(input());
    expect(digest.answeredChange).toBe(5.2);
    expect(digest.hintsChange).toBe(-11);
    expect(digest.areas.slice(0, 2).map(({ code, score, weight, change }) => ({ code, score, weight, change }))).toEqual([
      { code: 'A.I.1', score: 4.5, weight: 8, change: 0.5 },
      { code: 'A.I.2', score: 2, weight: 7, change: -0.25 },
    ]);
    // Approved work is never late; Sari's sub-area is not due yet but her indicator was due yesterday.
    expect(digest.overdue).toEqual([
      { pic: 'Budi Santoso', items: [{ code: 'A.I.1.ii.b', dueDate: '2026-05-05', daysLate: 7 }, { code: 'A.I.1.ii.c', dueDate: '2026-05-05', daysLate: 7 }] },
      { pic: 'Sari Wulandari', items: [{ code: 'A.I.2.i.a', dueDate: '2026-05-11', daysLate: 1 }] },
    ]);
    // Only what happened since last week's snapshot is new.
    expect(digest.returned).toEqual([{ code: 'A.I.1.ii.b', by: 'Sari', note: 'Lampirkan SK yang ditandatangani' }]);
    expect(digest.evaluatorNotes).toEqual([{ code: 'A.I.2.i.a', evaluator: 'TPI', note: 'SOP belum dievaluasi' }]);
    expect(digest.projectedTotal).toBe(30.25);
    expect(digest.targetMet).toBe(false);
    expect(digest.unmet[0]?.kind).toBe('total');
  });

  it('writes it as plain Indonesian text ready for WhatsApp', () => {
    const text = digestText(buildDigest(input()));
    expect(text.split('\n').slice(0, 2)).toEqual(['*Ringkasan mingguan LKE ZI — KPP Pratama Contoh (2026)*', 'Per 12 Mei 2026, dibanding 5 Mei 2026']);
    expect(text).toContain('• Terjawab: 40,2% (+5,2)');
    expect(text).toContain('• Dengan bukti dukung: 31,5% (±0)');
    expect(text).toContain('• Petunjuk terbuka: 120 (−11)');
    expect(text).toContain('1. MANAJEMEN PERUBAHAN: 4,5 dari 8 (+0,5)');
    expect(text).toContain('2. PENATAAN TATALAKSANA: 2 dari 7 (−0,25)');
    expect(text).toContain('- Budi Santoso: A.I.1.ii.b (tenggat 2026-05-05, terlambat 7 hari); A.I.1.ii.c (tenggat 2026-05-05, terlambat 7 hari)');
    expect(text).toContain('- Sari Wulandari: A.I.2.i.a (tenggat 2026-05-11, terlambat 1 hari)');
    expect(text).toContain('- A.I.1.ii.b dikembalikan untuk perbaikan oleh Sari: “Lampirkan SK yang ditandatangani”');
    expect(text).toContain('- Catatan TPI pada A.I.2.i.a: “SOP belum dievaluasi”');
    expect(text).toContain('Proyeksi nilai total: 30,25 dari 100 (aturan lembar kerja).');
    expect(text).toMatch(/Target Menuju WBK: belum terpenuhi — nilai total kurang 75; /);
    expect(text).not.toMatch(/<|>|undefined|NaN/);
  });

  it('says so when there is no week-old snapshot, nothing late and nothing new', () => {
    const text = digestText(buildDigest(input({ reference: null, tasks: [], events: [], notes: [] })));
    expect(text).toContain('Per 12 Mei 2026 (belum ada potret minggu lalu untuk pembanding)');
    expect(text).toContain('• Terjawab: 40,2%\n');
    expect(text).toContain('Tidak ada tugas yang terlambat.');
    expect(text).toContain('Tidak ada kekurangan baru.');
  });
});
