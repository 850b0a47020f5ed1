/** An instant as a reader of `language` expects it, in the region's time zone: "Freitag, 4. Dezember 2026, 14:00". */
export const formatInstant = (language: 'de' | 'en', instant: string, timeZone: string) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-AT' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(instant));

/** A calendar day (`YYYY-MM-DD`) for a reader of `language`: "Montag, 6. Juli 2026". */
export const formatDay = (language: 'de' | 'en', day: string) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-AT' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
