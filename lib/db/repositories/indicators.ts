import { LKE } from '../../lke/template';
import { RepositoryError } from './errors';

export function isKnownCode(code: string): boolean {
  return LKE.byCode.has(code);
}

/** Data is keyed by template codes (ARCHITECTURE rule 5): a code the template lacks is a caller's bug. */
export function assertKnownCodes(codes: readonly string[]): void {
  const unknown = codes.filter((code) => !isKnownCode(code));
  if (unknown.length > 0) {
    throw new RepositoryError('unknown_indicator', `Not a template indicator: ${unknown.join(', ')}`);
  }
}

const positionInTemplate = new Map(LKE.template.indicators.map((indicator, index) => [indicator.code, index]));

/** Orders codes as the LKE lists them; plain string order would put "A.I.10" before "A.I.2". */
export function byTemplateOrder(a: string, b: string): number {
  return (positionInTemplate.get(a) ?? Infinity) - (positionInTemplate.get(b) ?? Infinity);
}
