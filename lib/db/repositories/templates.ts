import type { LkeDatabase, NarrativeTemplate } from '../schema';
import { cleanName } from './drafts';
import { RepositoryError } from './errors';
import { assertKnownCodes } from './indicators';
import { insertRow, requireStored, type Stored } from './rows';

export interface TemplateInput {
  name: string;
  /** The indicator it is meant for; null for any indicator. */
  code: string | null;
  text: string;
}

/** Saves a narrative template; templates belong to no unit or period, so teams reuse them yearly. */
export async function createTemplate(db: LkeDatabase, input: TemplateInput, now: Date): Promise<Stored<NarrativeTemplate>> {
  if (input.code !== null) assertKnownCodes([input.code]);
  const name = cleanName(input.name);
  if (input.text.trim() === '') throw new RepositoryError('invalid_text', 'A template needs some text');
  return insertRow<NarrativeTemplate>(db.narrativeTemplates, {
    name,
    code: input.code,
    text: input.text,
    createdAt: now.getTime(),
    updatedAt: now.getTime(),
  });
}

export async function deleteTemplate(db: LkeDatabase, templateId: number): Promise<void> {
  await db.transaction('rw', db.narrativeTemplates, async () => {
    requireStored(await db.narrativeTemplates.get(templateId), `Template ${templateId}`);
    await db.narrativeTemplates.delete(templateId);
  });
}

/** The templates for an indicator: its own first, then those for any indicator, each by name. */
export async function listTemplates(db: LkeDatabase, code: string): Promise<Stored<NarrativeTemplate>[]> {
  const templates = (await db.narrativeTemplates.toArray()) as Stored<NarrativeTemplate>[];
  return templates
    .filter((template) => template.code === code || template.code === null)
    .sort((a, b) => Number(a.code === null) - Number(b.code === null) || a.name.localeCompare(b.name, 'id'));
}
