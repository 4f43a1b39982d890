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

async function requireEvidence(db: LkeDatabase, evidenceId: number): Promise<Stored<Evidence>> {
  return requireStored(await db.evidence.get(evidenceId), `Evidence ${evidenceId}`);
}

/**
 * Adds a document to the period's evidence library. A URL already in the library returns that
 * document unchanged, so attaching the same link to another indicator reuses one document.
 */
export async function addEvidence(db: LkeDatabase, input: EvidenceInput, now: Date): Promise<Stored<Evidence>> {
  const url = parseEvidenceUrl(input.url);
  return db.transaction('rw', db.periods, db.evidence, async () => {
    await requirePeriod(db, input.periodId);
    const existing = await db.evidence
      .where('url')
      .equals(url)
      .filter((document) => document.periodId === input.periodId)
      .first();
    if (existing) return existing as Stored<Evidence>;
    return insertRow<Evidence>(db.evidence, {
      periodId: input.periodId,
      title: input.title.trim(),
      url,
      documentDate: input.documentDate ?? null,
      type: input.type ?? null,
      note: input.note ?? '',
      createdAt: now.getTime(),
    });
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
