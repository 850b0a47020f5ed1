import { t } from '../i18n';
import { webcalUrl } from '../lib/ical-links';

/**
 * A feed of the API as two links: the file itself (a real download, never the app's router:
 * `rel="external"` and `download` make @solidjs/router leave the click to the browser), and the
 * `webcal:` address a calendar app subscribes to.
 */
export function CalendarLinks(props: { href: string; label: string; fileName: string }) {
  return (
    <span class="ical-links">
      <a class="ical-link" href={props.href} rel="external" download={props.fileName} type="text/calendar">
        {props.label}
      </a>
      <a class="ical-link" href={webcalUrl(location.origin, props.href)} rel="external">
        {t('calendar.webcal')}
      </a>
    </span>
  );
}
