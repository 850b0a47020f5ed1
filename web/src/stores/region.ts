import { createContext, createResource, useContext } from 'solid-js';
import { api } from '../api/client';
import { locale } from '../i18n';
import { setTimeZone } from '../i18n/format';

/** The region's name, zone, categories and municipalities: loaded once, used by every page. */
export function createRegion() {
  const [region] = createResource(async () => {
    const answer = await api.region();
    setTimeZone(answer.timeZone);
    return answer;
  });
  const [municipalities] = createResource(api.municipalities);
  return {
    region,
    municipalities,
    categoryName: (id: string) => region()?.categories.find((c) => c.id === id)?.name[locale()] ?? id,
    municipalityName: (id: string) => municipalities()?.find((m) => m.id === id)?.name ?? id,
  };
}

export type RegionStore = ReturnType<typeof createRegion>;
export const RegionContext = createContext<RegionStore>();

export function useRegion(): RegionStore {
  const region = useContext(RegionContext);
  if (!region) throw new Error('useRegion() outside <RegionContext.Provider>');
  return region;
}
