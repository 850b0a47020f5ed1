import type { Programme, ProgrammeInput } from '../../api/client';
import { zonedIso, zonedParts } from '../../../../shared/zoned';

/** The settings form's values: what the inputs hold, numbers and times as typed. */
export type ProgrammeFormValues = {
  title: string;
  description: string;
  wishOpens: string;
  wishCloses: string;
  maxWishesPerChild: string;
  /** Empty: no limit. */
  maxPlacesPerChild: string;
  maxCareWeeksPerFamily: string;
  /** An empty `kind`: no seats kept for residents. */
  residentReserve: { kind: '' | 'share' | 'count'; value: string; semantics: 'minimum' | 'open_first' };
  rescue: boolean;
  travelBufferMinutes: string;
  randomnessSource: string;
};

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const optionalNum = (s: string) => (s.trim() === '' ? undefined : Number(s));
const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form's values for a saved programme, or the defaults for a new one; times as wall clock in `timeZone`. */
export function programmeValuesOf(p: Programme | undefined, timeZone: string): ProgrammeFormValues {
  const local = (iso: string | undefined) => {
    if (!iso) return '';
    const parts = zonedParts(iso, timeZone);
    return `${parts.date}T${parts.time}`;
  };
  return {
    title: p?.title ?? '',
    description: p?.description ?? '',
    wishOpens: local(p?.wishOpens),
    wishCloses: local(p?.wishCloses),
    maxWishesPerChild: String(p?.maxWishesPerChild ?? 10),
    maxPlacesPerChild: text(p?.maxPlacesPerChild),
    maxCareWeeksPerFamily: text(p?.maxCareWeeksPerFamily),
    residentReserve: {
      kind: p?.residentReserve?.kind ?? '',
      value: text(p?.residentReserve?.value),
      semantics: p?.residentReserve?.semantics ?? 'minimum',
    },
    rescue: p?.rescue ?? true,
    travelBufferMinutes: String(p?.travelBufferMinutes ?? 0),
    randomnessSource: p?.randomnessSource ?? '',
  };
}

/**
 * Form strings → the API's shape; empty or half-typed numbers and times become values the
 * schema rejects, so the error lands at the field that holds them.
 */
export function toProgrammeInput(v: ProgrammeFormValues, timeZone: string): Record<keyof ProgrammeInput, unknown> {
  const iso = (s: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) ? zonedIso(s, timeZone) : s);
  const reserve = v.residentReserve;
  return {
    title: v.title,
    description: v.description.trim() ? v.description : undefined,
    wishOpens: iso(v.wishOpens),
    wishCloses: iso(v.wishCloses),
    maxWishesPerChild: num(v.maxWishesPerChild),
    maxPlacesPerChild: optionalNum(v.maxPlacesPerChild),
    maxCareWeeksPerFamily: optionalNum(v.maxCareWeeksPerFamily),
    residentReserve: reserve.kind ? { kind: reserve.kind, value: num(reserve.value), semantics: reserve.semantics } : undefined,
    rescue: v.rescue,
    travelBufferMinutes: num(v.travelBufferMinutes),
    randomnessSource: v.randomnessSource,
  };
}
