import * as z from 'zod';
import { activeStatuses } from '../registration-status.js';
import { ruleText } from '../validation-messages.js';
import { id, isoDateTime } from './common.js';
import { catalogOfferSchema, offerSchema, sessionSchema, unitSchema } from './offer.js';

/** A session as a provider enters it; a new one gets its id from the server. */
const sessionInput = sessionSchema.extend({ id: id.optional() }).refine((s) => Date.parse(s.start) < Date.parse(s.end), {
  message: 'Ende nach Beginn / end after start',
  path: ['end'],
  params: { code: 'end_before_start' },
});

/** A bookable unit as a provider enters it: the counters are the booking engine's, never input. */
const unitInput = unitSchema.pick({ label: true, capacity: true }).extend({ id: id.optional() });

/** Ids given in a list name one entry each: an edit cannot address one session or unit twice. */
const uniqueIds = (entries: { id?: string }[], ctx: z.core.$RefinementCtx<{ id?: string }[]>) => {
  const seen = new Set<string>();
  entries.forEach(({ id }, i) => {
    if (id === undefined) return;
    if (seen.has(id)) ctx.addIssue({ code: 'custom', message: 'Doppelte Id / duplicate id', path: [i, 'id'], params: { code: 'duplicate_id' } });
    seen.add(id);
  });
};

type SessionUnitProblem = { path: (string | number)[]; code: 'unknown_unit' | 'unit_without_session' };

/**
 * Where sessions and units do not fit together: a session naming a unit the offer lacks, or a
 * unit that meets at no session (every session belongs to other units). Checked by the schema
 * when an input carries both lists, and by the domain on the offer an edit leaves.
 */
export function sessionUnitProblems(sessions: { unitId?: string }[], units: { id?: string }[]): SessionUnitProblem[] {
  const unitIds = new Set(units.flatMap((u) => (u.id === undefined ? [] : [u.id])));
  const unknown = sessions.flatMap((s, i): SessionUnitProblem[] =>
    s.unitId !== undefined && !unitIds.has(s.unitId) ? [{ path: ['sessions', i, 'unitId'], code: 'unknown_unit' }] : [],
  );
  const shared = sessions.some((s) => s.unitId === undefined);
  const idle = units.flatMap((u, i): SessionUnitProblem[] =>
    shared || sessions.some((s) => u.id !== undefined && s.unitId === u.id) ? [] : [{ path: ['units', i], code: 'unit_without_session' }],
  );
  return [...unknown, ...idle];
}

/** The schema's side of `sessionUnitProblems`, for an input that carries both lists. */
const sessionsFitUnits = (o: { sessions?: { unitId?: string }[]; units?: { id?: string }[] }, ctx: z.core.$RefinementCtx<unknown>) => {
  if (!o.sessions || !o.units) return;
  for (const { path, code } of sessionUnitProblems(o.sessions, o.units)) {
    ctx.addIssue({ code: 'custom', message: ruleText(code), path, params: { code } });
  }
};

const offerFields = offerSchema.omit({ id: true, status: true, providerId: true, providerName: true, sessions: true, units: true }).extend({
  sessions: z.array(sessionInput).min(1).max(200).superRefine(uniqueIds),
  units: z.array(unitInput).min(1).max(40).superRefine(uniqueIds),
});

const windowInOrder = (o: { registrationOpens?: string; registrationCloses?: string }) =>
  !o.registrationOpens || !o.registrationCloses || Date.parse(o.registrationOpens) < Date.parse(o.registrationCloses);
const windowMessage = {
  message: 'Anmeldeschluss nach Anmeldebeginn / registration closes after it opens',
  path: ['registrationCloses'],
  params: { code: 'closes_before_opens' },
};

/** A new offer; it starts as a draft of the caller's provider. */
export const offerInput = offerFields.refine(windowInOrder, windowMessage).superRefine(sessionsFitUnits);
export type OfferInput = z.infer<typeof offerInput>;

/**
 * An edit: any fields, and optionally a transition. Lowering a capacity below its confirmed
 * registrations needs `allowOverbooking`, so that nobody is overbooked by accident.
 */
export const offerPatch = offerFields
  .partial()
  .extend({
    status: z.enum(['published', 'cancelled']).optional(),
    allowOverbooking: z.boolean().optional(),
  })
  .refine(windowInOrder, windowMessage)
  .superRefine(sessionsFitUnits);
export type OfferPatch = z.infer<typeof offerPatch>;

/**
 * A provider's own offer as `GET/POST/PATCH /provider/offers…` answer it: any status, with the
 * stamps of the stored item (`version` counts saved edits).
 */
export const providerOfferSchema = catalogOfferSchema.extend({
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int().min(0),
});
export type ProviderOffer = z.infer<typeof providerOfferSchema>;

const attendanceMark = z.enum(['present', 'absent', 'excused']);
export type AttendanceMark = z.infer<typeof attendanceMark>;
/** `{registrationId: mark}`; a whole group ticked at once, small enough for one transaction each way. */
export const attendanceInput = z.record(id, attendanceMark).refine((marks) => Object.keys(marks).length <= 90, 'Höchstens 90 Einträge / at most 90 entries');
export type AttendanceInput = z.infer<typeof attendanceInput>;

/** Exactly what a provider needs about a participant: no birth date, no e-mail address. */
export const participantSchema = z.object({
  registrationId: id,
  unitId: id,
  status: z.enum(activeStatuses),
  /** 1 = next in line; only while waiting. */
  waitlistPosition: z.number().int().min(1).optional(),
  /** Only while a freed place is offered to the family: until when it is held. */
  offerExpiresAt: isoDateTime.optional(),
  child: z.object({ firstName: z.string(), age: z.number().int().min(0) }),
  guardian: z.object({ name: z.string(), phone: z.string() }),
  notes: z.string().optional(),
});
export type Participant = z.infer<typeof participantSchema>;

export const offerPathParam = z.object({ id });
export const sessionPathParam = z.object({ id, sessionId: id });
