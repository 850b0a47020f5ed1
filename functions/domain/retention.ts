import type { TimedWorkSettings } from '../../shared/schemas/region.js';
import type { Ports } from '../ports/index.js';
import type { StoredOffer } from '../ports/offers.js';
import type { RegistrationItem } from '../ports/registrations.js';
import type { RegistrationErasure } from '../ports/retention.js';
import { eraseFamily, type FamilyDataPorts } from './family-data.js';
import { bilingualMail } from './mails/bilingual.js';
import { addMonths } from './offer-schedule.js';
import { timedWorkSettings } from './region-settings.js';
import { AGAIN, retryBounded } from './retry.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An account without a sign-in for this long is warned (GDPR Art. 5(1)(e): no account kept for nothing). */
const INACTIVE_MONTHS = 24;
/** How long a warned account has to sign in before a family account is deleted. */
const INACTIVITY_WARNING_DAYS = 28;

/**
 * Where the retention jobs' traces go: the domain imports no logger, so the entry point that
 * runs the sweep hands one in (as it does for the sweep's own `SweepLog`). No personal data.
 */
export type RetentionLog = (event: 'retention.offer' | 'retention.account', fields: OfferErasure | AccountCheck) => void;

export type RetentionPorts = Pick<Ports, 'offers' | 'registrations' | 'retention' | 'region' | 'dueWork' | 'clock' | 'retry'>;

/**
 * What an erasure run did, without personal data (ids and counts), for the log.
 * `rescheduled`: the offer was edited and its retention time moved to `dueAt`.
 */
export type OfferErasure = {
  offerId: string;
  outcome: 'erased' | 'rescheduled' | 'missing';
  dueAt?: string;
  registrations: number;
  childCounters: number;
  attendanceMarks: number;
  openingNotices: number;
};

/** When the offer's personal data is due for erasure: `retentionMonths` after its last session ends. */
function retentionDueAt(offer: Pick<StoredOffer, 'sessions'>, settings: Pick<TimedWorkSettings, 'retentionMonths'>): string {
  const lastEnd = Math.max(...offer.sessions.map((s) => Date.parse(s.end)));
  return addMonths(new Date(lastEnd).toISOString(), settings.retentionMonths);
}

/** One registration erased, read again when it changed since it was listed (the index lags). */
async function eraseRegistration(ports: RetentionPorts, listed: RegistrationItem): Promise<RegistrationErasure> {
  let registration: RegistrationItem | undefined = listed;
  return retryBounded(async () => {
    if (!registration) return { outcome: 'gone' as const, childCounterReturned: false };
    const result = await ports.retention.eraseRegistration(registration);
    if (result.outcome !== 'changed') return result;
    registration = await ports.registrations.getRegistration(registration.id);
    return AGAIN;
  }, ports.retry);
}

/**
 * The retention job (due work 'retention', scheduled by every save of the offer): once the
 * offer's last session ended `retentionMonths` ago, its registrations of every status go with
 * their guards and waitlist entries, its attendance marks and opening notices; active
 * registrations give the child's counter back. Everything that names a family goes; what stays
 * is anonymous: the offer, its units' counters and its dashboard counters, untouched, so
 * dashboards show the same numbers. The offer is marked erased first, so the consistency check
 * knows those counters are no longer backed, even if a run stops halfway; every step is safe to
 * repeat, and the sweep repeats a run that threw. An offer edited since (its retention time now
 * ahead) is rescheduled instead.
 */
export async function eraseOfferData(ports: RetentionPorts, offerId: string, log: RetentionLog = () => {}): Promise<void> {
  log('retention.offer', await eraseOffer(ports, offerId));
}

async function eraseOffer(ports: RetentionPorts, offerId: string): Promise<OfferErasure> {
  const result: OfferErasure = { offerId, outcome: 'missing', registrations: 0, childCounters: 0, attendanceMarks: 0, openingNotices: 0 };
  const offer = await ports.offers.getStoredOffer(offerId);
  if (!offer) return result;
  const dueAt = retentionDueAt(offer, await timedWorkSettings(ports));
  const now = ports.clock.now();
  if (Date.parse(dueAt) > now.getTime()) {
    await ports.dueWork.schedule({ kind: 'retention', subject: offerId, dueAt });
    return { ...result, outcome: 'rescheduled', dueAt };
  }
  if (!(await ports.retention.markOfferErased(offerId, now.toISOString()))) return result;
  for (const listed of await ports.registrations.listByOffer(offerId)) {
    const erased = await eraseRegistration(ports, listed);
    if (erased.outcome === 'erased') result.registrations += 1;
    if (erased.childCounterReturned) result.childCounters += 1;
  }
  result.attendanceMarks = await ports.retention.eraseAttendanceMarks(offerId);
  result.openingNotices = await ports.retention.eraseOpeningNotices(offerId);
  return { ...result, outcome: 'erased' };
}

export type InactivityPorts = FamilyDataPorts & Pick<Ports, 'users' | 'dueWork' | 'mailer' | 'clock' | 'publicUrl'>;

/** What an inactivity check did, without personal data (the account's id, no address), for the log. */
type AccountCheck = { userId: string; outcome: 'missing' | 'active' | 'warned' | 'deleted' | 'kept'; dueAt?: string };

/**
 * A sign-in: the account counts as active from now, any warning is forgotten, and its
 * inactivity check moves to INACTIVE_MONTHS from now (one due item per user, so each sign-in
 * moves it).
 */
export async function recordSignIn(ports: Pick<Ports, 'users' | 'dueWork' | 'clock'>, userId: string): Promise<void> {
  const now = ports.clock.now().toISOString();
  if (!(await ports.users.recordActivity(userId, now))) return;
  await ports.dueWork.schedule({ kind: 'account-inactive', subject: userId, dueAt: addMonths(now, INACTIVE_MONTHS) });
}

/** Accounts with a role beside (or instead of) a family's, or without a household, are never deleted automatically. */
const deletable = (user: { roles: { role: string }[]; householdId?: string }) =>
  user.householdId !== undefined && user.roles.length > 0 && user.roles.every((r) => r.role === 'family');

/**
 * The inactivity job (due work 'account-inactive', scheduled at every sign-in): an account
 * that signed in since is rescheduled; one without a sign-in for INACTIVE_MONTHS is warned by
 * e-mail (German, then English: sign in within four weeks to keep it) and checked again
 * INACTIVITY_WARNING_DAYS later; a family account still without a sign-in then is erased like
 * a family erasing itself (`eraseFamily`: registrations cancelled, household, children, account
 * and address deleted), so a later sign-in starts a fresh account. Accounts with a role
 * (provider, municipality, region admin) are only warned, never deleted automatically: the
 * regional coordination decides.
 */
export async function checkInactiveAccount(ports: InactivityPorts, userId: string, log: RetentionLog = () => {}): Promise<void> {
  log('retention.account', await checkAccount(ports, userId));
}

async function checkAccount(ports: InactivityPorts, userId: string): Promise<AccountCheck> {
  const [user, activity] = await Promise.all([ports.users.getUser(userId), ports.users.getActivity(userId)]);
  if (!user || !activity) return { userId, outcome: 'missing' };
  const now = ports.clock.now();
  const schedule = async (dueAt: string) => ports.dueWork.schedule({ kind: 'account-inactive', subject: userId, dueAt });
  const inactiveFrom = addMonths(activity.lastActiveAt, INACTIVE_MONTHS);
  if (Date.parse(inactiveFrom) > now.getTime()) {
    await schedule(inactiveFrom);
    return { userId, outcome: 'active', dueAt: inactiveFrom };
  }
  // A warning from before the last sign-in no longer counts.
  const warnedAt = activity.inactivityWarnedAt;
  const warned = warnedAt !== undefined && Date.parse(warnedAt) >= Date.parse(activity.lastActiveAt);
  if (!warned) {
    const facts = { months: INACTIVE_MONTHS, weeks: INACTIVITY_WARNING_DAYS / 7, link: `${ports.publicUrl}/sign-in` };
    // Sent before it is recorded: a run that stops in between warns twice rather than never.
    await ports.mailer.send(bilingualMail(user.email, deletable(user) ? 'accountInactive' : 'roleAccountInactive', facts));
    await ports.users.recordInactivityWarning(userId, now.toISOString());
    if (!deletable(user)) return { userId, outcome: 'kept' };
    const dueAt = new Date(now.getTime() + INACTIVITY_WARNING_DAYS * DAY_MS).toISOString();
    await schedule(dueAt);
    return { userId, outcome: 'warned', dueAt };
  }
  if (!deletable(user)) return { userId, outcome: 'kept' };
  const deleteFrom = new Date(Date.parse(warnedAt) + INACTIVITY_WARNING_DAYS * DAY_MS).toISOString();
  if (Date.parse(deleteFrom) > now.getTime()) {
    await schedule(deleteFrom);
    return { userId, outcome: 'warned', dueAt: deleteFrom };
  }
  await eraseFamily(ports, user);
  return { userId, outcome: 'deleted' };
}
