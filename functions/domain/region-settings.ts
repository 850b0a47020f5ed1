import { timedWorkSettingsSchema, type OpenDataLicence, type Region, type TimedWorkSettings } from '../../shared/schemas/region.js';
import type { Ports } from '../ports/index.js';

/** The region's timed-work rules, with the defaults for whatever the region did not set. */
export async function timedWorkSettings(ports: Pick<Ports, 'region'>): Promise<TimedWorkSettings> {
  const region = await ports.region.getRegion();
  return timedWorkSettingsSchema.parse(region?.timedWork ?? {});
}

/** Open data's default: anyone may reuse it, naming the region (the demo's and most municipalities' choice). */
const CC_BY_4: OpenDataLicence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

/** The licence the region publishes its open data under. */
export const openDataLicence = (region: Region | undefined): OpenDataLicence => region?.openDataLicence ?? CC_BY_4;
