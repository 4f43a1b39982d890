import { i18n } from '#i18n';
import { dateTimeFormat, formatDecimal } from '@/components/localeFormat';
import type { Digest } from '@/lib/team/digest';
import type { Condition } from '@/lib/lke/verdict';
import { LKE } from '@/lib/lke/template';
import { translate } from './text';

// The leader digest as plain text in the user's language, for pasting into WhatsApp or an e-mail:
// no markup beyond WhatsApp's *bold*, one fact per line.

const day = (time: number) => dateTimeFormat({ dateStyle: 'medium' }).format(time);

/** "+1,5", "−2" or "±0"; an empty string when there is nothing to compare with. */
function signed(change: number | null): string {
  if (change === null) return '';
  if (change === 0) return ' (±0)';
  return ` (${change > 0 ? '+' : '−'}${formatDecimal(Math.abs(change))})`;
}

const areaName = (code: string) => LKE.nodeByCode.get(code)?.name ?? code;

function conditionText(condition: Condition): string {
  const subject =
    condition.kind === 'area'
      ? i18n.t('digest.condition.area', [condition.nodes.map(areaName)[0] ?? condition.subject])
      : translate(`digest.condition.${condition.kind}`);
  return i18n.t('digest.gap', [subject, formatDecimal(condition.gap)]);
}

function overviewLines(digest: Digest): string[] {
  return [
    i18n.t('digest.answered', [formatDecimal(digest.answeredPercent)]) + signed(digest.answeredChange),
    i18n.t('digest.withEvidence', [formatDecimal(digest.withEvidencePercent)]) + signed(digest.withEvidenceChange),
    i18n.t('digest.hintsOpen', [digest.hintsOpen]) + signed(digest.hintsChange),
  ].map((line) => `• ${line}`);
}

function areaLines(digest: Digest): string[] {
  return digest.areas.map((area, index) => `${index + 1}. ${i18n.t('digest.area', [area.name, formatDecimal(area.score), formatDecimal(area.weight)])}${signed(area.change)}`);
}

function overdueLines(digest: Digest): string[] {
  if (digest.overdue.length === 0) return [i18n.t('digest.noOverdue')];
  return digest.overdue.map((group) => {
    const items = group.items.map((item) => i18n.t('digest.overdueItem', [item.code, item.dueDate ?? '', item.daysLate])).join('; ');
    return `- ${group.pic ?? i18n.t('digest.noPic')}: ${items}`;
  });
}

function gapLines(digest: Digest): string[] {
  const lines = [
    ...digest.returned.map((event) => `- ${i18n.t('digest.returned', [event.code, event.by])}${event.note ? `: “${event.note}”` : ''}`),
    ...digest.evaluatorNotes.map((note) => `- ${i18n.t('digest.evaluatorNote', [note.evaluator, note.code])}${note.note ? `: “${note.note}”` : ''}`),
  ];
  return lines.length > 0 ? lines : [i18n.t('digest.noNewGaps')];
}

function projectionLines(digest: Digest): string[] {
  const target = translate(`digest.target.${digest.target}`);
  const verdict = digest.targetMet
    ? i18n.t('digest.targetMet', [target])
    : i18n.t('digest.targetUnmet', [target, digest.unmet.slice(0, 3).map(conditionText).join('; ')]);
  return [i18n.t('digest.projected', [formatDecimal(digest.projectedTotal)]), verdict];
}

export function digestText(digest: Digest): string {
  const header = [
    `*${i18n.t('digest.title', [digest.unitName, digest.year])}*`,
    digest.since === null ? i18n.t('digest.asOf', [day(digest.takenAt)]) : i18n.t('digest.asOfSince', [day(digest.takenAt), day(digest.since)]),
  ];
  const sections: [string, string[]][] = [
    [i18n.t('digest.progressHeading'), overviewLines(digest)],
    [i18n.t('digest.areasHeading'), areaLines(digest)],
    [i18n.t('digest.overdueHeading'), overdueLines(digest)],
    [i18n.t('digest.gapsHeading'), gapLines(digest)],
    [i18n.t('digest.projectionHeading'), projectionLines(digest)],
  ];
  return [header.join('\n'), ...sections.map(([heading, lines]) => [`*${heading}*`, ...lines].join('\n'))].join('\n\n');
}
