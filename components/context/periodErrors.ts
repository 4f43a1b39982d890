import { i18n } from '#i18n';
import { PeriodError } from '@/lib/periods/errors';

/** What to tell the user about a refused or failed unit/period change; every case says nothing changed. */
export function periodErrorText(error: unknown): string {
  return error instanceof PeriodError ? i18n.t(`periods.error.${error.code}`) : i18n.t('periods.error.failed');
}
