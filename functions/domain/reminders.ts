import { groupBy } from '../../shared/group-by.js';
import { firstSession } from '../../shared/sessions.js';
import type { Ports } from '../ports/index.js';
import type { RegistrationItem } from '../ports/registrations.js';
import { bilingualMail } from './mails/bilingual.js';
import { timedWorkSettings } from './region-settings.js';
import { sessionsIcs } from './sessions-ics.js';

type ReminderPorts = Pick<Ports, 'offers' | 'registrations' | 'households' | 'region' | 'dueWork' | 'mailer' | 'clock' | 'timeZone' | 'publicUrl'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The job days before an offer's first session (due work 'reminders'): each household with
 * confirmed places gets one e-mail, German first, naming its children, when and where the offer
 * starts and what to bring, with the sessions attached as .ics. Each registration is marked
 * reminded (a conditional write) before its household's e-mail, so a retried job mails nobody
 * twice. A first session the provider moved later makes the reminder due again then; a
 * cancelled or missing offer, or one that has begun, reminds nobody.
 */
export async function sendReminders(ports: ReminderPorts, offerId: string): Promise<void> {
  const offer = await ports.offers.getOffer(offerId);
  if (offer?.status !== 'published') return;
  const now = ports.clock.now();
  const first = firstSession(offer);
  if (Date.parse(first.start) <= now.getTime()) return;
  const remindAt = Date.parse(first.start) - (await timedWorkSettings(ports)).reminderDaysBefore * DAY_MS;
  if (remindAt > now.getTime()) {
    await ports.dueWork.schedule({ kind: 'reminders', subject: offerId, dueAt: new Date(remindAt).toISOString() });
    return;
  }

  // Erased families' registrations keep no household: nobody to remind.
  const confirmed = (await ports.registrations.listByOffer(offerId)).filter((r) => r.status === 'confirmed' && r.householdId);
  const byHousehold = groupBy(confirmed, (r) => r.householdId);
  const ics = sessionsIcs(offer, ports.publicUrl);
  for (const [householdId, registrations] of byHousehold) {
    const household = await ports.households.getHousehold(householdId);
    if (!household) continue;
    const marked: RegistrationItem[] = [];
    for (const r of registrations) if (await ports.registrations.markReminded(r.id, now.toISOString())) marked.push(r);
    if (marked.length === 0) continue;
    const firstNames = new Map(household.children.map((c) => [c.id, c.firstName]));
    // Each child once (one may hold places in several units), in a stable order whatever order the registrations were read in.
    const children = [...new Set(marked.map((r) => r.childId))].flatMap((id) => firstNames.get(id) ?? []).sort((a, b) => a.localeCompare(b, 'de'));
    const mail = bilingualMail(household.email, 'reminder', {
      children,
      offerTitle: offer.title,
      firstStart: first.start,
      timeZone: ports.timeZone,
      place: first.place,
      whatToBring: offer.whatToBring,
      link: `${ports.publicUrl}/bookings`,
    });
    await ports.mailer.send({ ...mail, ics });
  }
}
