import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { createSignal } from 'solid-js';
import { readStored, writeStored } from '../lib/storage';
import { catalog, type Locale } from './catalog';

export type { Locale };
export const locales: Locale[] = ['de', 'en'];

const STORAGE_KEY = 'rk_locale';
const dictionaries = { de: flatten(catalog.de), en: flatten(catalog.en) };

function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const stored = fromUrl ?? readStored(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'de';
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
document.documentElement.lang = locale();

export { locale };

export function setLocale(next: Locale) {
  setLocaleSignal(next);
  writeStored(STORAGE_KEY, next); // remembered where the browser allows it
  document.documentElement.lang = next;
}

/** The one translator; every visible text goes through it. */
export const t = translator(() => dictionaries[locale()], resolveTemplate);

/**
 * The API and the shared schemas write messages as "Deutsch / English"; show the half that
 * matches the language, or the whole message if it has no such split.
 */
export function localizeMessage(message: string): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return (locale() === 'de' ? parts[0] : parts[1]) ?? message;
}
