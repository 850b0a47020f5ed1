import { timedWorkSettingsSchema, type TimedWorkSettings } from '../../shared/schemas/region.js';
import type { Ports } from '../ports/index.js';

/** The region's timed-work rules, with the defaults for whatever the region did not set. */
export async function timedWorkSettings(ports: Pick<Ports, 'region'>): Promise<TimedWorkSettings> {
  const region = await ports.region.getRegion();
  return timedWorkSettingsSchema.parse(region?.timedWork ?? {});
}
