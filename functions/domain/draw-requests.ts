import { drawSnapshotSchema, type DrawSnapshot } from '../../shared/schemas/draw-snapshot.js';
import type { FamilyResult, FairnessReport, Programme, UnitCutoff } from '../../shared/schemas/programme.js';
import type { Ports } from '../ports/index.js';
import type { StoredProgramme } from '../ports/programmes.js';
import { InvalidStateError, NotFoundError } from './errors.js';
import { programmeAnswer, storedProgramme } from './programmes.js';

/*
 * The draw as the API sees it: asking for it, and reading what it published. The draw itself
 * and its writes (draw-publication.ts, a due job) stay out of the API's bundle.
 */

type RequestPorts = Pick<Ports, 'programmes' | 'dueWork' | 'clock'>;

/**
 * A region admin enters the randomness (only once the input is frozen, so its hash was public
 * before). The draw then runs as due work; asking again with the same randomness answers the
 * same, another randomness once one was entered is refused: no drawing again until one likes it.
 */
export async function requestDraw(ports: RequestPorts, programmeId: string, randomness: string): Promise<Programme> {
  const programme = await storedProgramme(ports, programmeId);
  if (programme.status === 'drawing' || programme.status === 'published') {
    if (programme.randomness !== randomness) {
      throw new InvalidStateError('Die Verlosung läuft schon mit einer anderen Zufallszahl / the draw already runs with another randomness', 'randomness');
    }
    // Asking again while it runs files the job again, should the first filing have been lost.
    if (programme.status === 'drawing') await ports.dueWork.schedule({ kind: 'programme-draw', subject: programmeId, dueAt: ports.clock.now().toISOString() });
    return programmeAnswer(programme);
  }
  if (programme.status === 'frozen' && !programme.inputHash) {
    throw new InvalidStateError('Die Wünsche werden gerade eingefroren / the wishes are being frozen', 'randomness');
  }
  if (programme.status !== 'frozen') {
    throw new InvalidStateError('Erst nach dem Einfrieren der Wünsche / only once the wishes are frozen', 'randomness');
  }
  const now = ports.clock.now().toISOString();
  const drawing: StoredProgramme = { ...programme, status: 'drawing', randomness, drawStartedAt: now, updatedAt: now };
  if (!(await ports.programmes.replaceProgramme(drawing, programme.updatedAt))) return requestDraw(ports, programmeId, randomness);
  await ports.dueWork.schedule({ kind: 'programme-draw', subject: programmeId, dueAt: now });
  return programmeAnswer(drawing);
}

/** The frozen snapshot, parsed; a programme not frozen yet has none. */
export async function programmeSnapshot(ports: Pick<Ports, 'programmes'>, programmeId: string): Promise<DrawSnapshot> {
  const json = await ports.programmes.getSnapshot(programmeId);
  if (!json) {
    throw new NotFoundError(
      'Kein Snapshot: noch nicht eingefroren oder nach der Einspruchsfrist gelöscht / no snapshot: not frozen yet, or erased after the objection period',
    );
  }
  return drawSnapshotSchema.parse(JSON.parse(json));
}

/** The family's result once the draw is published. */
export async function familyDrawResult(ports: Pick<Ports, 'programmes'>, householdId: string, programmeId: string): Promise<FamilyResult> {
  const programme = await storedProgramme(ports, programmeId);
  if (programme.status !== 'published') throw new InvalidStateError('Die Verlosung ist noch nicht veröffentlicht / the draw is not published yet');
  const stored = await ports.programmes.getResult(programmeId, householdId);
  if (!stored) throw new NotFoundError('Keine Wünsche in diesem Ferienprogramm / no wishes in this programme');
  const { householdId: _h, mailedAt: _m, ...result } = stored;
  return result;
}

/**
 * The fairness report; a municipality's coordinator sees the groups of its own residents
 * (and the totals), the region everything. It is anonymous: cells under 3 children are empty.
 */
export async function drawReport(
  ports: Pick<Ports, 'programmes'>,
  programmeId: string,
  municipalityScope: string,
): Promise<{ report: FairnessReport; cutoffs: UnitCutoff[] }> {
  const programme = await storedProgramme(ports, programmeId);
  if (!programme.report || !programme.cutoffs) throw new InvalidStateError('Die Verlosung ist noch nicht veröffentlicht / the draw is not published yet');
  const groups = programme.report.groups.filter((g) => municipalityScope === '*' || g.dimension !== 'municipality' || g.value === municipalityScope);
  return { report: { ...programme.report, groups }, cutoffs: programme.cutoffs };
}
