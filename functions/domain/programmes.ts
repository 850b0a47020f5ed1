import { randomBytes } from 'node:crypto';
import { dayIn } from '../../shared/dates.js';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import { DRAW_ALGORITHM, type Programme, type ProgrammeDetail, type ProgrammeInput, type ProgrammePatch } from '../../shared/schemas/programme.js';
import type { Ports } from '../ports/index.js';
import type { StoredProgramme } from '../ports/programmes.js';
import { InvalidStateError, NotFoundError } from './errors.js';

export type ProgrammePorts = Pick<Ports, 'programmes' | 'offers' | 'dueWork' | 'clock' | 'timeZone'>;

/** What a programme reveals: everything but its pseudonym secret and stamps. */
export function programmeAnswer({ pseudonymKey: _key, createdAt: _c, updatedAt: _u, drawStartedAt: _d, ...programme }: StoredProgramme): Programme {
  return programme;
}

/**
 * What anyone may read: the report without the groups by municipality of residence, which are
 * the coordinators' (GET …/report); the totals, residents and non-residents, wish counts and age bands stay.
 */
function publicProgramme(stored: StoredProgramme): Programme {
  const programme = programmeAnswer(stored);
  if (!programme.report) return programme;
  return { ...programme, report: { ...programme.report, groups: programme.report.groups.filter((g) => g.dimension !== 'municipality') } };
}

/** Settings that stay open while families wish: words, and a later close (never an earlier one: a family may rely on it). */
const CHANGEABLE_WHILE_WISHING = new Set(['title', 'description', 'wishCloses', 'randomnessSource']);

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'programm';

/** A new programme, as a draft: its id from the title ("Sommer 2027" → `sommer-2027`). */
export async function createProgramme(ports: ProgrammePorts, input: ProgrammeInput, id?: string): Promise<Programme> {
  const now = ports.clock.now().toISOString();
  const base = id ?? slugOf(input.title);
  for (let n = 1; n <= 5; n++) {
    const programme: StoredProgramme = {
      ...input,
      id: n === 1 ? base : `${base}-${randomBytes(2).toString('hex')}`,
      status: 'draft',
      algorithm: DRAW_ALGORITHM,
      pseudonymKey: randomBytes(32).toString('hex'),
      createdAt: now,
      updatedAt: now,
    };
    if (await ports.programmes.createProgramme(programme)) return programmeAnswer(programme);
  }
  throw new InvalidStateError('Kennung schon vergeben / id taken', 'title');
}

/** The stored programme, or 404. */
export async function storedProgramme(ports: Pick<Ports, 'programmes'>, id: string): Promise<StoredProgramme> {
  const programme = await ports.programmes.getProgramme(id);
  if (!programme) throw new NotFoundError('Ferienprogramm nicht gefunden / programme not found');
  return programme;
}

/** Freezing happens at the close of the wish window: filed (or moved) whenever the window is set. */
const scheduleFreeze = (ports: ProgrammePorts, programme: StoredProgramme) =>
  ports.dueWork.schedule({ kind: 'programme-freeze', subject: programme.id, dueAt: new Date(programme.wishCloses).toISOString() });

/**
 * Changes settings (any while a draft; while families wish only words and a later close) and,
 * with `status: "wishing"`, publishes the programme: its wish window is then binding.
 */
export async function updateProgramme(ports: ProgrammePorts, id: string, patch: ProgrammePatch): Promise<Programme> {
  const before = await storedProgramme(ports, id);
  const { status, ...settings } = patch;
  if (before.status !== 'draft') {
    const locked = Object.keys(settings).filter((k) => !CHANGEABLE_WHILE_WISHING.has(k));
    if (before.status !== 'wishing' || locked.length > 0 || status) {
      throw new InvalidStateError('Diese Einstellungen sind nach der Veröffentlichung fest / these settings are fixed once published', locked[0] ?? 'status');
    }
    if (settings.wishCloses && Date.parse(settings.wishCloses) < Date.parse(before.wishCloses)) {
      throw new InvalidStateError('Die Wunschfrist kann nur verlängert werden / the wish window can only be extended', 'wishCloses');
    }
  }
  const after: StoredProgramme = { ...before, ...settings, status: status ?? before.status, updatedAt: ports.clock.now().toISOString() };
  if (status === 'wishing' && Date.parse(after.wishCloses) <= ports.clock.now().getTime()) {
    throw new InvalidStateError('Die Wunschfrist ist schon vorbei / the wish window has already closed', 'wishCloses');
  }
  if (Date.parse(after.wishOpens) >= Date.parse(after.wishCloses)) {
    throw new InvalidStateError('Wunschfrist endet vor ihrem Beginn / wishes close before they open', 'wishCloses');
  }
  if (!(await ports.programmes.replaceProgramme(after, before.updatedAt))) {
    throw new InvalidStateError('Inzwischen geändert, bitte neu laden / changed meanwhile, please reload');
  }
  if (after.status === 'wishing') await scheduleFreeze(ports, after);
  return programmeAnswer(after);
}

/** Programmes a visitor may see: every one past its draft. */
export async function listPublicProgrammes(ports: Pick<Ports, 'programmes'>): Promise<Programme[]> {
  return (await ports.programmes.listProgrammes()).filter((p) => p.status !== 'draft').map(publicProgramme);
}

export async function listAllProgrammes(ports: Pick<Ports, 'programmes'>): Promise<Programme[]> {
  return (await ports.programmes.listProgrammes()).map(programmeAnswer);
}

/** The programme's published offers, from the catalog (offers still running or to come). */
export async function programmeOffers(ports: Pick<Ports, 'offers' | 'clock' | 'timeZone'>, programmeId: string): Promise<CatalogOffer[]> {
  const today = dayIn(ports.timeZone, ports.clock.now());
  return (await ports.offers.listCatalog(today)).filter((o) => o.programmeId === programmeId);
}

/** One programme with its offers, as its public page shows it; a draft is not found. */
export async function programmeDetail(ports: ProgrammePorts, id: string): Promise<ProgrammeDetail> {
  const programme = await storedProgramme(ports, id);
  if (programme.status === 'draft') throw new NotFoundError('Ferienprogramm nicht gefunden / programme not found');
  return { ...publicProgramme(programme), offers: await programmeOffers(ports, id) };
}

/** The admin's view: drafts too. */
export async function adminProgramme(ports: Pick<Ports, 'programmes'>, id: string): Promise<Programme> {
  return programmeAnswer(await storedProgramme(ports, id));
}
