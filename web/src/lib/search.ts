import { useSearchParams } from '@solidjs/router';

/** Search parameters as plain optional strings; setting '' or undefined removes one from the URL. */
export function useQueryParams() {
  const [params, setParams] = useSearchParams();
  const get = (name: string): string | undefined => {
    const v = params[name];
    const s = Array.isArray(v) ? v[0] : v;
    return s === undefined || s === '' ? undefined : s;
  };
  const set = (next: Record<string, string | undefined>, replace = false) => {
    const clean = Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v === '' ? undefined : v]));
    setParams(clean, { replace });
  };
  return { get, set };
}
