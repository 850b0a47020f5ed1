import * as z from 'zod';
import { municipalitySchema } from '../shared/schemas/region.js';

/** The `cdk.json` context key that holds a region's configuration. */
export const CONTEXT_KEY = 'regiokurs';

const domainSchema = z.object({
  /** The host name families type, e.g. `kurse.sonnental.at`; its DNS record points at CloudFront. */
  name: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case host name'),
  // CloudFront only accepts certificates from us-east-1, whatever region the rest lives in.
  certificateArn: z.string().regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, 'must be an ACM certificate ARN in us-east-1'),
});

const regionConfigSchema = z.strictObject({
  /** Lower-case slug that names the stacks and resources, e.g. `sonnental`. */
  id: z.string().regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, 'must be 3–32 lower-case letters, digits or hyphens'),
  /** Display name, e.g. "Kleinregion Sonnental". */
  name: z.string().min(1).max(120),
  municipalities: z.array(municipalitySchema).min(1, 'needs at least one municipality'),
  awsRegion: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region code such as eu-central-1')
    .default('eu-central-1'),
  timeZone: z.enum(['Europe/Vienna', 'Europe/Berlin']),
  domain: domainSchema.optional(),
  /** The From address of every e-mail; SES verifies its domain. */
  senderEmail: z.email(),
  /** Where alarms are sent; the address confirms the SNS subscription once. */
  alarmEmail: z.email(),
});

export type RegionConfig = z.infer<typeof regionConfigSchema>;

export class RegionConfigError extends Error {
  override name = 'RegionConfigError';
}

/** Validates the region's configuration; every problem is reported with its key, e.g. `regiokurs.senderEmail`. */
export function parseRegionConfig(raw: unknown): RegionConfig {
  if (raw === undefined) {
    throw new RegionConfigError(`Missing configuration: cdk.json needs a "context.${CONTEXT_KEY}" object (see docs/DEPLOY.md)`);
  }
  const parsed = regionConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${[CONTEXT_KEY, ...i.path].join('.')}: ${i.message}`);
    throw new RegionConfigError(`Invalid region configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
