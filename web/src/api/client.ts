import type * as z from 'zod';
import type { Me, createSessionBody, requestCodeBody, sessionAnswer } from '../../../shared/schemas/auth';
import type { Page, Problem } from '../../../shared/schemas/common';
import type { Dashboard, DashboardQuery } from '../../../shared/schemas/dashboard';
import type { FeedbackInput } from '../../../shared/schemas/feedback';
import type { FamilyFeedCreated, FamilyFeedInput, FamilyFeedStatus } from '../../../shared/schemas/calendar-feed';
import type { Child, ChildInput, GuardianInput, HouseholdAnswer, childPatch, childSchema } from '../../../shared/schemas/household';
import type { CatalogOffer, Offer, OfferDetail, OfferListQuery, calendarQuery, catalogOfferSchema } from '../../../shared/schemas/offer';
import type {
  AttendanceInput,
  AttendanceMark,
  OfferInput,
  OfferPatch,
  Participant,
  ProviderOffer,
  participantSchema,
  providerOfferSchema,
} from '../../../shared/schemas/provider';
import type { FamilyResult, ProgrammeDetail, WishesAnswer, WishesInput } from '../../../shared/schemas/programme';
import type { Region, municipalitySchema } from '../../../shared/schemas/region';
import type { FairnessReport, Programme, ProgrammeInput, ProgrammePatch, UnitCutoff, drawRequest } from '../../../shared/schemas/programme';
import type {
  BookingRequest,
  BookingResponse,
  FamilyRegistration,
  OpeningNotice,
  Registration,
  familyRegistrationSchema,
  openingNoticeSchema,
} from '../../../shared/schemas/registration';

/*
 * Every request and answer type below is inferred from the shared zod schemas the API validates
 * with and answers by (types only: no zod at runtime here), so a field the API has cannot fall
 * out of the web app unnoticed.
 */
export type { AttendanceInput, AttendanceMark, CatalogOffer, Child, ChildInput, Dashboard, DashboardQuery, FamilyRegistration, GuardianInput };
export type { Me, Offer, OfferInput, OfferPatch, OpeningNotice, Participant, ProviderOffer, Region, Registration };
export type { FamilyResult, ProgrammeDetail, WishesAnswer, WishesInput };
/** One ranked wish of a child: a unit of one of the programme's offers. */
export type Wish = WishesInput['children'][number]['wishes'][number];
export type { FairnessReport, Programme, ProgrammeInput, ProgrammePatch, UnitCutoff };
/** The household as the API answers it. */
export type Household = HouseholdAnswer;
/** A catalog search: the list query's fields, every one optional (the server applies the defaults). */
export type OfferQuery = Partial<OfferListQuery>;

/** Every failed call: the server's problem+json, or one made up for a network failure. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly problem: Problem,
    options?: ErrorOptions,
  ) {
    super(problem.title, options);
  }
  get status() {
    return this.problem.status;
  }
}

type Query = Record<string, string | number | boolean | undefined>;
type Options = { query?: Query; body?: unknown; headers?: Record<string, string> };

/** `?a=1&b=x` from the defined values only, so empty filters never reach the URL. */
function toSearch(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The page's language as the i18n module keeps it on `<html lang>`. */
const pageLanguage = () => (document.documentElement.lang === 'en' ? 'en' : 'de');

async function request<T>(method: string, path: string, { query, body, headers }: Options = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}${toSearch(query)}`, {
      method,
      credentials: 'same-origin',
      // The public reads may be kept a minute by others (functions/api/public-read.ts); the app
      // asks again every time, so a family sees the places its own booking just took. Unchanged
      // answers come back as a body-less 304 on the ETag.
      cache: 'no-cache',
      // The server answers its messages (problem+json) in the language the page is shown in.
      headers: {
        Accept: 'application/json',
        'Accept-Language': pageLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
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

/** The one HTTP client of the web app; every call goes through `request`. */
export const api = {
  requestCode: (email: string) => request<void>('POST', '/auth/code', { body: { email } satisfies z.input<typeof requestCodeBody> }),
  signIn: (email: string, code: string) =>
    request<z.infer<typeof sessionAnswer>>('POST', '/auth/session', { body: { email, code } satisfies z.input<typeof createSessionBody> }),
  signOut: () => request<void>('DELETE', '/auth/session'),
  signOutEverywhere: () => request<void>('DELETE', '/auth/sessions'),
  sendFeedback: (input: FeedbackInput) => request<void>('POST', '/feedback', { body: input }),
  /** Who is signed in, or `undefined` for a visitor (answered 200, so a visit logs no failed request). */
  session: async () => (await request<{ user: Me | null }>('GET', '/auth/session')).user ?? undefined,

  region: () => request<Region>('GET', '/region'),
  municipalities: async () => (await request<Page<typeof municipalitySchema>>('GET', '/municipalities')).items,
  offers: (query: OfferQuery) => request<Page<typeof catalogOfferSchema>>('GET', '/offers', { query }),
  offer: (id: string) => request<OfferDetail>('GET', `/offers/${encodeURIComponent(id)}`),
  calendarUrl: (query: z.infer<typeof calendarQuery>) => `/api/calendar.ics${toSearch(query)}`,

  household: () => request<HouseholdAnswer>('GET', '/family/household'),
  saveGuardian: (guardian: GuardianInput) => request<HouseholdAnswer>('PUT', '/family/household', { body: guardian }),
  children: async () => (await request<Page<typeof childSchema>>('GET', '/family/children')).items,
  addChild: (child: ChildInput) => request<Child>('POST', '/family/children', { body: child }),
  updateChild: (id: string, child: z.infer<typeof childPatch>) => request<Child>('PATCH', `/family/children/${encodeURIComponent(id)}`, { body: child }),
  removeChild: (id: string) => request<void>('DELETE', `/family/children/${encodeURIComponent(id)}`),

  /** One registration per booked item, each with its unit and child as the API answers them. */
  book: async (booking: BookingRequest, idempotencyKey: string): Promise<Registration[]> => {
    const answer = await request<BookingResponse>('POST', '/registrations', {
      body: booking,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    return 'items' in answer ? answer.items : [answer];
  },
  myRegistrations: async () => (await request<Page<typeof familyRegistrationSchema>>('GET', '/family/registrations')).items,
  cancelRegistration: (id: string) => request<void>('DELETE', `/registrations/${encodeURIComponent(id)}`),
  /**
   * A place offered with a deadline (or, on a last call, a waitlisted one) taken: answers the
   * family's registrations offered together on that unit, now confirmed (all or none).
   */
  acceptOffer: async (id: string) => (await request<{ items: Registration[] }>('POST', `/registrations/${encodeURIComponent(id)}/accept`)).items,
  /** An offered place given up; it goes to the next family in line. */
  declineOffer: async (id: string) => (await request<{ items: Registration[] }>('POST', `/registrations/${encodeURIComponent(id)}/decline`)).items,
  /** The one extension of an offered place's deadline; answers the registrations with the later one. */
  extendOffer: async (id: string) => (await request<{ items: Registration[] }>('POST', `/registrations/${encodeURIComponent(id)}/extend`)).items,
  /** The offers whose opening of registration the family asked to be e-mailed about. */
  openingNotices: async () => (await request<Page<typeof openingNoticeSchema>>('GET', '/family/opening-notices')).items,
  addOpeningNotice: (offerId: string) => request<void>('PUT', `/family/opening-notices/${encodeURIComponent(offerId)}`),
  removeOpeningNotice: (offerId: string) => request<void>('DELETE', `/family/opening-notices/${encodeURIComponent(offerId)}`),
  exportUrl: '/api/family/export',
  eraseFamily: () => request<void>('DELETE', '/family'),
  /** The household's private calendar feed: whether it exists; its address only in `createFamilyFeed`'s answer. */
  familyFeed: () => request<FamilyFeedStatus>('GET', '/family/calendar-feed'),
  createFamilyFeed: (input: FamilyFeedInput) => request<FamilyFeedCreated>('POST', '/family/calendar-feed', { body: input }),
  revokeFamilyFeed: () => request<void>('DELETE', '/family/calendar-feed'),

  providerOffers: async () => (await request<Page<typeof providerOfferSchema>>('GET', '/provider/offers')).items,
  providerOffer: (id: string) => request<ProviderOffer>('GET', `/provider/offers/${encodeURIComponent(id)}`),
  createOffer: (draft: OfferInput) => request<ProviderOffer>('POST', '/provider/offers', { body: draft }),
  updateOffer: (id: string, patch: OfferPatch) => request<ProviderOffer>('PATCH', `/provider/offers/${encodeURIComponent(id)}`, { body: patch }),
  participants: async (offerId: string) =>
    (await request<Page<typeof participantSchema>>('GET', `/provider/offers/${encodeURIComponent(offerId)}/participants`)).items,
  attendance: (offerId: string, sessionId: string) =>
    request<AttendanceInput>('GET', `/provider/offers/${encodeURIComponent(offerId)}/sessions/${encodeURIComponent(sessionId)}/attendance`),
  setAttendance: (offerId: string, sessionId: string, marks: AttendanceInput) =>
    request<AttendanceInput>('PUT', `/provider/offers/${encodeURIComponent(offerId)}/sessions/${encodeURIComponent(sessionId)}/attendance`, { body: marks }),
  attendanceCsvUrl: (offerId: string) => `/api/provider/offers/${encodeURIComponent(offerId)}/attendance.csv`,
  attendancePdfUrl: (offerId: string) => `/api/provider/offers/${encodeURIComponent(offerId)}/attendance.pdf`,

  dashboard: (query: DashboardQuery) => request<Dashboard>('GET', '/dashboard', { query }),
  dashboardCsvUrl: (query: DashboardQuery) => `/api/dashboard.csv${toSearch(query)}`,

  // Holiday programmes (family and public)
  /** Every programme past its draft, for anyone. */
  programmes: async () => (await request<{ items: Programme[] }>('GET', '/programmes')).items,
  /** One programme with its published lottery offers and, once drawn, the proof and the fairness report. */
  programme: (id: string) => request<ProgrammeDetail>('GET', `/programmes/${encodeURIComponent(id)}`),
  wishes: (id: string) => request<WishesAnswer>('GET', `/family/programmes/${encodeURIComponent(id)}/wishes`),
  /** Replaces the family's whole wish list; refused wishes come back as 422 `errors[]` naming `children.N.wishes.M`. */
  saveWishes: (id: string, body: WishesInput) => request<WishesAnswer>('PUT', `/family/programmes/${encodeURIComponent(id)}/wishes`, { body }),
  /** The family's draw result; 409 until the draw is published. */
  drawResult: (id: string) => request<FamilyResult>('GET', `/family/programmes/${encodeURIComponent(id)}/result`),

  // Holiday programmes (region admin)
  /** Every programme, drafts included. */
  adminProgrammes: async () => (await request<{ items: Programme[] }>('GET', '/admin/programmes')).items,
  /** One programme, a draft too. */
  adminProgramme: (id: string) => request<Programme>('GET', `/admin/programmes/${encodeURIComponent(id)}`),
  createProgramme: (body: ProgrammeInput) => request<Programme>('POST', '/admin/programmes', { body }),
  /** Settings while a draft; `{status: 'wishing'}` publishes it. */
  updateProgramme: (id: string, patch: ProgrammePatch) => request<Programme>('PATCH', `/admin/programmes/${encodeURIComponent(id)}`, { body: patch }),
  /**
   * Answers the published programme (200), or `undefined` while the draw still runs (202: read
   * the programme again); another randomness after publication is refused (409).
   */
  runDraw: (id: string, body: z.input<typeof drawRequest>) =>
    request<Programme | undefined>('POST', `/admin/programmes/${encodeURIComponent(id)}/draw`, { body }),
  /** The fairness report and the units' cut-offs; a municipality's coordinator gets its residents' part. */
  programmeReport: (id: string) => request<{ report: FairnessReport; cutoffs: UnitCutoff[] }>('GET', `/admin/programmes/${encodeURIComponent(id)}/report`),
  /** The frozen, pseudonymous snapshot, for `npm run draw:replay`. */
  programmeReplayUrl: (id: string) => `/api/admin/programmes/${encodeURIComponent(id)}/replay`,
};
