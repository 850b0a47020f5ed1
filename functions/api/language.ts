import type { Context } from 'hono';
import type { Language } from '../../shared/validation-messages.js';

/**
 * The language of an answer from the request's `Accept-Language`: English when English is the
 * most preferred of the two languages the platform speaks ('en', 'en-GB,en;q=0.9'), German
 * otherwise and when the header is missing.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((l) => (l.primary === 'de' || l.primary === 'en') && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked[0]?.primary === 'en' ? 'en' : 'de';
}

/** The language the request asks its answer in. */
export const requestLanguage = (c: Context) => languageOf(c.req.header('Accept-Language'));
