import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { describeIssue } from '../../shared/validation-messages.js';
import { requestLanguage } from './language.js';
import { problem } from './problem.js';

/**
 * The one validation wrapper: a zod failure becomes a 400 problem whose `errors[]` name each
 * field (a stable `code` and a message in the request's language, shared/validation-messages.ts),
 * and the handler never runs, so bad input changes nothing (I7).
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const language = requestLanguage(c);
    const errors = result.error.issues.map((issue) => describeIssue(issue, language, result.data, target));
    return problem(c, 400, 'validation', 'Ungültige Eingabe / invalid input', errors.map((e) => e.message).join(' '), errors);
  });
