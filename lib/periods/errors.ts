export type PeriodErrorCode = 'year_taken' | 'invalid_year' | 'invalid_unit_name' | 'unknown_edition' | 'not_carried';

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
