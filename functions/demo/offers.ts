import { TZDate } from '@date-fns/tz';
import type { Offer } from '../../shared/schemas/offer.js';
import { demoMunicipalities, demoProviders } from './region.js';

/** Adds `days` to a `YYYY-MM-DD` day. */
export const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** `day` at `time` (HH:MM) in `timeZone`, as ISO 8601 with that zone's offset. */
const at = (day: string, time: string, timeZone: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, 0, timeZone).toISOString().replace('.000', '');
};

type Template = Pick<Offer, 'title' | 'description' | 'category' | 'kind' | 'ageRange' | 'price' | 'waitlist' | 'bookingMode'> & {
  slug: string;
  providerId: string;
  place: string;
  accessibility?: string;
  /** First session, in days from the seed day. */
  startsIn: number;
  /** Registration opens this many days from the seed day (negative: already open). */
  opensIn: number;
  /** Sessions: how many, how many days apart, from when to when. */
  sessions: { count: number; everyDays: number; from: string; to: string };
  /** One unit per entry: label and capacity. */
  units: [label: string, capacity: number][];
  /** The units follow one another (care weeks): the sessions are shared out in order, week 1 the first days. */
  unitsInTurn?: true;
  /** The municipalities where this template runs, each a separate offer. */
  in: string[];
  /** Part of the demo holiday programme: places drawn at its close, first come first served after. */
  inProgramme?: true;
};

/** The demo programme "Sommer …": its wish window closes this many days after the seed day, at 08:00. */
export const DEMO_WISH_CLOSES_IN = 7;
/** Summer holidays, in days from the seed day (about seven months). */
const SUMMER = 215;
/** The demo programme's id, `sommer-<year of its summer>`; the seed day decides the year. */
export const demoProgrammeId = (today: string) => `sommer-${addDays(today, SUMMER).slice(0, 4)}`;

const course = (count: number, from: string, to: string) => ({ count, everyDays: 7, from, to });
const once = (from: string, to: string) => ({ count: 1, everyDays: 1, from, to });
const group = (capacity: number): [string, number][] => [['Gruppe / group', capacity]];

const templates: Template[] = [
  {
    slug: 'babyschwimmen',
    title: 'Babyschwimmen',
    category: 'bewegung',
    kind: 'course',
    providerId: 'hallenbad-kirchau',
    description: 'Wassergewöhnung für Babys mit einem Elternteil, im 32 °C warmen Lehrschwimmbecken.',
    ageRange: { min: 0, max: 1 },
    price: { amount: 65, reduced: 45 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Hallenbad Kirchau, Lehrschwimmbecken',
    accessibility: 'Barrierefreier Zugang, Wickelraum',
    startsIn: 10,
    opensIn: -14,
    sessions: course(8, '09:30', '10:15'),
    units: group(8),
    in: ['kirchau'],
  },
  {
    slug: 'eltern-kind-turnen',
    title: 'Eltern-Kind-Turnen',
    category: 'bewegung',
    kind: 'course',
    providerId: 'sportunion-lindach',
    description: 'Klettern, balancieren, rollen: Bewegungslandschaften für Kinder mit einer Begleitperson.',
    ageRange: { min: 1, max: 3 },
    price: { amount: 40, reduced: 25 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Turnsaal Volksschule',
    startsIn: 5,
    opensIn: -21,
    sessions: course(10, '16:00', '17:00'),
    units: group(12),
    in: ['lindach', 'weidenbrunn', 'obernberg', 'kirchau'],
  },
  {
    slug: 'spielgruppe-oma-opa',
    title: 'Spielgruppe für Großeltern und Enkel',
    category: 'treffpunkt',
    kind: 'group',
    providerId: 'eltern-kind-zentrum',
    description: 'Gemeinsam spielen, singen und jausnen: eine Gruppe für Omas, Opas und ihre Enkelkinder.',
    ageRange: { min: 1, max: 5 },
    price: { amount: 0 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Eltern-Kind-Zentrum, Spielraum',
    accessibility: 'Ebenerdig, Kinderwagenabstellplatz',
    startsIn: 3,
    opensIn: -30,
    sessions: course(12, '09:00', '11:00'),
    units: group(10),
    in: ['obernberg', 'kirchau'],
  },
  {
    slug: 'ferienbetreuung-sommer',
    title: 'Ferienbetreuung Sommer (2 Wochen)',
    category: 'ferien',
    kind: 'holiday_care',
    providerId: 'hilfswerk-sonnental',
    description: 'Durchgehende Ganztagsbetreuung mit Ausflügen, Spielen und Mittagessen. Wochen einzeln buchbar.',
    ageRange: { min: 6, max: 12 },
    price: { amount: 120, reduced: 80 },
    waitlist: true,
    bookingMode: 'lottery',
    place: 'Volksschule Weidenbrunn',
    startsIn: SUMMER,
    opensIn: DEMO_WISH_CLOSES_IN,
    sessions: { count: 10, everyDays: 1, from: '07:30', to: '16:00' },
    units: [
      ['Woche 1 / week 1', 20],
      ['Woche 2 / week 2', 20],
    ],
    unitsInTurn: true,
    in: ['weidenbrunn'],
    inProgramme: true,
  },
  {
    slug: 'ferienbetreuung-semester',
    title: 'Ferienbetreuung Semesterferien',
    category: 'ferien',
    kind: 'holiday_care',
    providerId: 'hilfswerk-sonnental',
    description: 'Eine Woche Betreuung in den Semesterferien: Werken, Schnee, Spiele.',
    ageRange: { min: 6, max: 12 },
    price: { amount: 95, reduced: 60 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Hort',
    startsIn: 21,
    opensIn: -7,
    sessions: { count: 5, everyDays: 1, from: '07:30', to: '16:00' },
    units: [['Woche / week', 15]],
    in: ['lindach', 'kirchau'],
  },
  {
    slug: 'erziehungsalltag',
    title: 'Bildungsreihe „Herausforderungen im Erziehungsalltag“',
    category: 'elternbildung',
    kind: 'course',
    providerId: 'eltern-kind-zentrum',
    description: 'Vier Abende für Eltern: Grenzen setzen, Geschwisterstreit, Medien, Einschlafen. Kinderbetreuung auf Anfrage.',
    ageRange: { min: 0, max: 99 },
    price: { amount: 20 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Gemeindesaal',
    startsIn: 8,
    opensIn: -10,
    sessions: course(4, '19:00', '21:00'),
    units: group(25),
    in: ['obernberg', 'lindach', 'weidenbrunn'],
  },
  {
    slug: 'erste-hilfe-kleinkind',
    title: 'Erste Hilfe am Kleinkind',
    category: 'gesundheit',
    kind: 'event',
    providerId: 'rotes-kreuz-kirchau',
    description: 'Notfälle bei Babys und Kleinkindern erkennen und richtig handeln. Ein Abend, viel Praxis.',
    ageRange: { min: 0, max: 99 },
    price: { amount: 15 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Rotkreuz-Haus',
    startsIn: 12,
    opensIn: -5,
    sessions: once('18:00', '22:00'),
    units: group(2),
    in: ['kirchau', 'weidenbrunn'],
  },
  {
    slug: 'offener-familientreff',
    title: 'Offener Familientreff',
    category: 'treffpunkt',
    kind: 'event',
    providerId: 'gemeinde-obernberg',
    description: 'Kaffee für die Großen, Spielecke für die Kleinen: einfach vorbeikommen, Anmeldung hilft bei der Planung.',
    ageRange: { min: 0, max: 10 },
    price: { amount: 0 },
    waitlist: false,
    bookingMode: 'fcfs',
    place: 'Pfarrheim',
    startsIn: 2,
    opensIn: -20,
    sessions: once('15:00', '17:30'),
    units: group(30),
    in: ['obernberg', 'kirchau', 'lindach', 'weidenbrunn'],
  },
  {
    slug: 'musikgarten',
    title: 'Musikgarten',
    category: 'kreativ',
    kind: 'course',
    providerId: 'musikschule-sonnental',
    description: 'Singen, tanzen, Instrumente entdecken: musikalische Früherziehung.',
    ageRange: { min: 2, max: 4 },
    price: { amount: 70, reduced: 50 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Musikschule, Raum 3',
    startsIn: 30,
    opensIn: 4,
    sessions: course(10, '10:00', '10:45'),
    units: group(10),
    in: ['lindach', 'kirchau', 'obernberg'],
  },
  {
    slug: 'vorlesestunde',
    title: 'Vorlesestunde mit Basteln',
    category: 'kreativ',
    kind: 'event',
    providerId: 'bibliothek-obernberg',
    description: 'Eine Bilderbuchgeschichte und danach wird gebastelt.',
    ageRange: { min: 3, max: 7 },
    price: { amount: 0 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Gemeindebibliothek',
    startsIn: 6,
    opensIn: -12,
    sessions: once('15:00', '16:30'),
    units: group(3),
    in: ['obernberg', 'weidenbrunn', 'kirchau', 'lindach'],
  },
  {
    slug: 'kinderturnen',
    title: 'Kinderturnen',
    category: 'bewegung',
    kind: 'course',
    providerId: 'turnverein-weidenbrunn',
    description: 'Laufen, springen, werfen: Turnen für Kindergartenkinder.',
    ageRange: { min: 4, max: 6 },
    price: { amount: 35 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Turnhalle',
    startsIn: 4,
    opensIn: -25,
    sessions: course(12, '15:30', '16:30'),
    units: group(15),
    in: ['weidenbrunn', 'lindach', 'kirchau'],
  },
  {
    slug: 'waldtag',
    title: 'Familien-Waldtag',
    category: 'treffpunkt',
    kind: 'event',
    providerId: 'naturpark-verein',
    description: 'Mit der Naturvermittlerin durch den Wald: Spuren lesen, Hütten bauen, Jause am Feuer.',
    ageRange: { min: 4, max: 12 },
    price: { amount: 8 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Treffpunkt Naturpark-Parkplatz',
    accessibility: 'Waldwege, nicht kinderwagentauglich',
    startsIn: 16,
    opensIn: -3,
    sessions: once('10:00', '14:00'),
    units: group(20),
    in: ['weidenbrunn', 'obernberg', 'lindach'],
  },
  {
    slug: 'kinderfreunde-werkstatt',
    title: 'Kreativwerkstatt',
    category: 'kreativ',
    kind: 'course',
    providerId: 'kinderfreunde-lindach',
    description: 'Malen, töpfern, drucken: jede Woche ein neues Material.',
    ageRange: { min: 6, max: 10 },
    price: { amount: 30 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Kinderfreunde-Heim',
    startsIn: 9,
    opensIn: -8,
    sessions: course(6, '14:30', '16:00'),
    units: group(12),
    in: ['lindach', 'kirchau', 'obernberg'],
  },
  {
    slug: 'osterferien-camp',
    title: 'Osterferien-Camp',
    category: 'ferien',
    kind: 'holiday_care',
    providerId: 'sportunion-lindach',
    description: 'Sport und Spiel in den Osterferien, Vormittagsbetreuung mit Jause.',
    ageRange: { min: 6, max: 14 },
    price: { amount: 70 },
    waitlist: true,
    bookingMode: 'fcfs',
    place: 'Sportplatz Lindach',
    startsIn: 120,
    opensIn: 20,
    sessions: { count: 4, everyDays: 1, from: '08:00', to: '12:30' },
    units: [['Camp', 25]],
    in: ['lindach'],
  },
  {
    slug: 'kletterwoche',
    title: 'Kletterwoche',
    category: 'bewegung',
    kind: 'holiday_care',
    providerId: 'sportunion-lindach',
    description: 'Klettern in der Halle und am Fels, mit Seil und Helm, für Anfängerinnen und Anfänger. Wochen einzeln buchbar.',
    ageRange: { min: 8, max: 14 },
    price: { amount: 140, reduced: 90 },
    waitlist: true,
    bookingMode: 'lottery',
    place: 'Kletterhalle Lindach',
    startsIn: SUMMER,
    opensIn: DEMO_WISH_CLOSES_IN,
    sessions: { count: 10, everyDays: 1, from: '09:00', to: '15:00' },
    units: [
      ['Woche 1 / week 1', 8],
      ['Woche 2 / week 2', 8],
    ],
    unitsInTurn: true,
    in: ['lindach'],
    inProgramme: true,
  },
  {
    slug: 'reitertage',
    title: 'Reitertage am Naturparkhof',
    category: 'bewegung',
    kind: 'event',
    providerId: 'naturpark-verein',
    description: 'Drei Vormittage mit Ponys: putzen, füttern, reiten. Lange Hose und feste Schuhe.',
    ageRange: { min: 6, max: 12 },
    price: { amount: 60 },
    waitlist: true,
    bookingMode: 'lottery',
    place: 'Naturparkhof',
    startsIn: SUMMER + 2,
    opensIn: DEMO_WISH_CLOSES_IN,
    sessions: { count: 3, everyDays: 1, from: '09:00', to: '12:00' },
    units: group(10),
    in: ['weidenbrunn'],
    inProgramme: true,
  },
  {
    slug: 'naturforscher-woche',
    title: 'Naturforscher-Woche',
    category: 'kreativ',
    kind: 'holiday_care',
    providerId: 'naturpark-verein',
    description: 'Bach, Wiese und Wald erforschen: mit Lupe, Kescher und Forscherheft.',
    ageRange: { min: 6, max: 11 },
    price: { amount: 85, reduced: 55 },
    waitlist: true,
    bookingMode: 'lottery',
    place: 'Naturparkhaus',
    startsIn: SUMMER + 7,
    opensIn: DEMO_WISH_CLOSES_IN,
    sessions: { count: 5, everyDays: 1, from: '08:30', to: '12:30' },
    units: group(12),
    in: ['kirchau'],
    inProgramme: true,
  },
  {
    slug: 'theaterwerkstatt',
    title: 'Theaterwerkstatt in den Ferien',
    category: 'kreativ',
    kind: 'event',
    providerId: 'kinderfreunde-lindach',
    description: 'Vier Nachmittage Theater spielen, am letzten Tag Aufführung für die Familien.',
    ageRange: { min: 7, max: 13 },
    price: { amount: 40 },
    waitlist: true,
    bookingMode: 'lottery',
    place: 'Kulturhaus',
    startsIn: SUMMER + 1,
    opensIn: DEMO_WISH_CLOSES_IN,
    sessions: { count: 4, everyDays: 1, from: '14:00', to: '17:00' },
    units: group(12),
    in: ['obernberg', 'lindach'],
    inProgramme: true,
  },
  {
    slug: 'stillcafe',
    title: 'Still- und Babycafé',
    category: 'gesundheit',
    kind: 'group',
    providerId: 'pfarre-kirchau',
    description: 'Austausch für Eltern mit Babys, begleitet von einer Hebamme.',
    ageRange: { min: 0, max: 1 },
    price: { amount: 0 },
    waitlist: false,
    bookingMode: 'fcfs',
    place: 'Pfarrheim',
    startsIn: 1,
    opensIn: -30,
    sessions: course(6, '09:30', '11:00'),
    units: group(12),
    in: ['kirchau', 'weidenbrunn', 'lindach'],
  },
];

/**
 * The demo offers, dated relative to `today` so that some are open now, some open later,
 * some run a lottery and some have only two or three places.
 */
export function demoOffers(today: string, timeZone: string): Offer[] {
  const providerName = new Map(demoProviders.map((p) => [p.id, p.name]));
  const municipalityName = new Map(demoMunicipalities.map((m) => [m.id, m.name]));
  return templates.flatMap((t) =>
    t.in.map((municipalityId, i): Offer => {
      const firstDay = addDays(today, t.startsIn + i * 2);
      const days = Array.from({ length: t.sessions.count }, (_, n) => addDays(firstDay, n * t.sessions.everyDays));
      const perUnit = Math.ceil(t.sessions.count / t.units.length);
      const sessions = days.map((day, n) => ({
        id: `s${n + 1}`,
        start: at(day, t.sessions.from, timeZone),
        end: at(day, t.sessions.to, timeZone),
        place: t.place,
        ...(t.unitsInTurn && { unitId: `u${Math.floor(n / perUnit) + 1}` }),
      }));
      return {
        id: `${t.slug}-${municipalityId}`,
        title: t.title,
        description: t.description,
        category: t.category,
        kind: t.kind,
        status: 'published',
        municipalityId,
        providerId: t.providerId,
        providerName: providerName.get(t.providerId),
        address: `${t.place}, ${municipalityName.get(municipalityId)}`,
        accessibility: t.accessibility,
        bookingMode: t.bookingMode,
        programmeId: t.inProgramme && demoProgrammeId(today),
        waitlist: t.waitlist,
        ageRange: t.ageRange,
        registrationOpens: at(addDays(today, t.opensIn), '08:00', timeZone),
        registrationCloses: at(addDays(firstDay, -1), '23:59', timeZone),
        price: t.price,
        sessions,
        units: t.units.map(([label, capacity], n) => ({ id: `u${n + 1}`, label, capacity, confirmed: 0, waiting: 0 })),
      };
    }),
  );
}
