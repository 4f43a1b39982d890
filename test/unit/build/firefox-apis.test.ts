import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { focusPanel } from '@/entrypoints/background/panelFocus';
import { openPanelOnActionClick } from '@/entrypoints/background/sidePanelBehavior';

// Firefox has no `sidePanel` (its sidebar stands in) and no `chrome` global in MV2 pages of its
// own making: the sources may use Chrome-only APIs only where they can be missing.

const ROOT = resolve(import.meta.dirname, '../../..');

function sources(): { file: string; text: string }[] {
  return ['entrypoints', 'components', 'lib'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => ({ file: join(dir, file), text: readFileSync(join(ROOT, dir, file), 'utf8') })),
  );
}

describe('Chrome-only APIs in the sources', () => {
  it('reach the side panel only where it may be missing, and never the bare chrome global', () => {
    const unguarded = sources().flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, index) => ({ line: line.trim(), at: `${file}:${index + 1}` }))
        .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*'))
        // `browser.sidePanel.open(…)` throws in Firefox; `browser.sidePanel?.open(…)` and passing
        // `browser.sidePanel` on to code that checks it do not.
        .filter(({ line }) => /\bbrowser\.sidePanel\.(?!\?)/.test(line) || /(^|[^.\w])chrome\.\w+\.\w+/.test(line))
        .map(({ at, line }) => `${at} ${line}`),
    );
    expect(unguarded).toEqual([]);
  });

  it('the background copes with a browser without sidePanel: the toolbar behaviour is skipped, the sidebar opens', async () => {
    expect(() => openPanelOnActionClick(undefined)).not.toThrow();
    const sidebarAction = { open: vi.fn(async () => {}) };
    const storage = { set: vi.fn(async () => {}) };

    const result = await focusPanel({ storage, sidePanel: undefined, sidebarAction, now: () => new Date(2026, 0, 1) }, 'A.I.1.i.a', 4);

    expect(result).toEqual({ opened: true });
    expect(sidebarAction.open).toHaveBeenCalledOnce();
  });
});
