import { createSignal } from 'solid-js';
import { locale } from './index';

const [timeZone, setTimeZone] = createSignal('Europe/Vienna');

/** The region's zone, once /api/region has answered; Europe/Vienna until then. */
export { setTimeZone, timeZone };

const intlLocale = () => (locale() === 'de' ? 'de-AT' : 'en-GB');

const dateTime = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(intlLocale(), { timeZone: timeZone(), ...options }).format(new Date(iso));

export const formatDate = (iso: string) => dateTime(iso, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
export const formatDateTime = (iso: string) =>
  dateTime(iso, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
export const formatTime = (iso: string) => dateTime(iso, { hour: '2-digit', minute: '2-digit' });

/** A plain calendar day (`YYYY-MM-DD`) in words; it has no zone, so it is formatted as UTC. */
export const formatDay = (day: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }) =>
  new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', ...options }).format(new Date(`${day}T00:00:00Z`));

/** The region's calendar day of an instant, `YYYY-MM-DD`. */
export const dayOf = (iso: string | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: timeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );

export const today = () => dayOf(new Date());

export const formatPrice = (euros: number) => new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'EUR' }).format(euros);

export const formatPercent = (ratio: number) => new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
