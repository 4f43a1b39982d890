import { describe, expect, it } from 'vitest';
import { changeStatus, listEvents, statusOf, WorkflowError } from '../../../lib/db/repositories/workflow';
import type { WorkflowStatus } from '../../../lib/db/schema';
import { canTransition, checkTransition, TRANSITIONS, WORKFLOW_STATUSES } from '../../../lib/team/workflow';
import { openDatabaseWithPeriod, TEST_NOW } from '../db/testDatabase';

describe('workflow transitions', () => {
  it('allows exactly the moves of the review workflow', () => {
    const allowed = WORKFLOW_STATUSES.flatMap((from) => WORKFLOW_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'belum_mulai→draf',
        'draf→belum_mulai',
        'draf→siap_ditinjau',
        'siap_ditinjau→disetujui',
        'siap_ditinjau→perlu_perbaikan',
        'siap_ditinjau→draf',
        'perlu_perbaikan→draf',
        'perlu_perbaikan→siap_ditinjau',
        'disetujui→perlu_perbaikan',
      ].sort(),
    );
  });

  it('never approves without a review, and never stays in place', () => {
    for (const from of WORKFLOW_STATUSES) {
      expect(TRANSITIONS[from]).not.toContain(from);
      if (from !== 'siap_ditinjau') expect(canTransition(from, 'disetujui')).toBe(false);
    }
  });

  it('asks for the reviewer’s note when an item is sent back', () => {
    expect(checkTransition('siap_ditinjau', 'perlu_perbaikan', '  ')).toBe('note_required');
    expect(checkTransition('siap_ditinjau', 'perlu_perbaikan', 'Lengkapi SK')).toBeNull();
    expect(checkTransition('belum_mulai', 'siap_ditinjau', 'catatan')).toBe('not_allowed');
  });
});

describe('changeStatus', () => {
  const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

  it('records who changed what when, with the note, newest first', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const moves: [WorkflowStatus, string, string][] = [
      ['draf', 'Budi', ''],
      ['siap_ditinjau', 'Budi', ''],
      ['perlu_perbaikan', 'Sari', 'Lampirkan SK yang ditandatangani'],
    ];
    for (const [index, [to, by, note]] of moves.entries()) await changeStatus(db, { periodId, code: 'A.I.1.i.a', to, by, note }, later(index));

    expect(await statusOf(db, periodId, 'A.I.1.i.a')).toBe('perlu_perbaikan');
    expect((await db.workflow.get([periodId, 'A.I.1.i.a']))?.updatedBy).toBe('Sari');
    const events = await listEvents(db, periodId);
    expect(events.map(({ from, to, by, note, at }) => ({ from, to, by, note, at }))).toEqual([
      { from: 'siap_ditinjau', to: 'perlu_perbaikan', by: 'Sari', note: 'Lampirkan SK yang ditandatangani', at: later(2).getTime() },
      { from: 'draf', to: 'siap_ditinjau', by: 'Budi', note: '', at: later(1).getTime() },
      { from: 'belum_mulai', to: 'draf', by: 'Budi', note: '', at: later(0).getTime() },
    ]);
  });

  it('refuses a move the workflow does not allow and writes nothing', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const refused = changeStatus(db, { periodId, code: 'A.I.1.i.a', to: 'disetujui', by: 'Sari', note: '' }, TEST_NOW);
    await expect(refused).rejects.toBeInstanceOf(WorkflowError);
    await expect(refused).rejects.toMatchObject({ problem: 'not_allowed' });
    expect(await db.workflow.count()).toBe(0);
    expect(await db.workflowEvents.count()).toBe(0);
  });
});
