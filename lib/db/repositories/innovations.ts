import type { Innovation, LkeDatabase } from '../schema';
import { RepositoryError } from './errors';
import { insertRow, requireStored, type Stored } from './rows';
import { INNOVATION_CATEGORIES, isChangeArea } from '../../team/innovations';
import { httpUrl } from '../../ui/presentation';

export type InnovationInput = Pick<Innovation, 'name' | 'category' | 'areas' | 'description' | 'evidenceUrls'>;

const MAX_NAME = 200;
const MAX_DESCRIPTION = 20_000;

// Rule 3: only http(s) links are kept as evidence or proof.
const isHttpLink = (url: string): boolean => httpUrl(url) !== null;

function cleanInnovation(input: InnovationInput): InnovationInput {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_NAME) throw new RepositoryError('invalid_name', `An innovation's name needs 1 to ${MAX_NAME} characters`);
  if (!INNOVATION_CATEGORIES.includes(input.category)) throw new RepositoryError('invalid_text', `Not a category: ${input.category}`);
  const areas = [...new Set(input.areas)];
  if (areas.length === 0 || !areas.every(isChangeArea)) throw new RepositoryError('unknown_indicator', 'An innovation serves one or more change areas');
  if (input.description.length > MAX_DESCRIPTION) throw new RepositoryError('invalid_text', 'Description too long');
  const evidenceUrls = [...new Set(input.evidenceUrls.map((url) => url.trim()).filter(Boolean))];
  if (!evidenceUrls.every(isHttpLink)) throw new RepositoryError('invalid_url', 'Evidence must be http(s) links');
  return { name, category: input.category, areas, description: input.description.trim(), evidenceUrls };
}

export async function addInnovation(db: LkeDatabase, unitId: number, input: InnovationInput, now: Date): Promise<Stored<Innovation>> {
  const clean = cleanInnovation(input);
  return db.transaction('rw', db.units, db.innovations, async () => {
    requireStored(await db.units.get(unitId), `Unit ${unitId}`);
    return insertRow<Innovation>(db.innovations, { unitId, ...clean, replications: [], createdAt: now.getTime(), updatedAt: now.getTime() });
  });
}

/** Records that another unit replicated the innovation, with the link that proves it. */
export async function addReplication(db: LkeDatabase, innovationId: number, replication: Innovation['replications'][number], now: Date): Promise<void> {
  const unit = replication.unit.trim();
  const proofUrl = replication.proofUrl.trim();
  if (unit === '' || unit.length > MAX_NAME) throw new RepositoryError('invalid_name', `A unit's name needs 1 to ${MAX_NAME} characters`);
  if (!isHttpLink(proofUrl)) throw new RepositoryError('invalid_url', 'Proof must be an http(s) link');
  return db.transaction('rw', db.innovations, async () => {
    const innovation = requireStored(await db.innovations.get(innovationId), `Innovation ${innovationId}`);
    await db.innovations.update(innovationId, { replications: [...innovation.replications, { unit, proofUrl }], updatedAt: now.getTime() });
  });
}

export function removeInnovation(db: LkeDatabase, innovationId: number): Promise<void> {
  return db.transaction('rw', db.innovations, async () => {
    requireStored(await db.innovations.get(innovationId), `Innovation ${innovationId}`);
    await db.innovations.delete(innovationId);
  });
}

/** A unit's innovations, by name. */
export async function listInnovations(db: LkeDatabase, unitId: number): Promise<Stored<Innovation>[]> {
  const innovations = (await db.innovations.where('unitId').equals(unitId).toArray()) as Stored<Innovation>[];
  return innovations.sort((a, b) => a.name.localeCompare(b.name, 'id'));
}
