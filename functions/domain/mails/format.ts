/** An instant as a reader of `language` expects it, in the region's time zone: "Freitag, 4. Dezember 2026, 14:00". */
export const formatInstant = (language: 'de' | 'en', instant: string, timeZone: string) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-AT' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(instant));

/** Children's names as a sentence says them: "Lena", "Lena und Max", "Lena, Max und Ida". */
export function names(language: 'de' | 'en', children: string[]): string {
  const and = language === 'de' ? ' und ' : ' and ';
  return children.length <= 1 ? (children[0] ?? '') : `${children.slice(0, -1).join(', ')}${and}${children.at(-1)}`;
}

/** A provider's contact in one line: "Sportunion Wolkersdorf, info@su.at, +43 2245 123". */
export const contactLine = (contact: { name: string; email?: string; phone?: string; website?: string }) =>
  [contact.name, contact.email, contact.phone, contact.website].filter(Boolean).join(', ');
