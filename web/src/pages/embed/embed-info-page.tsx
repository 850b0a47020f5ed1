import { For, createSignal, createUniqueId } from 'solid-js';
import { t } from '../../i18n';
import { usePageTitle } from '../../lib/page';
import { useRegion } from '../../stores/region';

/** The snippet a municipality pastes into its website; documented in web/EMBED.md as well. */
function embedSnippet(origin: string, municipality: string, title: string) {
  const src = `${origin}/embed${municipality ? `?municipality=${encodeURIComponent(municipality)}` : ''}`;
  return `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="700" loading="lazy" style="border:0"></iframe>`;
}

export default function EmbedInfoPage() {
  const { municipalities, municipalityName, region } = useRegion();
  // "Alle" embeds the whole region: the frame's title names it, as a screen reader announces it.
  const calendarName = () => (municipality() ? municipalityName(municipality()) : (region()?.name ?? 'regiokurs'));
  const [municipality, setMunicipality] = createSignal('');
  const id = createUniqueId();
  const snippet = () => embedSnippet(location.origin, municipality(), t('embed.frameTitle', { name: calendarName() }));
  usePageTitle(() => t('embed.title'));
  return (
    <div class="page narrow-page">
      <h1>{t('embed.title')}</h1>
      <p class="lead">{t('embed.lead')}</p>
      <div class="field">
        <label for={`${id}-m`}>{t('embed.municipality')}</label>
        <select id={`${id}-m`} value={municipality()} onChange={(e) => setMunicipality(e.currentTarget.value)}>
          <option value="">{t('calendar.all')}</option>
          <For each={municipalities() ?? []}>{(m) => <option value={m.id}>{m.name}</option>}</For>
        </select>
      </div>
      <h2>{t('embed.snippet')}</h2>
      <pre class="snippet" tabindex="0">
        <code>{snippet()}</code>
      </pre>
      <h2>{t('embed.preview')}</h2>
      <iframe class="embed-preview" src={`/embed${municipality() ? `?municipality=${municipality()}` : ''}`} title={t('embed.preview')} loading="lazy" />
    </div>
  );
}
