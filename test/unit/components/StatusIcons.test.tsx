import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { StatusIcons } from '@/components/StatusIcons';
import { installIndonesianMessages } from '../support/i18n';

beforeAll(installIndonesianMessages);
afterEach(cleanup);

it('names field and state of each icon and draws filled and missing differently', () => {
  render(<StatusIcons status={{ answer: true, narrative: false, evidence: true }} />);
  const icons = screen.getAllByRole('img');
  expect(icons.map((icon) => icon.getAttribute('aria-label'))).toEqual([
    'Jawaban: sudah diisi',
    'Catatan: belum diisi',
    'Bukti dukung: sudah ada',
  ]);
  const ring = (label: string) => screen.getByRole('img', { name: label }).querySelector('circle');
  expect(ring('Jawaban: sudah diisi')?.getAttribute('r')).not.toBe(ring('Catatan: belum diisi')?.getAttribute('r'));
  const glyphs = icons.map((icon) => icon.querySelector('path')?.getAttribute('d'));
  expect(new Set(glyphs).size).toBe(3);
});
