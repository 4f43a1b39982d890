import { documentKey } from '../evidence/documentKey';
import { httpUrl } from '../ui/presentation';
// A type only: the excel module itself (and its 1 MB library) is loaded with import() by the pages.
import type { ExcelValue } from './excel';

// The evidence links of a read workbook (its "bukti dukung" column), as the library will take
// them: one document per link, shared by every indicator that names it and reused where the period
// already holds it (the same URL, or another link form of the same file, see `documentKey`).
// Pure: the Data card previews the plan and saves it in the same step as answers and narratives.

export interface WorkbookLink {
  code: string;
  /** The link as the library stores it (normalised by `new URL`). */
  url: string;
}

export interface WorkbookEvidencePlan {
  /** Links between an indicator and a document that the library does not have yet, in workbook order. */
  links: WorkbookLink[];
  /** How many of the linked documents are not in the library yet. */
  newDocuments: number;
  /** Evidence entries that are not http(s) links (descriptions, file names): not saved. */
  notLinks: number;
}

/** The library as far as the plan needs it: each document's link and the indicators it serves. */
export interface LibrarySnapshot {
  documents: readonly { id?: number; url: string }[];
  links: readonly { evidenceId: number; code: string }[];
}

export function planWorkbookEvidence(values: ReadonlyMap<string, ExcelValue>, library: LibrarySnapshot): WorkbookEvidencePlan {
  const documentOf = new Map(library.documents.map((document) => [documentKey(document.url), document.id]));
  const linked = new Set(library.links.map((link) => `${link.evidenceId}\n${link.code}`));
  const planned = new Set<string>();
  const newDocuments = new Set<string>();
  const links: WorkbookLink[] = [];
  let notLinks = 0;
  for (const [code, { evidence }] of values) {
    for (const { url: text } of evidence) {
      const url = httpUrl(text);
      if (url === null) {
        notLinks += 1;
        continue;
      }
      const key = documentKey(url);
      const existing = documentOf.get(key);
      const link = `${existing ?? key}\n${code}`;
      if (planned.has(link) || (existing !== undefined && linked.has(link))) continue;
      planned.add(link);
      if (existing === undefined) newDocuments.add(key);
      links.push({ code, url });
    }
  }
  return { links, newDocuments: newDocuments.size, notLinks };
}
