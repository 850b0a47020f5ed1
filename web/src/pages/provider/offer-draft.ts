import { offerInput } from '../../../../shared/schemas/provider';
import type { Offer, OfferInput, OfferPatch } from '../../api/client';
import { zonedIso, zonedParts } from '../../../../shared/zoned';

/**
 * What the editor checks before saving: the API's schema, and a lottery offer names the holiday
 * programme whose draw gives its places (without one, no draw would ever allocate them).
 */
export const offerDraftSchema = offerInput.refine((o) => o.bookingMode !== 'lottery' || o.programmeId !== undefined, {
  message: 'Bitte wählen Sie ein Ferienprogramm. / Please choose a holiday programme.',
  path: ['programmeId'],
  params: { code: 'programme_required' },
});

/**
 * `T` with every key present, the optional ones too (their value may be `undefined`), in nested
 * objects and list entries alike. A draft of this type that leaves out a field of the schema (as
 * `price.reduced` once was left out) does not compile.
 */
type Complete<T> = T extends readonly (infer E)[]
  ? Complete<E>[]
  : T extends object
    ? { [K in keyof Required<T>]: Complete<Exclude<T[K], undefined>> | ({} extends Pick<T, K> ? undefined : never) }
    : T;

/**
 * What the editor sends: a new offer (POST), or all fields of a saved one (PATCH; each given
 * field replaces the stored one whole, so a `price` without `reduced` would remove the reduced
 * price). Both schemas' fields: one that either gains must be written by `toDraft`.
 */
export type OfferDraft = Complete<OfferInput & Omit<OfferPatch, 'status' | 'allowOverbooking'>>;

/** `unitId` empty: the session is every unit's. */
type SessionRow = { id?: string; date: string; start: string; end: string; place: string; unitId: string };
/** New units get their id here, so that a session can name them before they are saved. */
type UnitRow = { id: string; label: string; capacity: string };

/** A unit's id made in the browser: the API keeps a given id (same form as its own). */
export const newUnitId = () => `u-${crypto.randomUUID().slice(0, 8)}`;

/** The editor's values: what the inputs hold, numbers and times as typed. */
export type OfferFormValues = {
  title: string;
  description: string;
  category: string;
  kind: OfferInput['kind'];
  municipalityId: string;
  address: string;
  accessibility: string;
  /** What a child brings; empty: nothing named. */
  whatToBring: string;
  bookingMode: OfferInput['bookingMode'];
  /** The holiday programme of a lottery offer; empty: none chosen (yet). */
  programmeId: string;
  waitlist: boolean;
  ageRange: { min: string; max: string };
  /** An empty `reduced`: no reduced price. */
  price: { amount: string; reduced: string };
  registrationOpens: string;
  registrationCloses: string;
  sessions: SessionRow[];
  units: UnitRow[];
};

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const optionalNum = (s: string) => (s.trim() === '' ? undefined : Number(s));
const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form's values for a saved offer, or for a new one; times as wall clock in `timeZone`. */
export function valuesOf(offer: Offer | undefined, timeZone: string): OfferFormValues {
  const local = (iso: string) => {
    const p = zonedParts(iso, timeZone);
    return `${p.date}T${p.time}`;
  };
  const session = (s: Offer['sessions'][number]): SessionRow => {
    const start = zonedParts(s.start, timeZone);
    return { id: s.id, date: start.date, start: start.time, end: zonedParts(s.end, timeZone).time, place: s.place, unitId: s.unitId ?? '' };
  };
  return {
    title: offer?.title ?? '',
    description: offer?.description ?? '',
    category: offer?.category ?? '',
    kind: offer?.kind ?? 'course',
    municipalityId: offer?.municipalityId ?? '',
    address: offer?.address ?? '',
    accessibility: offer?.accessibility ?? '',
    whatToBring: offer?.whatToBring ?? '',
    bookingMode: offer?.bookingMode ?? 'fcfs',
    programmeId: offer?.programmeId ?? '',
    waitlist: offer?.waitlist ?? true,
    ageRange: { min: text(offer?.ageRange.min), max: text(offer?.ageRange.max) },
    price: { amount: offer ? String(offer.price.amount) : '0', reduced: text(offer?.price.reduced) },
    registrationOpens: offer ? local(offer.registrationOpens) : '',
    registrationCloses: offer ? local(offer.registrationCloses) : '',
    sessions: offer?.sessions.map(session) ?? [{ date: '', start: '', end: '', place: '', unitId: '' }],
    units: offer?.units.map((u) => ({ id: u.id, label: u.label, capacity: String(u.capacity) })) ?? [{ id: newUnitId(), label: '', capacity: '' }],
  };
}

/**
 * Form strings → the API's shape, every field of the schemas named (see `OfferDraft`); empty or
 * half-typed numbers and times become values the schema rejects.
 */
export function toDraft(v: OfferFormValues, timeZone: string): OfferDraft {
  const iso = (s: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) ? zonedIso(s, timeZone) : s);
  return {
    title: v.title,
    description: v.description,
    category: v.category,
    kind: v.kind,
    municipalityId: v.municipalityId,
    address: v.address || undefined,
    accessibility: v.accessibility || undefined,
    whatToBring: v.whatToBring.trim() ? v.whatToBring : undefined,
    bookingMode: v.bookingMode,
    // Only a lottery is drawn in a programme; an offer changed to first come, first served names none.
    programmeId: v.bookingMode === 'lottery' && v.programmeId ? v.programmeId : undefined,
    waitlist: v.waitlist,
    ageRange: { min: num(v.ageRange.min), max: num(v.ageRange.max) },
    price: { amount: num(v.price.amount), reduced: optionalNum(v.price.reduced) },
    registrationOpens: iso(v.registrationOpens),
    registrationCloses: iso(v.registrationCloses),
    sessions: v.sessions.map((s) => ({
      id: s.id,
      start: iso(`${s.date}T${s.start}`),
      end: iso(`${s.date}T${s.end}`),
      place: s.place,
      unitId: s.unitId || undefined,
    })),
    units: v.units.map((u) => ({ id: u.id, label: u.label, capacity: num(u.capacity) })),
  };
}
