import type { Role, User } from '../../../shared/schemas/auth';
import type { Problem } from '../../../shared/schemas/common';
import type { Child, ChildInput, GuardianInput, Household } from '../../../shared/schemas/household';
import type { Offer, OfferListQuery } from '../../../shared/schemas/offer';
import type { Municipality, Region } from '../../../shared/schemas/region';
import type { BookingRequest, Registration, RegistrationStatus } from '../../../shared/schemas/registration';
import type { Dashboard, DashboardQuery } from '../../../shared/schemas/dashboard';
import type { AttendanceInput, AttendanceMark, OfferInput, OfferPatch, Participant } from '../../../shared/schemas/provider';

export type { Child, ChildInput, GuardianInput, Household, Municipality, Offer, Region, Registration, Role, User };

export type Page<T> = { items: T[]; cursor?: string };
export type OfferQuery = Partial<Omit<OfferListQuery, 'limit'>> & { limit?: number };
export type Me = User & { household?: Household };

/** One booking outcome; a multi-item booking answers with one per item. */
export type BookingResult = {
  id: string;
  unitId?: string;
  childId?: string;
  status: RegistrationStatus;
  waitlistPosition?: number;
};

/** A registration as the family sees it; the API may add the offer's and child's names. */
export type FamilyRegistration = Registration & { offerTitle?: string; unitLabel?: string; childFirstName?: string };

export type { AttendanceInput, AttendanceMark, Dashboard, DashboardQuery, OfferInput, OfferPatch, Participant };

/** Every failed call: the server's problem+json, or one made up for a network failure. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem, options?: ErrorOptions) {
    super(problem.title, options);
  }
  get status() {
    return this.problem.status;
  }
}

type Query = Record<string, string | number | boolean | undefined>;
type Options = { query?: Query; body?: unknown; headers?: Record<string, string> };

/** `?a=1&b=x` from the defined values only, so empty filters never reach the URL. */
export function toSearch(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: string, path: string, { query, body, headers }: Options = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}${toSearch(query)}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError({ type: 'network', title: 'Keine Verbindung / no connection', status: 0 }, { cause });
  }
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const fallback = { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
    throw new ApiError(isProblem(data) ? data : fallback);
  }
  return data as T;
}

function isProblem(data: unknown): data is Problem {
  return typeof data === 'object' && data !== null && 'title' in data && 'status' in data;
}

/** Lists are `{items}` by contract; a bare array is accepted so a page never breaks on it. */
const items = <T>(answer: Page<T> | T[]): T[] => (Array.isArray(answer) ? answer : answer.items);

/** The one HTTP client of the web app; every call goes through `request`. */
export const api = {
  requestCode: (email: string) => request<void>('POST', '/auth/code', { body: { email } }),
  signIn: (email: string, code: string) => request<{ token: string; user: User }>('POST', '/auth/session', { body: { email, code } }),
  signOut: () => request<void>('DELETE', '/auth/session'),
  me: () => request<Me>('GET', '/me'),

  region: () => request<Region>('GET', '/region'),
  municipalities: async () => items(await request<Page<Municipality> | Municipality[]>('GET', '/municipalities')),
  offers: (query: OfferQuery) => request<Page<Offer>>('GET', '/offers', { query }),
  offer: (id: string) => request<Offer>('GET', `/offers/${encodeURIComponent(id)}`),
  calendarUrl: (query: Pick<OfferQuery, 'municipality' | 'category'> & { offer?: string }) => `/api/calendar.ics${toSearch(query)}`,

  household: () => request<Household>('GET', '/family/household'),
  saveGuardian: (guardian: GuardianInput) => request<Household>('PUT', '/family/household', { body: guardian }),
  children: async () => items(await request<Page<Child> | Child[]>('GET', '/family/children')),
  addChild: (child: ChildInput) => request<Child>('POST', '/family/children', { body: child }),
  updateChild: (id: string, child: Partial<ChildInput>) => request<Child>('PATCH', `/family/children/${encodeURIComponent(id)}`, { body: child }),
  removeChild: (id: string) => request<void>('DELETE', `/family/children/${encodeURIComponent(id)}`),

  book: async (booking: BookingRequest, idempotencyKey: string): Promise<BookingResult[]> => {
    const answer = await request<BookingResult | Page<BookingResult>>('POST', '/registrations', {
      body: booking,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    return 'items' in answer ? answer.items : [answer];
  },
  myRegistrations: async () => items(await request<Page<FamilyRegistration>>('GET', '/family/registrations')),
  cancelRegistration: (id: string) => request<void>('DELETE', `/registrations/${encodeURIComponent(id)}`),
  exportUrl: '/api/family/export',
  eraseFamily: () => request<void>('DELETE', '/family'),

  providerOffers: async () => items(await request<Page<Offer>>('GET', '/provider/offers')),
  providerOffer: (id: string) => request<Offer>('GET', `/provider/offers/${encodeURIComponent(id)}`),
  createOffer: (draft: OfferInput) => request<Offer>('POST', '/provider/offers', { body: draft }),
  updateOffer: (id: string, patch: OfferPatch) => request<Offer>('PATCH', `/provider/offers/${encodeURIComponent(id)}`, { body: patch }),
  participants: async (offerId: string) => items(await request<Page<Participant>>('GET', `/provider/offers/${encodeURIComponent(offerId)}/participants`)),
  attendance: (offerId: string, sessionId: string) =>
    request<AttendanceInput>('GET', `/provider/offers/${encodeURIComponent(offerId)}/sessions/${encodeURIComponent(sessionId)}/attendance`),
  setAttendance: (offerId: string, sessionId: string, marks: AttendanceInput) =>
    request<AttendanceInput>('PUT', `/provider/offers/${encodeURIComponent(offerId)}/sessions/${encodeURIComponent(sessionId)}/attendance`, { body: marks }),
  attendanceCsvUrl: (offerId: string) => `/api/provider/offers/${encodeURIComponent(offerId)}/attendance.csv`,
  attendancePdfUrl: (offerId: string) => `/api/provider/offers/${encodeURIComponent(offerId)}/attendance.pdf`,

  dashboard: (query: DashboardQuery) => request<Dashboard>('GET', '/dashboard', { query }),
  dashboardCsvUrl: (query: DashboardQuery) => `/api/dashboard.csv${toSearch(query)}`,
};
