import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import { withRuntimeSecrets } from '../app-secret.js';
import { loadConfig } from '../config.js';
import { sweepTimedWork } from '../domain/jobs.js';
import { buildRuntime, type Runtime } from '../runtime.js';

/** A job EventBridge Scheduler can name; it validates its own payload (with the job's zod schema) and runs one use case. */
export type Job = (payload: unknown) => Promise<void>;

/** What a schedule's target input holds: `{"job": "<name>", "payload": {...}}`. */
const scheduledEvent = z.object({ job: z.string().min(1), payload: z.unknown() });

export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
}

const logger = new Logger();

/**
 * The scheduler entry for a table of jobs. An unknown name or a bad payload throws, so Lambda
 * retries and the event ends in the dead-letter queue, where an alarm points at it.
 */
export function createScheduledHandler(jobs: Readonly<Record<string, Job>>) {
  return async (event: unknown): Promise<void> => {
    const { job: name, payload } = scheduledEvent.parse(event);
    const job = Object.hasOwn(jobs, name) ? jobs[name] : undefined;
    if (!job) throw new UnknownJobError(`No scheduled job is named "${name}"`);
    const started = Date.now();
    await job(payload);
    logger.info('scheduled job done', { event: 'job.done', job: name, durationMs: Date.now() - started });
  };
}

/** Built on the first run, so that a cold start that fails on configuration fails loudly in that run. */
let runtime: Runtime | undefined;

/**
 * The region's jobs, by the name a schedule's input carries. One schedule a minute names
 * `sweep`: it runs all due work (registration openings, offered places' deadlines, reminders,
 * erasure) exactly as `npm start`'s timer does locally.
 */
export const jobs = {
  sweep: async () => {
    runtime ??= buildRuntime(loadConfig(await withRuntimeSecrets(process.env), 'scheduled'), 'scheduled');
    const { ports } = runtime;
    const erasures = (event: string, fields: object) => logger.info('personal data erased or checked', { event, ...fields });
    const ran = await sweepTimedWork(ports, {
      retention: erasures,
      // Kinds and ids only: jobs put no personal data into their errors.
      sweep: (event, fields) => logger.error(event === 'job.parked' ? 'due work parked' : 'due work failed, will retry', { event, ...fields }),
    });
    logger.info('sweep done', { event: 'sweep.done', ran: ran.length, failed: ran.filter((r) => r.outcome !== 'done').length });
  },
} satisfies Record<string, Job>;
export type JobName = keyof typeof jobs;

export const handler = createScheduledHandler(jobs);
