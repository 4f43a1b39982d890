import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { TaskList } from '@/components/team/TaskList';
import type { TeamData } from '@/components/team/useTeamData';
import type { Stored } from '@/lib/db/repositories/rows';
import type { TeamMember, Unit } from '@/lib/db/schema';
import type { Task } from '@/lib/team/tasks';
import { openDatabaseWithPeriod } from '../db/testDatabase';
import { installIndonesianMessages } from '../support/i18n';

beforeAll(installIndonesianMessages);
afterEach(cleanup);

const task = (code: string, memberId: number | null): Task => ({ code, memberId, scope: null, dueDate: null, status: 'draf', daysLate: 0 });

it('shows "Tugas saya" once the user has said who they are, even when that is read after the list first rendered, unless they picked a view', async () => {
  const { db, periodId } = await openDatabaseWithPeriod();
  const budi = { id: 1, unitId: 1, name: 'Budi', role: 'PIC', area: null, createdAt: 0 } as Stored<TeamMember>;
  const unit = (await db.units.get(1)) as Stored<Unit>;
  const team = (me: number | null): TeamData => ({
    unit,
    members: [budi],
    memberNames: new Map([[1, 'Budi']]),
    assignments: [],
    workflow: [],
    events: [],
    me,
  });
  const tasks = [task('A.I.1.i.a', 1), task('A.I.1.i.b', null)];
  const list = (me: number | null) => (
    <DatabaseProvider database={db}>
      <TaskList periodId={periodId} tasks={tasks} team={team(me)} />
    </DatabaseProvider>
  );
  const view = () => (screen.getByLabelText('Tampilkan') as HTMLSelectElement).value;

  const { rerender } = render(list(null));
  expect(view()).toBe('all');
  rerender(list(1));
  expect(view()).toBe('mine');
  expect(screen.getByText('1 indikator ditampilkan.')).toBeTruthy();

  fireEvent.change(screen.getByLabelText('Tampilkan'), { target: { value: 'all' } });
  rerender(list(null));
  rerender(list(1));
  expect(view(), 'a view the user picked stays').toBe('all');
});
