/**
 * Key builders, one per entity. Every key the code writes is built here, so the layout in
 * ./KEYS.md can be read off one file. Ids never contain `#`, so `#` separates key parts.
 */
export type Key = { pk: string; sk: string };

const pad = (n: number, width = 10) => String(n).padStart(width, '0');

/** Partition prefixes, by the entity that owns the partition. */
export const partition = {
  offer: 'OFFER#',
  household: 'HH#',
  registration: 'REG#',
  user: 'USER#',
  email: 'EMAIL#',
  idempotency: 'IDEM#',
  mail: 'MAIL#',
  bookedMail: 'BOOKED#',
  due: 'DUE#',
  programme: 'PROG#',
  familyFeed: 'FEED#',
  region: 'REGION',
} as const;

/**
 * Sort keys of the items that share a partition with others. Within an offer's partition the
 * order is 'AGG' < 'AGG#' < 'ATT#' < 'GONE' < 'GUARD#' < 'NOTICE#' < 'OFFER' < 'UNIT#' < 'WAIT#': the detail page
 * reads the range 'OFFER'…'UNIT#\uffff' and skips guards, notices, marks, counters, lines and removed sessions.
 */
export const sortKey = {
  offer: 'OFFER',
  unit: 'UNIT#',
  guard: 'GUARD#',
  waitlist: 'WAIT#',
  attendance: 'ATT#',
  openingNotice: 'NOTICE#',
  stats: 'AGG',
  household: 'HH',
  child: 'CHILD#',
  municipality: 'MUNI#',
  provider: 'PROVIDER#',
  regionConfig: 'CONFIG',
  user: 'USER',
  session: 'SESSION#',
  emailClaim: 'EMAIL',
  loginCode: 'CODE',
  loginRate: 'RATE#',
  idempotency: 'KEY#',
  registration: 'REG',
  mail: 'MAIL#',
  bookedMail: 'REQ#',
  due: 'DUE',
  programme: 'PROGRAMME#',
  wishes: 'WISH#',
  snapshot: 'SNAP#',
  drawResult: 'RESULT#',
  removedSessions: 'GONE',
  familyFeed: 'FEED',
} as const;

export const keys = {
  // The region's own items share one partition: they are few and always read together.
  region: (): Key => ({ pk: partition.region, sk: sortKey.regionConfig }),
  municipality: (id: string): Key => ({ pk: partition.region, sk: `${sortKey.municipality}${id}` }),
  provider: (id: string): Key => ({ pk: partition.region, sk: `${sortKey.provider}${id}` }),

  user: (userId: string): Key => ({ pk: `${partition.user}${userId}`, sk: sortKey.user }),
  // Sessions share the account's partition: "sign out everywhere" is one query.
  session: (userId: string, sessionId: string): Key => ({ pk: `${partition.user}${userId}`, sk: `${sortKey.session}${sessionId}` }),
  // One item per address makes "one account per e-mail" a condition, not a query.
  userByEmail: (email: string): Key => ({ pk: `${partition.email}${email}`, sk: sortKey.emailClaim }),
  loginCode: (email: string): Key => ({ pk: `${partition.email}${email}`, sk: sortKey.loginCode }),
  loginRate: (email: string, window: number): Key => ({ pk: `${partition.email}${email}`, sk: `${sortKey.loginRate}${window}` }),

  // A household and its children share a partition: the household page is one query.
  household: (householdId: string): Key => ({ pk: `${partition.household}${householdId}`, sk: sortKey.household }),
  child: (householdId: string, childId: string): Key => ({ pk: `${partition.household}${householdId}`, sk: `${sortKey.child}${childId}` }),

  // An offer, its units, waitlists and uniqueness guards share a partition: the detail page is one query.
  offer: (offerId: string): Key => ({ pk: `${partition.offer}${offerId}`, sk: sortKey.offer }),
  unit: (offerId: string, unitId: string): Key => ({ pk: `${partition.offer}${offerId}`, sk: `${sortKey.unit}${unitId}` }),
  // I2: exists while the child holds an active registration for the unit.
  childInUnit: (offerId: string, unitId: string, childId: string): Key => ({
    pk: `${partition.offer}${offerId}`,
    sk: `${sortKey.guard}${unitId}#${childId}`,
  }),
  // I3: the zero-padded ticket makes key order the waitlist order, so the head is `Limit 1`.
  waitlistEntry: (offerId: string, unitId: string, ticket: number): Key => ({
    pk: `${partition.offer}${offerId}`,
    sk: `${sortKey.waitlist}${unitId}#${pad(ticket)}`,
  }),
  waitlistPrefix: (unitId: string) => `${sortKey.waitlist}${unitId}#`,
  waitlistUpTo: (unitId: string, ticket: number) => `${sortKey.waitlist}${unitId}#${pad(ticket)}`,

  // Attendance marks and the offer's aggregates live in its partition but sort outside the
  // `OFFER`…`UNIT#` range the detail page reads (see sortKey).
  attendance: (offerId: string, sessionId: string, registrationId: string): Key => ({
    pk: `${partition.offer}${offerId}`,
    sk: `${sortKey.attendance}${sessionId}#${registrationId}`,
  }),
  attendancePrefix: (sessionId?: string) => (sessionId ? `${sortKey.attendance}${sessionId}#` : sortKey.attendance),
  // An offer's dashboard counters: registrations' in one item per unit (bookings of different units
  // share no item), attendance marks' in the offer's own; a dashboard reads them with one BatchGetItem.
  offerStats: (offerId: string, unitId?: string): Key => ({
    pk: `${partition.offer}${offerId}`,
    sk: unitId === undefined ? sortKey.stats : `${sortKey.stats}#${unitId}`,
  }),
  // Sessions an edit removed, kept for the calendar feeds (STATUS:CANCELLED); 'GONE' sorts before
  // 'OFFER', outside the detail page's range, and an edit appends to it without reading it.
  removedSessions: (offerId: string): Key => ({ pk: `${partition.offer}${offerId}`, sk: sortKey.removedSessions }),

  registration: (registrationId: string): Key => ({ pk: `${partition.registration}${registrationId}`, sk: sortKey.registration }),

  // I4: scoped to the caller, so one family's key can never replay another's answer; one
  // partition per user, so erasing the account finds all of its records.
  idempotency: (userId: string, key: string): Key => ({ pk: `${partition.idempotency}${userId}`, sk: `${sortKey.idempotency}${key}` }),

  // An e-mail to send: the API writes it, the stream function sends it through SES. The mails to
  // one address share a partition, so erasure finds them; the key holds a digest, never the address.
  mail: (recipientDigest: string, mailId: string): Key => ({ pk: `${partition.mail}${recipientDigest}`, sk: `${sortKey.mail}${mailId}` }),
  // The confirmation e-mail a booking owes, filed by its own transaction (ids and places, no
  // names); the stream function composes and sends it from the insert. One per booking request.
  bookedMail: (householdId: string, requestId: string): Key => ({ pk: `${partition.bookedMail}${householdId}`, sk: `${sortKey.bookedMail}${requestId}` }),

  // A family asked to be told when the offer's registration opens; in the offer's partition so
  // the opening job reads them with one query.
  openingNotice: (offerId: string, householdId: string): Key => ({
    pk: `${partition.offer}${offerId}`,
    sk: `${sortKey.openingNotice}${householdId}`,
  }),

  // Programmes are few and read together, like the region's other settings.
  programme: (id: string): Key => ({ pk: partition.region, sk: `${sortKey.programme}${id}` }),
  // A programme's wish lists, frozen snapshot and results share its partition: the freeze and
  // the draw read every family's list with one query.
  programmeWishes: (programmeId: string, householdId: string): Key => ({
    pk: `${partition.programme}${programmeId}`,
    sk: `${sortKey.wishes}${householdId}`,
  }),
  snapshotChunk: (programmeId: string, n: number): Key => ({ pk: `${partition.programme}${programmeId}`, sk: `${sortKey.snapshot}${pad(n, 4)}` }),
  drawResult: (programmeId: string, householdId: string): Key => ({
    pk: `${partition.programme}${programmeId}`,
    sk: `${sortKey.drawResult}${householdId}`,
  }),

  // A family's calendar subscription: the capability is found by the SHA-256 of its token (the
  // token itself is never stored); the household's own item names the current hash, so replacing
  // or revoking deletes exactly that capability. 'FEED' sorts between 'CHILD#' and 'HH'.
  familyFeed: (tokenHash: string): Key => ({ pk: `${partition.familyFeed}${tokenHash}`, sk: sortKey.familyFeed }),
  householdFeed: (householdId: string): Key => ({ pk: `${partition.household}${householdId}`, sk: sortKey.familyFeed }),

  // Due work: one item per (kind, subject), so scheduling the same work again moves it instead of doubling it.
  dueWork: (kind: string, subject: string): Key => ({ pk: `${partition.due}${kind}#${subject}`, sk: sortKey.due }),
};

/** The one index partition of published offers and their units. */
export const CATALOG = 'CATALOG';
/** The index partition of cancelled offers and their units: the calendar feeds keep them a while as cancelled. */
export const CANCELLED = 'CANCELLED';
/** The index partition of due work that has not run yet: the sweep reads only what is due. */
const DUE = 'DUE';
/** Index partitions of each offer's registrations, for its participant list. */
const OFFER_REGISTRATIONS = 'OFFERREG#';

/** Secondary-index keys; each names the access pattern it serves. */
export const indexKeys = {
  // Published offers and their units sort by their last day, so a date filter skips past offers.
  catalogOffer: (lastDay: string, offerId: string) => ({ gsi1pk: CATALOG, gsi1sk: `${lastDay}#${offerId}` }),
  catalogUnit: (lastDay: string, offerId: string, unitId: string) => ({
    gsi1pk: CATALOG,
    gsi1sk: `${lastDay}#${offerId}#U#${unitId}`,
  }),
  // Cancelled offers sort like published ones, in their own partition: the public catalog never
  // sees them, the feeds read the recent ones to keep them as STATUS:CANCELLED.
  cancelledOffer: (lastDay: string, offerId: string) => ({ gsi1pk: CANCELLED, gsi1sk: `${lastDay}#${offerId}` }),
  cancelledUnit: (lastDay: string, offerId: string, unitId: string) => ({
    gsi1pk: CANCELLED,
    gsi1sk: `${lastDay}#${offerId}#U#${unitId}`,
  }),
  householdRegistration: (householdId: string, createdAt: string, registrationId: string) => ({
    gsi1pk: `${partition.household}${householdId}`,
    gsi1sk: `${partition.registration}${createdAt}#${registrationId}`,
  }),
  providerOffer: (providerId: string, firstStart: string, offerId: string) => ({
    gsi2pk: `${sortKey.provider}${providerId}`,
    gsi2sk: `${partition.offer}${firstStart}#${offerId}`,
  }),
  // A provider's units sort right after their offer, so its offers with units are one query.
  providerUnit: (providerId: string, firstStart: string, offerId: string, unitId: string) => ({
    gsi2pk: `${sortKey.provider}${providerId}`,
    gsi2sk: `${partition.offer}${firstStart}#${offerId}#U#${unitId}`,
  }),
  // Pending due work by due time; done or parked work leaves the index (sparse), so it stays small.
  dueWork: (dueAt: string, kind: string, subject: string) => ({ gsi1pk: DUE, gsi1sk: `${dueAt}#${kind}#${subject}` }),
  /** The highest index key of work due at `now`. */
  dueUpTo: (now: string) => ({ gsi1pk: DUE, gsi1sk: `${now}#\uffff` }),
  offerRegistration: (offerId: string, unitId: string, createdAt: string, registrationId: string) => ({
    gsi2pk: `${OFFER_REGISTRATIONS}${offerId}`,
    gsi2sk: `${unitId}#${createdAt}#${registrationId}`,
  }),
  // A household's opening notices ("Erinnere mich"), for its own list.
  householdNotice: (householdId: string, offerId: string) => ({
    gsi2pk: `${partition.household}${householdId}`,
    gsi2sk: `${sortKey.openingNotice}${offerId}`,
  }),
};
