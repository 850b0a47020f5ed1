import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../../shared/schemas/common.js';
import { pickLanguage, type FieldError } from '../../shared/validation-messages.js';
import { requestLanguage } from './language.js';

/**
 * Answers with an RFC 9457 problem; `type` is a stable slug clients can switch on. A title or
 * detail written "Deutsch / English" is answered in the request's language (German by default).
 */
export function problem(c: Context, status: ContentfulStatusCode, slug: string, title: string, detail?: string, errors?: FieldError[]) {
  const language = requestLanguage(c);
  const body: Problem = {
    type: `https://regiokurs.example/problems/${slug}`,
    title: pickLanguage(title, language),
    status,
    detail: detail === undefined ? undefined : pickLanguage(detail, language),
    errors,
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}
