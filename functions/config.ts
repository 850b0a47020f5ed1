import { randomBytes } from 'node:crypto';
import * as z from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every program the platform runs as; each loads the configuration for itself (see runtime.ts). */
export type EntryPoint = 'api' | 'exports' | 'stream' | 'scheduled' | 'local' | 'tool';
/** The entry points deployed as Lambda functions, each with its own grants. */
export type CloudEntryPoint = Extract<EntryPoint, 'api' | 'exports' | 'stream' | 'scheduled'>;

const configSchema = z
  .object({
    /** Not `MODE`: Vite and Vitest set that one. `local` enables the outbox mailer and /api/dev routes; `cloud` uses SES. */
    APP_MODE: z.enum(['local', 'cloud']).default('local'),
    /** Defaults to `regiokurs` locally; the cloud names its table, so no function reads a wrong one. */
    TABLE_NAME: z.string().min(3).optional(),
    /** Set for DynamoDB Local; unset in the cloud, where the SDK finds the endpoint itself. */
    DYNAMODB_ENDPOINT: z.url().optional(),
    AWS_REGION: z.string().default('eu-central-1'),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET needs at least 32 characters').optional(),
    /** The region's zone: Europe/Vienna by default locally; the cloud names it. */
    TIME_ZONE: z.enum(['Europe/Vienna', 'Europe/Berlin']).optional(),
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    // 0 lets the OS pick a free port (tests); the URL printed at start says which.
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Where `npm start` listens: this machine only, unless a demo must be reachable from others (`0.0.0.0`). */
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().default('.data'),
    /** Test only: the share (0–1) of DynamoDB calls that fail as a transaction conflict would. */
    FAULT_RATE: z.coerce.number().min(0).max(1).default(0),
    COOKIE_SECURE: flag.optional(),
    /** The sender of e-mails, for the one function that sends them through SES (the stream function). */
    MAIL_FROM: z.email().optional(),
    /**
     * Cloud only (the API functions): the value CloudFront sends as X-Origin-Verify; when set, the
     * API refuses requests without it (api/origin-lock.ts). Read from ORIGIN_VERIFY_SECRET_ARN at run time.
     */
    ORIGIN_VERIFY_SECRET: z.string().min(32, 'ORIGIN_VERIFY_SECRET needs at least 32 characters').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.APP_MODE !== 'cloud') return;
    for (const name of ['TABLE_NAME', 'TIME_ZONE'] as const) {
      if (c[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required in the cloud` });
    }
  })
  .transform((c) => ({
    ...c,
    TABLE_NAME: c.TABLE_NAME ?? 'regiokurs',
    TIME_ZONE: c.TIME_ZONE ?? 'Europe/Vienna',
    // Locally a random one per process (npm start keeps one per data folder: local-server.ts), so
    // no documented secret signs tokens anywhere; the cloud must bring its own.
    SESSION_SECRET: c.SESSION_SECRET ?? (c.APP_MODE === 'local' ? randomBytes(32).toString('hex') : ''),
    COOKIE_SECURE: c.COOKIE_SECURE ?? c.APP_MODE === 'cloud',
  }));
export type Config = z.infer<typeof configSchema>;

/**
 * What each entry point needs beyond the defaults: the application secret wherever sessions are
 * read or outbox mail is sealed or opened (all but the tools), SES's sender in the stream.
 */
const requirementsOf = (entry: EntryPoint) =>
  configSchema
    .refine((c) => entry === 'tool' || c.SESSION_SECRET.length >= 32, {
      message: 'SESSION_SECRET is required in the cloud (at least 32 characters)',
      path: ['SESSION_SECRET'],
    })
    .refine((c) => entry !== 'stream' || c.APP_MODE === 'local' || c.MAIL_FROM !== undefined, {
      message: 'MAIL_FROM is required for the stream function in the cloud',
      path: ['MAIL_FROM'],
    });

/** Parses the environment once; a missing or bad value stops the program with its name. */
export function loadConfig(env: Record<string, string | undefined> = process.env, entry: EntryPoint = 'local'): Config {
  const parsed = requirementsOf(entry).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
