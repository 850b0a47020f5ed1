import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { locale } from './index';
import { programmeAdminDe, programmeAdminEn } from './programme-admin-texts';
import { programmeDe, programmeEn } from './programme-texts';

const dictionaries = {
  de: flatten({ programme: programmeDe, programmeAdmin: programmeAdminDe }),
  en: flatten({ programme: programmeEn, programmeAdmin: programmeAdminEn }),
};

/**
 * The translator of the holiday-programme pages (and the booking panel's lottery case): their
 * texts load with those pages, not with the calendar every visitor opens first. Same language,
 * same `{{ name }}` templates as `t`.
 */
export const tp = translator(() => dictionaries[locale()], resolveTemplate);
