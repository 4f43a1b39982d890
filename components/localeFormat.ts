import { i18n } from '#i18n';

/**
 * The language tag of the messages actually shown. Chrome falls back to Indonesian for languages
 * the extension lacks, so the browser's own UI language would mismatch the text (0.67 in an
 * Indonesian sentence); the messages file names its own tag instead.
 */
export const uiLocale = (): string => i18n.t('sidepanel.locale');

// Building an Intl formatter loads locale data and costs far more than formatting with it; the
// dashboard formats hundreds of numbers in its first render, so each formatter is built once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, options: object, create: (locale: string) => T): T {
  const locale = uiLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = create(locale)));
  return formatter as T;
}

/** A number formatter for the UI language, built once per set of options. */
export const numberFormat = (options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cachedFormatter('number', options, (locale) => new Intl.NumberFormat(locale, options));

/** A date formatter for the UI language, built once per set of options. */
export const dateTimeFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cachedFormatter('date', options, (locale) => new Intl.DateTimeFormat(locale, options));

export const formatDecimal = (value: number): string => numberFormat({ maximumFractionDigits: 2 }).format(value);

export const formatDateTime = (time: number): string => dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(time);
