import { t } from '../../i18n';
import { usePageTitle } from '../../lib/page';
import { useQueryParams } from '../../lib/search';
import { useRegion } from '../../stores/region';
import { CalendarView } from '../calendar/calendar-view';

/**
 * The calendar for a municipality's own website (in an iframe): no site header, the
 * municipality fixed by `?municipality=`, offers opening on the full site in a new tab.
 */
export default function EmbedPage() {
  const { get } = useQueryParams();
  const { municipalityName, region } = useRegion();
  const name = () => {
    const m = get('municipality');
    return m ? municipalityName(m) : (region()?.name ?? '');
  };
  usePageTitle(() => t('embed.frameTitle', { name: name() }));
  return (
    <main id="main" class="embed-main">
      <h1>{t('embed.frameTitle', { name: name() })}</h1>
      <CalendarView municipality={get('municipality')} linkTarget="_blank" linkBase={location.origin} />
      <p>
        <a href={`${location.origin}/${get('municipality') ? `?municipality=${get('municipality')}` : ''}`} target="_blank" rel="noopener">
          {t('embed.openFull')}
        </a>
      </p>
      {/* The statements apply to the framed calendar too; they open on the full site. */}
      <ul class="footer-links">
        <li>
          <a href={`${location.origin}/datenschutz`} target="_blank" rel="noopener">
            {t('footer.privacy')}
          </a>
        </li>
        <li>
          <a href={`${location.origin}/barrierefreiheit`} target="_blank" rel="noopener">
            {t('footer.accessibility')}
          </a>
        </li>
      </ul>
    </main>
  );
}
