import { findDuplicates } from './documentKey';
import { checkEvidenceUrl, type UrlFlag } from './urlRules';

/** A reason to look at a library document again: its link's reach, or a second entry for the same document. */
export type EvidenceFlag = UrlFlag | { kind: 'duplicate'; rule: 'duplicate'; duplicateOf: number[] };

/** The flags of each document of a library, keyed by document id; documents without flags are left out. */
export function flagDocuments(documents: readonly { id: number; url: string }[]): Map<number, EvidenceFlag[]> {
  const duplicates = findDuplicates(documents);
  const flags = new Map<number, EvidenceFlag[]>();
  for (const { id, url } of documents) {
    const duplicateOf = duplicates.get(id);
    const found: EvidenceFlag[] = [
      ...checkEvidenceUrl(url),
      ...(duplicateOf ? [{ kind: 'duplicate' as const, rule: 'duplicate' as const, duplicateOf }] : []),
    ];
    if (found.length > 0) flags.set(id, found);
  }
  return flags;
}
