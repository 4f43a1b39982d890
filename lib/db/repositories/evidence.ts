import { documentKey } from '../../evidence/documentKey';
import type { Evidence, EvidenceLink, LkeDatabase } from '../schema';
import { RepositoryError } from './errors';
import { assertKnownCodes, byTemplateOrder } from './indicators';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';

export interface EvidenceInput {
  periodId: number;
  title: string;
  url: string;
  documentDate?: string | null;
  type?: string | null;
  note?: string;
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The normalised URL of an evidence link. Only http(s) is accepted (ARCHITECTURE rule 3): a
 * `javascript:` or `data:` link would run or render in the extension's pages when clicked.
 */
export function parseEvidenceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new RepositoryError('invalid_url', 'Evidence link is not a valid URL');
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new RepositoryError('invalid_url', `Evidence link must use http or https, not ${url.protocol}`);
  }
  return url.href;
}

/** A document's title is how the team finds it again; a blank one is refused. */
function requireTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw new RepositoryError('invalid_name', 'An evidence document needs a title');
  return trimmed;
}

const typeOrNull = (type: string | null | undefined): string | null => type?.trim() || null;

async function requireEvidence(db: LkeDatabase, evidenceId: number): Promise<Stored<Evidence>> {
  return requireStored(await db.evidence.get(evidenceId), `Evidence ${evidenceId}`);
}

/**
 * Adds a document to the period's evidence library. A link to a document already in the library
 * (the same URL, or another link form of it, see `documentKey`) returns that document unchanged,
 * so attaching the same file to another indicator reuses one document.
 */
export async function addEvidence(db: LkeDatabase, input: EvidenceInput, now: Date): Promise<Stored<Evidence>> {
  const url = parseEvidenceUrl(input.url);
  const title = requireTitle(input.title);
  const key = documentKey(url);
  return db.transaction('rw', db.periods, db.evidence, async () => {
    await requirePeriod(db, input.periodId);
    const existing = await db.evidence
      .where('periodId')
      .equals(input.periodId)
      .filter((document) => documentKey(document.url) === key)
      .first();
    if (existing) return existing as Stored<Evidence>;
    return insertRow<Evidence>(db.evidence, {
      periodId: input.periodId,
      title,
      url,
      documentDate: input.documentDate ?? null,
      type: typeOrNull(input.type),
      note: input.note ?? '',
      createdAt: now.getTime(),
    });
  });
}

export type EvidenceChanges = Partial<Omit<EvidenceInput, 'periodId'>>;

/** Changes a library document; every indicator it serves sees the change. */
export async function updateEvidence(
  db: LkeDatabase,
  evidenceId: number,
  changes: EvidenceChanges,
): Promise<Stored<Evidence>> {
  const checked: Partial<Evidence> = {
    ...(changes.title !== undefined ? { title: requireTitle(changes.title) } : {}),
    ...(changes.url !== undefined ? { url: parseEvidenceUrl(changes.url) } : {}),
    ...(changes.documentDate !== undefined ? { documentDate: changes.documentDate } : {}),
    ...(changes.type !== undefined ? { type: typeOrNull(changes.type) } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
  };
  return db.transaction('rw', db.evidence, async () => {
    const document = await requireEvidence(db, evidenceId);
    await db.evidence.update(evidenceId, checked);
    return { ...document, ...checked };
  });
}

/** Removes a document from the library with all its links; returns the indicators it served. */
export function deleteEvidence(db: LkeDatabase, evidenceId: number): Promise<string[]> {
  return db.transaction('rw', db.evidence, db.evidenceLinks, async () => {
    await requireEvidence(db, evidenceId);
    const codes = await listIndicatorsOf(db, evidenceId);
    await db.evidenceLinks.where('evidenceId').equals(evidenceId).delete();
    await db.evidence.delete(evidenceId);
    return codes;
  });
}

function linkKeys(evidenceId: number, codes: readonly string[]): [number, string][] {
  return codes.map((code) => [evidenceId, code]);
}

/** Links a document to indicators of its period; returns how many links are new. */
export async function linkEvidence(
  db: LkeDatabase,
  evidenceId: number,
  codes: readonly string[],
  now: Date,
): Promise<number> {
  assertKnownCodes(codes);
  return db.transaction('rw', db.evidence, db.evidenceLinks, async () => {
    const document = await requireEvidence(db, evidenceId);
    const existing = await db.evidenceLinks.bulkGet(linkKeys(evidenceId, codes));
    const linked = new Set(existing.flatMap((link) => (link ? [link.code] : [])));
    const added: EvidenceLink[] = [...new Set(codes)]
      .filter((code) => !linked.has(code))
      .map((code) => ({ evidenceId, periodId: document.periodId, code, createdAt: now.getTime() }));
    await db.evidenceLinks.bulkAdd(added);
    return added.length;
  });
}

/** Removes links only; the document stays in the library. Returns how many links were removed. */
export function unlinkEvidence(db: LkeDatabase, evidenceId: number, codes: readonly string[]): Promise<number> {
  return db.evidenceLinks.where('[evidenceId+code]').anyOf(linkKeys(evidenceId, codes)).delete();
}

/**
 * Adds a document to the library (or finds it there, as `addEvidence` does) and links it to an
 * indicator, all or nothing.
 */
export function addEvidenceFor(
  db: LkeDatabase,
  input: EvidenceInput,
  code: string,
  now: Date,
): Promise<Stored<Evidence>> {
  return db.transaction('rw', db.periods, db.evidence, db.evidenceLinks, async () => {
    const document = await addEvidence(db, input, now);
    await linkEvidence(db, document.id, [code], now);
    return document;
  });
}

/** Documents linked to an indicator, in the order they were linked. */
export function listEvidenceOf(db: LkeDatabase, periodId: number, code: string): Promise<Stored<Evidence>[]> {
  return db.transaction('r', db.evidence, db.evidenceLinks, async () => {
    const links = await db.evidenceLinks.where('[periodId+code]').equals([periodId, code]).sortBy('createdAt');
    const documents = await db.evidence.bulkGet(links.map((link) => link.evidenceId));
    return documents.filter((document): document is Stored<Evidence> => document !== undefined);
  });
}

/** Indicators a document serves, in template order. */
export async function listIndicatorsOf(db: LkeDatabase, evidenceId: number): Promise<string[]> {
  const links = await db.evidenceLinks.where('evidenceId').equals(evidenceId).toArray();
  return links.map((link) => link.code).sort(byTemplateOrder);
}

/** A library document with the indicators it serves, in template order. */
export interface LibraryEntry {
  document: Stored<Evidence>;
  codes: string[];
}

/** The period's whole evidence library, by title. */
export function listLibrary(db: LkeDatabase, periodId: number): Promise<LibraryEntry[]> {
  return db.transaction('r', db.evidence, db.evidenceLinks, async () => {
    const [documents, links] = await Promise.all([
      db.evidence.where('periodId').equals(periodId).toArray(),
      db.evidenceLinks.where('[periodId+code]').between([periodId, ''], [periodId, '\uffff']).toArray(),
    ]);
    const codesOf = new Map<number, string[]>();
    for (const { evidenceId, code } of links) codesOf.set(evidenceId, [...(codesOf.get(evidenceId) ?? []), code]);
    return (documents as Stored<Evidence>[])
      .map((document) => ({ document, codes: (codesOf.get(document.id) ?? []).sort(byTemplateOrder) }))
      .sort((a, b) => a.document.title.localeCompare(b.document.title, 'id', { sensitivity: 'base' }) || a.document.id - b.document.id);
  });
}
