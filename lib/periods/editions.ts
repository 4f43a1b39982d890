import type { Template } from '../lke/schema';
import { LKE_TEMPLATE } from '../lke/template';

/** How a period names its template edition (Period.templateId): template id and edition. */
export const editionId = (template: Template): string => `${template.id}@${template.edition}`;

/** The template editions this build ships, by Period.templateId; one today. */
export const TEMPLATE_EDITIONS: ReadonlyMap<string, Template> = new Map([[editionId(LKE_TEMPLATE), LKE_TEMPLATE]]);

/**
 * The template of a period's edition. A period imported from a build with editions this one lacks
 * is read against the shipped template: its codes are the same LKE's.
 */
export const templateOf = (templateId: string): Template => TEMPLATE_EDITIONS.get(templateId) ?? LKE_TEMPLATE;
