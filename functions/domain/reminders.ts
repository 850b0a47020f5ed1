import { groupBy } from '../../shared/group-by.js';
import { firstSession, sessionsOfUnits } from '../../shared/sessions.js';
import type { Ports } from '../ports/index.js';
import type { RegistrationItem } from '../ports/registrations.js';
import { bilingualMail } from './mails/bilingual.js';
import { timedWorkSettings } from './region-settings.js';
import { sessionsIcs } from './sessions-ics.js';

type ReminderPorts = Pick<Ports, 'offers' | 'registrations' | 'households' | 'region' | 'dueWork' | 'mailer' | 'clock' | 'timeZone' | 'publicUrl'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The job days before the first session of each of an offer's units (due work 'reminders';
 * week 2 of holiday care is reminded before week 2): each household with confirmed places in a
 * unit now due gets one e-mail, German first, naming its children, when and where its first
 * date is and what to bring, with its units' sessions attached as .ics. Each registration is
 * marked reminded (a conditional write) before its household's e-mail, so a retried job mails
 * nobody twice. The job moves itself to the next unit's reminder; a first session the provider
 * moved later makes it due again then; a cancelled or missing offer, or a unit that has begun,
 * reminds nobody.
 */
export async function sendReminders(ports: ReminderPorts, offerId: string): Promise<void> {
  const offer = await ports.offers.getOffer(offerId);
  if (offer?.status !== 'published') return;
  const now = ports.clock.now().getTime();
  const daysBefore = (await timedWorkSettings(ports)).reminderDaysBefore;
  const ahead = offer.units.flatMap((unit) => {
    const [first] = sessionsOfUnits(offer, [unit.id]);
    return first && Date.parse(first.start) > now ? [{ unitId: unit.id, remindAt: Date.parse(first.start) - daysBefore * DAY_MS }] : [];
  });
  const later = ahead.filter((u) => u.remindAt > now).map((u) => u.remindAt);
  if (later.length > 0) await ports.dueWork.schedule({ kind: 'reminders', subject: offerId, dueAt: new Date(Math.min(...later)).toISOString() });
  const dueUnits = new Set(ahead.filter((u) => u.remindAt <= now).map((u) => u.unitId));
  if (dueUnits.size === 0) return;

  // Erased families' registrations keep no household: nobody to remind.
  const confirmed = (await ports.registrations.listByOffer(offerId)).filter((r) => r.status === 'confirmed' && r.householdId && dueUnits.has(r.unitId));
  const nowIso = new Date(now).toISOString();
  for (const [householdId, registrations] of groupBy(confirmed, (r) => r.householdId)) {
    const household = await ports.households.getHousehold(householdId);
    if (!household) continue;
    const marked: RegistrationItem[] = [];
    for (const r of registrations) if (await ports.registrations.markReminded(r.id, nowIso)) marked.push(r);
    if (marked.length === 0) continue;
    const unitIds = marked.map((r) => r.unitId);
    const first = sessionsOfUnits(offer, unitIds)[0] ?? firstSession(offer);
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
    await ports.mailer.send({ ...mail, ics: sessionsIcs(offer, unitIds, ports.publicUrl) });
  }
}
