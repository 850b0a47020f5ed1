/**
 * Browser storage is optional: a browser that refuses it (third-party storage blocked in an
 * embedded frame, a private window, a full quota) throws on access, even on `window.localStorage`
 * itself. These read and write as far as the browser allows and never throw.
 */
type Area = 'localStorage' | 'sessionStorage';

function areaOf(area: Area, scope: Partial<Record<Area, Storage>>): Storage | undefined {
  try {
    return scope[area] ?? undefined;
  } catch {
    return undefined;
  }
}

export function readStored(key: string, area: Area = 'localStorage', scope: Partial<Record<Area, Storage>> = globalThis): string | undefined {
  try {
    return areaOf(area, scope)?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: string, area: Area = 'localStorage', scope: Partial<Record<Area, Storage>> = globalThis): boolean {
  try {
    const storage = areaOf(area, scope);
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
