export type RepositoryErrorCode =
  | 'not_found'
  | 'unknown_indicator'
  | 'invalid_url'
  | 'invalid_name'
  | 'invalid_text'
  | 'invalid_profile';

/** A write the repositories refuse; `code` lets callers tell the user why without parsing text. */
export class RepositoryError extends Error {
  override readonly name = 'RepositoryError';

  constructor(
    readonly code: RepositoryErrorCode,
    message: string,
  ) {
    super(message);
  }
}
