import { describe, expect, it } from 'vitest';
import { offersRestore } from '../../../entrypoints/portal.content/restore';
import { textDigest } from '../../../lib/messaging/digest';
import type { SavedField } from '../../../lib/messaging/protocol';

const saved = (text: string, older: string[] = []): SavedField => ({
  field: 'narrative',
  text,
  at: 1_700_000_000_000,
  olderDigests: older.map(textDigest),
});

describe('offersRestore', () => {
  const text = 'Tim kerja dibentuk dengan SK Kepala Kantor.';

  it('offers the saved text for an emptied field', () => {
    expect(offersRestore('', saved(text))).toBe(true);
    expect(offersRestore('  \n', saved(text))).toBe(true);
  });

  it('offers nothing when the page shows the saved text, whitespace aside', () => {
    expect(offersRestore(`${text}\n`, saved(text))).toBe(false);
    expect(offersRestore('', saved('   '))).toBe(false);
  });

  it('offers the newest text where the page shows an older saved one', () => {
    expect(offersRestore('Draf lama', saved(text, ['Draf lama']))).toBe(true);
  });

  it('offers the saved text where the page shows it cut short', () => {
    expect(offersRestore(text.slice(0, 20), saved(text))).toBe(true);
  });

  it('leaves a different text the user wrote alone', () => {
    expect(offersRestore('Narasi lain yang ditulis di komputer lain', saved(text, ['Draf lama']))).toBe(false);
    // A longer page text is never "cut short".
    expect(offersRestore(`${text} Ditambah.`, saved(text))).toBe(false);
  });
});
