import { onCleanup, onMount } from 'solid-js';
import { HEIGHT_MESSAGE } from '../../embed/protocol';
import { t } from '../../i18n';
import { usePageTitle } from '../../lib/page';
import { useQueryParams } from '../../lib/search';
import { useRegion } from '../../stores/region';
import { CalendarView } from '../calendar/calendar-view';

/** Tells the framing page the calendar's height whenever it changes (web/src/embed/loader.ts). */
function postHeightToParent() {
  onMount(() => {
    if (window.parent === window) return;
    // The body, not the document: the document is never shorter than the frame, so it could not shrink.
    const post = () => window.parent.postMessage({ type: HEIGHT_MESSAGE, height: Math.ceil(document.body.getBoundingClientRect().height) }, '*');
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    onCleanup(() => observer.disconnect());
  });
}

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
  postHeightToParent();
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
