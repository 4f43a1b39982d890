import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IndicatorList } from '@/components/IndicatorList';
import { type Hint, rollUp } from '@/lib/hints';
import { LKE } from '@/lib/lke/template';
import { groupAnswerable } from '@/lib/ui/indicatorGroups';
import type { IndicatorStatus } from '@/lib/ui/indicatorStatus';
import { installIndonesianMessages } from '../support/i18n';

const GROUPS = groupAnswerable(LKE);
const COMPLETE: IndicatorStatus = { answer: true, narrative: true, evidence: true };

function renderList(
  statuses: ReadonlyMap<string, IndicatorStatus> = new Map(),
  onSelect = vi.fn(),
  hints: readonly Hint[] = [],
) {
  const hintsByCode = new Map<string, Hint[]>();
  for (const hint of hints) hintsByCode.set(hint.code, [...(hintsByCode.get(hint.code) ?? []), hint]);
  render(
    <IndicatorList
      groups={GROUPS}
      statuses={statuses}
      hintsByCode={hintsByCode}
      rollUp={rollUp(hints, LKE)}
      focusedCode={null}
      onSelect={onSelect}
    />,
  );
  return onSelect;
}

/** The first area toggle (Pemenuhan before Reform) of the area with this name. */
const areaToggle = (name: string): HTMLElement =>
  [...screen.getByTestId('indicator-list').querySelectorAll<HTMLElement>('.area-group__toggle')].find(
    (toggle) => toggle.querySelector('.area-group__name')?.textContent === name,
  )!;

const hint = (code: string, severity: Hint['severity'], rule: Hint['rule'] = 'noEvidence'): Hint => ({
  rule,
  code,
  severity,
  params: {},
});

const itemButton = (code: string) =>
  within(screen.getByTestId('indicator-list').querySelector<HTMLElement>(`[data-code="${code}"]`)!).getByRole(
    'button',
  );

beforeAll(installIndonesianMessages);
afterEach(cleanup);

// Each test renders all 127 items, which takes seconds in happy-dom on a busy two-core machine.
describe('IndicatorList', { timeout: 20_000 }, () => {
  it('moves between items with the arrow keys, Home and End, skipping collapsed areas', () => {
    renderList();
    itemButton('A.I.1.i.a').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(itemButton('A.I.1.i.b'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(itemButton('A.I.1.i.a'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(itemButton('B.II.a'));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(itemButton('A.I.1.i.a'));

    fireEvent.click(areaToggle('Penataan Tatalaksana'));
    itemButton('A.I.1.iv.d').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(itemButton('A.I.3.i.a'));
  });

  it('reports the chosen code', () => {
    const onSelect = renderList();
    fireEvent.click(itemButton('A.II.6.ii.a'));
    expect(onSelect).toHaveBeenCalledWith('A.II.6.ii.a');
  });

  it('says so when the filter leaves nothing to show', () => {
    renderList(new Map(LKE.answerable.map((indicator) => [indicator.code, COMPLETE])));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hanya yang belum lengkap' }));
    expect(screen.getByText('Semua indikator sudah lengkap.')).toBeTruthy();
    expect(screen.getByTestId('indicator-list').querySelectorAll('[data-code]')).toHaveLength(0);
  });

  it('shows error and warning counts per section, area, sub-area and item, in words for screen readers', () => {
    renderList(new Map(), vi.fn(), [
      hint('A.I.1.i.a', 'error', 'unanswered'),
      hint('A.I.1.i.a', 'warning'),
      hint('A.I.1.ii.a', 'warning'),
      hint('A.I.1.ii.a', 'info', 'evidenceOutsidePeriod'),
    ]);
    // Plain DOM lookups: role queries over the whole list are slow in happy-dom.
    const components = [...document.querySelectorAll('.component-counts__item')].map((item) => item.textContent);
    expect(components).toEqual([expect.stringMatching(/^Pengungkit.*1 wajib diperbaiki, 2 perlu diperiksa$/)]);
    const list = screen.getByTestId('indicator-list');
    const [pemenuhan] = list.querySelectorAll('.section-group__heading');
    expect(pemenuhan!.textContent).toContain('1 wajib diperbaiki, 2 perlu diperiksa');
    expect(areaToggle('Manajemen Perubahan').textContent).toContain('1 wajib diperbaiki, 2 perlu diperiksa');
    expect(itemButton('A.I.1.i.a').textContent).toContain('1 wajib diperbaiki, 1 perlu diperiksa');
    // Info is not a gap: the item shows one warning only.
    expect(itemButton('A.I.1.ii.a').textContent).toContain('0 wajib diperbaiki, 1 perlu diperiksa');
    expect(itemButton('A.I.1.i.b').textContent).not.toContain('perlu diperiksa');

    const [first, second] = [...list.querySelectorAll('.sub-area-heading')].map((heading) => heading.textContent ?? '');
    expect(first).toContain('1 wajib diperbaiki, 1 perlu diperiksa');
    expect(second).toContain('0 wajib diperbaiki, 1 perlu diperiksa');
    // The list says nothing about parts without gaps.
    expect(areaToggle('Penataan Tatalaksana').textContent).not.toContain('wajib diperbaiki');
  });

  it('names each sub-area once, before its first shown indicator', () => {
    renderList();
    const area = areaToggle('Manajemen Perubahan').closest('.area-group')!;
    const rows = [...area.querySelectorAll('li')].map((li) => li.getAttribute('data-code') ?? `# ${li.textContent}`);
    expect(rows.slice(0, 6)).toEqual([
      expect.stringMatching(/^# /),
      'A.I.1.i.a',
      'A.I.1.i.b',
      expect.stringMatching(/^# /),
      'A.I.1.ii.a',
      'A.I.1.ii.b',
    ]);
  });

  it('shows only indicators with an error or warning when asked, together with the other filter', () => {
    const statuses = new Map([['A.I.1.i.b', { answer: true, narrative: true, evidence: true }]]);
    renderList(statuses, vi.fn(), [hint('A.I.1.i.b', 'warning'), hint('B.II.a', 'error'), hint('A.I.1.ii.a', 'info')]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Hanya yang punya kekurangan' }));
    const shown = () => [...screen.getByTestId('indicator-list').querySelectorAll('[data-code]')].map((e) => e.getAttribute('data-code'));
    expect(shown()).toEqual(['A.I.1.i.b', 'B.II.a']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Hanya yang belum lengkap' }));
    expect(shown()).toEqual(['B.II.a']);
  });

  it('says there are no gaps when the gap filter leaves nothing', () => {
    renderList(new Map(), vi.fn(), [hint('A.I.1.i.a', 'info', 'evidenceOutsidePeriod')]);
    expect(document.querySelector('.component-counts')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hanya yang punya kekurangan' }));
    expect(screen.getByText('Tidak ada indikator dengan kekurangan.')).toBeTruthy();
  });
});
