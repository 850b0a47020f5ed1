import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { problem } from './problem.js';

/**
 * The one validation wrapper: a zod failure becomes a 400 problem whose `errors[]` name each
 * field, and the handler never runs, so bad input changes nothing (I7).
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const errors = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || target,
      message: issue.message,
    }));
    return problem(c, 400, 'validation', 'Ungültige Eingabe / invalid input', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  });
