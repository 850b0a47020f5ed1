import type { OpeningNotice } from '../../shared/schemas/registration.js';
import type { Ports } from '../ports/index.js';
import { InvalidStateError, NotFoundError } from './errors.js';
import { bilingualMail } from './mails/bilingual.js';

/** What "Erinnere mich" needs: the offer, the notices, the opening's due work and the time. */
type NoticePorts = Pick<Ports, 'offers' | 'openingNotices' | 'dueWork' | 'clock'>;
/** What the opening job needs besides: the households' addresses and the mailer. */
type OpeningPorts = NoticePorts & Pick<Ports, 'households' | 'mailer' | 'timeZone' | 'publicUrl'>;

const iso = (instant: string) => new Date(instant).toISOString();

/**
 * The household asks to be e-mailed when the offer's registration opens; asking again changes
 * nothing. Only a published offer whose registration lies ahead can be asked about. The
 * opening's due work is made sure of too: offers published before timed work existed have none.
 */
export async function addOpeningNotice(ports: NoticePorts, householdId: string, offerId: string): Promise<void> {
  const offer = await ports.offers.getOffer(offerId);
  if (!offer || offer.status === 'draft') throw new NotFoundError('Angebot nicht gefunden / offer not found');
  if (offer.status === 'cancelled') throw new InvalidStateError('Angebot ist abgesagt / offer is cancelled');
  const now = ports.clock.now();
  if (Date.parse(offer.registrationCloses) <= now.getTime()) {
    throw new InvalidStateError('Die Anmeldung ist bereits geschlossen / registration has already closed');
  }
  if (Date.parse(offer.registrationOpens) <= now.getTime()) {
    throw new InvalidStateError('Die Anmeldung ist bereits offen / registration is already open');
  }
  await ports.openingNotices.add({ offerId, householdId, createdAt: now.toISOString() });
  await ports.dueWork.schedule({ kind: 'registration-opening', subject: offerId, dueAt: iso(offer.registrationOpens) });
}

/** The household no longer wants the e-mail (nothing when it had not asked). */
export async function removeOpeningNotice(ports: Pick<Ports, 'openingNotices'>, householdId: string, offerId: string): Promise<void> {
  await ports.openingNotices.remove(offerId, householdId);
}

/** The offers the household waits for, soonest opening first; offers cancelled or gone meanwhile are left out. */
export async function listOpeningNotices(ports: Pick<Ports, 'offers' | 'openingNotices'>, householdId: string): Promise<OpeningNotice[]> {
  const notices = await ports.openingNotices.listForHousehold(householdId);
  const offers = await Promise.all(notices.map((n) => ports.offers.getOffer(n.offerId)));
  return offers
    .flatMap((offer) => (offer?.status === 'published' ? [{ offerId: offer.id, offerTitle: offer.title, opensAt: offer.registrationOpens }] : []))
    .sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt) || a.offerId.localeCompare(b.offerId));
}

/**
 * The job at an offer's opening (due work 'registration-opening'): every household that asked
 * gets one e-mail, German first, and its notice goes right after its e-mail, so a retry after
 * a crash mails nobody twice. An opening the provider moved ahead is due again then, and
 * nobody is mailed now; a cancelled or missing offer, or one whose registration has closed
 * already, mails nobody and drops its notices.
 */
export async function announceOpening(ports: OpeningPorts, offerId: string): Promise<void> {
  const offer = await ports.offers.getOffer(offerId);
  const now = ports.clock.now().getTime();
  if (offer?.status === 'published' && Date.parse(offer.registrationOpens) > now) {
    await ports.dueWork.schedule({ kind: 'registration-opening', subject: offerId, dueAt: iso(offer.registrationOpens) });
    return;
  }
  const open = offer?.status === 'published' && Date.parse(offer.registrationCloses) > now;
  for (const notice of await ports.openingNotices.listForOffer(offerId)) {
    const household = open ? await ports.households.getHousehold(notice.householdId) : undefined;
    if (offer && household) {
      await ports.mailer.send(
        bilingualMail(household.email, 'registrationOpened', {
          offerTitle: offer.title,
          opensAt: offer.registrationOpens,
          timeZone: ports.timeZone,
          link: `${ports.publicUrl}/offers/${offerId}`,
        }),
      );
    }
    await ports.openingNotices.remove(offerId, notice.householdId);
  }
}
