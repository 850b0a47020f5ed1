import type { FeedbackInput } from '../../shared/schemas/feedback.js';
import type { Ports } from '../ports/index.js';
import { InvalidStateError } from './errors.js';
import { bilingualMail } from './mails/bilingual.js';
import { takeFromWindow } from './rate-window.js';

/** Feedback mails per window for the whole region: enough for people, too few to flood the team's inbox. */
const FEEDBACK_PER_WINDOW = 30;
const FEEDBACK_WINDOW_SECONDS = 60 * 60;

export type FeedbackPorts = Pick<Ports, 'region' | 'logins' | 'mailer' | 'clock'>;

/**
 * Passes feedback from the accessibility statement to the region's coordination (the contact the
 * region names), as the statement promises. Anyone may send it, so it is rate-limited.
 */
export async function sendAccessibilityFeedback(ports: FeedbackPorts, input: FeedbackInput): Promise<void> {
  const contact = (await ports.region.getRegion())?.contact;
  if (!contact) throw new InvalidStateError('Für diese Region ist kein Kontakt eingerichtet / this region has no contact configured');
  // Counted under the region's feedback channel, not an address.
  await takeFromWindow(ports, {
    name: 'accessibility-feedback',
    limit: FEEDBACK_PER_WINDOW,
    windowSeconds: FEEDBACK_WINDOW_SECONDS,
    message: 'Gerade kommen zu viele Rückmeldungen, bitte später erneut versuchen / too much feedback right now, please try again later',
  });
  await ports.mailer.send(bilingualMail(contact.email, 'accessibilityFeedback', input));
}
