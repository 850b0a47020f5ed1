import type { Ports } from '../ports/index.js';
import { addMonths } from './offer-schedule.js';
import { timedWorkSettings } from './region-settings.js';

/**
 * Days after a draw's publication in which a family may object and anyone may re-run the draw
 * from its snapshot; then the snapshot and the wish lists are erased (GDPR Art. 5(1)(e)).
 */
const OBJECTION_DAYS = 28;

type RetentionPorts = Pick<Ports, 'programmes' | 'dueWork' | 'region' | 'clock'>;

const objectionEnds = (publishedAt: string) => new Date(Date.parse(publishedAt) + OBJECTION_DAYS * 86_400_000).toISOString();

/** Filed at publication: the first erasure falls due when the objection period ends. */
export const scheduleProgrammeRetention = (ports: Pick<Ports, 'dueWork'>, programmeId: string, publishedAt: string) =>
  ports.dueWork.schedule({ kind: 'programme-retention', subject: programmeId, dueAt: objectionEnds(publishedAt) });

/**
 * The due job: once the objection period is over, the snapshot and every wish list go; the
 * families' results (names and reasons) stay as long as the region keeps registrations, then go
 * too. Each step is safe to repeat; a run before its time files itself again.
 */
export async function eraseProgrammeData(ports: RetentionPorts, programmeId: string): Promise<void> {
  const programme = await ports.programmes.getProgramme(programmeId);
  if (!programme?.publishedAt) return;
  const now = ports.clock.now().toISOString();
  const firstStep = objectionEnds(programme.publishedAt);
  if (now < firstStep) return ports.dueWork.schedule({ kind: 'programme-retention', subject: programmeId, dueAt: firstStep });
  await ports.programmes.deleteProgrammeData(programmeId, 'snapshot-and-wishes');
  const lastStep = addMonths(programme.publishedAt, (await timedWorkSettings(ports)).retentionMonths);
  if (now < lastStep) return ports.dueWork.schedule({ kind: 'programme-retention', subject: programmeId, dueAt: lastStep });
  await ports.programmes.deleteProgrammeData(programmeId, 'results');
}
