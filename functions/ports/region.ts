import type { Municipality, Provider, Region } from '../../shared/schemas/region.js';

/** The region's configuration, municipalities and providers. */
export interface RegionRepo {
  getRegion(): Promise<Region | undefined>;
  listMunicipalities(): Promise<Municipality[]>;
  listProviders(): Promise<Provider[]>;
  /** Strongly consistent, unless `recent`: then the copy this process read under a second ago will do (an e-mail's contact line). */
  getProvider(id: string, recent?: boolean): Promise<Provider | undefined>;
  /** False if one with that id exists. */
  createRegion(region: Region): Promise<boolean>;
  createMunicipality(municipality: Municipality): Promise<boolean>;
  createProvider(provider: Provider): Promise<boolean>;
  /** False if there is no such municipality or provider. */
  replaceMunicipality(municipality: Municipality): Promise<boolean>;
  replaceProvider(provider: Provider): Promise<boolean>;
}
