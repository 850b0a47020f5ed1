import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';

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

/**
 * The region's jobs, by the name a schedule's input carries. Empty until timed work lands
 * (registration opening, offered places, reminders, the draw, retention); the first job brings
 * the ports from the composition root (`buildRuntime(loadConfig(env, 'scheduled'), 'scheduled')`),
 * which until then would only add the SDK to a bundle that sends nothing.
 */
export const jobs = {} satisfies Record<string, Job>;
export type JobName = keyof typeof jobs;

export const handler = createScheduledHandler(jobs);
