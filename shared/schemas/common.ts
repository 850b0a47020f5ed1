import * as z from 'zod';

/** A calendar day, `YYYY-MM-DD`; ISO dates compare correctly as strings. */
export const isoDate = z.iso.date();
/** An instant with its UTC offset, e.g. `2026-07-06T08:00:00+02:00`. */
export const isoDateTime = z.iso.datetime({ offset: true });
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Ungültige Kennung / invalid id');

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** Each field's error: its dotted path, a stable machine `code`, a message in the request's language. */
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Every list answer: a page of items and, if there is more, the cursor for the next page. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.string().optional() });
/** The type of a list answer of `item`s, e.g. `Page<typeof offerSchema>`. */
export type Page<T extends z.ZodType> = z.infer<ReturnType<typeof pageOf<T>>>;

export const pageQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** What a request that starts work the caller does not wait for answers (202): an e-mail is on its way. */
export const sentAnswer = z.object({ status: z.literal('sent') });
