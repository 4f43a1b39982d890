import { i18n } from '#i18n';
import type { Digest } from '@/lib/team/digest';
import type { Task } from '@/lib/team/tasks';
import { LKE } from '@/lib/lke/template';
import { digestText } from './digestText';
import { saveFile, slug, statusText } from './text';
import type { TeamData } from './useTeamData';

// The workbook for the weekly evaluation meeting: the digest, the areas, the late items and every
// task. exceljs is about 1 MB, so it is loaded with import() only when the user asks for the file.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = (string | number)[];

function sheets(digest: Digest, tasks: readonly Task[], team: TeamData): [string, Row[]][] {
  const pic = (task: Task) => (task.memberId === null ? '' : (team.memberNames.get(task.memberId) ?? ''));
  return [
    [i18n.t('digest.report.summarySheet'), digestText(digest).split('\n').map((line) => [line.replaceAll('*', '')])],
    [
      i18n.t('digest.report.areasSheet'),
      [
        [i18n.t('digest.report.area'), i18n.t('digest.report.score'), i18n.t('digest.report.weight'), i18n.t('digest.report.change')],
        ...digest.areas.map((area): Row => [area.name, area.score, area.weight, area.change ?? '']),
      ],
    ],
    [
      i18n.t('digest.report.tasksSheet'),
      [
        [i18n.t('digest.report.code'), i18n.t('digest.report.question'), i18n.t('digest.report.pic'), i18n.t('digest.report.due'), i18n.t('digest.report.status'), i18n.t('digest.report.daysLate')],
        ...tasks.map((task): Row => [task.code, LKE.byCode.get(task.code)?.question ?? '', pic(task), task.dueDate ?? '', statusText(task.status), task.daysLate]),
      ],
    ],
  ];
}

export async function saveWeeklyReport(digest: Digest, tasks: readonly Task[], team: TeamData): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of sheets(digest, tasks, team)) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRows(rows);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 22;
    });
  }
  const bytes = await workbook.xlsx.writeBuffer();
  saveFile(bytes as ArrayBuffer, XLSX_TYPE, `laporan-mingguan-${slug(digest.unitName)}-${digest.year}-${new Date(digest.takenAt).toISOString().slice(0, 10)}.xlsx`);
}
