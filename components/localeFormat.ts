import { i18n } from '#i18n';

/**
 * The language tag of the messages actually shown. Chrome falls back to Indonesian for languages
 * the extension lacks, so the browser's own UI language would mismatch the text (0.67 in an
 * Indonesian sentence); the messages file names its own tag instead.
 */
export const uiLocale = (): string => i18n.t('sidepanel.locale');

export const formatDecimal = (value: number): string =>
  new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 2 }).format(value);

export const formatDateTime = (time: number): string =>
  new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(time);
