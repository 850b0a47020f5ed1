import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { locale } from './index';
import { infoDe, infoEn } from './info-texts';

const dictionaries = { de: flatten({ info: infoDe }), en: flatten({ info: infoEn }) };

/** The translator of the information pages: their texts load with them, not with the calendar. */
export const ti = translator(() => dictionaries[locale()], resolveTemplate);
