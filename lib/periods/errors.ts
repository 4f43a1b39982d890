/** Why a unit or period change was refused; each has a message `periods.error.<code>`. */
export const PERIOD_ERROR_CODES = ['year_taken', 'invalid_year', 'invalid_unit_name', 'unknown_edition', 'not_carried'] as const;

export type PeriodErrorCode = (typeof PERIOD_ERROR_CODES)[number];

/**
 * A unit or period change the repositories refuse; the panel shows `periods.error.<code>`, and
 * nothing was written.
 */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';

  constructor(
    readonly code: PeriodErrorCode,
    message: string,
  ) {
    super(message);
  }
}
