import { DEFAULT_THRESHOLDS, type Thresholds } from '../lke/verdict';

// The stored threshold table's setting and what the pages make of it, apart from its schema (zod,
// repositories/thresholds.ts): the dashboard's first frame reads the setting, and loads the schema
// only where a table is stored.

/** The settings key of the WBK/WBBM threshold table the user edited. */
export const THRESHOLDS_KEY = 'lke.thresholds';

export interface StoredThresholds {
  thresholds: Thresholds;
  /** True when a stored table failed validation and the defaults stand in for it. */
  invalid: boolean;
  /** True when the user's own table is in use. */
  custom: boolean;
}

/** No table stored: the defaults and their cited sources. */
export const DEFAULT_STORED_THRESHOLDS: StoredThresholds = { thresholds: DEFAULT_THRESHOLDS, invalid: false, custom: false };
