import * as z from 'zod';
import { email } from './auth.js';

/** Feedback on the platform's accessibility (the accessibility statement's feedback channel). */
export const feedbackInput = z.object({
  message: z.string().trim().min(1, 'Pflichtfeld / required').max(2000),
  /** Where an answer should go; optional, as feedback may be anonymous. */
  replyTo: email.optional(),
  /** The page the feedback is about, as the form fills it in. */
  page: z.string().max(300).optional(),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;
