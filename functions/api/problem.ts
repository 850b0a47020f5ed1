import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../../shared/schemas/common.js';

export type FieldError = { path: string; message: string };

/** Answers with an RFC 9457 problem; `type` is a stable slug clients can switch on. */
export function problem(c: Context, status: ContentfulStatusCode, slug: string, title: string, detail?: string, errors?: FieldError[]) {
  const body: Problem = { type: `https://regiokurs.example/problems/${slug}`, title, status, detail, errors };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}
