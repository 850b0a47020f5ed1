import * as z from 'zod';
import { municipalityUpdate, providerUpdate, roleAssignment } from './schemas/admin.js';
import { createSessionBody, meSchema, requestCodeBody, sessionAnswer, userSchema, type Audience } from './schemas/auth.js';
import { id, isoDateTime, pageOf, sentAnswer } from './schemas/common.js';
import { dashboardQuery, dashboardSchema } from './schemas/dashboard.js';
import { drawSnapshotSchema } from './schemas/draw-snapshot.js';
import { feedbackInput } from './schemas/feedback.js';
import { childInput, childPatch, childSchema, guardianInput, householdAnswer } from './schemas/household.js';
import { familyFeedCreated, familyFeedInput, familyFeedParam, familyFeedStatus } from './schemas/calendar-feed.js';
import { calendarQuery, catalogOfferSchema, offerDetailSchema, offerListQuery } from './schemas/offer.js';
import {
  drawReportAnswer,
  drawRequest,
  familyResultSchema,
  programmeDetailSchema,
  programmeInput,
  programmePatch,
  programmeSchema,
  wishesAnswer,
  wishesInput,
} from './schemas/programme.js';
import { attendanceInput, offerInput, offerPatch, offerPathParam, participantSchema, providerOfferSchema, sessionPathParam } from './schemas/provider.js';
import { openDataDocumentSchema } from './schemas/open-data.js';
import { municipalitySchema, providerSchema, regionSchema } from './schemas/region.js';
import {
  bookingRequest,
  bookingResponse,
  familyExportSchema,
  familyRegistrationSchema,
  idempotencyKey,
  openingNoticeSchema,
  registrationSchema,
} from './schemas/registration.js';

/**
 * The HTTP API as a list: per route its method, path (Hono style), audience, request and answers.
 * shared/openapi.ts turns it into the OpenAPI document served at `/api/openapi.json`; tests hold
 * the app to it: test/int/access.test.ts (every route has an entry with its guard's audience) and
 * test/support/contract.ts (every answer an integration test sees fits its entry). It is data, not
 * a wrapper: the API Lambda never imports it.
 */

/** An answer's body: JSON by a schema, or a file of a media type (calendar, CSV, PDF). */
export type Body = { json: z.ZodType } | { file: 'text/calendar' | 'text/csv' | 'application/pdf' };

export type RouteContract = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Hono style, `:name` for a parameter, with the `/api` prefix. */
  path: string;
  /** German first, English second. */
  summary: { de: string; en: string };
  tag: Tag;
  audience: Audience;
  /** The schemas the route validates with (`validate('param' | 'query' | 'header' | 'json', …)`). */
  request?: { params?: z.ZodType; query?: z.ZodType; headers?: z.ZodType; body?: z.ZodType };
  /** Success answers by status; `null`: no body (204). Errors are problem+json (shared/schemas/common.ts). */
  responses: Partial<Record<200 | 201 | 202 | 204, Body | null>>;
  /**
   * Client errors the route answers beyond those every route may (400 bad input, 404 unknown, 413
   * too large with a body, 401/403 by its audience). A server fault (5xx) is no part of a route's contract.
   */
  errors?: (401 | 403 | 409 | 422 | 429 | 503)[];
  /** Only the local server mounts it (the dev routes); not in the published document. */
  localOnly?: true;
  /**
   * A public read (functions/api/public-read.ts): any origin may read it, and it answers with an
   * ETag, 304 to a matching `If-None-Match`, and `Cache-Control`.
   */
  publicRead?: true;
};

export const TAGS = {
  health: { de: 'Betrieb', en: 'Operations' },
  auth: { de: 'Anmeldung', en: 'Sign-in' },
  catalog: { de: 'Angebote (öffentlich)', en: 'Offers (public)' },
  family: { de: 'Familie', en: 'Family' },
  registrations: { de: 'Anmeldungen', en: 'Registrations' },
  provider: { de: 'Anbieter', en: 'Provider' },
  dashboard: { de: 'Gemeinde-Auswertung', en: 'Municipal dashboard' },
  admin: { de: 'Regionsverwaltung', en: 'Region administration' },
  programmes: { de: 'Ferienprogramme', en: 'Holiday programmes' },
  feedback: { de: 'Rückmeldung', en: 'Feedback' },
  dev: { de: 'Lokaler Entwicklungsmodus', en: 'Local development mode' },
} as const;
type Tag = keyof typeof TAGS;

const json = (schema: z.ZodType): Body => ({ json: schema });
const file = (type: Extract<Body, { file: string }>['file']): Body => ({ file: type });

/** The routes' parameter objects: one id each, as the routes declare them. */
const idParam = z.object({ id });
const offerIdParam = z.object({ offerId: id });
const childParam = z.object({ childId: id });
const healthAnswer = z.object({ status: z.literal('ok') });
const authSessionAnswer = z.object({ user: meSchema.nullable() });
const registrationsAnswer = pageOf(registrationSchema);

/** One route: `route('GET', '/api/x', 'anyone', 'tag', ['de', 'en'], { 200: json(schema) })`, with the request and the rest in `more`. */
const route = (
  method: RouteContract['method'],
  path: string,
  audience: Audience,
  tag: Tag,
  [de, en]: [string, string],
  responses: RouteContract['responses'],
  more: Pick<RouteContract, 'request' | 'errors' | 'localOnly' | 'publicRead'> = {},
): RouteContract => ({ method, path, audience, tag, summary: { de, en }, responses, ...more });

const F: Audience = ['family'];
const P: Audience = ['provider'];
const A: Audience = ['admin'];

/** The dev routes' shapes (functions/api/routes/dev.ts); local only, so kept here. */
const devMail = z.object({ to: z.string(), subject: z.string(), text: z.string(), sentAt: isoDateTime });
const devClock = z.object({ now: isoDateTime });
const devClockMove = z.strictObject({ now: isoDateTime.optional(), advanceSeconds: z.number().int().min(0).optional() });
const sweepOutcome = z.object({ kind: z.string(), subject: z.string(), outcome: z.enum(['done', 'retry', 'parked']), error: z.string().optional() });

export const API_CONTRACT: readonly RouteContract[] = [
  route(
    'GET',
    '/api/health',
    'anyone',
    'health',
    ['Betriebsbereit, sobald die Tabelle antwortet', 'Ready once the table answers'],
    { 200: json(healthAnswer) },
    { errors: [503] },
  ),

  route(
    'POST',
    '/api/auth/code',
    'anyone',
    'auth',
    ['Anmeldecode per E-Mail anfordern', 'Request a login code by e-mail'],
    { 202: json(sentAnswer) },
    { request: { body: requestCodeBody }, errors: [429] },
  ),
  route(
    'POST',
    '/api/auth/session',
    'anyone',
    'auth',
    ['Mit Code anmelden', 'Sign in with the code'],
    { 200: json(sessionAnswer) },
    { request: { body: createSessionBody }, errors: [401, 429] },
  ),
  route('GET', '/api/auth/session', 'anyone', 'auth', ['Aktuelle Sitzung (user: null ohne Anmeldung)', 'Current session (user: null when signed out)'], {
    200: json(authSessionAnswer),
  }),
  route('DELETE', '/api/auth/session', 'signed-in', 'auth', ['Abmelden', 'Sign out'], { 204: null }),
  route('DELETE', '/api/auth/sessions', 'signed-in', 'auth', ['Alle Sitzungen beenden', 'End every session'], { 204: null }),
  route('GET', '/api/me', 'signed-in', 'auth', ['Das eigene Konto mit Rollen und Haushalt', 'The own account with roles and household'], {
    200: json(meSchema),
  }),

  route(
    'GET',
    '/api/region',
    'anyone',
    'catalog',
    ['Die Region: Name, Zeitzone, Kategorien', 'The region: name, time zone, categories'],
    { 200: json(regionSchema) },
    { publicRead: true },
  ),
  route(
    'GET',
    '/api/municipalities',
    'anyone',
    'catalog',
    ['Die Gemeinden der Region', "The region's municipalities"],
    { 200: json(pageOf(municipalitySchema)) },
    { publicRead: true },
  ),
  route(
    'GET',
    '/api/offers',
    'anyone',
    'catalog',
    ['Veröffentlichte Angebote mit freien Plätzen', 'Published offers with availability'],
    { 200: json(pageOf(catalogOfferSchema)) },
    { request: { query: offerListQuery }, publicRead: true },
  ),
  route(
    'GET',
    '/api/offers/:offerId',
    'anyone',
    'catalog',
    ['Ein Angebot mit Terminen und Gruppen', 'One offer with sessions and units'],
    { 200: json(offerDetailSchema) },
    { request: { params: offerIdParam }, publicRead: true },
  ),
  route(
    'GET',
    '/api/calendar.ics',
    'anyone',
    'catalog',
    ['iCal-Kalender der Angebote', 'iCal feed of the offers'],
    { 200: file('text/calendar') },
    { request: { query: calendarQuery }, publicRead: true },
  ),
  route(
    'GET',
    '/api/open-data/offers.json',
    'anyone',
    'catalog',
    ['Offene Daten: die veröffentlichten Angebote mit Lizenz', 'Open data: the published offers with their licence'],
    { 200: json(openDataDocumentSchema) },
    { publicRead: true },
  ),

  route('GET', '/api/family/household', F, 'family', ['Der eigene Haushalt', 'The own household'], { 200: json(householdAnswer) }),
  route(
    'PUT',
    '/api/family/household',
    F,
    'family',
    ['Kontaktdaten des Haushalts ändern', "Change the household's contact details"],
    { 200: json(householdAnswer) },
    { request: { body: guardianInput } },
  ),
  route('GET', '/api/family/children', F, 'family', ['Die Kinder des Haushalts', "The household's children"], { 200: json(pageOf(childSchema)) }),
  route(
    'POST',
    '/api/family/children',
    F,
    'family',
    ['Kind hinzufügen', 'Add a child'],
    { 201: json(childSchema) },
    { request: { body: childInput }, errors: [409] },
  ),
  route(
    'PATCH',
    '/api/family/children/:childId',
    F,
    'family',
    ['Kind ändern', 'Change a child'],
    { 200: json(childSchema) },
    { request: { params: childParam, body: childPatch } },
  ),
  route(
    'DELETE',
    '/api/family/children/:childId',
    F,
    'family',
    ['Kind entfernen', 'Remove a child'],
    { 204: null },
    { request: { params: childParam }, errors: [409] },
  ),
  route('GET', '/api/family/opening-notices', F, 'family', ['„Erinnere mich“-Wünsche', '"Remind me" requests'], { 200: json(pageOf(openingNoticeSchema)) }),
  route(
    'PUT',
    '/api/family/opening-notices/:offerId',
    F,
    'family',
    ['Beim Anmeldestart erinnern', 'Remind me when registration opens'],
    { 204: null },
    { request: { params: offerIdParam }, errors: [409] },
  ),
  route(
    'DELETE',
    '/api/family/opening-notices/:offerId',
    F,
    'family',
    ['Erinnerung entfernen', 'Remove the reminder'],
    { 204: null },
    { request: { params: offerIdParam } },
  ),
  route('GET', '/api/family/calendar-feed', F, 'family', ['Der private Kalender-Feed: ob es ihn gibt', 'The private calendar feed: whether there is one'], {
    200: json(familyFeedStatus),
  }),
  route(
    'POST',
    '/api/family/calendar-feed',
    F,
    'family',
    [
      'Privaten Kalender-Feed anlegen oder ersetzen (die Adresse nur in dieser Antwort)',
      'Create or replace the private calendar feed (its address only in this answer)',
    ],
    { 201: json(familyFeedCreated) },
    { request: { body: familyFeedInput } },
  ),
  route('DELETE', '/api/family/calendar-feed', F, 'family', ['Privaten Kalender-Feed widerrufen', 'Revoke the private calendar feed'], { 204: null }),
  route(
    'GET',
    '/api/feeds/family/:token',
    'anyone',
    'family',
    ['Der private Kalender-Feed (die Adresse ist der Zugang)', 'The private calendar feed (its address is the key)'],
    { 200: file('text/calendar') },
    { request: { params: familyFeedParam } },
  ),
  route('GET', '/api/family/export', F, 'family', ['Datenauskunft (JSON)', 'Data export (JSON)'], { 200: json(familyExportSchema) }),
  route('DELETE', '/api/family', F, 'family', ['Familie und ihre Daten löschen', 'Erase the family and its data'], { 204: null }),

  route(
    'POST',
    '/api/registrations',
    F,
    'registrations',
    ['Kind anmelden (ein Kind, oder mehrere Gruppen und Kinder auf einmal)', 'Register a child (one, or several units and children at once)'],
    { 201: json(bookingResponse) },
    // The route checks the body against the branch it chose (`items` or not); the union is what it accepts.
    { request: { headers: z.object({ 'idempotency-key': idempotencyKey }), body: bookingRequest }, errors: [409, 422] },
  ),
  route('GET', '/api/family/registrations', F, 'registrations', ['Die Anmeldungen des Haushalts', "The household's registrations"], {
    200: json(pageOf(familyRegistrationSchema)),
  }),
  route(
    'DELETE',
    '/api/registrations/:id',
    ['family', 'provider'],
    'registrations',
    ['Anmeldung stornieren', 'Cancel a registration'],
    { 204: null },
    { request: { params: idParam }, errors: [409, 422] },
  ),
  route(
    'POST',
    '/api/registrations/:id/accept',
    F,
    'registrations',
    ['Angebotenen Platz annehmen', 'Accept an offered place'],
    { 200: json(registrationsAnswer) },
    { request: { params: idParam }, errors: [409, 422] },
  ),
  route(
    'POST',
    '/api/registrations/:id/decline',
    F,
    'registrations',
    ['Angebotenen Platz ablehnen', 'Decline an offered place'],
    { 200: json(registrationsAnswer) },
    { request: { params: idParam }, errors: [409, 422] },
  ),
  route(
    'POST',
    '/api/registrations/:id/extend',
    F,
    'registrations',
    ['Mehr Zeit für die Antwort (einmal)', 'More time to answer (once)'],
    { 200: json(registrationsAnswer) },
    { request: { params: idParam }, errors: [409, 422] },
  ),

  route(
    'POST',
    '/api/provider/offers',
    P,
    'provider',
    ['Angebot als Entwurf anlegen', 'Create an offer as a draft'],
    { 201: json(providerOfferSchema) },
    { request: { body: offerInput }, errors: [422] },
  ),
  route('GET', '/api/provider/offers', P, 'provider', ['Die eigenen Angebote', 'The own offers'], { 200: json(pageOf(providerOfferSchema)) }),
  route(
    'GET',
    '/api/provider/offers/:id',
    P,
    'provider',
    ['Ein eigenes Angebot', 'One own offer'],
    { 200: json(providerOfferSchema) },
    { request: { params: offerPathParam } },
  ),
  route(
    'PATCH',
    '/api/provider/offers/:id',
    P,
    'provider',
    ['Angebot ändern, veröffentlichen, absagen', 'Edit, publish, cancel an offer'],
    { 200: json(providerOfferSchema) },
    { request: { params: offerPathParam, body: offerPatch }, errors: [409, 422] },
  ),
  route(
    'GET',
    '/api/provider/offers/:id/participants',
    P,
    'provider',
    ['Teilnehmende und Wartende', 'Participants and waiting list'],
    { 200: json(pageOf(participantSchema)) },
    { request: { params: offerPathParam } },
  ),
  route(
    'GET',
    '/api/provider/offers/:id/sessions/:sessionId/attendance',
    P,
    'provider',
    ['Anwesenheit eines Termins', "A session's attendance"],
    { 200: json(attendanceInput) },
    { request: { params: sessionPathParam } },
  ),
  route(
    'PUT',
    '/api/provider/offers/:id/sessions/:sessionId/attendance',
    P,
    'provider',
    ['Anwesenheit eintragen', 'Record attendance'],
    { 200: json(attendanceInput) },
    { request: { params: sessionPathParam, body: attendanceInput }, errors: [409] },
  ),
  route(
    'GET',
    '/api/provider/offers/:id/attendance.csv',
    P,
    'provider',
    ['Anwesenheitsliste (CSV)', 'Attendance list (CSV)'],
    { 200: file('text/csv') },
    { request: { params: offerPathParam } },
  ),
  route(
    'GET',
    '/api/provider/offers/:id/attendance.pdf',
    P,
    'provider',
    ['Anwesenheitsliste zum Ausdrucken (PDF)', 'Printable attendance list (PDF)'],
    { 200: file('application/pdf') },
    { request: { params: offerPathParam } },
  ),

  route(
    'GET',
    '/api/dashboard',
    ['municipality'],
    'dashboard',
    ['Kennzahlen der Gemeinde (kleine Zahlen unterdrückt)', "The municipality's figures (small counts suppressed)"],
    { 200: json(dashboardSchema) },
    { request: { query: dashboardQuery } },
  ),
  route(
    'GET',
    '/api/dashboard.csv',
    ['municipality'],
    'dashboard',
    ['Kennzahlen als CSV', 'The figures as CSV'],
    { 200: file('text/csv') },
    { request: { query: dashboardQuery } },
  ),

  route('GET', '/api/admin/municipalities', A, 'admin', ['Gemeinden', 'Municipalities'], { 200: json(pageOf(municipalitySchema)) }),
  route(
    'POST',
    '/api/admin/municipalities',
    A,
    'admin',
    ['Gemeinde anlegen', 'Create a municipality'],
    { 201: json(municipalitySchema) },
    { request: { body: municipalitySchema }, errors: [409] },
  ),
  route(
    'PUT',
    '/api/admin/municipalities/:id',
    A,
    'admin',
    ['Gemeinde ändern', 'Change a municipality'],
    { 200: json(municipalitySchema) },
    { request: { params: idParam, body: municipalityUpdate } },
  ),
  route('GET', '/api/admin/providers', A, 'admin', ['Anbieter', 'Providers'], { 200: json(pageOf(providerSchema)) }),
  route(
    'POST',
    '/api/admin/providers',
    A,
    'admin',
    ['Anbieter anlegen', 'Create a provider'],
    { 201: json(providerSchema) },
    { request: { body: providerSchema }, errors: [409, 422] },
  ),
  route(
    'PUT',
    '/api/admin/providers/:id',
    A,
    'admin',
    ['Anbieter ändern', 'Change a provider'],
    { 200: json(providerSchema) },
    { request: { params: idParam, body: providerUpdate }, errors: [422] },
  ),
  route(
    'PUT',
    '/api/admin/roles',
    A,
    'admin',
    ['Rollen eines Kontos festlegen', "Set an account's roles"],
    { 200: json(userSchema) },
    { request: { body: roleAssignment }, errors: [422] },
  ),

  route(
    'GET',
    '/api/programmes',
    'anyone',
    'programmes',
    ['Veröffentlichte Ferienprogramme', 'Published holiday programmes'],
    { 200: json(pageOf(programmeSchema)) },
    { publicRead: true },
  ),
  route(
    'GET',
    '/api/programmes/:id',
    'anyone',
    'programmes',
    ['Ein Ferienprogramm mit seinen Angeboten', 'One programme with its offers'],
    { 200: json(programmeDetailSchema) },
    { request: { params: idParam }, publicRead: true },
  ),
  route(
    'GET',
    '/api/family/programmes/:id/wishes',
    F,
    'programmes',
    ['Die eigenen Wünsche', 'The own wishes'],
    { 200: json(wishesAnswer) },
    { request: { params: idParam } },
  ),
  route(
    'PUT',
    '/api/family/programmes/:id/wishes',
    F,
    'programmes',
    ['Wünsche speichern (ganze Liste)', 'Save the wishes (whole list)'],
    { 200: json(wishesAnswer) },
    { request: { params: idParam, body: wishesInput }, errors: [409, 422] },
  ),
  route(
    'GET',
    '/api/family/programmes/:id/result',
    F,
    'programmes',
    ['Ergebnis der Verlosung', 'The draw result'],
    { 200: json(familyResultSchema) },
    { request: { params: idParam }, errors: [409] },
  ),
  route('GET', '/api/admin/programmes', A, 'programmes', ['Alle Ferienprogramme, auch Entwürfe', 'Every programme, drafts too'], {
    200: json(pageOf(programmeSchema)),
  }),
  route(
    'GET',
    '/api/admin/programmes/:id',
    A,
    'programmes',
    ['Ein Ferienprogramm', 'One programme'],
    { 200: json(programmeSchema) },
    { request: { params: idParam } },
  ),
  route(
    'POST',
    '/api/admin/programmes',
    A,
    'programmes',
    ['Ferienprogramm anlegen', 'Create a programme'],
    { 201: json(programmeSchema) },
    { request: { body: programmeInput } },
  ),
  route(
    'PATCH',
    '/api/admin/programmes/:id',
    A,
    'programmes',
    ['Ferienprogramm ändern oder veröffentlichen', 'Change or publish a programme'],
    { 200: json(programmeSchema) },
    { request: { params: idParam, body: programmePatch }, errors: [409] },
  ),
  route(
    'POST',
    '/api/admin/programmes/:id/draw',
    A,
    'programmes',
    ['Verlosung mit der öffentlichen Zufallszahl starten', 'Start the draw with the public randomness'],
    { 200: json(programmeSchema), 202: json(programmeSchema) },
    { request: { params: idParam, body: drawRequest }, errors: [409] },
  ),
  route(
    'GET',
    '/api/admin/programmes/:id/report',
    ['admin', 'municipality'],
    'programmes',
    ['Fairness-Bericht', 'Fairness report'],
    { 200: json(drawReportAnswer) },
    { request: { params: idParam }, errors: [409] },
  ),
  route(
    'GET',
    '/api/admin/programmes/:id/replay',
    A,
    'programmes',
    ['Pseudonymer Snapshot zum Nachrechnen', 'Pseudonymous snapshot for a re-run'],
    { 200: json(drawSnapshotSchema) },
    { request: { params: idParam } },
  ),

  route(
    'POST',
    '/api/feedback',
    'anyone',
    'feedback',
    ['Rückmeldung zur Barrierefreiheit', 'Accessibility feedback'],
    { 202: json(sentAnswer) },
    { request: { body: feedbackInput }, errors: [429] },
  ),

  route(
    'GET',
    '/api/dev/outbox',
    'anyone',
    'dev',
    ['Gesendete E-Mails, neueste zuerst', 'E-mails sent, newest first'],
    { 200: json(pageOf(devMail)) },
    { request: { query: z.object({ to: z.string().max(254).optional() }) }, localOnly: true },
  ),
  route('GET', '/api/dev/clock', 'anyone', 'dev', ['Uhrzeit des Servers', "The server's time"], { 200: json(devClock) }, { localOnly: true }),
  route(
    'POST',
    '/api/dev/clock',
    'anyone',
    'dev',
    ['Uhr vorstellen', 'Move the clock on'],
    { 200: json(devClock) },
    { request: { body: devClockMove }, localOnly: true },
  ),
  route(
    'POST',
    '/api/dev/jobs/run',
    'anyone',
    'dev',
    ['Fällige Arbeit jetzt ausführen', 'Run the work due now'],
    { 200: json(devClock.extend({ ran: z.array(sweepOutcome) })) },
    { localOnly: true },
  ),
];

/** The key a route is known by in tests and in `app.routes`: `GET /api/offers/:offerId`. */
export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
