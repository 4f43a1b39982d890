import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IndicatorList } from '@/components/IndicatorList';
import { LKE } from '@/lib/lke/template';
import { groupAnswerable } from '@/lib/ui/indicatorGroups';
import type { IndicatorStatus } from '@/lib/ui/indicatorStatus';
import { installIndonesianMessages } from '../support/i18n';

const GROUPS = groupAnswerable(LKE);
const COMPLETE: IndicatorStatus = { answer: true, narrative: true, evidence: true };

function renderList(statuses: ReadonlyMap<string, IndicatorStatus> = new Map(), onSelect = vi.fn()) {
  render(<IndicatorList groups={GROUPS} statuses={statuses} focusedCode={null} onSelect={onSelect} />);
  return onSelect;
}

const itemButton = (code: string) =>
  within(screen.getByTestId('indicator-list').querySelector<HTMLElement>(`[data-code="${code}"]`)!).getByRole(
    'button',
  );

beforeAll(installIndonesianMessages);
afterEach(cleanup);

describe('IndicatorList', () => {
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

    const [tatalaksana] = screen.getAllByRole('button', { name: /^Penataan Tatalaksana / });
    fireEvent.click(tatalaksana!);
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
});
